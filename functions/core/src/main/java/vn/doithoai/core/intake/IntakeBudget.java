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

    /** {@code 20/3}: a burst of 20, then one every 3 s (seconds may have a fraction: {@code 1000/0.01}). */
    public static Rate parse(String spec) {
      int slash = spec.indexOf('/');
      if (slash < 0) {
        throw new IllegalArgumentException("a rate is burst/seconds, not " + spec);
      }
      return new Rate(Integer.parseInt(spec.substring(0, slash).strip()), Duration.ofMillis(Math.round(
          Double.parseDouble(spec.substring(slash + 1).strip()) * 1000)));
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
    /**
     * The hosted form: 60 at once (a meeting hall scanning the poster's QR code together), then one every 3 s, on
     * top of its daily limits per address and contact (20), which a single sender meets first.
     */
    FORM(new Rate(60, Duration.ofSeconds(3)));

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

  /**
   * This budget at other rates: {@code webhook=1000/0.01,form=10/6} (the local runtime's end-to-end tests, which
   * send a hundred opinions a second to one commune); a bucket not named keeps its own.
   */
  default IntakeBudget at(String spec) {
    java.util.Map<Bucket, Rate> rates = new java.util.EnumMap<>(Bucket.class);
    for (String part : spec.split(",")) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("rates are bucket=burst/seconds, not " + part);
      }
      rates.put(Bucket.valueOf(part.substring(0, eq).strip().toUpperCase(java.util.Locale.ROOT)),
          Rate.parse(part.substring(eq + 1)));
    }
    IntakeBudget self = this;
    return (communeId, bucket, rate, now) -> self.take(communeId, bucket, rates.getOrDefault(bucket, rate), now);
  }

  /** No budget (tests and tools that build the use case by hand): every request served, none counted here. */
  IntakeBudget UNLIMITED = (communeId, bucket, rate, now) -> new Decision.Taken(false);
}
