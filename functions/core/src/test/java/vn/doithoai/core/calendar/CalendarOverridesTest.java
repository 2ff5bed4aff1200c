package vn.doithoai.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Overrides apply on top of the shipped data and change the version every answer reports. */
class CalendarOverridesTest {
  private final WorkingCalendar shipped = WorkingCalendar.vietnam();

  @Test
  @DisplayName("a newly announced swap moves a count and is traceable through the version")
  void nationalSwap() {
    WorkingCalendar swapped = shipped.withOverrides(List.of(
        CalendarOverride.dayOff(LocalDate.of(2026, 11, 23), CalendarOverride.Scope.NATIONAL,
            "Nghỉ hoán đổi dịp 24/11", "Thông báo giả định"),
        CalendarOverride.workingDay(LocalDate.of(2026, 11, 28), CalendarOverride.Scope.NATIONAL,
            "Làm bù cho 23/11", "Thông báo giả định")));
    assertFalse(swapped.isWorkingDay(LocalDate.of(2026, 11, 23)));
    assertTrue(swapped.isWorkingDay(LocalDate.of(2026, 11, 28)));
    assertEquals(LocalDate.of(2026, 11, 23), shipped.addWorkingDays(LocalDate.of(2026, 11, 20), 1));
    assertEquals(LocalDate.of(2026, 11, 25), swapped.addWorkingDays(LocalDate.of(2026, 11, 20), 1));
    assertNotEquals(shipped.version(), swapped.version());
    assertTrue(swapped.version().startsWith(shipped.version() + "+o."));
  }

  @Test
  @DisplayName("a commune's local closure applies to that calendar only; the same overrides give the same version")
  void communeClosure() {
    List<CalendarOverride> flood = List.of(CalendarOverride.dayOff(LocalDate.of(2026, 10, 15),
        CalendarOverride.Scope.COMMUNE, "Nghỉ do lũ lụt", "Quyết định của UBND xã"));
    WorkingCalendar a = shipped.withOverrides(flood);
    WorkingCalendar b = shipped.withOverrides(flood);
    assertFalse(a.isWorkingDay(LocalDate.of(2026, 10, 15)));
    assertTrue(shipped.isWorkingDay(LocalDate.of(2026, 10, 15)));
    assertEquals(a.version(), b.version());
    CalendarEntry e = a.info(2026).entries().stream().filter(x -> x.date().equals(LocalDate.of(2026, 10, 15)))
        .findFirst().orElseThrow();
    assertEquals(CalendarEntry.Kind.OVERRIDE_DAY_OFF, e.kind());
    assertTrue(e.source().citation().contains("Quyết định của UBND xã"));
  }

  @Test
  void anOverrideNeedsAReason() {
    assertThrows(IllegalArgumentException.class, () -> CalendarOverride.dayOff(LocalDate.of(2026, 10, 15),
        CalendarOverride.Scope.COMMUNE, " ", ""));
  }
}
