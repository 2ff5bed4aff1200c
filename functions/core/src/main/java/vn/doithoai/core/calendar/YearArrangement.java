package vn.doithoai.core.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The Government's arrangement of one year's holidays for state employees, as announced: which five days
 * are Tết, which day sits beside 2/9, compensatory days, swapped days and make-up Saturdays. Any part that
 * is absent is derived from the rules and marked provisional.
 */
record YearArrangement(
    int year,
    Optional<Announced<List<LocalDate>>> tet,
    Optional<Announced<LocalDate>> nationalDayAdjacent,
    List<Compensatory> compensatory,
    List<Swap> swaps,
    List<Extra> extraDaysOff) {

  /** A value with the source that announced it. */
  record Announced<T>(T value, Source source) {}

  /** Nghỉ bù for a holiday ({@code forHoliday}) that fell on a weekend. */
  record Compensatory(LocalDate date, LocalDate forHoliday, Source source) {}

  /** A weekday off worked back on a weekend day. */
  record Swap(LocalDate dayOff, LocalDate workingDay, String note, Source source) {}

  /** An extra day off (or a newly added holiday occurrence) announced for this year. */
  record Extra(LocalDate date, String reason, boolean holiday, Source source) {}
}
