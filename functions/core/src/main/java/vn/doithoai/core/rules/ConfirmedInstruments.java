package vn.doithoai.core.rules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The shipped instruments with the administrators' confirmations on top. Kept for a minute, like the calendars,
 * so a confirmation reaches every running function within a minute (and at once in the one that recorded it).
 */
public final class ConfirmedInstruments implements Supplier<Instruments> {
  static final Duration TTL = Duration.ofMinutes(1);

  private record Cached(Instruments instruments, Instant at) {}

  private final Supplier<Instruments> shipped;
  private final RuleConfirmations confirmations;
  private final Clock clock;
  private volatile Cached cached;

  /** {@code shipped} is read on first use: a function that never derives a deadline does not load it. */
  public ConfirmedInstruments(Supplier<Instruments> shipped, RuleConfirmations confirmations, Clock clock) {
    this.shipped = shipped;
    this.confirmations = confirmations;
    this.clock = clock;
  }

  @Override
  public Instruments get() {
    Instant now = clock.instant();
    Cached c = cached;
    if (c == null || c.at().plus(TTL).isBefore(now)) {
      Instruments base = shipped.get();
      // a confirmation of an instrument no longer shipped is kept in the table but has nothing to confirm
      c = new Cached(base.confirmed(confirmations.all().stream().map(RuleConfirmation::instrumentId)
          .filter(id -> base.find(id).isPresent()).collect(Collectors.toSet())), now);
      cached = c;
    }
    return c.instruments();
  }

  public List<RuleConfirmation> confirmations() {
    return confirmations.all();
  }

  /** The confirmations read again at the next use (a confirmation made by another function instance). */
  public void refresh() {
    cached = null;
  }

  public void add(RuleConfirmation confirmation) {
    confirmations.add(confirmation);
    cached = null;
  }
}
