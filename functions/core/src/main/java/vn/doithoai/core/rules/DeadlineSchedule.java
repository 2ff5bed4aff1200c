package vn.doithoai.core.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.doithoai.core.calendar.EntryStatus;

/**
 * A plan's deadlines in due-date order, with the profile and calendar version they were computed on, each
 * deadline's legal basis by rule id, and the rules left out because they do not bind this plan (with why).
 */
public record DeadlineSchedule(String profileId, String floorId, String calendarVersion, PlanAnchors anchors,
    List<Deadline> deadlines, List<String> warnings, Map<String, RuleBasis> bases, List<String> notApplied,
    Map<String, EntryStatus> calendarStatus) {

  public DeadlineSchedule {
    deadlines = List.copyOf(deadlines);
    warnings = List.copyOf(warnings);
    bases = Map.copyOf(bases);
    notApplied = List.copyOf(notApplied);
    calendarStatus = Map.copyOf(calendarStatus);
  }

  /**
   * How sure the calendar is over a deadline's count: {@code provisional} when a year it spans has no announced
   * arrangement yet (its Tết days off and swaps are derived), so the due date may still move.
   */
  public EntryStatus calendarStatus(String ruleId) {
    return calendarStatus.getOrDefault(ruleId, EntryStatus.OFFICIAL);
  }

  public Optional<RuleBasis> basis(String ruleId) {
    return Optional.ofNullable(bases.get(ruleId));
  }
}
