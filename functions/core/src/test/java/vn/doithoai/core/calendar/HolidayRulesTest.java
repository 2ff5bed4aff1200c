package vn.doithoai.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules that produce provisional years: art. 111(3) compensatory days, Tết, the day beside 2/9. */
class HolidayRulesTest {
  private final WorkingCalendar calendar = WorkingCalendar.vietnam();

  private static CalendarEntry holiday(String date) {
    return new CalendarEntry(LocalDate.parse(date), CalendarEntry.Kind.HOLIDAY, "h", Source.law("test"));
  }

  @Test
  @DisplayName("2023: Giỗ Tổ on Saturday 29/4, 30/4 on Sunday, 1/5 Monday → compensatory 2/5 and 3/5, after the run")
  void compensatoryDaysComeAfterTheWholeRun() {
    List<CalendarEntry> holidays = List.of(holiday("2023-04-29"), holiday("2023-04-30"), holiday("2023-05-01"));
    TreeMap<LocalDate, CalendarEntry> entries = new TreeMap<>();
    holidays.forEach(h -> entries.put(h.date(), h));
    List<LocalDate> comps = YearBuilder.compensatory(holidays, Optional.empty(), entries).stream()
        .map(CalendarEntry::date).toList();
    assertEquals(List.of(LocalDate.of(2023, 5, 2), LocalDate.of(2023, 5, 3)), comps);
  }

  @Test
  @DisplayName("2023: 2/9 on Saturday with 1/9 beside it → compensatory Monday 4/9")
  void nationalDayOnSaturday() {
    List<CalendarEntry> holidays = List.of(holiday("2023-09-01"), holiday("2023-09-02"));
    TreeMap<LocalDate, CalendarEntry> entries = new TreeMap<>();
    holidays.forEach(h -> entries.put(h.date(), h));
    assertEquals(List.of(LocalDate.of(2023, 9, 4)), YearBuilder.compensatory(holidays, Optional.empty(), entries)
        .stream().map(CalendarEntry::date).toList());
  }

  @ParameterizedTest(name = "2/9/{0} → beside it {1}")
  @CsvSource({"2021, 2021-09-03", "2022, 2022-09-01", "2023, 2023-09-01", "2024, 2024-09-03", "2025, 2025-09-01",
      "2026, 2026-09-01", "2027, 2027-09-03", "2030, 2030-09-03", "2029, 2029-09-03"})
  @DisplayName("the derived day beside 2/9 matches every announced one and joins 2/9 to a weekend")
  void dayBesideNationalDay(int year, LocalDate expected) {
    assertEquals(expected, YearBuilder.nationalDayAdjacent(year));
  }

  @Test
  @DisplayName("2027 has no notice yet: Tết 5–9/2 from the rules, compensatory 10 and 11/2, marked provisional")
  void provisionalYearFromTheRules() {
    YearInfo y = calendar.info(2027);
    assertEquals(EntryStatus.PROVISIONAL, y.status());
    for (String d : List.of("2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11", "2027-05-03",
        "2027-09-02", "2027-09-03", "2027-11-24")) {
      assertFalse(calendar.isWorkingDay(LocalDate.parse(d)), d);
    }
    assertTrue(calendar.isWorkingDay(LocalDate.of(2027, 2, 12)));
    assertTrue(y.entries().stream().filter(e -> e.kind() == CalendarEntry.Kind.COMPENSATORY)
        .allMatch(e -> e.status() == EntryStatus.PROVISIONAL));
  }

  @Test
  @DisplayName("before 2021 there was no day beside 2/9; before 2013 Tết was four days")
  void historicRules() {
    assertTrue(calendar.isWorkingDay(LocalDate.of(2020, 9, 3)));
    assertTrue(calendar.isWorkingDay(LocalDate.of(2020, 9, 1)));
    long tet2012 = calendar.info(2012).entries().stream().filter(e -> e.label().equals("Tết Âm lịch")).count();
    assertEquals(4, tet2012);
  }

  @Test
  @DisplayName("a year outside 1990–2100 is refused with a clear message")
  void outOfRange() {
    CalendarRangeException e = org.junit.jupiter.api.Assertions.assertThrows(CalendarRangeException.class,
        () -> calendar.isWorkingDay(LocalDate.of(2101, 1, 3)));
    assertTrue(e.getMessage().contains("1990–2100"));
  }
}
