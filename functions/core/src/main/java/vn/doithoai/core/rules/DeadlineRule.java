package vn.doithoai.core.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.doithoai.core.common.Role;
import vn.doithoai.core.calendar.BeforeReading;
import vn.doithoai.core.calendar.DayUnit;
import vn.doithoai.core.calendar.EntryStatus;

/**
 * One deadline rule of a profile: {anchor event, offset, unit, direction, owner, reminders, escalation,
 * legal source}. Rules with the same id in two profiles are the same obligation, so the stricter one wins.
 *
 * @param reading for a BEFORE rule, the reading of "at least N days before" this rule asks for; empty to use
 *     the plan's choice (strict by default)
 * @param extensionCap for an answer deadline, the total working days from the anchor that a written
 *     extension may reach
 */
public record DeadlineRule(
    String id,
    String title,
    Anchor anchor,
    Direction direction,
    int offset,
    DayUnit unit,
    Role owner,
    String source,
    EntryStatus sourceStatus,
    Optional<BeforeReading> reading,
    List<Integer> reminders,
    List<EscalationStep> escalation,
    Optional<Integer> extensionCap) {

  public DeadlineRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(anchor, "anchor");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(source, "source");
    if (offset < 1) {
      throw new IllegalArgumentException("Quy tắc " + id + ": số ngày phải dương");
    }
    reminders = reminders.stream().distinct().sorted(java.util.Comparator.reverseOrder()).toList();
    if (reminders.stream().anyMatch(r -> r < 1)) {
      throw new IllegalArgumentException("Quy tắc " + id + ": nhắc trước phải ít nhất 1 ngày làm việc");
    }
    escalation = List.copyOf(escalation);
    if (extensionCap.isPresent() && (direction != Direction.AFTER || unit != DayUnit.WORKING_DAYS
        || extensionCap.get() <= offset)) {
      throw new IllegalArgumentException("Quy tắc " + id + ": giới hạn gia hạn phải lớn hơn thời hạn");
    }
  }

  /** "≥ 7 ngày làm việc trước ngày đối thoại", "≤ 10 ngày sau ngày đối thoại". */
  public String describe() {
    return (direction == Direction.BEFORE ? "trước ít nhất " : "chậm nhất ") + offset + " " + unit.vietnamese()
        + (direction == Direction.BEFORE ? " so với " : " sau ") + anchor.vietnamese();
  }
}
