package vn.doithoai.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Dates as Vietnamese offices write them: "Thứ Ba, 01/09/2026". */
public final class VietnameseDates {
  private static final String[] WEEKDAYS = {"Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"};

  private VietnameseDates() {}

  public static String format(LocalDate date) {
    return two(date.getDayOfMonth()) + "/" + two(date.getMonthValue()) + "/" + date.getYear();
  }

  public static String weekday(DayOfWeek day) {
    return WEEKDAYS[day.getValue() - 1];
  }

  public static String withWeekday(LocalDate date) {
    return weekday(date.getDayOfWeek()) + ", " + format(date);
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }
}
