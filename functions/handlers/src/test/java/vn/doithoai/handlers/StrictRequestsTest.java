package vn.doithoai.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.doithoai.core.common.Json;

/** Issue #11, item 3: the inputs that were 500s or accepted-then-lost, each with the answer it gets now. */
class StrictRequestsTest {
  private static FuzzTargets targets;

  @BeforeAll
  static void setUp() {
    targets = new FuzzTargets();
  }

  private static APIGatewayV2HTTPResponse webhook(String commune, String body) {
    return targets.webhook(commune, "application/json", body.getBytes(StandardCharsets.UTF_8));
  }

  private static String opinion(String field, String json) {
    return "{\"content\":\"Ý kiến về đường liên thôn\",\"name\":\"Hoàng Văn Dũng\",\"phone\":\"0912345678\",\""
        + field + "\":" + json + "}";
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"", " ", "\n", "{\"content\":\"a\",\"content\":\"b\",\"name\":\"An\",\"phone\":\"0912345678\"}",
      "{\"content\":\"a\",\"name\":\"An\",\"phone\":\"0912345678\"}}}garbage",
      "{\"content\":\"a\",\"name\":\"An\",\"phone\":\"0912345678\"}{\"content\":\"b\"}"})
  @DisplayName("webhook: empty, whitespace, duplicated-key, trailing-garbage and two-object bodies are 400")
  void malformedBodies(String body) {
    APIGatewayV2HTTPResponse r = webhook("demo", body);
    assertEquals(400, r.getStatusCode(), r.getBody());
    assertTrue(r.getBody().contains("malformed_json"), r.getBody());
  }

  @Test
  @DisplayName("webhook: ten thousand levels of nesting is a 400, not a stack overflow")
  void deepNesting() {
    assertEquals(400, webhook("demo", opinion("x", "[".repeat(10_000) + "]".repeat(10_000))).getStatusCode());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"demo#x", "demo%23x", "../demo", "demo/x", "đồng-văn", "x\u0000"})
  @DisplayName("a path segment outside the id grammar is a 404, never a 500")
  void pathSegments(String commune) {
    assertEquals(404, webhook(commune, opinion("village", "\"Thôn A\"")).getStatusCode());
    assertEquals(404, targets.staff("POST /opinions/{opinionId}/triage", Map.of("opinionId", commune),
        "{}".getBytes(StandardCharsets.UTF_8)).getStatusCode());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"\"ý.kiến@xa.vn\"", "\"a\\\"b@xa.vn\"", "\".a@xa.vn\"", "\"a@b..vn\"", "\"\\ud800@xa.vn\""})
  @DisplayName("e-mail addresses SES can never send to are a 400 on the field, in Vietnamese")
  void undeliverableAddresses(String address) {
    APIGatewayV2HTTPResponse r = webhook("demo", opinion("email", address));
    assertEquals(400, r.getStatusCode(), r.getBody());
    assertTrue(r.getBody().contains("\"field\":\"email\""), r.getBody());
  }

  @Test
  @DisplayName("an id with a # in a body (plan, meeting) is a 400 on its field, not a 500 from the key builder")
  void idsInBodies() {
    APIGatewayV2HTTPResponse r = webhook("demo", opinion("plan", "\"p#1\""));
    assertEquals(400, r.getStatusCode(), r.getBody());
    assertTrue(r.getBody().contains("\"field\":\"plan\""), r.getBody());
    APIGatewayV2HTTPResponse plan = targets.staff("POST /plans", Map.of(), ("{\"year\":2025,\"issuer\":"
        + "\"party-committee\",\"title\":\"Kế hoạch\",\"meetings\":[{\"id\":\"m#1\",\"date\":\"2025-11-20\"}]}")
        .getBytes(StandardCharsets.UTF_8));
    assertEquals(400, plan.getStatusCode(), plan.getBody());
    assertTrue(plan.getBody().contains("meetings[0].id"), plan.getBody());
  }

  @ParameterizedTest(name = "[{index}] issuer {0}")
  @ValueSource(strings = {"\"\"", "\" \"", "\"\\u000b\""})
  @DisplayName("a required choice sent blank is a 400 on its field (it was a NullPointerException)")
  void blankRequiredChoice(String issuer) {
    APIGatewayV2HTTPResponse plan = targets.staff("POST /plans", Map.of(), ("{\"year\":2025,\"issuer\":" + issuer
        + ",\"title\":\"Kế hoạch\",\"meetings\":[{\"id\":\"m1\",\"date\":\"2025-11-20\"}]}")
        .getBytes(StandardCharsets.UTF_8));
    assertEquals(400, plan.getStatusCode(), plan.getBody());
    assertTrue(plan.getBody().contains("\"field\":\"issuer\""), plan.getBody());
  }

  @Test
  @DisplayName("webhook: a blank e-mail with no phone is a 400 asking for a contact")
  void blankContact() {
    APIGatewayV2HTTPResponse r = webhook("demo", "{\"content\":\"Ý kiến\",\"name\":\"An\",\"email\":\" \"}");
    assertEquals(400, r.getStatusCode(), r.getBody());
    assertTrue(r.getBody().contains("e-mail hoặc số điện thoại"), r.getBody());
  }

  @Test
  @DisplayName("staff: a vertical tab separates two words (one space), an IDN domain is stored in punycode")
  @SuppressWarnings("unchecked")
  void normalisedOnce() {
    APIGatewayV2HTTPResponse r = targets.staff("POST /opinions", Map.of(), ("{\"channel\":\"meeting-card\","
        + "\"content\":\"Đường\\u000bliên thôn\",\"raisers\":[{\"name\":\"An\",\"email\":\"an@Xã.vn\"}]}")
        .getBytes(StandardCharsets.UTF_8));
    assertEquals(201, r.getStatusCode(), r.getBody());
    Map<String, Object> o = Json.readObject(r.getBody());
    assertEquals("Đường liên thôn", o.get("content"));
    assertTrue(r.getBody().contains("an@xn--x-yfa.vn"), r.getBody());
  }

  @Test
  @DisplayName("a new well-formed delivery is still a 202")
  void wellFormed() {
    assertEquals(202, webhook("demo", opinion("email", "\"dung.hv@example.vn\"")).getStatusCode());
  }

  @Test
  @DisplayName("whatever a handler throws (an Error too) becomes a logged 500 with the request id")
  void anyThrowableIsA500() {
    ApiHandler failing = new ApiHandler() {
      @Override
      protected Map<String, Route> routes() {
        return Map.of("GET /x", r -> {
          throw new StackOverflowError();
        });
      }
    };
    APIGatewayV2HTTPResponse r = failing.handleRequest(com.amazonaws.services.lambda.runtime.events
        .APIGatewayV2HTTPEvent.builder().withRouteKey("GET /x").build(), null);
    assertEquals(500, r.getStatusCode());
    assertTrue(r.getBody().contains("internal_error"), r.getBody());
  }
}
