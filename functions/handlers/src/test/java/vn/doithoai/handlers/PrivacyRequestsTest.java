package vn.doithoai.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.doithoai.aws.DynamoCommunes;
import vn.doithoai.aws.DynamoMailOutbox;
import vn.doithoai.aws.DynamoOpinions;
import vn.doithoai.aws.DynamoPrivacyRequests;
import vn.doithoai.aws.DynamoTable;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.commune.WebhookSecret;
import vn.doithoai.core.opinion.Channel;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.privacy.PrivacyNotice;
import vn.doithoai.core.rights.Retaining;

/**
 * Issue #17 item 5 through the real handlers against DynamoDB Local: the consent a raiser gave, a citizen's
 * export and erasure through the office (by phone or e-mail, however written), role and tenant checks, and the
 * retention sweep.
 */
class PrivacyRequestsTest {
  private static final String EMAIL = "dung.hv@example.vn"; // the webhook-json sample's citizen
  private DynamoTable table;
  private App app;
  private String opinionId;

  @BeforeEach
  void setUp() {
    table = TestTable.create();
    app = new App(table, Clock.fixed(HandlerEventsTest.EVENTS_INSTANT, ZoneOffset.UTC), "https://xa.example.vn/doithoai",
        new RecordingOutside().outside());
    new DynamoCommunes(table).create(HandlerEventsTest.demoCommune(), List.of(new WebhookSecret("ws1",
        HandlerEventsTest.SECRET, HandlerEventsTest.EVENTS_INSTANT, Optional.empty())));
    APIGatewayV2HTTPResponse sent = new WebhookHandler(app.submittingOpinion()).handleRequest(
        Events.load("webhook-json"), null);
    assertEquals(202, sent.getStatusCode(), sent.getBody());
    opinionId = app.handlingOpinions().page(actor("office"), new vn.doithoai.core.common.Input(Map.of()))
        .opinions().get(0).opinion().id();
    // the relay's part: the acknowledgement queued from the opinion's insert
    app.acknowledgingOpinion().acknowledge("demo", opinionId);
  }

  @Test
  @DisplayName("the website's consent is kept with the opinion: basis, purpose, when, channel, notice version")
  void consentRecorded() {
    Opinion o = new DynamoOpinions(table).find("demo", opinionId).orElseThrow();
    var consent = o.raisers().get(0).consent().orElseThrow();
    assertEquals("consent", consent.basis());
    assertEquals(List.of("handle-opinion"), consent.purposes());
    assertEquals(PrivacyNotice.current().version(), consent.noticeVersion());
    assertEquals("website", consent.channel());
    assertEquals(HandlerEventsTest.EVENTS_INSTANT, consent.at());
  }

  @Test
  @DisplayName("the notice where data is collected: the form (with its version and the consent box), the status "
      + "page, and GET /public/{commune}/privacy as a page or as JSON for the website")
  void noticeServed() {
    PublicHandler h = new PublicHandler(app);
    String version = PrivacyNotice.current().version();
    String form = h.handleRequest(Events.load("public-form-page"), null).getBody();
    assertTrue(form.contains("name=\"privacyNotice\" value=\"" + version + "\"") && form.contains("name=\"consent\"")
        && form.contains("Thông báo về dữ liệu cá nhân"), form);
    String code = new DynamoOpinions(table).find("demo", opinionId).orElseThrow().trackingCode();
    Map<String, Object> status = new java.util.HashMap<>(Events.json("public-status"));
    status.put("pathParameters", Map.of("commune", "demo", "trackingCode", code));
    status.put("headers", Map.of("accept", "text/html"));
    String statusPage = h.handleRequest(SampleEvents.http(status), null).getBody();
    assertTrue(statusPage.contains("Phiên bản " + version), statusPage);
    APIGatewayV2HTTPResponse page = h.handleRequest(Events.load("public-privacy"), null);
    assertEquals(200, page.getStatusCode());
    assertTrue(page.getBody().contains("24 tháng") && page.getBody().contains("Xã Demo thu thập"), page.getBody());
    Map<String, Object> json = Json.readObject(h.handleRequest(SampleEvents.http(ContactsByRoleTest.event(
        "GET /public/{commune}/privacy", "/public/demo/privacy", Map.of("commune", "demo"), Map.of(), null,
        Map.of())), null).getBody());
    assertEquals(version, json.get("version"));
    assertEquals(24, ((Number) json.get("retentionMonths")).intValue());
  }

  @Test
  @DisplayName("a consent naming a notice we never published, or none, is refused in Vietnamese")
  void unknownNoticeRefused() {
    Map<String, Object> fields = Map.of("content", "Đề nghị sửa đường.", "name", "Lò Văn Tám", "phone", "0987654321",
        "consent", "true", "privacyNotice", "2025-06.000000000000");
    DomainException e = assertThrows(DomainException.class, () -> app.submittingOpinion().submitForm("demo", fields,
        "tokentokentoken123", Channel.PUBLIC_FORM, () -> { }));
    assertTrue(e.fieldErrors().get(0).message().contains(PrivacyNotice.current().version()), e.fieldErrors().toString());
    Map<String, Object> without = Map.of("content", "Đề nghị sửa đường.", "name", "Lò Văn Tám", "phone",
        "0987654321", "consent", "true");
    DomainException none = assertThrows(DomainException.class, () -> app.submittingOpinion().submitForm("demo",
        without, "tokentokentoken124", Channel.PUBLIC_FORM, () -> { }));
    assertEquals("privacyNotice", none.fieldErrors().get(0).field());
  }

  @Test
  @DisplayName("export by the phone written another way finds the opinion and its e-mail; the audit keeps a hash")
  void exportByPhone() {
    APIGatewayV2HTTPResponse r = request("office", "export", "+84 912.345.678", "Đơn số 12/ĐN ngày 05/01/2026");
    assertEquals(201, r.getStatusCode(), r.getBody());
    Map<String, Object> body = Json.readObject(r.getBody());
    Map<?, ?> export = (Map<?, ?>) body.get("export");
    assertEquals(1, ((List<?>) export.get("opinions")).size(), r.getBody());
    assertTrue(export.get("opinions").toString().contains("Hoàng Văn Dũng"));
    String audit = Json.write(body.get("request"));
    assertTrue(((String) ((Map<?, ?>) body.get("request")).get("contactHash")).matches("[0-9a-f]{64}"), audit);
    assertFalse(audit.contains("0912") || audit.contains("345") && audit.contains("678") || audit.contains("Dũng"),
        audit);
  }

  @Test
  @DisplayName("erasure anonymises the opinion and its e-mail (never sent now), keeps the counts; again: the first")
  void eraseThenAgain() {
    APIGatewayV2HTTPResponse r = request("office", "erase", " DUNG.HV@example.vn", "Đơn số 13/ĐN ngày 06/01/2026");
    assertEquals(201, r.getStatusCode(), r.getBody());
    Map<?, ?> done = (Map<?, ?>) Json.readObject(r.getBody()).get("request");
    assertEquals(List.of(opinionId), done.get("opinionIds"));
    assertEquals(1, ((Number) done.get("mailsErased")).intValue(), r.getBody());

    Opinion o = new DynamoOpinions(table).find("demo", opinionId).orElseThrow();
    assertFalse(o.raisers().get(0).holdsPersonalData(), o.raisers().toString());
    assertEquals(1, o.raiserCount());
    assertTrue(o.raisers().get(0).consent().isPresent(), "the consent record stays");
    assertEquals("opinion.contact-erased", o.audit().get(o.audit().size() - 1).action());
    assertTrue(new DynamoMailOutbox(table).pending(50).stream().noneMatch(m -> m.to().contains("dung")),
        "the acknowledgement will not go out to an erased address");
    assertFalse(tableHolds(EMAIL) || tableHolds("Hoàng Văn Dũng") || tableHolds("+84912345678"));

    APIGatewayV2HTTPResponse again = request("office", "erase", EMAIL, "Đơn số 13/ĐN ngày 06/01/2026");
    assertEquals(200, again.getStatusCode(), again.getBody());
    assertEquals(done.get("id"), ((Map<?, ?>) Json.readObject(again.getBody()).get("request")).get("id"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"agency", "front", "host"})
  @DisplayName("only the commune's office takes a citizen's request")
  void onlyTheOffice(String role) {
    assertEquals(403, request(role, "export", EMAIL, "Đơn số 12/ĐN").getStatusCode());
  }

  @Test
  @DisplayName("a reason naming the citizen, or a contact that is neither e-mail nor phone, is a 400 in Vietnamese")
  void badRequests() {
    APIGatewayV2HTTPResponse named = request("office", "erase", EMAIL, "Ông Hoàng Văn Dũng gọi 0912 345 678");
    assertEquals(400, named.getStatusCode());
    assertTrue(named.getBody().contains("Lý do không được ghi họ tên"), named.getBody());
    APIGatewayV2HTTPResponse contact = request("office", "erase", "Dũng", "Đơn số 12/ĐN");
    assertEquals(400, contact.getStatusCode());
    assertTrue(contact.getBody().contains("e-mail hoặc số điện thoại"), contact.getBody());
  }

  @Test
  @DisplayName("retention: contacts kept until N months after the raiser's last opinion closed, then erased")
  void retention() {
    app.handlingOpinions().triage(actor("office"), opinionId, new vn.doithoai.core.common.Input(Map.of("decision",
        "redirect", "kind", "complaint")));
    Instant closed = new DynamoOpinions(table).find("demo", opinionId).orElseThrow().closedAt().orElseThrow();
    assertEquals(24, app.handlingPrivacy().retentionMonths("demo"));
    assertEquals(0, sweepAt(closed.plus(720, ChronoUnit.DAYS)).contactsErased(), "23 months after: kept");
    assertTrue(new DynamoOpinions(table).find("demo", opinionId).orElseThrow().raisers().get(0).holdsPersonalData());
    Retaining.Report report = sweepAt(closed.plus(760, ChronoUnit.DAYS));
    assertEquals(1, report.contactsErased(), report.toString());
    assertFalse(new DynamoOpinions(table).find("demo", opinionId).orElseThrow().raisers().get(0).holdsPersonalData());
  }

  @Test
  @DisplayName("retention: a run erases at most its quota of contacts; the next run goes on from there")
  void retentionBounded() {
    String other = (String) Json.readObject(ContactsByRoleTest.call(new OpinionsHandler(app.handlingOpinions()),
        "office", "POST /opinions", "/opinions", Map.of(), Map.of(), "{\"content\":\"Đề nghị sửa cống.\","
            + "\"channel\":\"staff-entry\",\"raisers\":[{\"name\":\"Lò Thị Hạnh\",\"phone\":\"0987 111 222\"}]}")
        .getBody()).get("id");
    for (String id : List.of(opinionId, other)) {
      app.handlingOpinions().triage(actor("office"), id, new vn.doithoai.core.common.Input(Map.of("decision",
          "redirect", "kind", "complaint")));
    }
    Instant later = HandlerEventsTest.EVENTS_INSTANT.plus(800, ChronoUnit.DAYS);
    Retaining.Report first = sweepAt(later, 1);
    assertEquals(1, first.contactsErased(), first.toString());
    assertFalse(first.wrapped(), "stopped at its quota");
    Retaining.Report second = sweepAt(later, 1);
    assertEquals(1, second.contactsErased(), second.toString());
    for (String id : List.of(opinionId, other)) {
      assertFalse(new DynamoOpinions(table).find("demo", id).orElseThrow().raisers().get(0).holdsPersonalData(), id);
    }
  }

  private Retaining.Report sweepAt(Instant now) {
    return sweepAt(now, 50);
  }

  private Retaining.Report sweepAt(Instant now, int maxContacts) {
    return new Retaining(new DynamoOpinions(table), app.handlingPrivacy(), new DynamoPrivacyRequests(table),
        Clock.fixed(now, ZoneOffset.UTC), 2, 50, maxContacts).run();
  }

  private boolean tableHolds(String needle) {
    return table.client().scan(b -> b.tableName(table.name())).items().stream().flatMap(i -> i.values().stream())
        .map(AttributeValue::s).anyMatch(s -> s != null && s.contains(needle));
  }

  private APIGatewayV2HTTPResponse request(String role, String kind, String contact, String reason) {
    return ContactsByRoleTest.call(new PrivacyHandler(app.handlingPrivacy()), role, "POST /privacy/requests",
        "/privacy/requests", Map.of(), Map.of(), Json.write(Map.of("kind", kind, "contact", contact, "reason",
            reason)));
  }

  private static vn.doithoai.core.common.Actor actor(String role) {
    return new vn.doithoai.core.common.Actor("t-" + role, "Cán bộ", "demo",
        java.util.Set.of(vn.doithoai.core.common.Role.valueOf(role.toUpperCase(java.util.Locale.ROOT))),
        Optional.empty());
  }
}
