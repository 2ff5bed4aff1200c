package vn.doithoai.core.intake;

import java.time.Duration;
import java.time.Instant;
import vn.doithoai.core.usage.UsageCounter;

/**
 * Port: each commune's own budget of intake requests, so that one commune's flood (a broken website retrying
 * in a loop, an attacker with its form) is refused without touching the others. A token bucket per commune and
 * channel: {@link Rate#burst} requests at once, then one every {@link Rate#interval}.
 */
public interface IntakeBudget {
  /** The bucket's size and refill. */
  record Rate(int burst, Duration interval) {
    public Rate {
      if (burst < 1 || interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("a rate needs a burst of at least 1 and a positive interval");
      }
    }
  }

  /** What taking a token did. */
  sealed interface Decision {
    /** Served; {@code counted}: the request was added to the commune's usage ({@code requests}) by the same write. */
    record Taken(boolean counted) implements Decision {}

    /** Refused: the bucket is empty; a token is back after {@code retryAfter}. */
    record Refused(Duration retryAfter) implements Decision {}
  }

  /**
   * Takes one token of the commune's {@code requests} bucket at {@code now} (atomically: concurrent requests never
   * take the same token), and counts the request in the commune's usage when it is taken.
   */
  Decision take(String communeId, UsageCounter requests, Rate rate, Instant now);

  /** No budget (tests and tools that build the use case by hand): every request served, none counted here. */
  IntakeBudget UNLIMITED = (communeId, requests, rate, now) -> new Decision.Taken(false);
}
