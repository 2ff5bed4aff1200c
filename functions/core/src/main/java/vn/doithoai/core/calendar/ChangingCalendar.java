package vn.doithoai.core.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.doithoai.core.common.Role;
import vn.doithoai.core.common.Actor;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.Input;
import vn.doithoai.core.plan.RedatingCommunes;
import vn.doithoai.core.plan.Redating;

/**
 * Adding a day off or a working day after the data shipped — a newly announced swap (national, by the
 * platform administrator) or a local closure (a commune's administrator) — and deriving again the open
 * deadlines of every plan it moves: a commune's own override at once, a national one asynchronously, one unit of
 * work per commune ({@link RedatingCommunes}). Each moved plan gets a new version, so its deadlines' schedules are
 * replaced and any fire of the old ones is stale.
 */
public final class ChangingCalendar {
  /** What an override changed. */
  public record Result(CalendarOverride override, String calendarVersion, List<String> plansMoved,
      int communesQueued) {}

  private final Calendars calendars;
  private final RedatingCommunes redating;
  private final Clock clock;

  public ChangingCalendar(Calendars calendars, RedatingCommunes redating, Clock clock) {
    this.calendars = Objects.requireNonNull(calendars);
    this.redating = Objects.requireNonNull(redating);
    this.clock = Objects.requireNonNull(clock);
  }

  public Result add(Actor actor, Input in) {
    if (!actor.has(Role.ADMIN)) {
      throw DomainException.forbidden("điều chỉnh lịch làm việc");
    }
    LocalDate date = in.date("date").orElse(null);
    if (!in.has("date")) {
      in.error("date", "Vui lòng nhập ngày.");
    }
    String type = in.requiredText("type", 20, "loại điều chỉnh (day-off hoặc working-day)");
    if (!type.isEmpty() && !type.equals("day-off") && !type.equals("working-day")) {
      in.error("type", "Chọn day-off (ngày nghỉ) hoặc working-day (ngày làm việc).");
    }
    String reason = in.requiredText("reason", 300, "lý do");
    String source = in.requiredText("source", 300, "văn bản công bố (số, ngày, cơ quan)");
    if (date != null && (date.getYear() < WorkingCalendar.FIRST_YEAR || date.getYear() > WorkingCalendar.LAST_YEAR)) {
      in.error("date", "Ngày phải trong khoảng " + WorkingCalendar.FIRST_YEAR + "–" + WorkingCalendar.LAST_YEAR + ".");
    }
    in.check();
    boolean national = actor.platformAdmin();
    CalendarOverride o = new CalendarOverride(date, type.equals("working-day"),
        national ? CalendarOverride.Scope.NATIONAL : CalendarOverride.Scope.COMMUNE, reason, source);
    calendars.add(national ? Optional.empty() : Optional.of(actor.communeId()), o);

    // a commune's own override: its plans now, from its partition; a national one: one work item per commune
    String version = calendars.forCommune(national ? "-" : actor.communeId()).version();
    if (national) {
      return new Result(o, version, List.of(), redating.queueNational(Redating.Reason.CALENDAR, "", actor));
    }
    return new Result(o, version, redating.redateNow(actor.communeId(), actor), 0);
  }

  /** For the API: the override as JSON. */
  public static Map<String, Object> toJson(Result r) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("date", r.override().date().toString());
    m.put("type", r.override().workingDay() ? "working-day" : "day-off");
    m.put("scope", r.override().scope().name().toLowerCase(java.util.Locale.ROOT));
    m.put("reason", r.override().reason());
    m.put("source", r.override().source());
    m.put("calendarVersion", r.calendarVersion());
    m.put("plansMoved", r.plansMoved());
    m.put("communesQueued", r.communesQueued());
    return m;
  }
}
