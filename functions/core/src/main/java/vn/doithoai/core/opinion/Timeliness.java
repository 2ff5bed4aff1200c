package vn.doithoai.core.opinion;

import java.time.LocalDate;
import java.util.Optional;
import vn.doithoai.core.rules.DeadlineScheduling;

/**
 * Whether an assignment was answered in time: on or before its due date (an extension granted within the cap
 * counts), late, overdue and still unanswered, or still within its time. The one reading of "on time" used by
 * the results report, the statistics and the exports.
 */
public enum Timeliness {
  ON_TIME("Đúng hạn"),
  LATE("Trễ hạn"),
  OVERDUE("Quá hạn, chưa trả lời"),
  IN_PROGRESS("Đang giải quyết, trong hạn");

  private final String vietnamese;

  Timeliness(String vietnamese) {
    this.vietnamese = vietnamese;
  }

  public String vietnamese() {
    return vietnamese;
  }

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** Empty for an opinion never assigned; answers at the meeting are on time. */
  public static Optional<Timeliness> of(Opinion o, LocalDate today) {
    if (o.assignment().isEmpty()) {
      return Optional.empty();
    }
    LocalDate due = o.assignment().get().currentDue();
    if (o.answer().isPresent()) {
      OpinionParts.Answer a = o.answer().get();
      LocalDate answered = LocalDate.ofInstant(a.answeredAt(), DeadlineScheduling.VIETNAM);
      return Optional.of(a.atMeeting() || !answered.isAfter(due) ? ON_TIME : LATE);
    }
    if (o.status() != OpinionStatus.ASSIGNED) {
      return Optional.empty();
    }
    return Optional.of(today.isAfter(due) ? OVERDUE : IN_PROGRESS);
  }

  /** The day the answer was given, in Vietnam. */
  public static Optional<LocalDate> answeredOn(Opinion o) {
    return o.answer().map(a -> LocalDate.ofInstant(a.answeredAt(), DeadlineScheduling.VIETNAM));
  }
}
