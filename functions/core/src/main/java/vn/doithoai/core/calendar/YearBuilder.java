package vn.doithoai.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import vn.doithoai.core.calendar.lunar.LunarHolidayTable;

/**
 * Builds one year of the calendar: the statutory holidays (Labour Code 2019 art. 112), the year's announced
 * arrangement where there is one, rules-derived provisional parts where there is not, compensatory days
 * (art. 111(3)) and finally the overrides.
 */
final class YearBuilder {
  /** Labour Code 2019 (in force 1/1/2021) added one day beside 2 September. */
  static final int NATIONAL_DAY_ADJACENT_FROM = 2021;
  /** Labour Code 2012 (in force 1/5/2013) made Tết five days; four before. */
  static final int FIVE_TET_DAYS_FROM = 2013;
  /** Giỗ Tổ Hùng Vương became a paid day off in 2007 (Labour Code amendment 2007). */
  static final int HUNG_KINGS_FROM = 2007;

  private final LunarHolidayTable lunar;
  private final ShippedArrangements shipped;

  YearBuilder(LunarHolidayTable lunar, ShippedArrangements shipped) {
    this.lunar = lunar;
    this.shipped = shipped;
  }

  YearTable build(int year, List<CalendarOverride> overrides) {
    Optional<YearArrangement> arrangement = shipped.year(year);
    TreeMap<LocalDate, CalendarEntry> entries = new TreeMap<>();
    List<CalendarEntry> holidays = holidays(year, arrangement);
    holidays.forEach(h -> entries.put(h.date(), h));

    arrangement.ifPresent(a -> a.extraDaysOff().forEach(e -> entries.put(e.date(), new CalendarEntry(e.date(),
        e.holiday() ? CalendarEntry.Kind.HOLIDAY : CalendarEntry.Kind.EXTRA_DAY_OFF, e.reason(), e.source()))));
    compensatory(holidays, arrangement, entries).forEach(c -> entries.put(c.date(), c));
    arrangement.ifPresent(a -> a.swaps().forEach(s -> {
      entries.put(s.dayOff(), new CalendarEntry(s.dayOff(), CalendarEntry.Kind.SWAPPED_DAY_OFF,
          "Nghỉ hoán đổi, làm bù " + VietnameseDates.withWeekday(s.workingDay()), s.source()));
      entries.put(s.workingDay(), new CalendarEntry(s.workingDay(), CalendarEntry.Kind.MAKE_UP_WORKING_DAY,
          "Làm bù cho ngày nghỉ " + VietnameseDates.withWeekday(s.dayOff()), s.source()));
    }));
    for (CalendarOverride o : overrides) {
      if (o.date().getYear() == year) {
        entries.put(o.date(), o.toEntry());
      }
    }
    return new YearTable(year, entries);
  }

  private List<CalendarEntry> holidays(int year, Optional<YearArrangement> arrangement) {
    List<CalendarEntry> list = new ArrayList<>();
    Source law = Source.law(Source.LABOUR_CODE_112);
    list.add(new CalendarEntry(LocalDate.of(year, 1, 1), CalendarEntry.Kind.HOLIDAY, "Tết Dương lịch", law));

    Optional<YearArrangement.Announced<List<LocalDate>>> tet = arrangement.flatMap(YearArrangement::tet);
    if (tet.isPresent()) {
      for (LocalDate d : tet.get().value()) {
        list.add(new CalendarEntry(d, CalendarEntry.Kind.HOLIDAY, "Tết Âm lịch", tet.get().source()));
      }
    } else {
      Source derived = Source.derived(Source.LABOUR_CODE_112 + ": Tết Âm lịch từ ngày cuối năm âm lịch");
      int days = year >= FIVE_TET_DAYS_FROM ? 5 : 4;
      LocalDate first = lunar.lunarNewYearsEve(year);
      for (int i = 0; i < days; i++) {
        list.add(new CalendarEntry(first.plusDays(i), CalendarEntry.Kind.HOLIDAY, "Tết Âm lịch", derived));
      }
    }
    if (year >= HUNG_KINGS_FROM) {
      list.add(new CalendarEntry(lunar.hungKingsDay(year), CalendarEntry.Kind.HOLIDAY,
          "Giỗ Tổ Hùng Vương (10/3 âm lịch)", law));
    }
    list.add(new CalendarEntry(LocalDate.of(year, 4, 30), CalendarEntry.Kind.HOLIDAY,
        "Ngày Chiến thắng (30/4)", law));
    list.add(new CalendarEntry(LocalDate.of(year, 5, 1), CalendarEntry.Kind.HOLIDAY,
        "Ngày Quốc tế lao động (1/5)", law));
    list.add(new CalendarEntry(LocalDate.of(year, 9, 2), CalendarEntry.Kind.HOLIDAY, "Quốc khánh (2/9)", law));
    if (year >= NATIONAL_DAY_ADJACENT_FROM) {
      Optional<YearArrangement.Announced<LocalDate>> adjacent =
          arrangement.flatMap(YearArrangement::nationalDayAdjacent);
      LocalDate day = adjacent.map(YearArrangement.Announced::value).orElseGet(() -> nationalDayAdjacent(year));
      Source source = adjacent.map(YearArrangement.Announced::source)
          .orElseGet(() -> Source.derived(Source.LABOUR_CODE_112 + ": ngày liền kề Quốc khánh"));
      list.add(new CalendarEntry(day, CalendarEntry.Kind.HOLIDAY, "Quốc khánh (ngày liền kề)", source));
    }
    for (AddedHoliday added : shipped.addedHolidays) {
      if (added.appliesIn(year)) {
        list.add(new CalendarEntry(added.day().atYear(year), CalendarEntry.Kind.HOLIDAY, added.name(),
            added.source()));
      }
    }
    return list;
  }

  /**
   * The day beside 2/9 when none is announced: the weekday next to 2/9 that joins it to a weekend, as the
   * Government has chosen every year since 2021; 1/9 when neither does.
   */
  static LocalDate nationalDayAdjacent(int year) {
    LocalDate before = LocalDate.of(year, Month.SEPTEMBER, 1);
    LocalDate after = LocalDate.of(year, Month.SEPTEMBER, 3);
    boolean beforeOk = !CalendarEntry.isWeekend(before);
    boolean afterOk = !CalendarEntry.isWeekend(after);
    if (beforeOk && (before.getDayOfWeek() == DayOfWeek.MONDAY || before.getDayOfWeek() == DayOfWeek.FRIDAY
        || !afterOk)) {
      return before;
    }
    if (afterOk && (after.getDayOfWeek() == DayOfWeek.MONDAY || after.getDayOfWeek() == DayOfWeek.FRIDAY
        || !beforeOk)) {
      return after;
    }
    return before;
  }

  /**
   * Art. 111(3): a holiday on a weekly rest day gives a compensatory day on the next working day, placed
   * after the whole run of holidays and weekend days it belongs to. Announced compensatory days win.
   */
  static List<CalendarEntry> compensatory(List<CalendarEntry> holidays, Optional<YearArrangement> arrangement,
      TreeMap<LocalDate, CalendarEntry> entries) {
    List<CalendarEntry> result = new ArrayList<>();
    Set<LocalDate> announcedFor = new HashSet<>();
    Set<LocalDate> taken = new HashSet<>(entries.keySet());
    arrangement.ifPresent(a -> a.compensatory().forEach(c -> {
      announcedFor.add(c.forHoliday());
      taken.add(c.date());
      result.add(new CalendarEntry(c.date(), CalendarEntry.Kind.COMPENSATORY,
          "Nghỉ bù cho " + VietnameseDates.withWeekday(c.forHoliday()), c.source()));
    }));
    Set<LocalDate> holidayDates = new HashSet<>();
    holidays.forEach(h -> holidayDates.add(h.date()));
    List<LocalDate> sorted = holidayDates.stream().sorted().toList();
    for (LocalDate h : sorted) {
      if (!CalendarEntry.isWeekend(h) || announcedFor.contains(h)) {
        continue;
      }
      LocalDate d = h.plusDays(1);
      while (CalendarEntry.isWeekend(d) || taken.contains(d)) {
        d = d.plusDays(1);
      }
      taken.add(d);
      result.add(new CalendarEntry(d, CalendarEntry.Kind.COMPENSATORY,
          "Nghỉ bù cho " + VietnameseDates.withWeekday(h),
          Source.derived(Source.LABOUR_CODE_111)));
    }
    return result;
  }
}
