package vn.doithoai.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.aws.DynamoCommunes;
import vn.doithoai.aws.DynamoTable;
import vn.doithoai.aws.DynamoUsage;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.commune.WebhookSecret;
import vn.doithoai.core.intake.WebhookVerifier;
import vn.doithoai.core.usage.UsageCounter;

/** Fairness between communes: each commune's intake budget, through the webhook handler. */
class IntakeBudgetTest {
  @Test
  @DisplayName("commune A's website floods: past its 20 it gets 429 in Vietnamese with Retry-After; commune B, "
      + "at the same instant, is served; each served request counted once")
  void oneCommunesFloodLeavesTheOthersServed() {
    DynamoTable table = TestTable.create();
    App app = new App(table, Clock.fixed(HandlerEventsTest.EVENTS_INSTANT, ZoneOffset.UTC),
        "https://xa.example.vn/doithoai", new RecordingOutside().outside());
    Commune demo = HandlerEventsTest.demoCommune();
    for (String id : List.of("xa-a", "xa-b")) {
      new DynamoCommunes(table).create(new Commune(id, "Xã " + id, demo.province(), demo.profileId(),
          demo.partyOfficeName(), demo.peoplesCommitteeOfficeName(), demo.officeEmail(), null, demo.frontEmail(),
          null, demo.agencies(), 1, HandlerEventsTest.EVENTS_INSTANT), List.of(new WebhookSecret("ws1",
          HandlerEventsTest.SECRET, HandlerEventsTest.EVENTS_INSTANT, Optional.empty())));
    }
    WebhookHandler h = new WebhookHandler(app.submittingOpinion()).countedBy(app.edge());
    for (int i = 0; i < 20; i++) {
      APIGatewayV2HTTPResponse r = h.handleRequest(delivery("xa-a", "msg_a_" + i), null);
      assertEquals(202, r.getStatusCode(), r.getBody());
    }
    APIGatewayV2HTTPResponse refused = h.handleRequest(delivery("xa-a", "msg_a_20"), null);
    assertEquals(429, refused.getStatusCode(), refused.getBody());
    assertEquals("3", refused.getHeaders().get("retry-after"));
    assertTrue(refused.getBody().contains("quá nhiều ý kiến") && refused.getBody().contains("sau 3 giây"),
        refused.getBody());
    APIGatewayV2HTTPResponse other = h.handleRequest(delivery("xa-b", "msg_b_0"), null);
    assertEquals(202, other.getStatusCode(), other.getBody());
    // a retry of a delivery A already made is refused too while A is over budget: the website tries it later
    assertEquals(429, h.handleRequest(delivery("xa-a", "msg_a_0"), null).getStatusCode());

    var month = new DynamoUsage(table).month(YearMonth.from(HandlerEventsTest.EVENTS_INSTANT.atZone(
        ZoneOffset.ofHours(7))));
    assertEquals(20L, month.get(0).counts().get(UsageCounter.API_WEBHOOK), "A: counted with its token, once");
    assertEquals(1L, month.get(1).counts().get(UsageCounter.API_WEBHOOK));
  }

  private static APIGatewayV2HTTPEvent delivery(String commune, String id) {
    long ts = HandlerEventsTest.EVENTS_INSTANT.getEpochSecond();
    byte[] body = Json.write(Map.of("content", "Đường liên thôn xuống cấp, đề nghị xã sửa chữa.", "name",
        "Người dân", "email", "nguoidan@example.vn")).getBytes(StandardCharsets.UTF_8);
    String secret = HandlerEventsTest.SECRET;
    byte[] key = Base64.getDecoder().decode(secret.substring(secret.indexOf('_') + 1));
    APIGatewayV2HTTPEvent e = Events.load("webhook-json", Map.of("/webhooks/demo/", "/webhooks/" + commune + "/"));
    e.setPathParameters(Map.of("commune", commune));
    e.getHeaders().put("webhook-id", id);
    e.getHeaders().put("webhook-timestamp", Long.toString(ts));
    e.getHeaders().put("webhook-signature", WebhookVerifier.signature(key, id, ts, body));
    e.setBody(new String(body, StandardCharsets.UTF_8));
    e.setIsBase64Encoded(false);
    return e;
  }
}
