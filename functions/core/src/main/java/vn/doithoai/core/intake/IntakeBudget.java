package vn.doithoai.core.intake;

import java.time.Duration;
import java.time.Instant;

/**
 * Port: each commune's own budget of intake requests, so that one commune's flood (a broken website retrying
 * in a loop, an attacker with its form) is refused without touching the others. A token bucket per commune and
 * way in: {@link Rate#burst} requests at once, then one every {@link Rate#interval}.
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

  /** The ways in, each with a bucket of its own per commune. */
  enum Bucket {
    /**
     * Signed deliveries of the commune's website: 20 at once, then one every 3 s (1,200 an hour): far above what
     * a commune's website sends (a busy one, a few hundred opinions the week before a dialogue), far below what
     * one commune could take from the deployment-wide ceiling (template.yaml, the webhook route's throttle).
     */
    WEBHOOK(new Rate(20, Duration.ofSeconds(3))),
    /** The hosted form: 10 at once, then one every 6 s (600 an hour), on top of its daily limits per address. */
    FORM(new Rate(10, Duration.ofSeconds(6)));

    private final Rate rate;

    Bucket(Rate rate) {
      this.rate = rate;
    }

    public Rate rate() {
      return rate;
    }
  }

  /** What taking a token did. */
  sealed interface Decision {
    /** Served; {@code counted}: the request was added to the commune's usage by the same write. */
    record Taken(boolean counted) implements Decision {}

    /** Refused: the bucket is empty; a token is back after {@code retryAfter}. */
    record Refused(Duration retryAfter) implements Decision {}
  }

  /**
   * Takes one token of the commune's bucket at {@code now} (atomically: concurrent requests never take the same
   * token), at {@code rate}; an adapter may count the request in the commune's usage with the same write.
   */
  Decision take(String communeId, Bucket bucket, Rate rate, Instant now);

  /** {@link #take} at the bucket's own rate. */
  default Decision take(String communeId, Bucket bucket, Instant now) {
    return take(communeId, bucket, bucket.rate(), now);
  }

  /** No budget (tests and tools that build the use case by hand): every request served, none counted here. */
  IntakeBudget UNLIMITED = (communeId, bucket, rate, now) -> new Decision.Taken(false);
}
