package vn.doithoai.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Counting working days forward and backward across Tết, 2/9 and make-up Saturdays. */
class WorkingDayCountingTest {
  private final WorkingCalendar calendar = WorkingCalendar.vietnam();

  @ParameterizedTest(name = "{0} + {1} working days = {2}")
  @CsvSource({
      // across 2/9/2026: Mon 31/8 swapped off, Tue 1/9 and Wed 2/9 off
      "2026-08-27, 10, 2026-09-15",
      "2026-08-28, 1, 2026-09-03",
      // across Tết 2026 (16–20/2 off, weekends around it)
      "2026-02-12, 1, 2026-02-13",
      "2026-02-13, 1, 2026-02-23",
      "2026-02-13, 5, 2026-02-27",
      // across Tết 2025 (27–31/1) and into February
      "2025-01-24, 1, 2025-02-03",
      // Saturday 10/1/2026 is a make-up working day: it counts
      "2026-01-09, 1, 2026-01-10",
      "2025-12-31, 1, 2026-01-05",
      "2025-12-31, 5, 2026-01-09",
      "2025-12-31, 6, 2026-01-10",
      // Saturday 26/4/2025 worked for Friday 2/5/2025
      "2025-04-25, 1, 2025-04-26",
      "2025-04-29, 1, 2025-05-05",
      // counted from a day off: the period starts on the next day all the same
      "2026-02-17, 1, 2026-02-23",
      // across the year end into 2027, a provisional year
      "2026-12-30, 2, 2027-01-04",
  })
  void addingWorkingDays(LocalDate from, int n, LocalDate expected) {
    assertEquals(expected, calendar.addWorkingDays(from, n));
  }

  @ParameterizedTest(name = "{0} − {1} working days = {2}")
  @CsvSource({
      "2026-09-03, 1, 2026-08-28",
      "2026-09-03, 6, 2026-08-22",
      "2026-09-03, 7, 2026-08-21",
      "2026-02-23, 1, 2026-02-13",
      "2026-02-23, 7, 2026-02-05",
      "2025-02-03, 1, 2025-01-24",
      "2026-01-12, 1, 2026-01-10",
      "2026-01-05, 1, 2025-12-31",
      "2021-01-04, 2, 2020-12-30",
  })
  void subtractingWorkingDays(LocalDate from, int n, LocalDate expected) {
    assertEquals(expected, calendar.subtractWorkingDays(from, n));
  }

  @Test
  @DisplayName("the indexed count agrees with a day-by-day walk for every day of 2020–2027 and many spans")
  void agreesWithANaiveWalk() {
    for (LocalDate d = LocalDate.of(2020, 1, 1); d.getYear() <= 2027; d = d.plusDays(1)) {
      for (int n : new int[] {1, 2, 7, 10, 20, 30, 300}) {
        assertEquals(naiveAdd(d, n), calendar.addWorkingDays(d, n), d + " + " + n);
        assertEquals(naiveSubtract(d, n), calendar.subtractWorkingDays(d, n), d + " - " + n);
      }
    }
  }

  @Test
  @DisplayName("working days of a range and their count agree, one ISO date each")
  void rangeAndCount() {
    List<LocalDate> days = calendar.workingDays(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
    assertEquals(calendar.info(2026).workingDays(), days.size());
    assertEquals(LocalDate.of(2026, 1, 5), days.get(0));
    assertTrue(days.contains(LocalDate.of(2026, 1, 10)));
    assertEquals(days.size(), calendar.countWorkingDays(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 12, 31)));
    assertEquals(2, calendar.workingDays(LocalDate.of(2026, 8, 27), LocalDate.of(2026, 9, 2)).size());
  }

  @Test
  @DisplayName("negative counts are refused")
  void negative() {
    assertThrows(IllegalArgumentException.class, () -> calendar.addWorkingDays(LocalDate.of(2026, 1, 1), -1));
  }

  private LocalDate naiveAdd(LocalDate d, int n) {
    LocalDate x = d;
    for (int i = 0; i < n; ) {
      x = x.plusDays(1);
      if (calendar.isWorkingDay(x)) {
        i++;
      }
    }
    return x;
  }

  private LocalDate naiveSubtract(LocalDate d, int n) {
    LocalDate x = d;
    for (int i = 0; i < n; ) {
      x = x.minusDays(1);
      if (calendar.isWorkingDay(x)) {
        i++;
      }
    }
    return x;
  }
}
