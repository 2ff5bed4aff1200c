package vn.doithoai.handlers;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Map;
import vn.doithoai.core.rules.DeadlineScheduling;
import vn.doithoai.core.usage.UsageCounter;
import vn.doithoai.core.usage.UsageCounters;
import vn.doithoai.handlers.observability.Invocation;

/**
 * The end of every invocation at the handler edge: its usage counts added to each commune's counters of this
 * month (one {@code UpdateItem ADD} a commune), then its log and metric lines. Counting is bookkeeping: when
 * the add fails, the invocation's answer stands and a WARN step line says the count was lost.
 */
final class Edge {
  /** For handlers made in tests without a table: lines written, nothing counted. */
  static final Edge UNCOUNTED = new Edge(null, Clock.systemUTC());

  private final UsageCounters counters;
  private final Clock clock;

  Edge(UsageCounters counters, Clock clock) {
    this.counters = counters;
    this.clock = clock;
  }

  /** Runs an invocation's work; a failure is recorded (its class, where) and thrown on; the end is told. */
  <T> T run(Invocation invocation, java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException | Error e) {
      invocation.failure(e);
      throw e;
    } finally {
      finish(invocation);
    }
  }

  void finish(Invocation invocation) {
    if (counters != null && !invocation.usage().isEmpty()) {
      YearMonth month = YearMonth.now(clock.withZone(DeadlineScheduling.VIETNAM));
      for (Map.Entry<String, Map<UsageCounter, Long>> e : invocation.usage().entrySet()) {
        try {
          counters.add(e.getKey(), month, e.getValue());
        } catch (RuntimeException failed) {
          invocation.step(Invocation.Step.USAGE_COUNTED, Outcome.FAILED, Map.of());
        }
      }
    }
    invocation.finish();
  }

  enum Outcome { FAILED }

  /** A handler whose invocations end at an {@link Edge}; counted only once given one. */
  abstract static class Handler {
    Edge edge = UNCOUNTED;

    /** This handler, its invocations counted by {@code e} (the wiring's, or a test's). */
    @SuppressWarnings("unchecked")
    <H extends Handler> H countedBy(Edge e) {
      this.edge = e;
      return (H) this;
    }
  }
}
