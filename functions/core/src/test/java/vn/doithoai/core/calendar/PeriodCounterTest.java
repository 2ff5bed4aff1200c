package vn.doithoai.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Civil Code 2015 art. 147–148 and the two readings of "at least N days before". */
class PeriodCounterTest {
  private final PeriodCounter counter = new PeriodCounter(WorkingCalendar.vietnam());

  @Test
  @DisplayName("10 days after Thursday 20/11/2025 ends on Sunday 30/11, so the period ends Monday 1/12 (art. 148)")
  void calendarDaysEndingOnADayOffMoveToTheNextWorkingDay() {
    CountedDate c = counter.after(LocalDate.of(2025, 11, 20), 10, DayUnit.CALENDAR_DAYS);
    assertEquals(LocalDate.of(2025, 12, 1), c.date());
    assertTrue(c.explanation().contains("Điều 148"), c.explanation());
    assertEquals(WorkingCalendar.vietnam().version(), c.calendarVersion());
  }

  @Test
  @DisplayName("5 days after Friday 13/2/2026 falls in Tết; the period ends on the first working day after it")
  void calendarDaysIntoTet() {
    assertEquals(LocalDate.of(2026, 2, 23), counter.after(LocalDate.of(2026, 2, 13), 5, DayUnit.CALENDAR_DAYS).date());
  }

  @ParameterizedTest(name = "{2} days before {0} ({1}) → {3} {4}")
  @CsvSource({
      // meeting Thursday 20/11/2025
      "2025-11-20, WORKING_DAYS, 7, STRICT, 2025-11-10",
      "2025-11-20, WORKING_DAYS, 7, INCLUSIVE, 2025-11-11",
      "2025-11-20, CALENDAR_DAYS, 7, STRICT, 2025-11-12",
      "2025-11-20, CALENDAR_DAYS, 7, INCLUSIVE, 2025-11-13",
      // 10 days before: strict lands on Sunday 9/11, so the office must act by Friday 7/11
      "2025-11-20, CALENDAR_DAYS, 10, STRICT, 2025-11-07",
      "2025-11-20, CALENDAR_DAYS, 10, INCLUSIVE, 2025-11-10",
      // 7 working days before a meeting right after Tết 2026 reaches back over the whole break
      "2026-02-26, WORKING_DAYS, 7, STRICT, 2026-02-09",
      "2026-02-26, WORKING_DAYS, 7, INCLUSIVE, 2026-02-10",
  })
  void beforeReadings(LocalDate event, DayUnit unit, int n, BeforeReading reading, LocalDate expected) {
    CountedDate c = counter.before(event, n, unit, reading);
    assertEquals(expected, c.date());
    assertEquals(reading, c.reading());
  }

  @Test
  void zeroOrNegativePeriodsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> counter.after(LocalDate.of(2026, 1, 5), 0,
        DayUnit.WORKING_DAYS));
  }
}
