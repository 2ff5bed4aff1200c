package vn.doithoai.core.rules;

import java.util.List;

/** One rung of the overdue ladder: so many working days after the due date, tell these people. */
public record EscalationStep(int afterWorkingDays, List<Recipient> to, List<Recipient> cc) {
  public EscalationStep {
    if (afterWorkingDays < 1) {
      throw new IllegalArgumentException("Bước nhắc quá hạn phải sau hạn ít nhất 1 ngày làm việc");
    }
    if (to.isEmpty()) {
      throw new IllegalArgumentException("Bước nhắc quá hạn phải có người nhận");
    }
    to = List.copyOf(to);
    cc = List.copyOf(cc);
  }
}
