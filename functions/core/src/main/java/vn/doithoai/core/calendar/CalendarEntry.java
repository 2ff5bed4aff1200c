package vn.doithoai.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A day that differs from the plain Monday–Friday week: a holiday, a compensatory or swapped day off,
 * a local closure, or a weekend day that is worked (ngày làm bù).
 */
public record CalendarEntry(LocalDate date, Kind kind, String label, Source source) {

  /** What kind of exception to the plain week a day is. */
  public enum Kind {
    /** Ngày nghỉ lễ, tết (Labour Code art. 112). */
    HOLIDAY("nghỉ lễ, tết", true),
    /** Nghỉ bù: a holiday fell on a weekly rest day (art. 111(3)). */
    COMPENSATORY("nghỉ bù", true),
    /** Nghỉ hoán đổi: a weekday off, worked back on a weekend day. */
    SWAPPED_DAY_OFF("nghỉ hoán đổi", true),
    /** An extra day off declared by the Government. */
    EXTRA_DAY_OFF("nghỉ thêm theo thông báo", true),
    /** A day off set by an override (national or commune: a local closure). */
    OVERRIDE_DAY_OFF("nghỉ theo điều chỉnh", true),
    /** Làm bù: a Saturday or Sunday worked in exchange for a swapped day off. */
    MAKE_UP_WORKING_DAY("làm bù", false),
    /** A weekend day (or holiday) made a working day by an override. */
    OVERRIDE_WORKING_DAY("làm việc theo điều chỉnh", false);

    private final String vietnamese;
    private final boolean dayOff;

    Kind(String vietnamese, boolean dayOff) {
      this.vietnamese = vietnamese;
      this.dayOff = dayOff;
    }

    public String vietnamese() {
      return vietnamese;
    }

    public boolean dayOff() {
      return dayOff;
    }
  }

  public CalendarEntry {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(source, "source");
  }

  public boolean dayOff() {
    return kind.dayOff();
  }

  public EntryStatus status() {
    return source.status();
  }

  static boolean isWeekend(LocalDate date) {
    DayOfWeek d = date.getDayOfWeek();
    return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
  }
}
