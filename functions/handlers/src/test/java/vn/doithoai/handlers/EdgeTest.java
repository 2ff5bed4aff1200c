package vn.doithoai.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.usage.UsageCounter;
import vn.doithoai.core.usage.UsageCounters;
import vn.doithoai.handlers.observability.Invocation;
import vn.doithoai.handlers.observability.Telemetry;

class EdgeTest {
  /** 17:30 UTC on 31/12 is already January in Vietnam. */
  static final Clock NEW_YEAR_EVE = Clock.fixed(Instant.parse("2026-12-31T17:30:00Z"), ZoneOffset.UTC);
  private final List<String> lines = new ArrayList<>();
  private final List<String> added = new ArrayList<>();

  @BeforeEach
  void capture() {
    Telemetry.sink(lines::add);
  }

  @AfterEach
  void release() {
    Telemetry.reset();
  }

  private UsageCounters counters(boolean failing) {
    return new UsageCounters() {
      @Override
      public void add(String communeId, YearMonth month, Map<UsageCounter, Long> counts) {
        if (failing) {
          throw new IllegalStateException("throttled");
        }
        added.add(communeId + " " + month + " " + counts);
      }

      @Override
      public List<CommuneUsage> month(YearMonth month) {
        return List.of();
      }
    };
  }

  @Test
  @DisplayName("an invocation's counts are added once per commune, in the month of Vietnam's clock")
  void counted() {
    Edge edge = new Edge(counters(false), NEW_YEAR_EVE);
    Invocation i = Invocation.start(null, Invocation.Step.STREAM_RELAY).usage("demo", UsageCounter.STORED_ITEMS, 2)
        .usage("demo", UsageCounter.STORED_BYTES, 300).usage("xa-b", UsageCounter.STORED_ITEMS, 1);
    assertEquals("ok", edge.run(i, () -> "ok"));
    assertEquals(List.of("demo 2027-01 {STORED_ITEMS=2, STORED_BYTES=300}", "xa-b 2027-01 {STORED_ITEMS=1}"), added);
  }

  @Test
  @DisplayName("a count that fails leaves the answer as it was and says so in a WARN line; a failure is logged")
  void countingNeverFailsTheInvocation() {
    Edge edge = new Edge(counters(true), NEW_YEAR_EVE);
    assertEquals("ok", edge.run(Invocation.start(null, Invocation.Step.MAIL_SEND)
        .usage("demo", UsageCounter.EMAILS, 1), () -> "ok"));
    assertEquals("usage-counted", Json.readObject(lines.get(0)).get("step"));
    assertEquals("failed", Json.readObject(lines.get(0)).get("outcome"));
    assertThrows(IllegalArgumentException.class, () -> edge.run(Invocation.start(null, Invocation.Step.MAIL_SEND),
        () -> {
          throw new IllegalArgumentException("x");
        }));
    Map<String, Object> failed = Json.readObject(lines.get(lines.size() - 1));
    assertEquals("java.lang.IllegalArgumentException", failed.get("exception"));
    assertTrue(lines.size() >= 3);
  }
}
