package vn.doithoai.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.doithoai.handlers.ContactsByRoleTest.call;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.aws.DynamoCommunes;
import vn.doithoai.aws.DynamoPlans;
import vn.doithoai.aws.DynamoTable;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.commune.WebhookSecret;

/**
 * Seed 001: "Kế hoạch này thay thế Kế hoạch số 66-KH/ĐU ngày 31/01/2026". Announcing the new plan closes the one
 * it replaces: its open deadlines are met as replaced, so no reminder of it is left to fire.
 */
class PlanReplacedTest {
  @Test
  @DisplayName("announcing 70-KH/ĐU, which replaces 66-KH/ĐU, closes 66-KH/ĐU and removes its open deadlines")
  void replacedPlanFallsSilent() {
    DynamoTable table = TestTable.create();
    App app = new App(table, Clock.fixed(HandlerEventsTest.EVENTS_INSTANT, ZoneOffset.UTC),
        "https://xa.example.vn", new RecordingOutside().outside());
    new DynamoCommunes(table).create(HandlerEventsTest.demoCommune(), List.of(new WebhookSecret("ws1",
        HandlerEventsTest.SECRET, HandlerEventsTest.EVENTS_INSTANT, Optional.empty())));
    PlansHandler plans = new PlansHandler(app.managingPlans());
    String other = announce(plans, plan("65-KH/ĐU", "2026-05-20", null));
    String old = announce(plans, plan("66-KH/ĐU", "2026-06-10", null));
    assertTrue(openOf(table, old) > 0, "the replaced plan had open deadlines");
    int otherOpen = openOf(table, other);

    String replacing = announce(plans, plan("70-KH/ĐU", "2026-06-18", "66-KH/ĐU ngày 31/01/2026"));

    Map<String, Object> oldNow = get(plans, old);
    assertEquals("closed", oldNow.get("status"));
    List<?> audit = (List<?>) oldNow.get("audit");
    Map<?, ?> last = (Map<?, ?>) audit.get(audit.size() - 1);
    assertEquals("plan.replaced", last.get("action"));
    assertEquals("70-KH/ĐU", last.get("detail"));
    assertEquals(0, openOf(table, old), "no deadline of the replaced plan is left to remind");
    assertEquals(otherOpen, openOf(table, other), "a plan with another number is untouched");
    assertEquals("announced", get(plans, other).get("status"));
    assertTrue(openOf(table, replacing) > 0);
  }

  private static int openOf(DynamoTable table, String planId) {
    return (int) new DynamoPlans(table).openDeadlinesOf("demo").stream()
        .filter(d -> d.planId().equals(planId)).count();
  }

  private static Map<String, Object> plan(String number, String meeting, String replaces) {
    Map<String, Object> p = new HashMap<>(Json.readObject((String) Events.load("plans-create").getBody()));
    p.put("year", 2026);
    p.put("number", number);
    p.put("meetings", List.of(Map.of("id", "m1", "date", meeting, "venue", "Hội trường Đảng ủy xã")));
    p.put("tasks", List.of());
    if (replaces != null) {
      p.put("replaces", replaces);
    }
    return p;
  }

  private static String announce(PlansHandler plans, Map<String, Object> plan) {
    APIGatewayV2HTTPResponse created = call(plans, "office", "POST /plans", "/plans", Map.of(), Map.of(),
        Json.write(plan));
    assertEquals(201, created.getStatusCode(), created.getBody());
    String id = (String) Json.readObject(created.getBody()).get("id");
    APIGatewayV2HTTPResponse announced = call(plans, "office", "POST /plans/{planId}/announce", "/plans/" + id
        + "/announce", Map.of("planId", id), Map.of(), "{\"version\":1}");
    assertEquals(200, announced.getStatusCode(), announced.getBody());
    return id;
  }

  private static Map<String, Object> get(PlansHandler plans, String id) {
    APIGatewayV2HTTPResponse r = call(plans, "office", "GET /plans/{planId}", "/plans/" + id, Map.of("planId", id),
        Map.of(), null);
    assertEquals(200, r.getStatusCode(), r.getBody());
    return Json.readObject(r.getBody());
  }
}
