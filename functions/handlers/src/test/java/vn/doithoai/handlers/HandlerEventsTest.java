package vn.doithoai.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.doithoai.aws.DynamoCommunes;
import vn.doithoai.aws.DynamoMailOutbox;
import vn.doithoai.aws.DynamoTable;
import vn.doithoai.core.commune.Agency;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.commune.WebhookSecret;
import vn.doithoai.core.common.Json;

/** Every sample event in events/, through its handler, against DynamoDB Local; the clock is the events' instant. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HandlerEventsTest {
  static final Instant EVENTS_INSTANT = Instant.ofEpochSecond(1763773200);
  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  private DynamoTable table;
  private App app;

  @BeforeAll
  void setUp() {
    table = TestTable.create();
    app = new App(table, Clock.fixed(EVENTS_INSTANT, ZoneOffset.UTC), "https://xa.example.vn/doithoai",
        new RecordingOutside().outside());
    new DynamoCommunes(table).create(new Commune("demo", "Xã Demo", "Lạng Sơn", "lang-son-320", "Văn phòng Đảng ủy",
        "Văn phòng HĐND và UBND", "vanphong@demo.example.vn", null, "mttq@demo.example.vn", null,
        List.of(new Agency("phong-kinh-te", "Phòng Kinh tế", "kinhte@demo.example.vn")), 1, EVENTS_INSTANT),
        List.of(new WebhookSecret("ws1", SECRET, EVENTS_INSTANT, Optional.empty())));
  }

  static Commune demoCommune() {
    return new Commune("demo", "Xã Demo", "Lạng Sơn", "lang-son-320", "Văn phòng Đảng ủy", "Văn phòng HĐND và UBND",
        "vanphong@demo.example.vn", null, "mttq@demo.example.vn", null,
        List.of(new Agency("phong-kinh-te", "Phòng Kinh tế", "kinhte@demo.example.vn")), 1, EVENTS_INSTANT);
  }

  private static Map<String, Object> body(APIGatewayV2HTTPResponse r) {
    return Json.readObject(r.getBody());
  }

  @Test
  @DisplayName("webhook: signed JSON → 202 with a tracking code; the same delivery again → 200, same code")
  void webhookJson() {
    WebhookHandler h = new WebhookHandler(app.submittingOpinion());
    APIGatewayV2HTTPResponse first = h.handleRequest(Events.load("webhook-json"), null);
    assertEquals(202, first.getStatusCode(), first.getBody());
    String code = (String) body(first).get("trackingCode");
    assertTrue(code.matches("DT-[0-9A-Z]{4}-[0-9A-Z]{4}"), code);
    APIGatewayV2HTTPResponse again = h.handleRequest(Events.load("webhook-json"), null);
    assertEquals(200, again.getStatusCode());
    assertEquals(code, body(again).get("trackingCode"));

    // the citizen follows it on the public page, which shows no personal data
    APIGatewayV2HTTPResponse status = new PublicHandler(app).handleRequest(
        Events.load("public-status", Map.of("DT-0000-0000", code)), null);
    assertEquals(200, status.getStatusCode(), status.getBody());
    assertEquals("received", body(status).get("status"));
    assertFalse(status.getBody().contains("Hoàng Văn Dũng"));
    assertFalse(status.getBody().contains("0912"));
    // the acknowledgement is queued from the table's stream (the relay): exactly one, however often it comes
    assertEquals(0, new DynamoMailOutbox(table).pending(50).stream()
        .filter(m -> m.to().equals("dung.hv@example.vn")).count(), "nothing written with the opinion");
    vn.doithoai.core.opinion.Opinion stored = app.opinions().findByTrackingCode("demo", code).orElseThrow();
    assertEquals(1, app.acknowledgingOpinion().acknowledge(stored));
    assertEquals(0, app.acknowledgingOpinion().acknowledge(stored), "a replayed stream record");
    assertEquals(1, new DynamoMailOutbox(table).pending(50).stream()
        .filter(m -> m.to().equals("dung.hv@example.vn")).count());
  }

  @Test
  @DisplayName("webhook: form-encoded body, base64 as API Gateway delivers it → 202")
  void webhookForm() {
    APIGatewayV2HTTPResponse r = new WebhookHandler(app.submittingOpinion())
        .handleRequest(Events.load("webhook-form-base64"), null);
    assertEquals(202, r.getStatusCode(), r.getBody());
  }

  @Test
  @DisplayName("webhook: a bad signature → 401, nothing stored")
  void webhookBadSignature() {
    APIGatewayV2HTTPResponse r = new WebhookHandler(app.submittingOpinion())
        .handleRequest(Events.load("webhook-bad-signature"), null);
    assertEquals(401, r.getStatusCode());
    assertEquals("invalid_signature", ((Map<?, ?>) body(r).get("error")).get("code"));
  }

  /** One deadline of the first meeting's schedule in a plan response. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> deadline(APIGatewayV2HTTPResponse plan, String rule) {
    List<Map<String, Object>> schedule = (List<Map<String, Object>>) body(plan).get("schedule");
    return ((List<Map<String, Object>>) schedule.get(0).get("deadlines")).stream().filter(d -> rule.equals(
        d.get("rule"))).findFirst().orElseThrow(() -> new AssertionError("no deadline " + rule));
  }

  @Test
  @DisplayName("plans: create, get with schedule, update, list, announce, reschedule, cancel")
  void plans() {
    PlansHandler h = new PlansHandler(app.managingPlans());
    APIGatewayV2HTTPResponse created = h.handleRequest(Events.load("plans-create"), null);
    assertEquals(201, created.getStatusCode(), created.getBody());
    Map<String, String> id = Map.of("PLAN_ID", (String) body(created).get("id"));
    APIGatewayV2HTTPResponse got = h.handleRequest(Events.load("plans-get", id), null);
    assertEquals(200, got.getStatusCode());
    assertTrue(got.getBody().contains("\"rule\":\"meeting.notice\""), got.getBody());
    assertTrue(got.getBody().contains("\"due\":\"2025-11-10\""), got.getBody());
    // where each deadline stands today (22/11/2025), as the console shows it
    Map<String, Object> notice = deadline(got, "meeting.notice");
    assertEquals(List.of("overdue", "Quá hạn", "văn phòng"), List.of(notice.get("state"), notice.get("stateText"),
        notice.get("ownerText")));
    assertEquals("pending", deadline(got, "opinion.resolution").get("state"), "counted from a notice not yet issued");
    assertEquals(200, h.handleRequest(Events.load("plans-update", id), null).getStatusCode());
    assertTrue(h.handleRequest(Events.load("plans-list"), null).getBody().contains("13-KH/ĐU"));
    APIGatewayV2HTTPResponse announced = h.handleRequest(Events.load("plans-announce", id), null);
    assertEquals("announced", body(announced).get("status"), announced.getBody());
    APIGatewayV2HTTPResponse moved = h.handleRequest(Events.load("plans-reschedule", id), null);
    assertEquals(200, moved.getStatusCode(), moved.getBody());
    assertTrue(moved.getBody().contains("2025-11-27"));
    APIGatewayV2HTTPResponse cancelled = h.handleRequest(Events.load("plans-cancel", id), null);
    assertEquals("cancelled", body(cancelled).get("status"));
    assertEquals("cancelled", deadline(cancelled, "meeting.notice").get("state"));
    // a cancelled plan cannot be announced again: 409 with a Vietnamese message
    APIGatewayV2HTTPResponse again = h.handleRequest(Events.load("plans-announce", id), null);
    assertEquals(409, again.getStatusCode());
  }

  @Test
  @DisplayName("opinions: enter, compiled list, list, get, accept, assign, extend, answer (agency), close")
  void opinionsLifecycle() {
    OpinionsHandler h = new OpinionsHandler(app.handlingOpinions());
    APIGatewayV2HTTPResponse entered = h.handleRequest(Events.load("opinions-enter"), null);
    assertEquals(201, entered.getStatusCode(), entered.getBody());
    Map<String, String> id = Map.of("OPINION_ID", (String) body(entered).get("id"));
    APIGatewayV2HTTPResponse compiled = h.handleRequest(Events.load("opinions-compiled"), null);
    assertEquals(201, compiled.getStatusCode(), compiled.getBody());
    assertTrue(compiled.getBody().contains("\"raiserCount\":14"));
    assertTrue(h.handleRequest(Events.load("opinions-list"), null).getBody().contains(id.get("OPINION_ID")));
    assertEquals(200, h.handleRequest(Events.load("opinions-get", id), null).getStatusCode());
    assertEquals("accepted", body(h.handleRequest(Events.load("opinions-triage-accept", id), null)).get("status"));
    APIGatewayV2HTTPResponse assigned = h.handleRequest(Events.load("opinions-assign", id), null);
    assertEquals("assigned", body(assigned).get("status"), assigned.getBody());
    // due 19/12/2025 (20 working days from the Saturday it was assigned); the cap is 30 working days: 06/01/2026
    assertTrue(assigned.getBody().contains("\"due\":\"2025-12-19\""), assigned.getBody());
    assertTrue(assigned.getBody().contains("\"cap\":\"2026-01-06\""), assigned.getBody());
    APIGatewayV2HTTPResponse extended = h.handleRequest(Events.load("opinions-extend", id), null);
    assertEquals(200, extended.getStatusCode(), extended.getBody());
    assertTrue(extended.getBody().contains("\"extendedTo\":\"2026-01-05\""));
    APIGatewayV2HTTPResponse answered = h.handleRequest(Events.load("opinions-answer", id), null);
    assertEquals("answered", body(answered).get("status"), answered.getBody());
    assertEquals("closed", body(h.handleRequest(Events.load("opinions-close", id), null)).get("status"));
    APIGatewayV2HTTPResponse withAudit = h.handleRequest(Events.load("opinions-get", id), null);
    assertTrue(withAudit.getBody().contains("opinion.assigned"));
  }

  @Test
  @DisplayName("opinions: redirect, forward, refuse and merge each end the opinion; a second triage is 409")
  void opinionsTriageOutcomes() {
    OpinionsHandler h = new OpinionsHandler(app.handlingOpinions());
    String a = (String) body(h.handleRequest(Events.load("opinions-enter"), null)).get("id");
    String b = (String) body(h.handleRequest(Events.load("opinions-enter"), null)).get("id");
    String c = (String) body(h.handleRequest(Events.load("opinions-enter"), null)).get("id");
    String d = (String) body(h.handleRequest(Events.load("opinions-enter"), null)).get("id");
    assertEquals("redirected", body(h.handleRequest(Events.load("opinions-triage-redirect",
        Map.of("OPINION_ID", a)), null)).get("status"));
    assertEquals("forwarded", body(h.handleRequest(Events.load("opinions-forward",
        Map.of("OPINION_ID", b)), null)).get("status"));
    assertEquals("refused", body(h.handleRequest(Events.load("opinions-refuse",
        Map.of("OPINION_ID", c)), null)).get("status"));
    APIGatewayV2HTTPResponse merged = h.handleRequest(Events.load("opinions-merge",
        Map.of("OPINION_ID", d, "TARGET_ID", b)), null);
    assertEquals(409, merged.getStatusCode(), "a forwarded opinion takes no merge");
    APIGatewayV2HTTPResponse twice = h.handleRequest(Events.load("opinions-refuse", Map.of("OPINION_ID", c)), null);
    assertEquals(409, twice.getStatusCode());
    assertNotNull(((Map<?, ?>) body(twice).get("error")).get("message"));
  }

  @Test
  @DisplayName("conclusion: record the meeting, draft, edit, approve (host), publish numbered, public page and feed")
  void conclusion() {
    PlansHandler plans = new PlansHandler(app.managingPlans());
    String planId = (String) body(plans.handleRequest(Events.load("plans-create"), null)).get("id");
    plans.handleRequest(Events.load("plans-announce", Map.of("PLAN_ID", planId)), null);
    OpinionsHandler ops = new OpinionsHandler(app.handlingOpinions());
    String opinion = (String) body(ops.handleRequest(Events.load("opinions-enter"), null)).get("id");
    Map<String, String> ids = Map.of("PLAN_ID", planId, "OPINION_ID", opinion);
    ConclusionsHandler h = new ConclusionsHandler(app.publishingConclusion(), app.communes());
    APIGatewayV2HTTPResponse recorded = h.handleRequest(Events.load("conclusions-record", ids), null);
    assertEquals(200, recorded.getStatusCode(), recorded.getBody());
    APIGatewayV2HTTPResponse drafted = h.handleRequest(Events.load("conclusions-draft", ids), null);
    assertEquals(201, drafted.getStatusCode(), drafted.getBody());
    Map<String, String> c = Map.of("CONCLUSION_ID", (String) body(drafted).get("id"));
    assertTrue(drafted.getBody().contains("Xã bố trí kinh phí dọn bãi rác"), "resolved at the meeting");
    assertEquals(200, h.handleRequest(Events.load("conclusions-edit", c), null).getStatusCode());
    APIGatewayV2HTTPResponse early = h.handleRequest(Events.load("conclusions-publish", c), null);
    assertEquals(409, early.getStatusCode(), "not approved yet");
    assertEquals(403, h.handleRequest(Events.load("conclusions-approve", Map.of("CONCLUSION_ID", c.get(
        "CONCLUSION_ID"), "[host]", "[office]")), null).getStatusCode(), "only the host approves");
    assertEquals("approved", body(h.handleRequest(Events.load("conclusions-approve", c), null)).get("status"));
    APIGatewayV2HTTPResponse published = h.handleRequest(Events.load("conclusions-publish", c), null);
    assertEquals(200, published.getStatusCode(), published.getBody());
    assertEquals("Số 01-TB/ĐU", body(published).get("number"));
    assertTrue(body(plans.handleRequest(Events.load("plans-get", Map.of("PLAN_ID", planId)), null)).get("status")
        .equals("concluded"));
    PublicHandler pub = new PublicHandler(app);
    APIGatewayV2HTTPResponse page = pub.handleRequest(Events.load("public-conclusion-page", c), null);
    assertEquals(200, page.getStatusCode());
    assertTrue(page.getHeaders().get("content-type").startsWith("text/html"));
    assertTrue(page.getBody().contains("ĐẢNG CỘNG SẢN VIỆT NAM") && page.getBody().contains("Số 01-TB/ĐU"));
    assertTrue(pub.handleRequest(Events.load("public-conclusions-feed"), null).getBody().contains(c.get(
        "CONCLUSION_ID")));
    APIGatewayV2HTTPResponse correction = h.handleRequest(Events.load("conclusions-correct", c), null);
    assertEquals(2, ((Number) body(correction).get("edition")).intValue());
    assertEquals(404, pub.handleRequest(Events.load("public-conclusion-page", Map.of("CONCLUSION_ID",
        (String) body(correction).get("id"))), null).getStatusCode(), "a draft correction is not public");

    FollowUpHandler f = new FollowUpHandler(app.followingUp(), app.exporting());
    APIGatewayV2HTTPResponse report = f.handleRequest(Events.load("followup-report", ids), null);
    assertEquals(200, report.getStatusCode(), report.getBody());
    assertEquals(1, ((Number) ((Map<?, ?>) body(report).get("counts")).get("atMeeting")).intValue());
    APIGatewayV2HTTPResponse sent = f.handleRequest(Events.load("followup-send-report", ids), null);
    assertEquals(201, sent.getStatusCode(), sent.getBody());
    assertEquals("Số 01-BC/ĐU", body(sent).get("number"));
    assertTrue(f.handleRequest(Events.load("followup-reports", ids), null).getBody().contains("Số 01-BC/ĐU"));
    APIGatewayV2HTTPResponse stats = f.handleRequest(Events.load("followup-statistics", ids), null);
    assertEquals(200, stats.getStatusCode(), stats.getBody());
    assertEquals("plan", body(stats).get("scope"));
    assertEquals(200, f.handleRequest(Events.load("followup-year-statistics"), null).getStatusCode());
    APIGatewayV2HTTPResponse xlsx = f.handleRequest(Events.load("followup-export-xlsx", ids), null);
    assertEquals(200, xlsx.getStatusCode(), xlsx.getBody());
    assertTrue(xlsx.getIsBase64Encoded());
    assertTrue(xlsx.getHeaders().get("content-disposition").startsWith("attachment; filename=\"giao-viec-"));
    byte[] zip = java.util.Base64.getDecoder().decode(xlsx.getBody());
    assertEquals('P', zip[0], "an XLSX is a zip");
    APIGatewayV2HTTPResponse ics = f.handleRequest(Events.load("followup-meeting-calendar", ids), null);
    assertEquals(200, ics.getStatusCode(), ics.getBody());
    assertTrue(new String(java.util.Base64.getDecoder().decode(ics.getBody()), java.nio.charset.StandardCharsets.UTF_8)
        .startsWith("BEGIN:VCALENDAR"));
    APIGatewayV2HTTPResponse minutes = f.handleRequest(Events.load("followup-document-minutes-docx", ids), null);
    assertEquals(200, minutes.getStatusCode(), minutes.getBody());
    assertEquals(vn.doithoai.core.common.Download.DOCX, minutes.getHeaders().get("content-type"));
    String next = (String) body(plans.handleRequest(Events.load("plans-create"), null)).get("id");
    APIGatewayV2HTTPResponse carried = f.handleRequest(Events.load("followup-carry-over", Map.of("PLAN_ID", planId,
        "TARGET_PLAN", next)), null);
    assertEquals(200, carried.getStatusCode(), carried.getBody());
  }

  @Test
  @DisplayName("communes: register (platform admin, secret shown once), get, update, rotate the secret")
  void communes() {
    CommunesHandler h = new CommunesHandler(app);
    APIGatewayV2HTTPResponse registered = h.handleRequest(Events.load("communes-register"), null);
    assertEquals(201, registered.getStatusCode(), registered.getBody());
    assertTrue(registered.getBody().contains("whsec_"));
    APIGatewayV2HTTPResponse got = h.handleRequest(Events.load("communes-get"), null);
    assertEquals(200, got.getStatusCode());
    assertFalse(got.getBody().contains("whsec_"), "secrets are never read back");
    assertEquals(200, h.handleRequest(Events.load("communes-update"), null).getStatusCode());
    APIGatewayV2HTTPResponse rotated = h.handleRequest(Events.load("communes-rotate-secret"), null);
    assertEquals(201, rotated.getStatusCode(), rotated.getBody());
  }

  @Test
  @DisplayName("session samples: who is signed in from the authorizer's claims; sign-out clears the HttpOnly cookie")
  void session() {
    SessionHandler h = new SessionHandler(() -> {
      throw new AssertionError("no sign-in in these samples");
    });
    APIGatewayV2HTTPResponse me = h.handleRequest(Events.load("session-current"), null);
    assertEquals(200, me.getStatusCode(), me.getBody());
    assertEquals("demo", body(me).get("commune"));
    assertEquals(java.util.List.of("office"), body(me).get("roles"));
    APIGatewayV2HTTPResponse out = h.handleRequest(Events.load("session-sign-out"), null);
    assertEquals(204, out.getStatusCode());
    assertEquals(java.util.List.of("dt_session=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Strict"),
        out.getCookies());
  }
}
