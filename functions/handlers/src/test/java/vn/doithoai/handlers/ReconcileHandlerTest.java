package vn.doithoai.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.aws.DynamoCommunes;
import vn.doithoai.aws.DynamoDeadlineStore;
import vn.doithoai.aws.DynamoTable;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.events.BusEvent;
import vn.doithoai.handlers.observability.Telemetry;

/**
 * The daily reconcile fanned out (issue #18): the cron queues a unit per commune, the stream makes each a
 * {@code CommuneReconcile} event, the same function does that commune, once; a unit short of time goes on in
 * the next one, and says so (a log line, the CapsReached metric).
 */
class ReconcileHandlerTest {
  private MemoryCloud cloud;
  private DynamoTable table;
  private App app;
  private ReconcileHandler handler;
  private final List<String> telemetry = new ArrayList<>();

  @BeforeEach
  void setUp() {
    cloud = new MemoryCloud();
    table = new DynamoTable(cloud.dynamo(), TestTable.NAME);
    Clock clock = Clock.fixed(Instant.parse("2026-11-02T01:00:00Z"), ZoneOffset.UTC);
    app = new App(table, clock, "", cloud.outside(new HashSet<>(), clock));
    DynamoCommunes communes = new DynamoCommunes(table);
    communes.create(HandlerEventsTest.demoCommune(), List.of());
    communes.create(Commune.fromJson(withId(HandlerEventsTest.demoCommune().toJson(), "khac")), List.of());
    plan("demo");
    plan("khac");
    handler = new ReconcileHandler(app.reconciling(), app.retaining());
    handler.countedBy(app.edge());
    relay(); // the plans' own events
    Telemetry.sink(telemetry::add);
  }

  @AfterEach
  void tearDown() throws Exception {
    Telemetry.reset();
    cloud.close();
  }

  @Test
  @DisplayName("the cron queues one unit per commune; each CommuneReconcile does its commune once, then its item is gone")
  void fansOutPerCommune() throws Exception {
    Map<String, Object> daily = handler.handleRequest(Json.readObject(Files.readString(Events.DIR.resolve(
        "reconcile-daily.json"))), context(300_000));
    assertEquals(2, daily.get("communesQueued"), daily.toString());
    List<BusEvent> units = relay();
    assertEquals(List.of("CommuneReconcile", "CommuneReconcile"), units.stream().map(BusEvent::detailType).toList());
    for (BusEvent e : units) {
      Map<String, Object> out = deliver(e, 300_000);
      assertEquals(true, out.get("done"), out.toString());
      assertEquals("none", out.get("cap"));
      int open = new DynamoDeadlineStore(table).openOf((String) out.get("commune")).size();
      assertTrue(open > 1, "the plan has several deadlines: " + open);
      assertEquals(open, out.get("deadlines"), "every open deadline of the commune, from its partition");
    }
    assertEquals(List.of(), workItems());
    assertEquals(List.of(), relay(), "a unit's deletion tells nothing");
    for (BusEvent e : units) {
      assertEquals(false, deliver(e, 300_000).get("done"), "a second delivery does nothing");
    }
    assertTrue(telemetry.stream().noneMatch(l -> l.contains("cap-reached") || l.contains("CapsReached")));
  }

  @Test
  @DisplayName("a unit short of time does one deadline, queues the next unit, logs cap-reached and counts CapsReached")
  void aUnitShortOfTimeContinues() {
    handler.handleRequest(Map.of("detail-type", "Scheduled Event", "source", "aws.scheduler"), context(300_000));
    BusEvent demo = relay().stream().filter(e -> e.detail().contains("\"demo\"")).findFirst().orElseThrow();
    int open = new DynamoDeadlineStore(table).openOf("demo").size();
    Map<String, Object> first = deliver(demo, 1_000); // less than the reserve left
    assertEquals(1, first.get("deadlines"));
    assertEquals("time", first.get("cap"));
    assertTrue(telemetry.stream().anyMatch(l -> l.contains("\"step\":\"cap-reached\"")
        && l.contains("\"outcome\":\"reconcile-time\"")), telemetry.toString());
    assertTrue(telemetry.stream().anyMatch(l -> l.contains("\"CapsReached\":1") && l.contains("reconcile-time")),
        telemetry.toString());
    int units = 1;
    int done = 1;
    for (List<BusEvent> next = relay(); !next.isEmpty(); next = relay()) {
      assertEquals(1, next.size());
      assertEquals("2026-11-02." + units, Json.readObject(next.get(0).detail()).get("workId"));
      Map<String, Object> out = deliver(next.get(0), 1_000);
      done += ((Number) out.get("deadlines")).intValue();
      units++;
      assertTrue(units <= open, "one deadline a unit at least");
    }
    assertEquals(open, done, "every deadline once, over " + units + " units");
    assertEquals(open, units);
    assertEquals(List.of("C#khac RECONCILE#2026-11-02"), workItems(), "the other commune's unit still waits");
  }

  private Map<String, Object> deliver(BusEvent e, int remainingMillis) {
    return handler.handleRequest(Map.of("detail-type", e.detailType(), "detail", Json.readObject(e.detail())),
        context(remainingMillis));
  }

  private List<String> workItems() {
    return cloud.dynamo().scan(b -> b.tableName(TestTable.NAME)).items().stream()
        .filter(i -> i.get("sk").s().startsWith("RECONCILE#")).map(i -> i.get("pk").s() + " " + i.get("sk").s())
        .sorted().toList();
  }

  private static Context context(int remainingMillis) {
    return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "getRemainingTimeInMillis" -> remainingMillis;
          case "getFunctionName" -> "doithoai-reconcile";
          case "getAwsRequestId" -> "req-1";
          case "getMemoryLimitInMB" -> 512;
          default -> null;
        });
  }

  /** The table's new stream records through the relay; the events it put on the bus. */
  private List<BusEvent> relay() {
    List<DynamodbEvent.DynamodbStreamRecord> records = cloud.newStreamRecords();
    DynamodbEvent event = new DynamodbEvent();
    event.setRecords(records);
    new RelayHandler(app.eventPublisher()).handleRequest(event, null);
    return cloud.takePublished().stream().filter(e -> e.detailType().equals("CommuneReconcile")).toList();
  }

  private void plan(String commune) {
    PlansHandler plans = new PlansHandler(app.managingPlans());
    Map<String, Object> plan = Map.of("year", 2026, "issuer", "peoples-committee", "title", "Đối thoại tháng 12",
        "hosts", List.of(Map.of("position", "Chủ tịch UBND xã")), "audience", "Nhân dân",
        "meetings", List.of(Map.of("id", "m1", "date", "2026-12-04")), "profile", "lang-son-320");
    APIGatewayV2HTTPEvent create = Events.load("plans-create");
    create.setBody(Json.write(plan));
    create.setIsBase64Encoded(false);
    APIGatewayV2HTTPResponse created = plans.handleRequest(as(create, commune), null);
    assertEquals(201, created.getStatusCode(), created.getBody());
    String id = (String) Json.readObject(created.getBody()).get("id");
    APIGatewayV2HTTPResponse announced = plans.handleRequest(as(Events.load("plans-announce", Map.of("PLAN_ID", id)),
        commune), null);
    assertEquals(200, announced.getStatusCode(), announced.getBody());
  }

  private static APIGatewayV2HTTPEvent as(APIGatewayV2HTTPEvent e, String commune) {
    Map<String, String> claims = new java.util.HashMap<>(e.getRequestContext().getAuthorizer().getJwt().getClaims());
    claims.put("commune", commune);
    e.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
    return e;
  }

  private static Map<String, Object> withId(Map<String, Object> json, String id) {
    Map<String, Object> m = new java.util.LinkedHashMap<>(json);
    m.put("id", id);
    return m;
  }
}
