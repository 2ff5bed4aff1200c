package vn.doithoai.core.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import vn.doithoai.core.common.Role;
import vn.doithoai.core.common.Actor;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.Input;
import vn.doithoai.core.deadline.DeadlineStore;
import vn.doithoai.core.plan.Plan;
import vn.doithoai.core.plan.PlanDeadline;
import vn.doithoai.core.plan.PlanSchedules;
import vn.doithoai.core.plan.Plans;

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
  private final DeadlineStore deadlines;
  private final Plans plans;
  private final PlanSchedules schedules;
  private final Clock clock;

  public ChangingCalendar(Calendars calendars, DeadlineStore deadlines, Plans plans, PlanSchedules schedules,
      Clock clock) {
    this.calendars = Objects.requireNonNull(calendars);
    this.deadlines = Objects.requireNonNull(deadlines);
    this.plans = Objects.requireNonNull(plans);
    this.schedules = Objects.requireNonNull(schedules);
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
    Set<String> seen = new LinkedHashSet<>();
    List<String> moved = new ArrayList<>();
    for (PlanDeadline d : deadlines.openDueBefore(java.time.Instant.MAX, 10_000)) {
      if (d.assignment() || (!national && !d.communeId().equals(actor.communeId()))
          || !seen.add(d.communeId() + "#" + d.planId())) {
        continue;
      }
      Optional<Plan> plan = plans.find(d.communeId(), d.planId());
      if (plan.isEmpty()) {
        continue;
      }
      List<PlanDeadline> now = schedules.openDeadlines(plan.get());
      if (!sameDates(now, stored(d.communeId(), d.planId()))) {
        Plan next = plan.get().recalculated(calendars.forCommune(d.communeId()).version(), actor, clock.instant());
        plans.save(next, schedules.openDeadlines(next));
        moved.add(next.id());
      }
    }
    String version = calendars.forCommune(national ? "-" : actor.communeId()).version();
    return new Result(o, version, moved);
  }

  private List<PlanDeadline> stored(String communeId, String planId) {
    return deadlines.openDueBefore(java.time.Instant.MAX, 10_000).stream()
        .filter(d -> d.communeId().equals(communeId) && d.planId().equals(planId)).toList();
  }

  private static boolean sameDates(List<PlanDeadline> a, List<PlanDeadline> b) {
    return key(a).equals(key(b));
  }

  private static Set<String> key(List<PlanDeadline> list) {
    Set<String> s = new java.util.TreeSet<>();
    for (PlanDeadline d : list) {
      s.add(d.id() + "@" + d.due() + "@" + d.steps().stream().map(x -> x.name() + x.at()).toList());
    }
    return s;
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
