package vn.doithoai.core.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import vn.doithoai.core.deadline.DeadlineStore;

/**
 * Deriving again the open deadlines of every plan a change may move (a calendar override, a confirmed rule) and
 * saving, with a new version, the plans whose deadlines moved: their schedules are replaced and any fire of the
 * old ones is stale.
 */
public final class RederivingPlans {
  private final DeadlineStore deadlines;
  private final Plans plans;
  private final PlanSchedules schedules;

  public RederivingPlans(DeadlineStore deadlines, Plans plans, PlanSchedules schedules) {
    this.deadlines = Objects.requireNonNull(deadlines);
    this.plans = Objects.requireNonNull(plans);
    this.schedules = Objects.requireNonNull(schedules);
  }

  /**
   * @param inScope which communes the change reaches
   * @param mark the moved plan with its new version and audit entry
   * @return the ids of the plans that moved
   */
  public List<String> rederive(Predicate<String> inScope, UnaryOperator<Plan> mark) {
    List<PlanDeadline> open = deadlines.openDueBefore(Instant.MAX, 10_000);
    Set<String> seen = new LinkedHashSet<>();
    List<String> moved = new ArrayList<>();
    for (PlanDeadline d : open) {
      if (d.assignment() || !inScope.test(d.communeId()) || !seen.add(d.communeId() + "#" + d.planId())) {
        continue;
      }
      Optional<Plan> plan = plans.find(d.communeId(), d.planId());
      if (plan.isEmpty()) {
        continue;
      }
      List<PlanDeadline> stored = open.stream()
          .filter(x -> x.communeId().equals(d.communeId()) && x.planId().equals(d.planId())).toList();
      if (!key(schedules.openDeadlines(plan.get())).equals(key(stored))) {
        Plan next = mark.apply(plan.get());
        plans.save(next, schedules.openDeadlines(next));
        moved.add(next.id());
      }
    }
    return moved;
  }

  /** A deadline's date and the instants of its steps (reminders, due, escalations). */
  private static Set<String> key(List<PlanDeadline> list) {
    Set<String> s = new java.util.TreeSet<>();
    for (PlanDeadline d : list) {
      s.add(d.id() + "@" + d.due() + "@" + d.steps().stream().map(x -> x.name() + x.at()).toList());
    }
    return s;
  }
}
