package vn.doithoai.core.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A change on top of the shipped calendar: a newly announced swap, a national day off declared at short
 * notice, or a commune's local closure. Overrides apply without a redeploy and change the calendar version.
 */
public record CalendarOverride(LocalDate date, boolean workingDay, Scope scope, String reason, String source) {

  /** Who the override applies to. */
  public enum Scope {
    /** Every commune (e.g. a swap announced after the data shipped). */
    NATIONAL,
    /** One commune only (a local closure, a flood day). */
    COMMUNE
  }

  public CalendarOverride {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(scope, "scope");
    reason = reason == null ? "" : reason.strip();
    source = source == null ? "" : source.strip();
    if (reason.isEmpty()) {
      throw new IllegalArgumentException("Điều chỉnh lịch ngày " + date + " cần nêu lý do");
    }
  }

  public static CalendarOverride dayOff(LocalDate date, Scope scope, String reason, String source) {
    return new CalendarOverride(date, false, scope, reason, source);
  }

  public static CalendarOverride workingDay(LocalDate date, Scope scope, String reason, String source) {
    return new CalendarOverride(date, true, scope, reason, source);
  }

  CalendarEntry toEntry() {
    String citation = (scope == Scope.NATIONAL ? "Điều chỉnh toàn quốc" : "Điều chỉnh của xã")
        + (source.isEmpty() ? "" : ": " + source);
    return new CalendarEntry(date,
        workingDay ? CalendarEntry.Kind.OVERRIDE_WORKING_DAY : CalendarEntry.Kind.OVERRIDE_DAY_OFF,
        reason, new Source(citation, EntryStatus.OFFICIAL, null));
  }

  /** A stable text form, used to fingerprint the calendar version. */
  String canonical() {
    return date + "|" + (workingDay ? "W" : "O") + "|" + scope + "|" + reason + "|" + source;
  }
}
