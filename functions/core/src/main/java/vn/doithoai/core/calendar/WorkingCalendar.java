package vn.doithoai.core.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;
import vn.doithoai.core.calendar.lunar.LunarHolidayTable;

/**
 * Ngày làm việc: the Vietnamese working-day calendar of state offices. Monday to Friday, minus public
 * holidays (with their compensatory days) and announced swapped days off, plus announced make-up Saturdays,
 * plus any overrides. Immutable and thread-safe; years are built lazily and cached.
 *
 * <p>Every answer can be traced to {@link #version()}: the shipped data version, and a fingerprint of the
 * overrides in force.
 */
public final class WorkingCalendar {
  public static final int FIRST_YEAR = 1990;
  public static final int LAST_YEAR = 2100;

  private static volatile WorkingCalendar shipped;

  private final YearBuilder builder;
  private final List<CalendarOverride> overrides;
  private final String version;
  private final AtomicReferenceArray<YearTable> years = new AtomicReferenceArray<>(LAST_YEAR - FIRST_YEAR + 1);

  private WorkingCalendar(YearBuilder builder, String baseVersion, List<CalendarOverride> overrides) {
    this.builder = builder;
    this.overrides = List.copyOf(overrides);
    this.version = overrides.isEmpty() ? baseVersion : baseVersion + "+o." + fingerprint(this.overrides);
  }

  /** The calendar as shipped: official arrangements 2021–2026 and the rules for every other year. */
  public static WorkingCalendar vietnam() {
    WorkingCalendar c = shipped;
    if (c == null) {
      synchronized (WorkingCalendar.class) {
        c = shipped;
        if (c == null) {
          ShippedArrangements data = ShippedArrangements.load();
          c = new WorkingCalendar(new YearBuilder(LunarHolidayTable.standard(), data), "vn-" + data.version,
              List.of());
          shipped = c;
        }
      }
    }
    return c;
  }

  /** This calendar with overrides applied on top (national announcements, commune closures). */
  public WorkingCalendar withOverrides(List<CalendarOverride> more) {
    Objects.requireNonNull(more, "overrides");
    if (more.isEmpty()) {
      return this;
    }
    List<CalendarOverride> all = new ArrayList<>(overrides);
    all.addAll(more);
    all.sort(Comparator.comparing(CalendarOverride::date).thenComparing(CalendarOverride::scope));
    String base = overrides.isEmpty() ? version : version.substring(0, version.indexOf("+o."));
    return new WorkingCalendar(builder, base, all);
  }

  /** The version of the data and overrides this calendar answers from, recorded with every deadline. */
  public String version() {
    return version;
  }

  public List<CalendarOverride> overrides() {
    return overrides;
  }

  public boolean isWorkingDay(LocalDate date) {
    return year(date.getYear()).isWorkingDay(date);
  }

  /** The {@code n}-th working day after {@code date} (the day itself not counted); {@code date} when n = 0. */
  public LocalDate addWorkingDays(LocalDate date, int n) {
    requireNonNegative(n);
    if (n == 0) {
      return date;
    }
    int y = date.getYear();
    YearTable t = year(y);
    int target = t.rankOnOrBefore(date) + n;
    while (target > t.count()) {
      target -= t.count();
      t = year(++y);
    }
    return t.workingDay(target);
  }

  /** The {@code n}-th working day before {@code date} (the day itself not counted); {@code date} when n = 0. */
  public LocalDate subtractWorkingDays(LocalDate date, int n) {
    requireNonNegative(n);
    if (n == 0) {
      return date;
    }
    int y = date.getYear();
    YearTable t = year(y);
    int target = t.rankBefore(date) - n + 1;
    while (target < 1) {
      t = year(--y);
      target += t.count();
    }
    return t.workingDay(target);
  }

  /** The first working day on or after {@code date}. */
  public LocalDate workingDayOnOrAfter(LocalDate date) {
    return isWorkingDay(date) ? date : addWorkingDays(date, 1);
  }

  /** The last working day on or before {@code date}. */
  public LocalDate workingDayOnOrBefore(LocalDate date) {
    return isWorkingDay(date) ? date : subtractWorkingDays(date, 1);
  }

  /** Every working day from {@code from} to {@code to}, both included. */
  public List<LocalDate> workingDays(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("Ngày kết thúc " + to + " trước ngày bắt đầu " + from
          + " / end date is before start date");
    }
    List<LocalDate> days = new ArrayList<>();
    for (int y = from.getYear(); y <= to.getYear(); y++) {
      YearTable t = year(y);
      int first = y == from.getYear() ? t.rankBefore(from) + 1 : 1;
      int last = y == to.getYear() ? t.rankOnOrBefore(to) : t.count();
      for (int p = first; p <= last; p++) {
        days.add(t.workingDay(p));
      }
    }
    return days;
  }

  /** The number of working days after {@code from} up to and including {@code to}. */
  public int countWorkingDays(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      return -countWorkingDays(to, from);
    }
    int count = 0;
    for (int y = from.getYear(); y <= to.getYear(); y++) {
      YearTable t = year(y);
      int before = y == from.getYear() ? t.rankOnOrBefore(from) : 0;
      int upTo = y == to.getYear() ? t.rankOnOrBefore(to) : t.count();
      count += upTo - before;
    }
    return count;
  }

  /** Why a day differs from the plain week (a holiday, a swap, an override), if it does. */
  public java.util.Optional<CalendarEntry> entry(LocalDate date) {
    return year(date.getYear()).entry(date);
  }

  /** The year's days off and make-up working days, each with its source and status. */
  public YearInfo info(int year) {
    YearTable t = year(year);
    return new YearInfo(year, t.status(), t.count(), t.entries(), version);
  }

  private YearTable year(int y) {
    if (y < FIRST_YEAR || y > LAST_YEAR) {
      throw new CalendarRangeException(y, FIRST_YEAR, LAST_YEAR);
    }
    int i = y - FIRST_YEAR;
    YearTable t = years.get(i);
    if (t == null) {
      t = builder.build(y, overrides);
      if (!years.compareAndSet(i, null, t)) {
        t = years.get(i);
      }
    }
    return t;
  }

  private static void requireNonNegative(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("Số ngày phải không âm, nhận " + n + " / the number of days must not be negative");
    }
  }

  private static String fingerprint(List<CalendarOverride> overrides) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (CalendarOverride o : overrides) {
        sha.update(o.canonical().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
