package vn.doithoai.handlers;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The handlers' clock: the system clock, shifted by {@code DOITHOAI_CLOCK_OFFSET_MILLIS} when that system
 * property is set — only the local runtime sets it, so a demo or a test can move time forward. In AWS it is
 * the system clock.
 */
public final class AppClock extends Clock {
  public static final String OFFSET = "DOITHOAI_CLOCK_OFFSET_MILLIS";
  static final AppClock INSTANCE = new AppClock();

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.offset(Clock.system(zone), java.time.Duration.ofMillis(offset()));
  }

  @Override
  public Instant instant() {
    return Instant.now().plusMillis(offset());
  }

  private static long offset() {
    String v = System.getProperty(OFFSET);
    return v == null ? 0 : Long.parseLong(v);
  }
}
