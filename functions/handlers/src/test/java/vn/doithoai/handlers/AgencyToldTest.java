package vn.doithoai.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.doithoai.handlers.ContactsByRoleTest.call;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.aws.DynamoCommunes;
import vn.doithoai.aws.DynamoMailOutbox;
import vn.doithoai.aws.DynamoTable;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.commune.WebhookSecret;
import vn.doithoai.core.mail.OutgoingMail;

/**
 * Agencies are told at once, through the outbox written with the change: on assignment (what, for which plan,
 * due date, a link to the opinion's console page), when the conclusion notice publishes (their items), and when
 * an extension is granted; the citizen is told of the extension with its content, new time and who is responsible.
 */
class AgencyToldTest {
  static final String AGENCY = "kinhte@demo.example.vn";
  static final String CITIZEN = "thang.nv@example.vn";
  static final String PLAN_TITLE = "Kế hoạch đối thoại trực tiếp của Bí thư Đảng ủy, Chủ tịch UBND xã với Nhân dân "
      + "năm 2025";
  static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private DynamoTable table;
  private App app;
  private OpinionsHandler opinions;
  private String planId;
  private String opinionId;

  @BeforeEach
  void setUp() {
    table = TestTable.create();
    app = new App(table, Clock.fixed(HandlerEventsTest.EVENTS_INSTANT, ZoneOffset.UTC),
        "https://xa.example.vn/doithoai/", new RecordingOutside().outside());
    new DynamoCommunes(table).create(HandlerEventsTest.demoCommune(), List.of(new WebhookSecret("ws1",
        HandlerEventsTest.SECRET, HandlerEventsTest.EVENTS_INSTANT, Optional.empty())));
    PlansHandler plans = new PlansHandler(app.managingPlans());
    planId = (String) body(plans.handleRequest(Events.load("plans-create"), null)).get("id");
    plans.handleRequest(Events.load("plans-announce", Map.of("PLAN_ID", planId)), null);
    opinions = new OpinionsHandler(app.handlingOpinions());
    opinionId = (String) body(call(opinions, "office", "POST /opinions", "/opinions", Map.of(), Map.of(),
        Json.write(Map.of("channel", "meeting-card", "field", "environment",
            "content", "Bãi rác tự phát cạnh suối Bản Chắt gây ô nhiễm.",
            "raisers", List.of(Map.of("name", "Nông Văn Thắng", "email", CITIZEN, "village", "Thôn Bản Chắt"))))))
        .get("id");
    call(opinions, "office", "POST /opinions/{opinionId}/triage", "/opinions/" + opinionId + "/triage",
        Map.of("opinionId", opinionId), Map.of(), "{\"decision\":\"accept\",\"plan\":\"" + planId + "\"}");
  }

  @Test
  @DisplayName("assigning e-mails the agency what, for which plan (run by the Party office), by when, with a link")
  void assignmentTellsTheAgency() {
    LocalDate due = assign();
    List<OutgoingMail> toAgency = mails(AGENCY, "agency.assigned");
    assertEquals(1, toAgency.size(), "one e-mail, written with the assignment");
    OutgoingMail m = toAgency.get(0);
    assertTrue(m.subject().contains("hạn " + due.format(VN)), m.subject());
    assertTrue(m.text().startsWith("Kính gửi: Phòng Kinh tế,"), m.text());
    assertTrue(m.text().contains("Văn phòng Đảng ủy giao Phòng Kinh tế"), "a Party plan: the Party office\n"
        + m.text());
    assertTrue(m.text().contains("Bãi rác tự phát cạnh suối Bản Chắt"), m.text());
    assertTrue(m.text().contains("Thuộc kế hoạch: " + PLAN_TITLE), m.text());
    assertTrue(m.text().contains("Hạn giải quyết: " + due.format(VN)), m.text());
    assertTrue(m.text().contains("https://xa.example.vn/doithoai/y-kien/chi-tiet.html?id=" + opinionId), m.text());
    assertFalse(m.text().contains(CITIZEN), "no citizen's contacts in the agency's e-mail");
    assertEquals(0, mails(CITIZEN, "opinion.extended").size());
  }

  @Test
  @DisplayName("an extension e-mails the agency and the citizen: content, new time, who is responsible")
  void extensionTellsAgencyAndCitizen() {
    assign();
    APIGatewayV2HTTPResponse r = call(opinions, "agency", "POST /opinions/{opinionId}/extend",
        "/opinions/" + opinionId + "/extend", Map.of("opinionId", opinionId), Map.of(),
        "{\"until\":\"2025-12-22\",\"reason\":\"Cần khảo sát hiện trường và xin ý kiến Sở Nông nghiệp.\"}");
    assertEquals(200, r.getStatusCode(), r.getBody());
    List<OutgoingMail> toAgency = mails(AGENCY, "agency.extended");
    assertEquals(1, toAgency.size());
    assertTrue(toAgency.get(0).text().contains("Hạn mới: 22/12/2025"), toAgency.get(0).text());
    List<OutgoingMail> toCitizen = mails(CITIZEN, "opinion.extended");
    assertEquals(1, toCitizen.size(), "the citizen, once");
    String text = toCitizen.get(0).text();
    assertTrue(text.contains("Nội dung: Cần khảo sát hiện trường và xin ý kiến Sở Nông nghiệp."), text);
    assertTrue(text.contains("Thời gian giải quyết: chậm nhất ngày 22/12/2025"), text);
    assertTrue(text.contains("Cơ quan chịu trách nhiệm giải quyết: Phòng Kinh tế"), text);
    assertTrue(toCitizen.get(0).subject().contains("đến 22/12/2025"), toCitizen.get(0).subject());
  }

  @Test
  @DisplayName("publishing the notice e-mails each agency its own items with their due dates")
  void noticeTellsTheAgencyItsItems() {
    assign();
    APIGatewayV2HTTPResponse published = publish();
    Map<?, ?> item = (Map<?, ?>) ((List<?>) body(published).get("assigned")).get(0);
    LocalDate due = LocalDate.parse((String) item.get("due"));

    List<OutgoingMail> toAgency = mails(AGENCY, "agency.notice");
    assertEquals(1, toAgency.size());
    String text = toAgency.get(0).text();
    assertTrue(text.contains("1. Mã DT-"), text);
    assertTrue(text.contains("Hạn giải quyết: " + due.format(VN)), "the due date as re-dated from the notice\n"
        + text);
    assertTrue(text.contains("/y-kien/chi-tiet.html?id=" + opinionId), text);
    assertTrue(toAgency.get(0).subject().contains("1 nội dung giao Phòng Kinh tế"), toAgency.get(0).subject());
  }

  @Test
  @DisplayName("the last answer meets the plan's answer deadline: nobody is reminded to answer what is answered")
  void lastAnswerMeetsThePlansAnswerDeadline() {
    assign();
    publish();
    assertTrue(openAnswerRules().size() > 0, "after the notice, the plan's answer deadline is open");
    APIGatewayV2HTTPResponse answered = call(opinions, "agency", "POST /opinions/{opinionId}/answer",
        "/opinions/" + opinionId + "/answer", Map.of("opinionId", opinionId), Map.of(),
        "{\"text\":\"Xã đã bố trí thu gom rác tại điểm này từ ngày 05/12/2025.\"}");
    assertEquals(200, answered.getStatusCode(), answered.getBody());
    assertEquals(List.of(), openAnswerRules(), "met by the last answer");
  }

  private List<String> openAnswerRules() {
    return new vn.doithoai.aws.DynamoPlans(table).openDeadlinesOf("demo").stream().filter(d -> d.planId().equals(planId))
        .map(d -> d.ruleId()).filter(r -> r.startsWith("opinion.")).toList();
  }

  /** The meeting recorded, its notice drafted, approved by the host and published on 01/12/2025. */
  private APIGatewayV2HTTPResponse publish() {
    ConclusionsHandler h = new ConclusionsHandler(app.publishingConclusion(), app.communes());
    Map<String, String> meeting = Map.of("planId", planId, "meetingId", "m1");
    assertEquals(200, call(h, "office", "POST /plans/{planId}/meetings/{meetingId}/record", "/plans/" + planId
        + "/meetings/m1/record", meeting, Map.of(), "{\"attendees\":80,\"chair\":\"Vy Xuân Tình\","
        + "\"secretary\":\"Hoàng Thị Lan\"}").getStatusCode());
    APIGatewayV2HTTPResponse drafted = call(h, "office", "POST /plans/{planId}/meetings/{meetingId}/conclusion",
        "/plans/" + planId + "/meetings/m1/conclusion", meeting, Map.of(), null);
    assertEquals(201, drafted.getStatusCode(), drafted.getBody());
    String id = (String) body(drafted).get("id");
    Map<String, String> c = Map.of("conclusionId", id);
    assertEquals(200, call(h, "host", "POST /conclusions/{conclusionId}/approve", "/conclusions/" + id + "/approve",
        c, Map.of(), null).getStatusCode());
    APIGatewayV2HTTPResponse published = call(h, "office", "POST /conclusions/{conclusionId}/publish",
        "/conclusions/" + id + "/publish", c, Map.of(), "{\"date\":\"2025-12-01\"}");
    assertEquals(200, published.getStatusCode(), published.getBody());
    return published;
  }

  private LocalDate assign() {
    APIGatewayV2HTTPResponse r = call(opinions, "office", "POST /opinions/{opinionId}/assign",
        "/opinions/" + opinionId + "/assign", Map.of("opinionId", opinionId), Map.of(), "{\"agency\":\"phong-kinh-te\"}");
    assertEquals(200, r.getStatusCode(), r.getBody());
    return LocalDate.parse((String) ((Map<?, ?>) body(r).get("assignment")).get("due"));
  }

  private List<OutgoingMail> mails(String to, String kind) {
    return new DynamoMailOutbox(table).pending(500).stream().filter(m -> m.to().equals(to))
        .filter(m -> m.kind().equals(kind)).toList();
  }

  private static Map<String, Object> body(APIGatewayV2HTTPResponse r) {
    return Json.readObject(r.getBody());
  }
}
