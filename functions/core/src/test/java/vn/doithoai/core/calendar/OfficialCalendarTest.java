package vn.doithoai.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every day of 2021–2026 against an oracle list written from the official notices (see
 * infra/docs/calendar-sources.md): weekdays off and weekend working days, as announced.
 */
class OfficialCalendarTest {
  private final WorkingCalendar calendar = WorkingCalendar.vietnam();

  @Test
  @DisplayName("every day of 2021–2026 is a working day exactly when the official notices say so")
  void everyDayMatchesTheOfficialNotices() throws IOException {
    Map<LocalDate, String> oracle = oracle();
    List<String> mismatches = new ArrayList<>();
    for (LocalDate d = LocalDate.of(2021, 1, 1); d.getYear() <= 2026; d = d.plusDays(1)) {
      String kind = oracle.get(d);
      boolean expected = kind == null ? !CalendarEntry.isWeekend(d) : kind.equals("WORK");
      if (calendar.isWorkingDay(d) != expected) {
        mismatches.add(d + " (" + d.getDayOfWeek() + ") expected " + (expected ? "working" : "day off"));
      }
    }
    assertEquals(List.of(), mismatches);
  }

  @Test
  @DisplayName("2021–2026 are official years, each day off carrying the notice that announced it")
  void officialYearsCiteTheirNotices() {
    for (int year = 2021; year <= 2025; year++) {
      YearInfo info = calendar.info(year);
      assertEquals(EntryStatus.OFFICIAL, info.status(), "year " + year);
    }
    YearInfo y2026 = calendar.info(2026);
    CalendarEntry tet = y2026.entries().stream().filter(e -> e.date().equals(LocalDate.of(2026, 2, 17)))
        .findFirst().orElseThrow();
    assertEquals("9441/TB-BNV", tet.source().announcedBy().orElseThrow().number());
    assertTrue(y2026.entries().stream().anyMatch(e -> e.date().equals(LocalDate.of(2026, 8, 22))
        && e.kind() == CalendarEntry.Kind.MAKE_UP_WORKING_DAY));
  }

  @Test
  @DisplayName("24/11 (Ngày Văn hóa Việt Nam) is a day off from 2026, marked unconfirmed until its act is read")
  void cultureDayIsAnUnconfirmedAddedHoliday() {
    assertTrue(calendar.isWorkingDay(LocalDate.of(2025, 11, 24)));
    assertTrue(!calendar.isWorkingDay(LocalDate.of(2026, 11, 24)));
    assertEquals(EntryStatus.UNCONFIRMED, calendar.info(2026).status());
  }

  private static Map<LocalDate, String> oracle() throws IOException {
    Map<LocalDate, String> days = new HashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        OfficialCalendarTest.class.getResourceAsStream("official-days-2021-2026.csv"), StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          String[] f = line.split(",", 3);
          days.put(LocalDate.parse(f[0]), f[1]);
        }
      }
    }
    return days;
  }
}
