package vn.doithoai.core.rules;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * Bộ quy tắc thời hạn: the deadline rules of a province's dialogue regulation (or the national floor), as
 * data. Defaults give reminders and escalation to rules (and plan tasks) that set none. {@code legacy} marks a profile kept for old plans, such as Hải Dương's after it joined Hải Phòng.
 */
public record RuleProfile(
    String id,
    String name,
    String province,
    String basis,
    boolean floor,
    boolean legacy,
    String note,
    LocalTime reminderTime,
    List<Integer> defaultReminders,
    List<EscalationStep> defaultEscalation,
    List<DeadlineRule> rules) {

  public RuleProfile {
    defaultReminders = List.copyOf(defaultReminders);
    defaultEscalation = List.copyOf(defaultEscalation);
    rules = List.copyOf(rules);
    long distinct = rules.stream().map(DeadlineRule::id).distinct().count();
    if (distinct != rules.size()) {
      throw new IllegalArgumentException("Bộ quy tắc " + id + " có quy tắc trùng mã");
    }
  }

  public Optional<DeadlineRule> rule(String ruleId) {
    return rules.stream().filter(r -> r.id().equals(ruleId)).findFirst();
  }
}
