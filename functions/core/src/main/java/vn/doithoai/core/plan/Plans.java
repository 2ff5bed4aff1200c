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

  /** One page of a year's plans and the position to go on from (empty: the last page). */
  record YearPage(List<Plan> plans, Optional<String> next) {}

  /**
   * At most {@code limit} plans of a commune for a year, newest first, from {@code after} (a position from an
   * earlier page; empty: the first). A position names only the sort key: the partition comes from the commune
   * and the year, so a position can never reach another commune's plans; one that is not a position is refused.
   */
  YearPage byYear(String communeId, int year, Optional<String> after, int limit);

  /** Every open deadline of one commune, read from its own partition to the end (no cap). */
  List<PlanDeadline> openDeadlinesOf(String communeId);
}
