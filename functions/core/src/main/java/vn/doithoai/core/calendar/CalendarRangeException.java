package vn.doithoai.core.calendar;

/** A date outside the years the calendar covers. */
public final class CalendarRangeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  CalendarRangeException(int year, int first, int last) {
    super("Năm " + year + " nằm ngoài phạm vi lịch (" + first + "–" + last + ") / year " + year
        + " is outside the calendar's range (" + first + "–" + last + ")");
  }
}
