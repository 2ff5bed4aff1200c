package vn.doithoai.core.calendar;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One year, precomputed: its exceptional days and the sorted day-of-year indexes of its working days, so
 * that counting N working days is a binary search and a jump, not a day-by-day walk.
 */
final class YearTable {
  final int year;
  private final LocalDate firstDay;
  private final int[] working;
  private final NavigableMap<LocalDate, CalendarEntry> entries;

  YearTable(int year, TreeMap<LocalDate, CalendarEntry> entries) {
    this.year = year;
    this.firstDay = LocalDate.of(year, 1, 1);
    this.entries = java.util.Collections.unmodifiableNavigableMap(entries);
    int length = firstDay.lengthOfYear();
    int[] days = new int[length];
    int count = 0;
    LocalDate d = firstDay;
    for (int i = 0; i < length; i++, d = d.plusDays(1)) {
      CalendarEntry e = entries.get(d);
      boolean isWorking = e == null ? !CalendarEntry.isWeekend(d) : !e.dayOff();
      if (isWorking) {
        days[count++] = i;
      }
    }
    this.working = Arrays.copyOf(days, count);
  }

  int count() {
    return working.length;
  }

  boolean isWorkingDay(LocalDate date) {
    return Arrays.binarySearch(working, date.getDayOfYear() - 1) >= 0;
  }

  /** How many working days of this year fall on or before {@code date}. */
  int rankOnOrBefore(LocalDate date) {
    int i = Arrays.binarySearch(working, date.getDayOfYear() - 1);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** How many working days of this year fall strictly before {@code date}. */
  int rankBefore(LocalDate date) {
    int i = Arrays.binarySearch(working, date.getDayOfYear() - 1);
    return i >= 0 ? i : -i - 1;
  }

  /** The working day at a 1-based position within this year. */
  LocalDate workingDay(int position) {
    return firstDay.plusDays(working[position - 1]);
  }

  java.util.Optional<CalendarEntry> entry(LocalDate date) {
    return java.util.Optional.ofNullable(entries.get(date));
  }

  List<CalendarEntry> entries() {
    return List.copyOf(entries.values());
  }

  EntryStatus status() {
    EntryStatus status = EntryStatus.OFFICIAL;
    for (CalendarEntry e : entries.values()) {
      status = status.weakest(e.status());
    }
    return status;
  }
}
