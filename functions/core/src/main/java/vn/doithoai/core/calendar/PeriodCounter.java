package vn.doithoai.core.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Counting periods as the Civil Code 2015 does (art. 147–148): a period counted in days starts on the day
 * after its anchor event; N working days after is the N-th working day after; a period in plain days whose
 * last day is a day off ends on the next working day. Backward periods ("at least N days before") give the
 * latest date an office may act, on a working day.
 */
public final class PeriodCounter {
  private final WorkingCalendar calendar;

  public PeriodCounter(WorkingCalendar calendar) {
    this.calendar = Objects.requireNonNull(calendar, "calendar");
  }

  public WorkingCalendar calendar() {
    return calendar;
  }

  /** The last day of a period of {@code n} units after {@code anchor} ("chậm nhất N ngày sau"). */
  public CountedDate after(LocalDate anchor, int n, DayUnit unit) {
    requirePositive(n);
    if (unit == DayUnit.WORKING_DAYS) {
      LocalDate due = calendar.addWorkingDays(anchor, n);
      return counted(due, "ngày làm việc thứ " + n + " sau " + VietnameseDates.format(anchor)
          + " (BLDS 2015 Điều 147: tính từ ngày hôm sau)", null);
    }
    LocalDate last = anchor.plusDays(n);
    LocalDate due = calendar.workingDayOnOrAfter(last);
    String why = "ngày thứ " + n + " sau " + VietnameseDates.format(anchor) + " (BLDS 2015 Điều 147)";
    if (!due.equals(last)) {
      why += "; " + VietnameseDates.format(last) + " là ngày nghỉ nên hạn là ngày làm việc tiếp theo (Điều 148)";
    }
    return counted(due, why, null);
  }

  /** The latest date to act so that at least {@code n} units remain before {@code event}. */
  public CountedDate before(LocalDate event, int n, DayUnit unit, BeforeReading reading) {
    requirePositive(n);
    Objects.requireNonNull(reading, "reading");
    int steps = reading == BeforeReading.STRICT ? n + 1 : n;
    String readingText = reading == BeforeReading.STRICT ? "cách hiểu chặt: đủ " + n + " " + unit.vietnamese()
        + " trọn vẹn trước ngày " + VietnameseDates.format(event) : "cách hiểu bao gồm";
    if (unit == DayUnit.WORKING_DAYS) {
      LocalDate due = calendar.subtractWorkingDays(event, steps);
      return counted(due, "ngày làm việc thứ " + steps + " trước " + VietnameseDates.format(event)
          + " (" + readingText + ")", reading);
    }
    LocalDate last = event.minusDays(steps);
    LocalDate due = calendar.workingDayOnOrBefore(last);
    String why = "ngày thứ " + steps + " trước " + VietnameseDates.format(event) + " (" + readingText + ")";
    if (!due.equals(last)) {
      why += "; " + VietnameseDates.format(last) + " là ngày nghỉ nên lùi về ngày làm việc liền trước";
    }
    return counted(due, why, reading);
  }

  private CountedDate counted(LocalDate due, String why, BeforeReading reading) {
    return new CountedDate(due, why, reading, calendar.version());
  }

  private static void requirePositive(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("Thời hạn phải là số ngày dương, nhận " + n
          + " / a period must be a positive number of days");
    }
  }
}
