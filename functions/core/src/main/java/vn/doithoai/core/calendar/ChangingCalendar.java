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
import vn.doithoai.core.deadline.DeadlineStore;
import vn.doithoai.core.plan.PlanSchedules;
import vn.doithoai.core.plan.Plans;
import vn.doithoai.core.plan.RederivingPlans;

/**
 * Adding a day off or a working day after the data shipped — a newly announced swap (national, by the
 * platform administrator) or a local closure (a commune's administrator) — and deriving again the open
 * deadlines of every plan it moves. Each moved plan gets a new version, so its deadlines' schedules are
 * replaced and any fire of the old ones is stale.
 */
public final class ChangingCalendar {
  /** What an override changed. */
  public record Result(CalendarOverride override, String calendarVersion, List<String> plansMoved) {}

  private final Calendars calendars;
  private final RederivingPlans rederiving;
  private final Clock clock;

  public ChangingCalendar(Calendars calendars, DeadlineStore deadlines, Plans plans, PlanSchedules schedules,
      Clock clock) {
    this.calendars = Objects.requireNonNull(calendars);
    this.rederiving = new RederivingPlans(deadlines, plans, schedules);
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

    // every plan with an open deadline in the communes concerned: derive again, save the ones that moved
    List<String> moved = rederiving.rederive(c -> national || c.equals(actor.communeId()),
        p -> p.recalculated(calendars.forCommune(p.communeId()).version(), actor, clock.instant()));
    String version = calendars.forCommune(national ? "-" : actor.communeId()).version();
    return new Result(o, version, moved);
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
    return m;
  }
}
