package vn.doithoai.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.doithoai.aws.DynamoCommunes;
import vn.doithoai.aws.DynamoTable;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.commune.WebhookSecret;

/**
 * The role matrix for citizens' contacts: every staff route that carries raisers, for every role, through the
 * real handlers against DynamoDB Local. Contacts (phone, e-mail, address) only for the office and the host — the
 * same rule as the exports' {@code contacts=true}; the commune's settings only for its admin and office. The
 * list ({@code GET /opinions}) shows summaries, without contacts for anyone: they are on the detail route.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactsByRoleTest {
  static final String PHONE = "0912 345 678";
  /** The phone as stored and shown: E.164. */
  static final String PHONE_STORED = "+84912345678";
  static final String EMAIL = "thang.nv@example.vn";
  static final String ADDRESS = "số 7, ngõ 3";

  /** What a role gets from a route. */
  enum Sees { CONTACTS, NO_CONTACTS, FORBIDDEN }

  private App app;
  private String planId;
  private String opinionId;

  @BeforeAll
  void setUp() {
    DynamoTable table = TestTable.create();
    app = new App(table, Clock.fixed(HandlerEventsTest.EVENTS_INSTANT, ZoneOffset.UTC), "https://xa.example.vn/doithoai",
        new RecordingOutside().outside());
    new DynamoCommunes(table).create(HandlerEventsTest.demoCommune(), List.of(new WebhookSecret("ws1",
        HandlerEventsTest.SECRET, HandlerEventsTest.EVENTS_INSTANT, Optional.empty())));
    planId = (String) body(plans().handleRequest(Events.load("plans-create"), null)).get("id");
    opinionId = (String) body(call(opinions(), "office", "POST /opinions", "/opinions", Map.of(), Map.of(),
        newOpinion())).get("id");
    call(opinions(), "office", "POST /opinions/{opinionId}/triage", "/opinions/" + opinionId,
        Map.of("opinionId", opinionId), Map.of(), "{\"decision\":\"accept\",\"plan\":\"" + planId + "\"}");
    APIGatewayV2HTTPResponse assigned = call(opinions(), "office", "POST /opinions/{opinionId}/assign",
        "/opinions/" + opinionId + "/assign", Map.of("opinionId", opinionId), Map.of(),
        "{\"agency\":\"phong-kinh-te\"}");
    assertEquals(200, assigned.getStatusCode(), assigned.getBody());
  }

  static Stream<Arguments> matrix() {
    Object[][] rows = {
        // role             GET /opinions        GET /opinions/{id}   POST /opinions       export contacts=true export    GET /communes/{id}
        {"office",          Sees.NO_CONTACTS,    Sees.CONTACTS,       Sees.CONTACTS,       Sees.CONTACTS,       Sees.NO_CONTACTS, true},
        {"host",            Sees.NO_CONTACTS,    Sees.CONTACTS,       Sees.CONTACTS,       Sees.CONTACTS,       Sees.NO_CONTACTS, false},
        {"agency",          Sees.NO_CONTACTS,    Sees.NO_CONTACTS,    Sees.FORBIDDEN,      Sees.FORBIDDEN,      Sees.FORBIDDEN,   false},
        {"front",           Sees.NO_CONTACTS,    Sees.NO_CONTACTS,    Sees.NO_CONTACTS,    Sees.FORBIDDEN,      Sees.NO_CONTACTS, false},
        {"admin",           Sees.NO_CONTACTS,    Sees.NO_CONTACTS,    Sees.FORBIDDEN,      Sees.FORBIDDEN,      Sees.NO_CONTACTS, true},
    };
    return Stream.of(rows).map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}: list {1}, one {2}, enter {3}, export with contacts {4}, export {5}, commune {6}")
  @MethodSource("matrix")
  @DisplayName("contacts by role on every staff route that carries raisers")
  void contactsByRole(String role, Sees list, Sees one, Sees enter, Sees exportContacts, Sees export,
      boolean communeSettings) {
    check(role, "GET /opinions", list, call(opinions(), role, "GET /opinions", "/opinions", Map.of(),
        Map.of("plan", planId), null), true);
    check(role, "GET /opinions/{id}", one, call(opinions(), role, "GET /opinions/{opinionId}",
        "/opinions/" + opinionId, Map.of("opinionId", opinionId), Map.of(), null), true);
    check(role, "POST /opinions", enter, call(opinions(), role, "POST /opinions", "/opinions", Map.of(), Map.of(),
        newOpinion()), true);
    // the opinions table is the export with a contact column (the assignments table never has one)
    Map<String, String> path = Map.of("planId", planId, "table", "opinions");
    check(role, "export contacts=true", exportContacts, call(followUp(), role, "GET /plans/{planId}/exports/{table}",
        "/plans/" + planId + "/exports/opinions", path, Map.of("contacts", "true"), null), false);
    check(role, "export", export, call(followUp(), role, "GET /plans/{planId}/exports/{table}",
        "/plans/" + planId + "/exports/opinions", path, Map.of(), null), false);
    APIGatewayV2HTTPResponse commune = call(communes(), role, "GET /communes/{communeId}", "/communes/demo",
        Map.of("communeId", "demo"), Map.of(), null);
    assertEquals(communeSettings ? 200 : 403, commune.getStatusCode(), role + " GET /communes/demo: "
        + commune.getBody());
  }

  @Test
  @DisplayName("the assigned agency's answer comes back without the citizen's contacts")
  void agencyAnswerWithoutContacts() {
    APIGatewayV2HTTPResponse r = call(opinions(), "agency", "POST /opinions/{opinionId}/extend",
        "/opinions/" + opinionId + "/extend", Map.of("opinionId", opinionId), Map.of(),
        "{\"until\":\"2025-12-22\",\"reason\":\"Cần khảo sát hiện trường.\"}");
    check("agency", "POST /opinions/{id}/extend", Sees.NO_CONTACTS, r, true);
  }

  @Test
  @DisplayName("the platform administrator reads any commune's settings")
  void platformAdminReadsCommunes() {
    APIGatewayV2HTTPResponse r = communes().handleRequest(SampleEvents.http(event("GET /communes/{communeId}",
        "/communes/demo", Map.of("communeId", "demo"), Map.of(), null, Map.of("sub", "root", "commune", "*",
            "roles", "[admin]"))), null);
    assertEquals(200, r.getStatusCode(), r.getBody());
  }

  private static void check(String role, String route, Sees expected, APIGatewayV2HTTPResponse r, boolean json) {
    String what = role + " " + route + ": " + r.getStatusCode() + " " + r.getBody();
    if (expected == Sees.FORBIDDEN) {
      assertEquals(403, r.getStatusCode(), what);
      return;
    }
    assertTrue(r.getStatusCode() == 200 || r.getStatusCode() == 201, what);
    String text = Boolean.TRUE.equals(r.getIsBase64Encoded())
        ? new String(Base64.getDecoder().decode(r.getBody()), StandardCharsets.UTF_8) : r.getBody();
    if (json) {
      assertTrue(text.contains("Nông Văn Thắng"), "the raiser is listed by name: " + what);
    }
    for (String contact : List.of(PHONE_STORED, EMAIL, ADDRESS)) {
      assertEquals(expected == Sees.CONTACTS, text.contains(contact), contact + " in " + what);
    }
  }

  private static String newOpinion() {
    return Json.write(Map.of("channel", "meeting-card", "field", "environment",
        "content", "Bãi rác tự phát cạnh suối Bản Chắt gây ô nhiễm.",
        "raisers", List.of(Map.of("name", "Nông Văn Thắng", "phone", PHONE, "email", EMAIL, "address", ADDRESS,
            "village", "Thôn Bản Chắt"))));
  }

  private OpinionsHandler opinions() {
    return new OpinionsHandler(app.handlingOpinions());
  }

  private PlansHandler plans() {
    return new PlansHandler(app.managingPlans());
  }

  private FollowUpHandler followUp() {
    return new FollowUpHandler(app.followingUp(), app.exporting());
  }

  private CommunesHandler communes() {
    return new CommunesHandler(app);
  }

  static APIGatewayV2HTTPResponse call(ApiHandler h, String role, String routeKey, String path,
      Map<String, String> pathParameters, Map<String, String> query, String body) {
    Map<String, Object> claims = new LinkedHashMap<>(Map.of("sub", "local-" + role, "name", "Cán bộ " + role,
        "commune", "demo", "roles", "[" + role + "]"));
    if (role.equals("agency")) {
      claims.put("agency", "phong-kinh-te");
    }
    return h.handleRequest(SampleEvents.http(event(routeKey, path, pathParameters, query, body, claims)), null);
  }

  /** An HTTP API payload 2.0 event, as in events/, with the JWT authorizer's claims. */
  static Map<String, Object> event(String routeKey, String path, Map<String, String> pathParameters,
      Map<String, String> query, String body, Map<String, Object> claims) {
    Map<String, Object> http = Map.of("method", routeKey.substring(0, routeKey.indexOf(' ')), "path", path,
        "protocol", "HTTP/1.1", "sourceIp", "127.0.0.1", "userAgent", "test");
    Map<String, Object> ctx = Map.of("accountId", "000000000000", "apiId", "local", "domainName", "localhost",
        "requestId", "req-roles", "routeKey", routeKey, "stage", "$default", "timeEpoch", 1763773200000L,
        "http", http, "authorizer", Map.of("jwt", Map.of("claims", claims)));
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("version", "2.0");
    e.put("routeKey", routeKey);
    e.put("rawPath", path);
    e.put("rawQueryString", "");
    e.put("headers", Map.of("host", "localhost", "content-type", "application/json"));
    e.put("requestContext", ctx);
    e.put("pathParameters", pathParameters.isEmpty() ? null : pathParameters);
    e.put("queryStringParameters", query.isEmpty() ? null : query);
    e.put("body", body);
    e.put("isBase64Encoded", false);
    return e;
  }

  private static Map<String, Object> body(APIGatewayV2HTTPResponse r) {
    return Json.readObject(r.getBody());
  }
}
