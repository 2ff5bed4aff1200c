package vn.doithoai.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.aws.DynamoCommunes;
import vn.doithoai.aws.DynamoOpinions;
import vn.doithoai.aws.DynamoTable;
import vn.doithoai.core.common.Actor;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.common.Role;
import vn.doithoai.core.commune.WebhookSecret;
import vn.doithoai.core.opinion.Channel;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.OpinionField;
import vn.doithoai.core.opinion.OpinionParts.Raiser;
import vn.doithoai.core.opinion.OpinionStatus;
import vn.doithoai.core.opinion.OpinionView;

/**
 * Issue #18 item 4: {@code GET /opinions} read page by page from DynamoDB Local through the real handler — every
 * opinion once across pages while others arrive, a cursor of another commune or another query refused, the
 * limit's bounds, and a page's bytes at 3,000 opinions.
 */
class OpinionListPagingTest {
  private static final Instant T0 = HandlerEventsTest.EVENTS_INSTANT.minus(Duration.ofDays(30));
  private DynamoTable table;
  private DynamoOpinions store;
  private App app;
  private int made;

  @BeforeEach
  void setUp() {
    table = TestTable.create();
    store = new DynamoOpinions(table);
    app = new App(table, Clock.fixed(HandlerEventsTest.EVENTS_INSTANT, ZoneOffset.UTC), "https://xa.example.vn/doithoai",
        new RecordingOutside().outside());
    new DynamoCommunes(table).create(HandlerEventsTest.demoCommune(), List.of(new WebhookSecret("ws1",
        HandlerEventsTest.SECRET, HandlerEventsTest.EVENTS_INSTANT, Optional.empty())));
  }

  @Test
  @DisplayName("pages of 40 over every status give each opinion exactly once, newest first, while 15 more arrive "
      + "between pages (some in the same second as others)")
  void everyOpinionOnceWhileOthersArrive() {
    List<Opinion> first = seed(230, 3, 40);
    Set<String> expected = new HashSet<>(first.stream().map(Opinion::id).toList());
    List<String> seen = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Map<String, String> q = new HashMap<>(Map.of("plan", "*", "limit", "40"));
      if (cursor != null) {
        q.put("cursor", cursor);
      }
      Map<String, Object> page = list("office", q);
      for (Map<String, Object> o : items(page)) {
        seen.add((String) o.get("id"));
        keys.add(o.get("receivedAt") + "#" + o.get("id"));
      }
      if (pages == 0) {
        assertEquals(230, ((Number) page.get("total")).intValue(), "the first page counts them all");
      } else {
        assertNull(page.get("total"), "later pages do not count again");
      }
      cursor = (String) page.get("next");
      if (++pages == 2) {
        seed(15, 7, 2); // newer and older ones, written between two pages
      }
    } while (cursor != null && pages < 100);
    assertEquals(seen.size(), new HashSet<>(seen).size(), "no opinion twice: " + seen);
    assertTrue(seen.containsAll(expected), "every opinion there at the first page is shown");
    for (int i = 1; i < keys.size(); i++) {
      assertTrue(second(keys.get(i - 1)).compareTo(second(keys.get(i))) >= 0, "newest first: " + keys.get(i - 1)
          + " then " + keys.get(i));
    }
  }

  @Test
  @DisplayName("a cursor of another commune, of another filter, or made up is refused with a Vietnamese 400")
  void foreignCursorRefused() {
    seed(30, 1, 5); // 10 received
    String next = (String) list("office", Map.of("plan", "*", "status", "received", "limit", "5")).get("next");
    assertNotNull(next);
    APIGatewayV2HTTPResponse otherQuery = call("office", "demo", Map.of("plan", "*", "status", "accepted",
        "limit", "5", "cursor", next));
    assertEquals(400, otherQuery.getStatusCode(), otherQuery.getBody());
    assertTrue(otherQuery.getBody().contains("Con trỏ trang không thuộc danh sách này"), otherQuery.getBody());
    APIGatewayV2HTTPResponse otherCommune = call("office", "khac", Map.of("plan", "*", "status", "received",
        "limit", "5", "cursor", next));
    assertEquals(400, otherCommune.getStatusCode(), otherCommune.getBody());
    APIGatewayV2HTTPResponse madeUp = call("office", "demo", Map.of("plan", "*", "cursor", "eyJ4IjoxfQ"));
    assertEquals(400, madeUp.getStatusCode(), madeUp.getBody());
    // a well-formed cursor of this listing whose position is not one of its run's keys
    String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        Json.write(Map.of("l", Json.readObject(new String(java.util.Base64.getUrlDecoder().decode(next),
            StandardCharsets.UTF_8)).get("l"), "r", Map.of("p:-:received", "x\nC#khac#PLAN#-#OPS")))
            .getBytes(StandardCharsets.UTF_8));
    APIGatewayV2HTTPResponse tampered = call("office", "demo", Map.of("plan", "*", "status", "received",
        "limit", "5", "cursor", forged));
    assertEquals(400, tampered.getStatusCode(), tampered.getBody());
  }

  @Test
  @DisplayName("limit: 50 by default, 200 at most, 1 at least")
  void limitBounds() {
    seed(260, 5, 60);
    assertEquals(50, items(list("office", Map.of("plan", "*"))).size());
    assertEquals(200, items(list("office", Map.of("plan", "*", "limit", "200"))).size());
    assertEquals(1, items(list("office", Map.of("plan", "*", "limit", "1"))).size());
    for (String bad : List.of("0", "201", "-3", "abc")) {
      APIGatewayV2HTTPResponse r = call("office", "demo", Map.of("plan", "*", "limit", bad));
      assertEquals(400, r.getStatusCode(), bad + ": " + r.getBody());
    }
  }

  @Test
  @DisplayName("at 3,000 long opinions a page stays under 1 MB (prints bytes per list item against the full view)")
  void pageSizeAtThreeThousand() {
    List<Opinion> all = seed(3000, 3, 300);
    long t = System.nanoTime();
    APIGatewayV2HTTPResponse r = call("office", "demo", Map.of("plan", "*", "limit", "200"));
    long ms = (System.nanoTime() - t) / 1_000_000;
    assertEquals(200, r.getStatusCode(), r.getBody());
    int bytes = r.getBody().getBytes(StandardCharsets.UTF_8).length;
    int full = 0;
    Actor office = actor("office", "demo");
    for (Opinion o : all.subList(0, 200)) {
      full += Json.write(OpinionView.of(o, office)).getBytes(StandardCharsets.UTF_8).length;
    }
    int defaultPage = call("office", "demo", Map.of("plan", "*")).getBody().getBytes(StandardCharsets.UTF_8).length;
    System.out.printf("GET /opinions at 3,000 opinions: limit=200 page %,d B (%,d B an item; the full view %,d B an "
        + "item), %d ms; default page (50) %,d B%n", bytes, bytes / 200, full / 200, ms, defaultPage);
    assertTrue(bytes < 1_000_000, "a page of 200 under 1 MB: " + bytes);
  }

  @Test
  @DisplayName("GET /plans: pages of 3 give each of 7 plans once, newest first; another year's or commune's cursor "
      + "is refused")
  void plansPaged() {
    PlansHandler plans = new PlansHandler(app.managingPlans());
    for (int i = 0; i < 7; i++) {
      APIGatewayV2HTTPResponse made = plans.handleRequest(Events.load("plans-create"), null);
      assertEquals(201, made.getStatusCode(), made.getBody());
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    List<Integer> sizes = new ArrayList<>();
    do {
      Map<String, String> q = new HashMap<>(Map.of("year", "2025", "limit", "3"));
      if (cursor != null) {
        q.put("cursor", cursor);
      }
      APIGatewayV2HTTPResponse r = plansCall(plans, "demo", q);
      assertEquals(200, r.getStatusCode(), r.getBody());
      Map<String, Object> page = Json.readObject(r.getBody());
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> list = (List<Map<String, Object>>) page.get("plans");
      sizes.add(list.size());
      list.forEach(p -> seen.add((String) p.get("id")));
      cursor = (String) page.get("next");
    } while (cursor != null && sizes.size() < 10);
    assertEquals(7, seen.size(), "pages " + sizes);
    assertEquals(7, new HashSet<>(seen).size());
    String next = (String) Json.readObject(plansCall(plans, "demo", Map.of("year", "2025", "limit", "3")).getBody())
        .get("next");
    APIGatewayV2HTTPResponse otherYear = plansCall(plans, "demo", Map.of("year", "2026", "limit", "3", "cursor", next));
    assertEquals(400, otherYear.getStatusCode(), otherYear.getBody());
    assertTrue(otherYear.getBody().contains("Con trỏ trang không thuộc danh sách này"), otherYear.getBody());
    APIGatewayV2HTTPResponse otherCommune = plansCall(plans, "khac", Map.of("year", "2025", "limit", "3",
        "cursor", next));
    assertEquals(400, otherCommune.getStatusCode(), otherCommune.getBody());
    assertEquals(400, plansCall(plans, "demo", Map.of("year", "2025", "limit", "201")).getStatusCode());
  }

  // ---- helpers ----

  /** {@code n} opinions of alternating statuses, {@code perSecond} received in the same second. */
  private List<Opinion> seed(int n, int perSecond, int contentWords) {
    List<Opinion> out = new ArrayList<>();
    OpinionStatus[] statuses = {OpinionStatus.RECEIVED, OpinionStatus.ACCEPTED, OpinionStatus.CLOSED};
    String content = "Đề nghị sửa đường liên thôn bị sạt lở sau mưa lớn, ".repeat(Math.max(1, contentWords / 10));
    for (int i = 0; i < n; i++, made++) {
      Instant at = T0.plusSeconds((made % 2 == 0 ? made : -made) / perSecond);
      Opinion o = Opinion.received(String.format("o_p%05d", made), "demo", Optional.empty(),
          String.format("DT-%04d-%04d", made / 10000, made % 10000), content, OpinionField.values()[made % 3],
          Channel.WEBSITE, List.of(new Raiser("Người nêu " + made, null, null, null, "Thôn Bản Chắt", false,
              Optional.empty())), Optional.empty(), at, Actor.system("webhook", "demo"));
      out.add(new Opinion(o.id(), o.communeId(), o.planId(), o.trackingCode(), o.content(), o.field(), o.channel(),
          o.raisers(), o.compiled(), o.receivedAt(), statuses[made % statuses.length], o.decision(), o.mergedInto(),
          o.mergedFrom(), o.assignment(), o.answer(), o.version(), o.audit()));
    }
    for (int i = 0; i < out.size(); i += 300) {
      store.create(out.subList(i, Math.min(out.size(), i + 300)), List.of());
    }
    return out;
  }

  private static String second(String key) {
    return key.substring(0, "2025-11-21T02:00:00".length());
  }

  private Map<String, Object> list(String role, Map<String, String> query) {
    APIGatewayV2HTTPResponse r = call(role, "demo", query);
    assertEquals(200, r.getStatusCode(), r.getBody());
    return Json.readObject(r.getBody());
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> items(Map<String, Object> page) {
    return (List<Map<String, Object>>) page.get("opinions");
  }

  private APIGatewayV2HTTPResponse call(String role, String commune, Map<String, String> query) {
    Map<String, Object> claims = new LinkedHashMap<>(Map.of("sub", "local-" + role, "name", "Cán bộ " + role,
        "commune", commune, "roles", "[" + role + "]"));
    return new OpinionsHandler(app.handlingOpinions()).handleRequest(SampleEvents.http(ContactsByRoleTest.event(
        "GET /opinions", "/opinions", Map.of(), query, null, claims)), null);
  }

  private static APIGatewayV2HTTPResponse plansCall(PlansHandler h, String commune, Map<String, String> query) {
    Map<String, Object> claims = new LinkedHashMap<>(Map.of("sub", "local-office", "name", "Cán bộ office",
        "commune", commune, "roles", "[office]"));
    return h.handleRequest(SampleEvents.http(ContactsByRoleTest.event("GET /plans", "/plans", Map.of(), query, null,
        claims)), null);
  }

  private static Actor actor(String role, String commune) {
    return new Actor("t-" + role, "Cán bộ", commune, Set.of(Role.valueOf(role.toUpperCase(java.util.Locale.ROOT))),
        Optional.empty());
  }
}
