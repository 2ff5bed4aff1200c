package vn.doithoai.core.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Deriving again the open deadlines of one commune's plans after a change that may move them (a calendar
 * override, a confirmed rule) and saving, with a new version, the plans whose deadlines moved: their schedules
 * are replaced and any fire of the old ones is stale. One read of the commune's open deadlines (its own
 * partition, to the end), grouped by plan once; each plan with an open deadline is loaded once. A plan whose
 * deadlines already match (a second delivery of the same change) is not saved again.
 */
public final class RederivingPlans {
  private final Plans plans;
  private final PlanSchedules schedules;

  public RederivingPlans(Plans plans, PlanSchedules schedules) {
    this.plans = Objects.requireNonNull(plans);
    this.schedules = Objects.requireNonNull(schedules);
  }

  /**
   * @param communeId the commune whose plans are derived again
   * @param mark the moved plan with its new version and audit entry
   * @return the ids of the plans that moved
   */
  public List<String> rederive(String communeId, UnaryOperator<Plan> mark) {
    Map<String, List<PlanDeadline>> byPlan = new LinkedHashMap<>();
    for (PlanDeadline d : plans.openDeadlinesOf(communeId)) {
      if (!d.assignment()) {
        byPlan.computeIfAbsent(d.planId(), k -> new ArrayList<>()).add(d);
      }
    }
    List<String> moved = new ArrayList<>();
    for (Map.Entry<String, List<PlanDeadline>> e : byPlan.entrySet()) {
      Optional<Plan> plan = plans.find(communeId, e.getKey());
      if (plan.isPresent() && !key(schedules.openDeadlines(plan.get())).equals(key(e.getValue()))) {
        Plan next = mark.apply(plan.get());
        plans.save(next, schedules.openDeadlines(next));
        moved.add(next.id());
      }
    }
    return moved;
  }

  /** A deadline's date and the instants of its steps (reminders, due, escalations). */
  private static Set<String> key(List<PlanDeadline> list) {
    Set<String> s = new TreeSet<>();
    for (PlanDeadline d : list) {
      s.add(d.id() + "@" + d.due() + "@" + d.steps().stream().map(x -> x.name() + x.at()).toList());
    }
    return s;
  }
}
