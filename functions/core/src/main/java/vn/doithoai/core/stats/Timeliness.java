package vn.doithoai.core.stats;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.OpinionParts.Answer;
import vn.doithoai.core.opinion.OpinionParts.Assignment;
import vn.doithoai.core.rules.DeadlineScheduling;

/**
 * Tình trạng giải quyết: where an assigned opinion stands against its due date. One rule for the exports and
 * the statistics, so a report and a spreadsheet never disagree: an answer is on time when its date in Vietnam
 * is on or before the current due date (an extension included); an unanswered assignment is overdue from the
 * day after that date.
 */
public enum Timeliness {
  ON_TIME("Đúng hạn"),
  LATE("Trễ hạn"),
  OVERDUE("Quá hạn chưa trả lời"),
  IN_PROGRESS("Đang giải quyết");

  private final String vietnamese;

  Timeliness(String vietnamese) {
    this.vietnamese = vietnamese;
  }

  public String vietnamese() {
    return vietnamese;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Empty for an opinion never assigned to an agency. */
  public static Optional<Timeliness> of(Opinion o, LocalDate today) {
    return o.assignment().map(a -> of(a, o.answer(), today));
  }

  public static Timeliness of(Assignment a, Optional<Answer> answer, LocalDate today) {
    if (answer.isPresent()) {
      return answeredOn(answer.get()).isAfter(a.currentDue()) ? LATE : ON_TIME;
    }
    return today.isAfter(a.currentDue()) ? OVERDUE : IN_PROGRESS;
  }

  /** The calendar day of an answer in Vietnam: 00:30 on the 20th in Hanoi is the 20th, not the 19th (UTC). */
  public static LocalDate answeredOn(Answer answer) {
    return LocalDate.ofInstant(answer.answeredAt(), DeadlineScheduling.VIETNAM);
  }
}
