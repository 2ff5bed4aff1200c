package vn.doithoai.core.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each commune's working calendar: the shipped data with the national overrides and the commune's own on
 * top. Kept for a minute per commune, so a newly announced swap reaches every running function within a
 * minute without a redeploy (and at once in the function that recorded it).
 */
public final class Calendars {
  static final Duration TTL = Duration.ofMinutes(1);

  private record Cached(WorkingCalendar calendar, Instant at) {}

  private final java.util.function.Supplier<WorkingCalendar> shipped;
  private final CalendarOverrides overrides;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  public Calendars(WorkingCalendar shipped, CalendarOverrides overrides, Clock clock) {
    this(() -> shipped, overrides, clock);
  }

  /**
   * With the shipped calendar loaded on first use: functions that never count a deadline (intake, the public
   * page, the relay, the mailer) do not pay for loading it at a cold start.
   */
  public Calendars(java.util.function.Supplier<WorkingCalendar> shipped, CalendarOverrides overrides, Clock clock) {
    this.shipped = shipped;
    this.overrides = overrides;
    this.clock = clock;
  }

  /** A calendar that never changes: the shipped data only (tests, the CLI without overrides). */
  public static Calendars fixed(WorkingCalendar calendar) {
    return new Calendars(calendar, new CalendarOverrides() {
      @Override
      public java.util.List<CalendarOverride> forCommune(Optional<String> communeId) {
        return java.util.List.of();
      }

      @Override
      public void add(Optional<String> communeId, CalendarOverride override) {
        throw new UnsupportedOperationException("this calendar takes no overrides");
      }
    }, Clock.systemUTC());
  }

  public WorkingCalendar forCommune(String communeId) {
    Instant now = clock.instant();
    Cached c = cache.get(communeId);
    if (c == null || c.at().plus(TTL).isBefore(now)) {
      c = new Cached(shipped.get().withOverrides(overrides.forCommune(Optional.of(communeId))), now);
      cache.put(communeId, c);
    }
    return c.calendar();
  }

  /** The commune's calendar read again at its next use (a change made by another function instance). */
  public void refresh(String communeId) {
    cache.remove(communeId);
  }

  public void add(Optional<String> communeId, CalendarOverride override) {
    overrides.add(communeId, override);
    cache.clear();
  }
}
