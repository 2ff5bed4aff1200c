package vn.doithoai.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.rules.DeadlineScheduling;
import vn.doithoai.handlers.AppClock;
import vn.doithoai.handlers.CommunesHandler;
import vn.doithoai.handlers.OpinionsHandler;
import vn.doithoai.handlers.PlansHandler;
import vn.doithoai.bench.harness.EventFiles;
import vn.doithoai.bench.harness.Warm;

/**
 * {@code bench scale}'s data: N communes, each with the state of a commune in mid-season. A few template communes
 * (one per seed plan's profile, {@link #PROFILES}) are made through the handlers, as staff would make them; every
 * other commune is a copy of one of them (its items with the commune's id put in place of the template's, in
 * every key and document), written with BatchWriteItem, 25 items a call, on a few threads.
 *
 * <p>A commune's load, from DOMAIN.md and the seeds (one to two dialogues a year; opinions compiled before and
 * raised at the meeting, assigned to an agency, answered within 15–20 working days): two dialogue plans a year,
 * announced, one meeting each — the first held {@code 20 + 3t} days ago (its conclusion, answers and report still
 * open), the second {@code 25 + 7t} days ahead (its notice and compilation deadlines open); {@value #OPINIONS}
 * opinions, of which the {@value #OPEN} most recent are assigned and not yet answered (assigned one every two
 * days over the last seven weeks: some overdue, some due soon) and the others were assigned, answered and closed
 * earlier in the year. Clones share their template's dates, so a template's reminders land on the same mornings
 * in every copy: a pessimistic bunching for the 08:00 burst.
 */
final class ScaleSeed {
  static final int OPINIONS = 40;
  static final int OPEN = 24;
  /** Province and rule profile of the seeds' communes (seeds 000–004). */
  static final List<String[]> PROFILES = List.of(new String[] {"Lạng Sơn", "lang-son-320"},
      new String[] {"Bắc Ninh", "bac-ninh-08"}, new String[] {"Hải Dương (nay thuộc Hải Phòng)", "hai-duong-03"},
      new String[] {"Tuyên Quang", "national-2025"}, new String[] {"Lạng Sơn", "lang-son-320"});
  static final String AGENCY = "phong-kinh-te";

  private final DynamoDbClient client;
  private final String table;
  private final LocalDate today = LocalDate.now(DeadlineScheduling.VIETNAM);
  /** Template index → its items. */
  private final List<List<Map<String, AttributeValue>>> templates = new ArrayList<>();
  private int communes;

  ScaleSeed(DynamoDbClient client, String table) {
    this.client = client;
    this.table = table;
  }

  static String communeId(int i) {
    return String.format("xa-%05d", i + 1);
  }

  int templates() {
    return templates.size();
  }

  int communes() {
    return communes;
  }

  /** The template a commune is a copy of (a template is its own). */
  int templateOf(int commune) {
    return commune % templates.size();
  }

  /** Makes {@code count} template communes through the handlers (App configured by the caller). */
  void makeTemplates(int count, Runnable beforeCopying) {
    for (int t = 0; t < count; t++) {
      template(t);
    }
    beforeCopying.run();
    for (int t = 0; t < count; t++) {
      templates.add(itemsOf(communeId(t)));
    }
    communes = count;
  }

  private void template(int t) {
    String id = communeId(t);
    Map<String, Object> body = new LinkedHashMap<>(Warm.communeBody(id));
    body.put("province", PROFILES.get(t % PROFILES.size())[0]);
    body.put("profile", PROFILES.get(t % PROFILES.size())[1]);
    call(new CommunesHandler(), BenchData.http("POST", "/communes", null, null, body, Map.of("sub",
        "bench-platform", "name", "Quản trị hệ thống", "commune", "*", "roles", "[admin]")), 201);
    PlansHandler plans = new PlansHandler();
    for (int p = 0; p < 2; p++) {
      LocalDate meeting = p == 0 ? today.minusDays(20 + 3L * t) : today.plusDays(25 + 7L * t);
      String pid = (String) json(call(plans, BenchData.http("POST", "/plans", null, null,
          plan(t, p, meeting), BenchData.staff(id, "office")), 201)).get("id");
      call(plans, BenchData.http("POST", "/plans/{planId}/announce", Map.of("planId", pid), null,
          Map.of(), BenchData.staff(id, "office")), 200);
    }
    OpinionsHandler opinions = new OpinionsHandler();
    try {
      for (int j = 0; j < OPINIONS; j++) {
        boolean open = j < OPEN;
        long daysAgo = open ? 2L * j + (t % 2) : 60L + 7L * (j - OPEN);
        System.setProperty(AppClock.OFFSET, Long.toString(-Duration.ofDays(daysAgo).toMillis()));
        String oid = (String) json(call(opinions, BenchData.http("POST", "/opinions", null,
            null, opinion(j), BenchData.staff(id, "office")), 201)).get("id");
        call(opinions, opinionCall("triage", oid, Map.of("decision", "accept"), BenchData.staff(id,
            "office")), 200);
        call(opinions, opinionCall("assign", oid, Map.of("agency", AGENCY), BenchData.staff(id,
            "office")), 200);
        if (!open) {
          call(opinions, opinionCall("answer", oid, Map.of("text",
              "Xã đã đưa nội dung vào kế hoạch giải quyết quý này.", "mode", "written"),
              Warm.staff(id, "agency", AGENCY)), 200);
          call(opinions, opinionCall("close", oid, Map.of(), BenchData.staff(id, "office")), 200);
        }
      }
    } finally {
      System.clearProperty(AppClock.OFFSET);
    }
  }

  @SuppressWarnings("unchecked")
  private static APIGatewayV2HTTPResponse call(Object handler, Map<String, Object> event, int expected) {
    APIGatewayV2HTTPEvent e = (APIGatewayV2HTTPEvent) EventFiles.convert(event, APIGatewayV2HTTPEvent.class);
    APIGatewayV2HTTPResponse r = ((RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) handler)
        .handleRequest(e, null);
    if (r.getStatusCode() != expected) {
      throw new IllegalStateException("seeding: " + e.getRouteKey() + " answered " + r.getStatusCode() + " "
          + r.getBody());
    }
    return r;
  }

  private static Map<String, Object> json(APIGatewayV2HTTPResponse r) {
    return Json.readObject(r.getBody());
  }

  private static Map<String, Object> opinionCall(String action, String id, Map<String, Object> body,
      Map<String, String> claims) {
    return BenchData.http("POST", "/opinions/{opinionId}/" + action, Map.of("opinionId", id), null, body, claims);
  }

  private Map<String, Object> plan(int t, int p, LocalDate meeting) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("year", meeting.getYear());
    m.put("issuer", p == 0 ? "party-committee" : "peoples-committee");
    m.put("number", (p + 1) + (p == 0 ? "-KH/ĐU" : "/KH-UBND"));
    m.put("title", "Kế hoạch đối thoại trực tiếp với Nhân dân năm " + meeting.getYear() + " (" + (p + 1) + ")");
    m.put("hosts", List.of(Map.of("position", p == 0 ? "Bí thư Đảng ủy xã" : "Chủ tịch UBND xã")));
    m.put("audience", "Nhân dân các thôn");
    m.put("meetings", List.of(Map.of("id", "m1", "date", meeting.toString(), "venue", "Nhà văn hóa thôn")));
    m.put("profile", PROFILES.get(t % PROFILES.size())[1]);
    return m;
  }

  private static Map<String, Object> opinion(int j) {
    String[] fields = {"infrastructure", "environment", "land", "social-policy", "health"};
    return Map.of("channel", j % 3 == 0 ? "meeting-card" : "front", "field", fields[j % fields.length], "content",
        "Đề nghị xã xem xét, giải quyết kiến nghị số " + (j + 1) + " của cử tri về đường, điện, nước sinh hoạt.",
        "raisers", List.of(Map.of("name", "Cử tri " + (j + 1), "village", "Thôn " + (j % 7 + 1))));
  }

  /**
   * The items of a commune: every item with its id in a key ({@code pk}, {@code sk} or an index key), but not its
   * e-mails waiting in the outbox (sent long ago in the commune's real life).
   */
  private List<Map<String, AttributeValue>> itemsOf(String communeId) {
    List<Map<String, AttributeValue>> out = new ArrayList<>();
    for (Map<String, AttributeValue> item : client.scanPaginator(b -> b.tableName(table)).items()) {
      boolean mine = false;
      for (String k : List.of("pk", "sk", "gsi1pk", "gsi1sk", "gsi2pk", "gsi2sk")) {
        AttributeValue v = item.get(k);
        mine |= v != null && v.s() != null && v.s().contains(communeId);
      }
      AttributeValue pending = item.get("gsi2pk");
      if (mine && !(pending != null && pending.s() != null && pending.s().startsWith("MAIL#PENDING"))) {
        out.add(item);
      }
    }
    return out;
  }

  /** Items of one commune (a template's count), for the output. */
  int itemsPerCommune() {
    return (int) templates.stream().mapToInt(List::size).average().orElse(0);
  }

  /** Average bytes of one commune's items. */
  double bytesPerCommune() {
    return templates.stream().mapToDouble(l -> l.stream().mapToDouble(ScaleMeter::size).sum()).average().orElse(0);
  }

  /** Open deadlines of a template commune (items of its partition {@code DL#…}). */
  List<Map<String, AttributeValue>> openDeadlines(int template) {
    return templates.get(template).stream().filter(i -> i.get("sk").s().startsWith("DL#")).toList();
  }

  /** Copies templates until there are {@code total} communes; returns the items written. */
  long growTo(int total, int threads) throws Exception {
    List<WriteRequest> pending = new ArrayList<>();
    List<List<WriteRequest>> batches = new ArrayList<>();
    for (int c = communes; c < total; c++) {
      int t = templateOf(c);
      String from = communeId(t);
      String to = communeId(c);
      for (Map<String, AttributeValue> item : templates.get(t)) {
        Map<String, AttributeValue> copy = new HashMap<>();
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
          AttributeValue v = e.getValue();
          copy.put(e.getKey(), v.s() != null ? AttributeValue.fromS(v.s().replace(from, to)) : v);
        }
        pending.add(WriteRequest.builder().putRequest(PutRequest.builder().item(copy).build()).build());
        if (pending.size() == 25) {
          batches.add(pending);
          pending = new ArrayList<>();
        }
      }
    }
    if (!pending.isEmpty()) {
      batches.add(pending);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (List<WriteRequest> batch : batches) {
        done.add(pool.submit(() -> write(batch)));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    communes = Math.max(communes, total);
    return batches.stream().mapToLong(List::size).sum();
  }

  private void write(List<WriteRequest> batch) {
    Map<String, List<WriteRequest>> request = Map.of(table, batch);
    for (int attempt = 0; !request.isEmpty() && !request.get(table).isEmpty(); attempt++) {
      Map<String, List<WriteRequest>> r = request;
      BatchWriteItemResponse out = client.batchWriteItem(b -> b.requestItems(r));
      request = out.hasUnprocessedItems() ? out.unprocessedItems() : Map.of();
      if (attempt > 20) {
        throw new IllegalStateException("BatchWriteItem left items unprocessed 20 times");
      }
    }
  }
}
