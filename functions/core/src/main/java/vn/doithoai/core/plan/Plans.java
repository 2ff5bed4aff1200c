package vn.doithoai.core.plan;

import java.util.List;
import java.util.Optional;

/** Port: where plans and their open deadlines are kept. */
public interface Plans {
  void create(Plan plan);

  Optional<Plan> find(String communeId, String planId);

  /**
   * Saves the plan if the stored version is {@code plan.version() - 1}, and in the same write replaces its
   * open deadlines with {@code openDeadlines} (empty to close them all).
   */
  void save(Plan plan, List<PlanDeadline> openDeadlines);

  /** Plans of a commune for a year, newest first. */
  List<Plan> byYear(String communeId, int year);

  /** Every open deadline of one commune, read from its own partition to the end (no cap). */
  List<PlanDeadline> openDeadlinesOf(String communeId);
}
