package vn.doithoai.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.doithoai.handlers.ContactsByRoleTest.call;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.aws.DynamoCommunes;
import vn.doithoai.aws.DynamoTable;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.commune.WebhookSecret;

/**
 * The notice quotes what the citizen typed: names and phone numbers in it are flagged in the draft, publishing
 * refuses while a flag is open, the office redacts a phrase or confirms it is not personal data (audited without
 * the phrase), and the public page shows neither the phrase nor the village the citizen typed.
 */
class ConclusionRedactionTest {
  static final String TEXT = "Gia đình ông Nguyễn Văn Dũng (SĐT 0912 345 678) lấn chiếm hành lang đường lên đền "
      + "Bà Chúa Kho.";

  @Test
  @DisplayName("flagged in the draft, refused at publishing, redacted or cleared with an audit entry, then public without them")
  void redactBeforePublishing() {
    DynamoTable table = TestTable.create();
    App app = new App(table, Clock.fixed(HandlerEventsTest.EVENTS_INSTANT, ZoneOffset.UTC),
        "https://xa.example.vn/doithoai", new RecordingOutside().outside());
    new DynamoCommunes(table).create(HandlerEventsTest.demoCommune(), List.of(new WebhookSecret("ws1",
        HandlerEventsTest.SECRET, HandlerEventsTest.EVENTS_INSTANT, Optional.empty())));
    PlansHandler plans = new PlansHandler(app.managingPlans());
    String planId = (String) body(plans.handleRequest(Events.load("plans-create"), null)).get("id");
    plans.handleRequest(Events.load("plans-announce", Map.of("PLAN_ID", planId)), null);
    OpinionsHandler opinions = new OpinionsHandler(app.handlingOpinions());
    String opinion = (String) body(call(opinions, "office", "POST /opinions", "/opinions", Map.of(), Map.of(),
        Json.write(Map.of("channel", "spoken", "field", "land", "content", TEXT, "raisers", List.of(Map.of(
            "name", "Nguyễn Văn Dũng", "village", "xóm Giếng, cạnh nhà bà Tư"))))))
        .get("id");
    call(opinions, "office", "POST /opinions/{opinionId}/triage", "/opinions/" + opinion + "/triage",
        Map.of("opinionId", opinion), Map.of(), "{\"decision\":\"accept\",\"plan\":\"" + planId + "\"}");
    assertEquals(200, call(opinions, "office", "POST /opinions/{opinionId}/assign", "/opinions/" + opinion
        + "/assign", Map.of("opinionId", opinion), Map.of(), "{\"agency\":\"phong-kinh-te\"}").getStatusCode());

    ConclusionsHandler h = new ConclusionsHandler(app.publishingConclusion(), app.communes());
    Map<String, String> meeting = Map.of("planId", planId, "meetingId", "m1");
    assertEquals(200, call(h, "office", "POST /plans/{planId}/meetings/{meetingId}/record", "/plans/" + planId
        + "/meetings/m1/record", meeting, Map.of(), "{\"attendees\":80,\"chair\":\"Vy Xuân Tình\","
        + "\"secretary\":\"Hoàng Thị Lan\"}").getStatusCode());
    APIGatewayV2HTTPResponse drafted = call(h, "office", "POST /plans/{planId}/meetings/{meetingId}/conclusion",
        "/plans/" + planId + "/meetings/m1/conclusion", meeting, Map.of(), null);
    assertEquals(201, drafted.getStatusCode(), drafted.getBody());
    String id = (String) body(drafted).get("id");
    assertEquals(List.of("name:Nguyễn Văn Dũng", "phone:0912 345 678", "name:Chúa Kho"), flags(drafted));
    Map<String, Object> item = (Map<String, Object>) ((List<?>) body(drafted).get("assigned")).get(0);
    assertEquals("Một công dân", item.get("raisedBy"), "no consent: neither the name nor the typed village");

    Map<String, String> c = Map.of("conclusionId", id);
    assertEquals(200, call(h, "host", "POST /conclusions/{conclusionId}/approve", "/conclusions/" + id + "/approve",
        c, Map.of(), null).getStatusCode());
    APIGatewayV2HTTPResponse refused = publish(h, id);
    assertEquals(409, refused.getStatusCode(), refused.getBody());
    Map<?, ?> error = (Map<?, ?>) body(refused).get("error");
    assertEquals("personal_data_unresolved", error.get("code"));
    assertTrue(((String) error.get("message")).contains("phần \"Giao giải quyết\", mục 1 (DT-"), refused.getBody());
    assertTrue(((String) error.get("message")).contains("họ tên, số điện thoại"), refused.getBody());

    assertEquals(403, redact(h, "agency", id, "{\"phrase\":\"0912 345 678\"}").getStatusCode());
    assertEquals(400, redact(h, "office", id, "{\"phrase\":\"không có trong văn bản\"}").getStatusCode());
    assertEquals(400, redact(h, "office", id, "{\"phrase\":\"hành lang\",\"notPersonal\":true}").getStatusCode(),
        "only a flagged phrase can be cleared");
    APIGatewayV2HTTPResponse phone = redact(h, "office", id, "{\"phrase\":\"0912 345 678\"}");
    assertEquals(200, phone.getStatusCode(), phone.getBody());
    assertEquals(List.of("name:Nguyễn Văn Dũng", "name:Chúa Kho"), flags(phone));
    List<?> audit = (List<?>) body(phone).get("audit");
    Map<?, ?> last = (Map<?, ?>) audit.get(audit.size() - 1);
    assertEquals("conclusion.redacted", last.get("action"));
    assertEquals("1 mục, 12 ký tự", last.get("detail"), "how much, never what");
    assertFalse(Json.write(audit).contains("0912"), "the removed phrase is not in the audit trail");
    redact(h, "office", id, "{\"phrase\":\"Nguyễn Văn Dũng\"}");
    APIGatewayV2HTTPResponse cleared = redact(h, "office", id, "{\"phrase\":\"Chúa Kho\",\"notPersonal\":true}");
    assertEquals(List.of(), flags(cleared), cleared.getBody());

    APIGatewayV2HTTPResponse published = publish(h, id);
    assertEquals(200, published.getStatusCode(), published.getBody());
    assertEquals(409, redact(h, "office", id, "{\"phrase\":\"Chúa Kho\"}").getStatusCode(), "published: final");
    String page = new PublicHandler(app)
        .handleRequest(Events.load("public-conclusion-page", Map.of("CONCLUSION_ID", id)), null).getBody();
    assertTrue(page.contains("Gia đình ông *** (SĐT ***) lấn chiếm hành lang đường lên đền Bà Chúa Kho."), page);
    for (String gone : List.of("0912", "Nguyễn Văn Dũng", "Giếng", "bà Tư")) {
      assertFalse(page.contains(gone), gone + " on the public page");
    }
  }

  private static APIGatewayV2HTTPResponse publish(ConclusionsHandler h, String id) {
    return call(h, "office", "POST /conclusions/{conclusionId}/publish", "/conclusions/" + id + "/publish",
        Map.of("conclusionId", id), Map.of(), "{\"date\":\"2025-12-01\"}");
  }

  private static APIGatewayV2HTTPResponse redact(ConclusionsHandler h, String role, String id, String body) {
    return call(h, role, "POST /conclusions/{conclusionId}/redactions", "/conclusions/" + id + "/redactions",
        Map.of("conclusionId", id), Map.of(), body);
  }

  private static List<String> flags(APIGatewayV2HTTPResponse r) {
    return ((List<?>) body(r).get("personalData")).stream().map(f -> ((Map<?, ?>) f).get("kind") + ":"
        + ((Map<?, ?>) f).get("text")).toList();
  }

  private static Map<String, Object> body(APIGatewayV2HTTPResponse r) {
    return Json.readObject(r.getBody());
  }
}
