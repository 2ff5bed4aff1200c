package vn.doithoai.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import vn.doithoai.aws.DynamoCommunes;
import vn.doithoai.aws.DynamoDeadlineStore;
import vn.doithoai.aws.DynamoTable;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.events.BusEvent;
import vn.doithoai.core.plan.PlanDeadline;

/**
 * Re-dating per commune (issue #18 item 2): a commune's own override reads only its partition, paged to the end;
 * a national one is queued, one work item per registered commune, and each commune is re-dated by its own
 * {@code CommuneRederive} event from the stream, once.
 */
class RedatingTest {
  private static final String NOTICE = "#m1#meeting.notice";
  /** Every Query is cut to pages of this many items, so a commune's deadlines take several pages. */
  private static final int PAGE = 2;

  private MemoryCloud cloud;
  private DynamoTable table;
  private App app;
  private final List<QueryRequest> queries = new ArrayList<>();
  private final AtomicInteger gets = new AtomicInteger();

  @BeforeEach
  void setUp() {
    cloud = new MemoryCloud();
    DynamoDbClient real = cloud.dynamo();
    DynamoDbClient paged = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
        new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
          if (method.isDefault() && args != null && args.length == 1
              && args[0] instanceof java.util.function.Consumer) {
            return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
          }
          if (method.getName().equals("query")) {
            QueryRequest q = (QueryRequest) args[0];
            queries.add(q);
            args = new Object[] {q.limit() == null ? q.toBuilder().limit(PAGE).build() : q};
          } else if (method.getName().equals("getItem")) {
            gets.incrementAndGet();
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    table = new DynamoTable(paged, TestTable.NAME);
    Clock clock = Clock.fixed(Instant.parse("2026-11-02T01:00:00Z"), ZoneOffset.UTC);
    app = new App(table, clock, "", cloud.outside(new HashSet<>(), clock));
    DynamoCommunes communes = new DynamoCommunes(table);
    communes.create(HandlerEventsTest.demoCommune(), List.of());
    communes.create(commune("khac"), List.of());
  }

  @AfterEach
  void tearDown() throws Exception {
    cloud.close();
  }

  @Test
  @DisplayName("a commune's own day off re-dates its plans from its partition only, paged to the end; another commune's plan is untouched")
  void communeOverrideReadsOnlyItsPartition() {
    String mine = plan("demo");
    String theirs = plan("khac");
    DynamoDeadlineStore store = new DynamoDeadlineStore(table);
    PlanDeadline theirsBefore = store.find("khac", theirs + NOTICE).orElseThrow();
    PlanDeadline mineBefore = store.find("demo", mine + NOTICE).orElseThrow();
    queries.clear();
    gets.set(0);

    APIGatewayV2HTTPResponse added = new CommunesHandler(app).handleRequest(as(Events.load("calendar-override"),
        "demo"), null);
    assertEquals(201, added.getStatusCode(), added.getBody());
    Map<String, Object> body = Json.readObject(added.getBody());
    assertEquals(List.of(mine), body.get("plansMoved"));
    assertEquals(0, ((Number) body.get("communesQueued")).intValue());
    assertEquals("2026-11-20", store.find("demo", mine + NOTICE).orElseThrow().due().toString());
    assertNotEquals(mineBefore.version(), store.find("demo", mine + NOTICE).orElseThrow().version());
    assertEquals(theirsBefore, store.find("khac", theirs + NOTICE).orElseThrow(), "another commune: untouched");

    List<QueryRequest> read = queries.stream().filter(q -> q.keyConditionExpression().contains("begins_with")).toList();
    assertTrue(queries.stream().noneMatch(q -> q.indexName() != null), "no index read: " + queries);
    assertTrue(read.stream().allMatch(q -> q.expressionAttributeValues().get(":pk").s().equals("C#demo")),
        "only the commune's own partition: " + read);
    int deadlines = new DynamoDeadlineStore(table).openOf("demo").size()
        + new DynamoDeadlineStore(table).openOf("khac").size();
    System.out.printf("commune override: %d Query pages (%d items a page), %d GetItem; the country has %d open "
        + "deadlines%n", queries.size(), PAGE, gets.get(), deadlines);
  }

  @Test
  @DisplayName("a national day off is queued per commune; the stream's CommuneRederive events re-date each commune once")
  void nationalOverrideFansOutPerCommune() {
    String demo = plan("demo");
    String khac = plan("khac");
    DynamoDeadlineStore store = new DynamoDeadlineStore(table);
    PlanDeadline demoBefore = store.find("demo", demo + NOTICE).orElseThrow();
    PlanDeadline khacBefore = store.find("khac", khac + NOTICE).orElseThrow();
    cloud.newStreamRecords();
    cloud.takePublished();
    queries.clear();
    gets.set(0);

    APIGatewayV2HTTPResponse added = new CommunesHandler(app).handleRequest(Events.load("calendar-override"), null);
    System.out.printf("national override, API call: %d Query pages (%s), %d GetItem%n", queries.size(),
        queries.stream().map(q -> q.indexName() == null ? "table" : q.indexName()).toList(), gets.get());
    assertEquals(201, added.getStatusCode(), added.getBody());
    Map<String, Object> body = Json.readObject(added.getBody());
    assertEquals(2, ((Number) body.get("communesQueued")).intValue(), added.getBody());
    assertEquals(List.of(), body.get("plansMoved"));
    assertEquals(demoBefore, store.find("demo", demo + NOTICE).orElseThrow(), "nothing moved inside the API call");

    List<BusEvent> rederive = relay().stream().filter(e -> e.detailType().equals("CommuneRederive")).toList();
    assertEquals(2, rederive.size(), rederive.toString());
    RedateHandler redate = new RedateHandler(app.redatingCommunes());
    queries.clear();
    gets.set(0);
    for (BusEvent e : rederive) {
      assertEquals(1, redate.handleRequest(Map.of("detail", Json.readObject(e.detail())), null), e.detail());
    }
    System.out.printf("national override, 2 redate units: %d Query pages (%d items a page), %d GetItem%n",
        queries.size(), PAGE, gets.get());
    assertEquals("2026-11-20", store.find("demo", demo + NOTICE).orElseThrow().due().toString());
    assertEquals("2026-11-20", store.find("khac", khac + NOTICE).orElseThrow().due().toString());
    assertNotEquals(khacBefore.version(), store.find("khac", khac + NOTICE).orElseThrow().version());
    // done: the work items are gone (their deletion tells the bus nothing); a second delivery moves nothing
    assertEquals(List.of(), Redates.waiting(table, "demo"));
    assertEquals(List.of(), Redates.waiting(table, "khac"));
    assertTrue(relay().stream().noneMatch(e -> e.detailType().equals("CommuneRederive")));
    for (BusEvent e : rederive) {
      assertEquals(0, redate.handleRequest(Map.of("detail", Json.readObject(e.detail())), null));
    }
  }

  @Test
  @DisplayName("a work item left by a run that died after saving re-dates nothing again, and then goes")
  void aRunThatDiedBeforeDeletingIsResumedWithoutMovingAgain() {
    String demo = plan("demo");
    new CommunesHandler(app).handleRequest(Events.load("calendar-override"), null);
    String change = Redates.waiting(table, "demo").get(0);
    var key = Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("C#demo"), "sk",
        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("REDATE#" + change));
    var item = cloud.dynamo().getItem(b -> b.tableName(TestTable.NAME).key(key)).item();
    RedateHandler redate = new RedateHandler(app.redatingCommunes());
    assertEquals(1, Redates.deliver(redate, "demo", change));
    long version = new DynamoDeadlineStore(table).find("demo", demo + NOTICE).orElseThrow().version();
    cloud.dynamo().putItem(b -> b.tableName(TestTable.NAME).item(item)); // as if the delete never happened
    assertEquals(0, Redates.deliver(redate, "demo", change), "the plans already match: nothing saved");
    assertEquals(version, new DynamoDeadlineStore(table).find("demo", demo + NOTICE).orElseThrow().version());
    assertEquals(List.of(), Redates.waiting(table, "demo"));
  }

  @Test
  @DisplayName("a warm redate function that read the commune's calendar just before the change re-dates with the new one")
  void aWarmInstanceReadsTheChangedCalendar() {
    String demo = plan("demo");
    Clock clock = Clock.fixed(Instant.parse("2026-11-02T01:00:00Z"), ZoneOffset.UTC);
    App worker = new App(table, clock, "", cloud.outside(new HashSet<>(), clock)); // another function instance
    worker.calendars().forCommune("demo"); // cached for a minute
    new CommunesHandler(app).handleRequest(Events.load("calendar-override"), null);
    String change = Redates.waiting(table, "demo").get(0);
    assertEquals(1, Redates.deliver(new RedateHandler(worker.redatingCommunes()), "demo", change));
    assertEquals("2026-11-20", new DynamoDeadlineStore(table).find("demo", demo + NOTICE).orElseThrow().due()
        .toString());
  }

  /** The table's new stream records through the relay; the events it put on the bus. */
  private List<BusEvent> relay() {
    List<DynamodbEvent.DynamodbStreamRecord> records = cloud.newStreamRecords();
    DynamodbEvent event = new DynamodbEvent();
    event.setRecords(records);
    new RelayHandler(app.eventPublisher()).handleRequest(event, null);
    return cloud.takePublished();
  }

  private String plan(String commune) {
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
    return id;
  }

  private static APIGatewayV2HTTPEvent as(APIGatewayV2HTTPEvent e, String commune) {
    Map<String, String> claims = new java.util.HashMap<>(e.getRequestContext().getAuthorizer().getJwt().getClaims());
    claims.put("commune", commune);
    e.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
    return e;
  }

  private static Commune commune(String id) {
    Commune demo = HandlerEventsTest.demoCommune();
    return Commune.fromJson(withId(demo.toJson(), id));
  }

  private static Map<String, Object> withId(Map<String, Object> json, String id) {
    Map<String, Object> m = new java.util.LinkedHashMap<>(json);
    m.put("id", id);
    return m;
  }
}
