package vn.doithoai.core.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plan's deadlines in due-date order, with the profile and calendar version they were computed on, each
 * deadline's legal basis by rule id, and the rules left out because they do not bind this plan (with why).
 */
public record DeadlineSchedule(String profileId, String floorId, String calendarVersion, PlanAnchors anchors,
    List<Deadline> deadlines, List<String> warnings, Map<String, RuleBasis> bases, List<String> notApplied) {

  public DeadlineSchedule {
    deadlines = List.copyOf(deadlines);
    warnings = List.copyOf(warnings);
    bases = Map.copyOf(bases);
    notApplied = List.copyOf(notApplied);
  }

  public Optional<RuleBasis> basis(String ruleId) {
    return Optional.ofNullable(bases.get(ruleId));
  }
}
