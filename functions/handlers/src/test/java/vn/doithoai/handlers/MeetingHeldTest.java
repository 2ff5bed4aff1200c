package vn.doithoai.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import vn.doithoai.aws.DynamoPlans;
import vn.doithoai.aws.DynamoTable;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.commune.WebhookSecret;

/**
 * A meeting held fulfils what prepared it: its notice and the tasks due before it stop being reminded and stop
 * appearing in digests as overdue; what comes after the meeting (the conclusion notice, the report) stays open.
 */
class MeetingHeldTest {
  @Test
  @DisplayName("recording the meeting meets its open deadlines due on or before it, and only those")
  void meetingFulfilsItsPreparations() {
    DynamoTable table = TestTable.create();
    App app = new App(table, Clock.fixed(HandlerEventsTest.EVENTS_INSTANT, ZoneOffset.UTC),
        "https://xa.example.vn", new RecordingOutside().outside());
    new DynamoCommunes(table).create(HandlerEventsTest.demoCommune(), List.of(new WebhookSecret("ws1",
        HandlerEventsTest.SECRET, HandlerEventsTest.EVENTS_INSTANT, Optional.empty())));
    PlansHandler plans = new PlansHandler(app.managingPlans());
    String planId = (String) Json.readObject(plans.handleRequest(Events.load("plans-create"), null).getBody())
        .get("id");
    plans.handleRequest(Events.load("plans-announce", Map.of("PLAN_ID", planId)), null);
    List<String> before = open(table, planId);
    assertTrue(before.contains("meeting.notice"), before.toString());
    assertTrue(before.stream().anyMatch(r -> r.startsWith("t")), "the Front's task: " + before);
    assertTrue(before.contains("conclusion.notice"), before.toString());

    ConclusionsHandler h = new ConclusionsHandler(app.publishingConclusion(), app.communes());
    APIGatewayV2HTTPResponse recorded = call(h, "office", "POST /plans/{planId}/meetings/{meetingId}/record",
        "/plans/" + planId + "/meetings/m1/record", Map.of("planId", planId, "meetingId", "m1"), Map.of(),
        "{\"attendees\":80,\"chair\":\"Vy Xuân Tình\",\"secretary\":\"Hoàng Thị Lan\"}");
    assertEquals(200, recorded.getStatusCode(), recorded.getBody());

    List<String> after = open(table, planId);
    assertTrue(after.contains("conclusion.notice"), "after the meeting: still due " + after);
    assertTrue(!after.contains("meeting.notice") && after.stream().noneMatch(r -> r.startsWith("t")),
        "the meeting's preparations are met: " + after);
    APIGatewayV2HTTPResponse plan = call(plans, "office", "GET /plans/{planId}", "/plans/" + planId,
        Map.of("planId", planId), Map.of(), null);
    assertEquals("held", Json.readObject(plan.getBody()).get("status"));
    assertTrue(plan.getBody().contains("plan.met-by-meeting"), plan.getBody());
  }

  private static List<String> open(DynamoTable table, String planId) {
    return new DynamoPlans(table).openDeadlinesOf("demo").stream()
        .filter(d -> d.planId().equals(planId)).map(d -> d.ruleId()).toList();
  }
}
