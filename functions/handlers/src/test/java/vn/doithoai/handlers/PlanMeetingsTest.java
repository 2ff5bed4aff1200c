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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.aws.DynamoCommunes;
import vn.doithoai.aws.DynamoPlans;
import vn.doithoai.aws.DynamoTable;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.commune.WebhookSecret;

/**
 * Meetings as the seeds write them, through the plan routes (the clock: Sat 22/11/2025): a window announced
 * without a date and its day fixed later, the deadlines derived again; warnings, never refusals, for a day past,
 * a day off, or a day too close for the notice.
 */
class PlanMeetingsTest {
  private DynamoTable table;
  private PlansHandler plans;

  @BeforeEach
  void start() {
    table = TestTable.create();
    App app = new App(table, Clock.fixed(HandlerEventsTest.EVENTS_INSTANT, ZoneOffset.UTC),
        "https://xa.example.vn", new RecordingOutside().outside());
    new DynamoCommunes(table).create(HandlerEventsTest.demoCommune(), List.of(new WebhookSecret("ws1",
        HandlerEventsTest.SECRET, HandlerEventsTest.EVENTS_INSTANT, Optional.empty())));
    plans = new PlansHandler(app.managingPlans());
  }

  private String created(Map<String, Object> meeting) {
    APIGatewayV2HTTPResponse r = call(plans, "office", "POST /plans", "/plans", Map.of(), Map.of(), Json.write(
        Map.of("year", 2025, "issuer", "party-committee", "number", "45-KH/ĐU", "title", "Kế hoạch hội nghị đối "
            + "thoại năm 2025", "hosts", List.of(Map.of("position", "Bí thư Đảng ủy")), "audience",
            "MTTQ, các đoàn thể và Nhân dân", "meetings", List.of(meeting), "profile", "lang-son-320")));
    assertEquals(201, r.getStatusCode(), r.getBody());
    return (String) Json.readObject(r.getBody()).get("id");
  }

  private Map<String, Object> send(String routeKey, String planId, String path, Map<String, Object> body) {
    APIGatewayV2HTTPResponse r = call(plans, "office", routeKey, path, Map.of("planId", planId, "meetingId", "m1"),
        Map.of(), Json.write(body));
    assertEquals(200, r.getStatusCode(), r.getBody());
    return Json.readObject(r.getBody());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> m1(Map<String, Object> plan) {
    return ((List<Map<String, Object>>) plan.get("meetings")).get(0);
  }

  @SuppressWarnings("unchecked")
  private static Object scheduledFrom(Map<String, Object> plan) {
    return ((List<Map<String, Object>>) plan.get("schedule")).get(0).get("meeting");
  }

  private String noticeDue(String planId) {
    return new DynamoPlans(table).openDeadlinesOf("demo").stream()
        .filter(d -> d.planId().equals(planId) && d.ruleId().equals("meeting.notice")).map(d -> d.due().toString())
        .findFirst().orElse("none");
  }

  @Test
  @DisplayName("seed 004's window is announced without a date, counted from its first day, re-derived once dated")
  void windowThenDay() {
    String planId = created(Map.of("id", "m1", "dateFrom", "2025-12-15", "dateTo", "2025-12-31", "venue",
        "Nhà Văn hóa xã", "note", "½ ngày"));
    Map<String, Object> announced = send("POST /plans/{planId}/announce", planId, "/plans/" + planId + "/announce",
        Map.of());
    assertEquals(null, m1(announced).get("date"), "no date invented");
    assertEquals("planned", m1(announced).get("state"));
    assertEquals("2025-12-15", scheduledFrom(announced), "a window counts from its first day");
    String before = noticeDue(planId);

    Map<String, Object> dated = send("PUT /plans/{planId}/meetings/{meetingId}", planId, "/plans/" + planId
        + "/meetings/m1", Map.of("date", "2025-12-23"));
    assertEquals("2025-12-23", m1(dated).get("date"));
    assertEquals("dated", m1(dated).get("state"));
    assertEquals("2025-12-15", m1(dated).get("dateFrom"), "the window is kept");
    assertEquals("2025-12-23", scheduledFrom(dated));
    assertEquals(List.of(), dated.get("warnings"));
    assertTrue(noticeDue(planId).compareTo(before) > 0, "the stored notice deadline moved: " + before + " → "
        + noticeDue(planId));
    assertTrue(dated.toString().contains("plan.meeting-dated"), "audited as dated, not moved");
  }

  @Test
  @DisplayName("a day off, a day too close for the notice, a day past: announced and moved, with warnings")
  @SuppressWarnings("unchecked")
  void warningsNotRefusals() {
    String planId = created(Map.of("id", "m1", "date", "2025-11-23", "venue", "Nhà Văn hóa xã"));
    List<String> announced = (List<String>) send("POST /plans/{planId}/announce", planId, "/plans/" + planId
        + "/announce", Map.of()).get("warnings");
    assertEquals(2, announced.size(), announced.toString());
    assertTrue(announced.get(0).contains("Chủ nhật, 23/11/2025") && announced.get(0).contains("ngày nghỉ"),
        announced.get(0));
    assertTrue(announced.get(1).contains("không còn đủ thời gian thông báo"), announced.get(1));

    APIGatewayV2HTTPResponse noReason = call(plans, "office", "PUT /plans/{planId}/meetings/{meetingId}", "/plans/"
        + planId + "/meetings/m1", Map.of("planId", planId, "meetingId", "m1"), Map.of(), "{\"date\":\"2025-11-20\"}");
    assertEquals(400, noReason.getStatusCode(), "moving a fixed day needs a reason: " + noReason.getBody());
    List<String> moved = (List<String>) send("PUT /plans/{planId}/meetings/{meetingId}", planId, "/plans/" + planId
        + "/meetings/m1", Map.of("date", "2025-11-20", "reason", "Đổi lịch")).get("warnings");
    assertTrue(moved.get(0).contains("ngày 20/11/2025 đã qua (hôm nay là 22/11/2025)"), moved.toString());
  }
}
