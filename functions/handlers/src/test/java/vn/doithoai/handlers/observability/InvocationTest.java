package vn.doithoai.handlers.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.opinion.Channel;
import vn.doithoai.core.usage.UsageCounter;

class InvocationTest {
  private final List<String> lines = new ArrayList<>();

  @BeforeEach
  void capture() {
    Telemetry.sink(lines::add);
  }

  @AfterEach
  void release() {
    Telemetry.reset();
  }

  private static Invocation started() {
    return Invocation.start(new FakeContext("OpinionsFunction", "8f0c1d2e-0000-4000-8000-000000000001"),
        Invocation.Step.HTTP_REQUEST);
  }

  @Test
  @DisplayName("one JSON line per invocation: request id, function, route, commune, status, outcome, latency, code")
  void invocationLine() {
    started().route("POST /opinions/{opinionId}/triage").commune("demo").status(409).error("stale_version")
        .finish();
    assertEquals(1, lines.size());
    Map<String, Object> line = Json.readObject(lines.get(0));
    assertEquals("8f0c1d2e-0000-4000-8000-000000000001", line.get("requestId"));
    assertEquals("OpinionsFunction", line.get("function"));
    assertEquals("POST /opinions/{opinionId}/triage", line.get("route"));
    assertEquals("demo", line.get("commune"));
    assertEquals(409L, ((Number) line.get("status")).longValue());
    assertEquals("error", line.get("outcome"));
    assertEquals("stale_version", line.get("errorCode"));
    assertEquals("WARN", line.get("level"));
    assertTrue(line.get("latencyMs") instanceof Number);
  }

  @Test
  @DisplayName("an e-mail, a name or a sentence given where an id or a code goes is written as '?' or left out")
  void noPersonalDataPasses() {
    Invocation i = Invocation.start(new FakeContext("dung@example.vn", "Hoàng Văn Dũng"), Invocation.Step.MAIL_SEND)
        .route("Đường liên thôn Nà Pàn xuống cấp").commune("hoa@example.vn").error("Sai chữ ký của Ông Dũng");
    i.metric(Metric.WEBHOOK_REJECTIONS, 1, "+84 912 345 678");
    i.usage("dung@example.vn", UsageCounter.OPINIONS, 1);
    i.finish();
    String all = String.join("\n", lines);
    for (String personal : List.of("dung@", "hoa@", "Hoàng", "Nà Pàn", "Dũng", "912")) {
      assertFalse(all.contains(personal), personal + " in " + all);
    }
    assertTrue(i.usage().isEmpty(), "no usage under an id that is not an id");
    Map<String, Object> line = Json.readObject(lines.get(0));
    assertEquals("?", line.get("function"));
    assertNull(line.get("commune"));
    assertEquals("?", line.get("errorCode"));
  }

  @Test
  @DisplayName("metrics in Embedded Metric Format: namespace Doithoai, dimensions function + channel, no commune")
  void emf() {
    started().commune("demo").metric(Metric.OPINIONS_RECEIVED, 1, Channel.MEETING_CARD)
        .metric(Metric.OPINIONS_RECEIVED, 2, Channel.MEETING_CARD).metric(Metric.TRIAGE_DECISIONS, 1, "merge")
        .finish();
    assertEquals(3, lines.size(), "the invocation's line, then one EMF line per set of dimension values");
    Map<String, Object> emf = Json.readObject(lines.get(1));
    Map<?, ?> aws = (Map<?, ?>) emf.get("_aws");
    assertTrue(aws.get("Timestamp") instanceof Number);
    Map<?, ?> directive = (Map<?, ?>) ((List<?>) aws.get("CloudWatchMetrics")).get(0);
    assertEquals("Doithoai", directive.get("Namespace"));
    assertEquals(List.of(List.of("function", "channel")), directive.get("Dimensions"));
    assertEquals(List.of(Map.of("Name", "OpinionsReceived", "Unit", "Count")), directive.get("Metrics"));
    assertEquals("OpinionsFunction", emf.get("function"));
    assertEquals("meeting-card", emf.get("channel"));
    assertEquals(3L, ((Number) emf.get("OpinionsReceived")).longValue());
    assertFalse(emf.containsKey("commune"), "a commune is never a dimension (nor a property): " + emf);
    assertEquals("merge", Json.readObject(lines.get(2)).get("decision"));
  }

  @Test
  @DisplayName("a failure of ours is logged with its class and where it was thrown, never its message")
  void failure() {
    started().failure(new IllegalStateException("dung@example.vn")).finish();
    Map<String, Object> line = Json.readObject(lines.get(0));
    assertEquals("ERROR", line.get("level"));
    assertEquals("java.lang.IllegalStateException", line.get("exception"));
    assertTrue(((String) line.get("at")).startsWith(InvocationTest.class.getName() + ".failure:"), lines.get(0));
    assertFalse(lines.get(0).contains("dung@"));
  }
}
