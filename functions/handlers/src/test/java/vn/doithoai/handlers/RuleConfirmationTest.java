package vn.doithoai.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.aws.DynamoCommunes;
import vn.doithoai.aws.DynamoDeadlineStore;
import vn.doithoai.aws.DynamoRuleConfirmations;
import vn.doithoai.aws.DynamoTable;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.plan.PlanDeadline;

/**
 * POST /rules/{instrumentId}/confirm: a platform administrator confirms an unconfirmed source (the written reply
 * attributed to 11-QĐi/TW) with a citation; who and when are recorded once, and the open deadlines it governs
 * escalate from then on. Anyone else is refused; a second confirmation is a conflict.
 */
class RuleConfirmationTest {
  private static final String REPLY = "#m1#opinion.written-reply";

  @Test
  @DisplayName("confirming 11-QĐi/TW records who, when and the citation, and gives a Party plan's written reply its escalations")
  void confirmThenEscalates() {
    DynamoTable table = TestTable.create();
    App app = new App(table, Clock.fixed(Instant.parse("2026-05-04T01:00:00Z"), ZoneOffset.UTC), "",
        new RecordingOutside().outside());
    new DynamoCommunes(table).create(HandlerEventsTest.demoCommune(), List.of());
    String id = partyPlan(app);
    DynamoDeadlineStore store = new DynamoDeadlineStore(table);
    PlanDeadline before = store.find("demo", id + REPLY).orElseThrow();
    assertTrue(before.steps().stream().noneMatch(s -> s.name().startsWith("escalat")),
        "unconfirmed: reminders only " + before.steps());

    CommunesHandler h = new CommunesHandler(app);
    APIGatewayV2HTTPResponse office = h.handleRequest(as(Events.load("rules-confirm"), "demo", "[admin]"), null);
    assertEquals(403, office.getStatusCode(), "a commune's admin cannot confirm a national source");

    APIGatewayV2HTTPResponse noSource = h.handleRequest(withBody(Events.load("rules-confirm"), "{}"), null);
    assertEquals(400, noSource.getStatusCode());
    assertTrue(noSource.getBody().contains("trích dẫn văn bản đã đối chiếu"), noSource.getBody());

    APIGatewayV2HTTPResponse ok = h.handleRequest(Events.load("rules-confirm"), null);
    assertEquals(202, ok.getStatusCode(), ok.getBody());
    Map<String, Object> body = Json.readObject(ok.getBody());
    assertEquals("official", body.get("status"));
    assertEquals("local-platform", body.get("confirmedBy"));
    assertEquals("2026-05-04T01:00:00Z", body.get("confirmedAt"));
    assertEquals(1, ((Number) body.get("communesQueued")).intValue(), "one registered commune: " + body);
    var stored = new DynamoRuleConfirmations(table).all();
    assertEquals(1, stored.size());
    assertEquals("rule.confirmed", stored.get(0).audit().action());
    assertTrue(stored.get(0).source().startsWith("Quy định số 11-QĐi/TW"));

    // asynchronously: the commune's CommuneRederive re-dates its plans (once: a second delivery moves nothing)
    assertEquals(before, store.find("demo", id + REPLY).orElseThrow(), "nothing re-dated inside the API call");
    List<String> work = Redates.waiting(table, "demo");
    assertEquals(1, work.size(), work.toString());
    RedateHandler redate = new RedateHandler(app.redatingCommunes());
    assertEquals(1, Redates.deliver(redate, "demo", work.get(0)));
    assertEquals(0, Redates.deliver(redate, "demo", work.get(0)));
    assertEquals(List.of(), Redates.waiting(table, "demo"));
    PlanDeadline after = store.find("demo", id + REPLY).orElseThrow();
    assertFalse(after.steps().stream().noneMatch(s -> s.name().startsWith("escalat")),
        "confirmed: the overdue ladder " + after.steps());
    assertTrue(after.version() > before.version());

    APIGatewayV2HTTPResponse again = h.handleRequest(Events.load("rules-confirm"), null);
    assertEquals(409, again.getStatusCode(), again.getBody());
  }

  @Test
  @DisplayName("an instrument that does not exist is 404; one that is already official is 409")
  void unknownOrOfficial() {
    DynamoTable table = TestTable.create();
    App app = new App(table, Clock.fixed(Instant.parse("2026-05-04T01:00:00Z"), ZoneOffset.UTC), "",
        new RecordingOutside().outside());
    CommunesHandler h = new CommunesHandler(app);
    APIGatewayV2HTTPEvent unknown = Events.load("rules-confirm");
    unknown.setPathParameters(Map.of("instrumentId", "khong-co"));
    assertEquals(404, h.handleRequest(unknown, null).getStatusCode());
    APIGatewayV2HTTPEvent official = Events.load("rules-confirm");
    official.setPathParameters(Map.of("instrumentId", "lgl-2025-art43"));
    APIGatewayV2HTTPResponse r = h.handleRequest(official, null);
    assertEquals(409, r.getStatusCode(), r.getBody());
  }

  /** A Party plan under the national floor, meeting on Thu 21/05/2026, announced. */
  private static String partyPlan(App app) {
    PlansHandler plans = new PlansHandler(app.managingPlans());
    Map<String, Object> plan = Map.of("year", 2026, "issuer", "party-committee", "title", "Đối thoại tháng 5",
        "hosts", List.of(Map.of("position", "Bí thư Đảng ủy")), "audience", "Nhân dân",
        "meetings", List.of(Map.of("id", "m1", "date", "2026-05-21")), "profile", "national-floor",
        "legalBasis", List.of("Quy định số 11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị"));
    APIGatewayV2HTTPEvent create = Events.load("plans-create");
    create.setBody(Json.write(plan));
    create.setIsBase64Encoded(false);
    APIGatewayV2HTTPResponse created = plans.handleRequest(create, null);
    assertEquals(201, created.getStatusCode(), created.getBody());
    String id = (String) Json.readObject(created.getBody()).get("id");
    assertEquals(200, plans.handleRequest(Events.load("plans-announce", Map.of("PLAN_ID", id)), null)
        .getStatusCode());
    return id;
  }

  private static APIGatewayV2HTTPEvent withBody(APIGatewayV2HTTPEvent e, String body) {
    e.setBody(body);
    e.setIsBase64Encoded(false);
    return e;
  }

  private static APIGatewayV2HTTPEvent as(APIGatewayV2HTTPEvent e, String commune, String roles) {
    Map<String, String> claims = new java.util.HashMap<>(e.getRequestContext().getAuthorizer().getJwt().getClaims());
    claims.put("commune", commune);
    claims.put("roles", roles);
    e.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
    return e;
  }
}
