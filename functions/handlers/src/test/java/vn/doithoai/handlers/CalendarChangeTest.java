package vn.doithoai.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.aws.DynamoCommunes;
import vn.doithoai.aws.DynamoDeadlineStore;
import vn.doithoai.aws.DynamoTable;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.plan.PlanDeadline;

/** A newly announced swap day moves the open deadlines it touches, and with them their schedules. */
class CalendarChangeTest {
  @Test
  @DisplayName("a commune's own day off on Mon 23/11/2026 moves its plan's notice deadline and replaces its schedules")
  void swapMovesDeadlinesAndSchedules() {
    DynamoTable table = TestTable.create();
    RecordingOutside outside = new RecordingOutside();
    App app = new App(table, Clock.fixed(Instant.parse("2026-11-02T01:00:00Z"), ZoneOffset.UTC), "",
        outside.outside());
    new DynamoCommunes(table).create(HandlerEventsTest.demoCommune(), List.of());
    PlansHandler plans = new PlansHandler(app.managingPlans());
    Map<String, Object> plan = Map.of("year", 2026, "issuer", "peoples-committee", "title", "Đối thoại tháng 12",
        "hosts", List.of(Map.of("position", "Chủ tịch UBND xã")), "audience", "Nhân dân",
        "meetings", List.of(Map.of("id", "m1", "date", "2026-12-04")), "profile", "lang-son-320");
    Map<String, Object> request = Map.of("version", "2.0", "routeKey", "POST /plans", "rawPath", "/plans",
        "rawQueryString", "", "headers", Map.of(), "body", Json.write(plan), "isBase64Encoded", false,
        "requestContext", context("POST /plans"));
    APIGatewayV2HTTPResponse created = plans.handleRequest(Events.toEvent(Json.readObject(Json.write(request))), null);
    assertEquals(201, created.getStatusCode(), created.getBody());
    String id = (String) Json.readObject(created.getBody()).get("id");
    plans.handleRequest(Events.load("plans-announce", Map.of("PLAN_ID", id)), null);
    DynamoDeadlineStore store = new DynamoDeadlineStore(table);
    PlanDeadline before = store.find("demo", id + "#m1#meeting.notice").orElseThrow();
    // 7 working days before Fri 4/12/2026, strict: the 8th working day before (24/11 is a holiday): Mon 23/11
    assertEquals("2026-11-23", before.due().toString());

    // the commune's own administrator closes the office on 23/11: its plans are re-dated at once
    var local = Events.load("calendar-override");
    Map<String, String> claims = new java.util.HashMap<>(local.getRequestContext().getAuthorizer().getJwt().getClaims());
    claims.put("commune", "demo");
    local.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
    APIGatewayV2HTTPResponse added = new CommunesHandler(app).handleRequest(local, null);
    assertEquals(201, added.getStatusCode(), added.getBody());
    assertTrue(added.getBody().contains(id), added.getBody());
    assertTrue(added.getBody().contains("\"scope\":\"commune\""), added.getBody());

    PlanDeadline after = store.find("demo", id + "#m1#meeting.notice").orElseThrow();
    assertEquals("2026-11-20", after.due().toString(), "23/11 and 24/11 are now days off: Fri 20/11");
    assertNotEquals(before.version(), after.version());
    assertNotEquals(before.calendarVersion(), after.calendarVersion());

    // the stream would now carry before → after to the schedules function: old schedules out, new ones in
    new SchedulesHandler(app.schedulingDeadlines()).handleRequest(Map.of("detail", Map.of("before",
        before.toJson(), "after", after.toJson())), null);
    assertTrue(outside.schedules.keySet().stream().allMatch(n -> n.contains("-v" + after.version() + "-")),
        outside.schedules.keySet().toString());
    assertEquals(after.steps().size(), outside.schedules.size());
  }

  private static Map<String, Object> context(String routeKey) {
    return Map.of("accountId", "000000000000", "apiId", "local", "domainName", "localhost", "requestId", "r1",
        "routeKey", routeKey, "stage", "$default", "time", "02/Nov/2026:01:00:00 +0000", "timeEpoch", 0,
        "http", Map.of("method", "POST", "path", "/plans", "protocol", "HTTP/1.1", "sourceIp", "127.0.0.1",
            "userAgent", "test"),
        "authorizer", Map.of("jwt", Map.of("claims", Map.of("sub", "u1", "commune", "demo", "roles", "[office]"))));
  }
}
