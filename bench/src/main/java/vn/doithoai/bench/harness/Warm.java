package vn.doithoai.bench.harness;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.intake.WebhookVerifier;
import vn.doithoai.core.rules.DeadlineScheduling;
import vn.doithoai.handlers.CommunesHandler;
import vn.doithoai.aws.DynamoMailOutbox;
import vn.doithoai.aws.DynamoTable;
import vn.doithoai.core.mail.OutgoingMail;
import vn.doithoai.handlers.DeadlinesHandler;
import vn.doithoai.handlers.MailerHandler;
import vn.doithoai.handlers.RelayHandler;
import vn.doithoai.handlers.SchedulesHandler;
import vn.doithoai.handlers.OpinionsHandler;
import vn.doithoai.handlers.PlansHandler;
import vn.doithoai.handlers.PublicHandler;
import vn.doithoai.handlers.WebhookHandler;

/**
 * The warm run: {@code Warm <config.json> <out.json>}, one JVM with Lambda's flags, the handlers built as
 * Lambda builds them (public constructors, {@code App.get()}), driven through every HTTP route and the
 * deadlines function again and again. Each iteration follows an opinion and a plan through their lives (so
 * every call has real work: a new delivery, a state change), registers a commune, and fires a due deadline.
 * Per route: latency, the time inside DynamoDB calls (see {@link DynamoTimer}), bytes allocated, and in the
 * first iteration the consumed capacity of each DynamoDB call.
 */
public final class Warm {
  private static final Pattern CAP = Pattern.compile("\"cap\"\\s*:\\s*\"(\\d{4}-\\d{2}-\\d{2})\"");

  /** One route's samples. */
  static final class Route {
    final String route;
    final String function;
    // {total ns, dynamo ns, allocated bytes, dynamo calls, other AWS ns, other AWS calls}
    final List<long[]> samples = new ArrayList<>();
    List<Map<String, Object>> capacity;
    int errors;
    String firstError;

    Route(String route, String function) {
      this.route = route;
      this.function = function;
    }
  }

  private final Map<String, Object> config;
  private final Map<String, Route> routes = new LinkedHashMap<>();
  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final String commune;
  private final String listCommune;
  private final String agency;
  private final byte[] key;
  private final int year;
  private final LocalDate today;
  private boolean timed;

  private final WebhookHandler webhook = new WebhookHandler();
  private final PublicHandler publicStatus = new PublicHandler();
  private final PlansHandler plans = new PlansHandler();
  private final OpinionsHandler opinions = new OpinionsHandler();
  private final CommunesHandler communes = new CommunesHandler();
  private final DeadlinesHandler deadlines = new DeadlinesHandler();
  private final MailerHandler mailer = new MailerHandler();
  private final RelayHandler relay = new RelayHandler();
  private final SchedulesHandler schedules = new SchedulesHandler();
  private final DynamoMailOutbox outbox = new DynamoMailOutbox(DynamoTable.fromEnvironment());
  private final Object streamBatch;
  private final Object deadlineChanged;

  Warm(Map<String, Object> config) {
    this.config = config;
    this.commune = (String) config.get("commune");
    this.listCommune = (String) config.get("listCommune");
    this.agency = (String) config.get("agency");
    String secret = (String) config.get("secret");
    this.key = Base64.getDecoder().decode(secret.substring(secret.indexOf('_') + 1));
    this.today = LocalDate.now(DeadlineScheduling.VIETNAM);
    this.year = today.getYear();
    @SuppressWarnings("unchecked")
    Map<String, Object> stream = (Map<String, Object>) config.get("relayEvent");
    this.streamBatch = EventFiles.convert(stream, com.amazonaws.services.lambda.runtime.events.DynamodbEvent.class);
    this.deadlineChanged = config.get("schedulesEvent");
  }

  public static void main(String[] args) throws Exception {
    Map<String, Object> config = Json.readObject(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
    Warm w = new Warm(config);
    w.run();
    Files.writeString(Path.of(args[1]), Json.write(w.result()), StandardCharsets.UTF_8);
    System.exit(0);
  }

  void run() {
    int warmup = ((Number) config.get("warmup")).intValue();
    int n = ((Number) config.get("n")).intValue();
    threads.setThreadAllocatedMemoryEnabled(true);
    for (int i = 0; i < warmup + n; i++) {
      timed = i >= warmup;
      DynamoTimer.capture = i == 0;
      iteration(i);
    }
    DynamoTimer.capture = false;
  }

  private void iteration(int i) {
    // a citizen's opinion through the website, and its public status page
    refillIntakeBudget();
    String code = (String) json(call("POST /webhooks/{commune}/opinions", "IntakeFunction", webhook,
        webhookEvent(i), true)).get("trackingCode");
    call("GET /public/{commune}/opinions/{trackingCode}", "PublicFunction", publicStatus,
        http("GET", "/public/{commune}/opinions/{trackingCode}", Map.of("commune", commune, "trackingCode",
            code == null ? "DT-0000-0000" : code), null, null, null), true);

    // staff: an opinion from entry to close
    String id = enter(true);
    opinion("GET", "/opinions/{opinionId}", id, null, office(commune), true);
    opinion("POST", "/opinions/{opinionId}/triage", id, Map.of("decision", "accept"), office(commune), true);
    Object assigned = opinion("POST", "/opinions/{opinionId}/assign", id, Map.of("agency", agency),
        office(commune), true);
    Matcher cap = CAP.matcher(body(assigned));
    opinion("POST", "/opinions/{opinionId}/extend", id, Map.of("until", cap.find() ? cap.group(1)
        : today.plusDays(40).toString(), "reason", "Cần khảo sát hiện trạng cùng đơn vị tư vấn"),
        agencyStaff(), true);
    opinion("POST", "/opinions/{opinionId}/answer", id, Map.of("text",
        "Xã đã đưa tuyến đường vào kế hoạch sửa chữa quý I.", "mode", "written", "evidence",
        List.of(Map.of("name", "Công văn số 21/UBND-KT", "url", "https://demo.example.vn/vb/21-ubnd-kt.pdf"))),
        agencyStaff(), true);
    opinion("POST", "/opinions/{opinionId}/close", id, Map.of(), office(commune), true);
    // the other triage outcomes and a merge, each on a fresh opinion
    opinion("POST", "/opinions/{opinionId}/triage", enter(false), Map.of("decision", "redirect", "kind",
        "complaint"), office(commune), true, "POST /opinions/{opinionId}/triage (redirect)");
    opinion("POST", "/opinions/{opinionId}/forward", enter(false), Map.of("body",
        "Sở Giao thông vận tải tỉnh", "note", "Quốc lộ thuộc thẩm quyền của tỉnh"), office(commune), true);
    opinion("POST", "/opinions/{opinionId}/refuse", enter(false), Map.of("reason", "settled-matter", "note",
        "Đã trả lời tại Công văn số 15/UBND"), office(commune), true);
    String target = enter(false);
    opinion("POST", "/opinions/{opinionId}/merge", enter(false), Map.of("into", target), office(commune), true);
    call("POST /opinions/compiled", "OpinionsFunction", opinions, http("POST", "/opinions/compiled", null, null,
        Map.of("organisation", "Ủy ban MTTQ xã", "channel", "front", "items", List.of(
            Map.of("content", "Đề nghị lắp đèn chiếu sáng đường trục thôn.", "field", "infrastructure",
                "count", 14),
            Map.of("content", "Chậm chi trả trợ cấp người cao tuổi.", "field", "social-policy", "count", 3))),
        staff(commune, "front", null)), true);
    call("GET /opinions", "OpinionsFunction", opinions, http("GET", "/opinions", null, Map.of("status",
        "received"), null, office(listCommune)), true);

    // staff: a plan from draft to cancellation, another held
    String plan = (String) json(call("POST /plans", "PlansFunction", plans, http("POST", "/plans", null, null,
        plan("12-KH/ĐU"), office(commune)), true)).get("id");
    plan("GET", "/plans/{planId}", plan, null, true);
    plan("PUT", "/plans/{planId}", plan, plan("13-KH/ĐU"), true);
    plan("POST", "/plans/{planId}/announce", plan, Map.of(), true);
    plan("POST", "/plans/{planId}/deadlines/complete", plan, Map.of("rule", "meeting.notice", "meetingId", "m1"),
        true);
    plan("POST", "/plans/{planId}/reschedule", plan, Map.of("meetingId", "m1", "date",
        today.plusDays(37).toString(), "reason", "Trùng lịch họp của cấp trên"), true);
    plan("POST", "/plans/{planId}/cancel", plan, Map.of("reason", "Thay thế bằng kế hoạch khác"), true);
    String held = (String) json(call("POST /plans", "PlansFunction", plans, http("POST", "/plans", null, null,
        plan("14-KH/ĐU"), office(commune)), false)).get("id");
    plan("POST", "/plans/{planId}/announce", held, Map.of(), false);
    plan("POST", "/plans/{planId}/hold", held, Map.of(), true);
    call("GET /plans", "PlansFunction", plans, http("GET", "/plans", null, Map.of("year", Integer.toString(year)),
        null, office(listCommune)), true);

    // the platform admin registers a commune; its admin reads, changes it and rotates its secret
    String cid = "warm-" + i;
    Map<String, Object> c = communeBody(cid);
    call("POST /communes", "CommunesFunction", communes, http("POST", "/communes", null, null, c,
        Map.of("sub", "bench-platform", "commune", "*", "roles", "[admin]")), true);
    call("GET /communes/{communeId}", "CommunesFunction", communes, http("GET", "/communes/{communeId}",
        Map.of("communeId", cid), null, null, staff(cid, "admin", null)), true);
    Map<String, Object> changed = new LinkedHashMap<>(c);
    changed.put("hostEmail", "chutich@" + cid + ".example.vn");
    call("PUT /communes/{communeId}", "CommunesFunction", communes, http("PUT", "/communes/{communeId}",
        Map.of("communeId", cid), null, changed, staff(cid, "admin", null)), true);
    call("POST /communes/{communeId}/webhook-secrets", "CommunesFunction", communes, http("POST",
        "/communes/{communeId}/webhook-secrets", Map.of("communeId", cid), null, Map.of("overlapHours", 48),
        staff(cid, "admin", null)), true);
    call("GET /calendar/{year}", "CommunesFunction", communes, http("GET", "/calendar/{year}",
        Map.of("year", Integer.toString(year)), null, null, office(commune)), true);

    // a schedule fires: a due step of an open deadline, once
    Map<String, Object> fire = new HashMap<>();
    fire.put("commune", commune);
    fire.put("deadline", String.format((String) config.get("deadlineFormat"), i));
    fire.put("step", config.get("deadlineStep"));
    fire.put("version", config.get("deadlineVersion"));
    Object fired = call("deadline fire", "DeadlinesFunction", deadlines, fire, true);
    if (fired instanceof Map<?, ?> m && !"fired".equals(m.get("outcome"))) {
      error("deadline fire", "outcome " + m.get("outcome"));
    }

    // the mailer sends the oldest e-mail waiting (the acknowledgements above keep the outbox full); another
    // measured JVM on the same table may have claimed it a moment before: then the next one
    List<OutgoingMail> waiting = outbox.pending(5);
    Object sent = null;
    for (OutgoingMail m : waiting) {
      sent = call("mail send", "MailerFunction", mailer, Map.of("detail-type", "MailQueued", "source", "doithoai",
          "detail", Map.of("version", 1, "mailId", m.id(), "commune", m.communeId(), "kind", m.kind())), true);
      if ("sent".equals(sent)) {
        break;
      }
    }
    if (!waiting.isEmpty() && !"sent".equals(sent)) {
      error("mail send", "outcome " + sent);
    }
    // the relay publishes a stream batch; a deadline change becomes schedules (both to the local stand-in)
    call("stream batch", "RelayFunction", relay, streamBatch, true);
    call("deadline changed", "SchedulesFunction", schedules, deadlineChanged, true);
  }

  private void error(String route, String what) {
    Route r = routes.get(route);
    if (r != null) {
      r.errors++;
      if (r.firstError == null) {
        r.firstError = what;
      }
    }
  }

  private String enter(boolean record) {
    Object r = call("POST /opinions", "OpinionsFunction", opinions, http("POST", "/opinions", null, null,
        Map.of("channel", "meeting-card", "field", "environment", "content",
            "Bãi rác tự phát cạnh suối Bản Chắt gây ô nhiễm.", "raisers", List.of(Map.of("name",
                "Nông Văn Thắng", "email", "thang.nv@example.vn", "village", "Thôn Bản Chắt"))),
        office(commune)), record);
    return (String) json(r).get("id");
  }

  private Object opinion(String method, String route, String id, Map<String, Object> body,
      Map<String, String> claims, boolean record) {
    return opinion(method, route, id, body, claims, record, method + " " + route);
  }

  private Object opinion(String method, String route, String id, Map<String, Object> body,
      Map<String, String> claims, boolean record, String name) {
    return call(name, "OpinionsFunction", opinions, http(method, route, Map.of("opinionId", id == null ? "none"
        : id), null, body, claims), record);
  }

  private Object plan(String method, String route, String id, Map<String, Object> body, boolean record) {
    return call(method + " " + route, "PlansFunction", plans, http(method, route, Map.of("planId", id == null
        ? "none" : id), null, body, office(commune)), record);
  }

  @SuppressWarnings("unchecked")
  private Object call(String name, String function, Object handler, Object event, boolean record) {
    long d0 = DynamoTimer.nanos;
    int c0 = DynamoTimer.calls;
    long x0 = DynamoTimer.otherNanos;
    int y0 = DynamoTimer.otherCalls;
    int k0 = DynamoTimer.captured.size();
    long a0 = threads.getCurrentThreadAllocatedBytes();
    long t0 = System.nanoTime();
    Object response = ((RequestHandler<Object, Object>) handler).handleRequest(event, null);
    long t1 = System.nanoTime();
    long a1 = threads.getCurrentThreadAllocatedBytes();
    if (!record) {
      return response;
    }
    Route r = routes.computeIfAbsent(name, k -> new Route(k, function));
    if (DynamoTimer.capture && r.capacity == null) {
      r.capacity = new ArrayList<>(DynamoTimer.captured.subList(k0, DynamoTimer.captured.size()));
    }
    int status = EventFiles.status(response);
    if (status >= 400) {
      r.errors++;
      if (r.firstError == null) {
        r.firstError = status + " " + body(response);
      }
    }
    if (timed) {
      r.samples.add(new long[] {t1 - t0, DynamoTimer.nanos - d0, a1 - a0, DynamoTimer.calls - c0,
          DynamoTimer.otherNanos - x0, DynamoTimer.otherCalls - y0});
    }
    return response;
  }

  private static String body(Object response) {
    return response instanceof APIGatewayV2HTTPResponse r && r.getBody() != null ? r.getBody() : "";
  }

  private static Map<String, Object> json(Object response) {
    String b = body(response);
    try {
      return b.startsWith("{") ? Json.readObject(b) : Map.of();
    } catch (RuntimeException e) {
      return Map.of();
    }
  }

  Map<String, Object> result() {
    List<Object> out = new ArrayList<>();
    for (Route r : routes.values()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("route", r.route);
      m.put("function", r.function);
      m.put("n", r.samples.size());
      m.put("errors", r.errors);
      m.put("firstError", r.firstError == null ? null
          : r.firstError.substring(0, Math.min(300, r.firstError.length())));
      long[] total = column(r, 0);
      long[] dynamo = column(r, 1);
      long[] overhead = new long[total.length];
      for (int i = 0; i < total.length; i++) {
        long[] x = r.samples.get(i);
        overhead[i] = x[0] - x[1] - x[4];
      }
      Arrays.sort(overhead);
      m.put("p50", pct(total, 50));
      m.put("p99", pct(total, 99));
      m.put("dynamoP50", pct(dynamo, 50));
      m.put("dynamoP99", pct(dynamo, 99));
      m.put("overheadP50", pct(overhead, 50));
      m.put("overheadP99", pct(overhead, 99));
      m.put("allocMean", mean(column(r, 2)));
      m.put("dynamoCalls", mean(column(r, 3)));
      m.put("otherP50", pct(column(r, 4), 50));
      m.put("otherCalls", mean(column(r, 5)));
      m.put("capacity", r.capacity == null ? List.of() : r.capacity);
      out.add(m);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("routes", out);
    result.put("at", Instant.now().toString());
    return result;
  }

  private static long[] column(Route r, int c) {
    long[] a = new long[r.samples.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = r.samples.get(i)[c];
    }
    Arrays.sort(a);
    return a;
  }

  /** The nearest-rank percentile of sorted values; 0 when there are none. */
  static long pct(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /**
   * The commune's intake budget full again before each delivery, as it is for a commune whose opinions come
   * minutes apart (the usual case): the harness sends one an iteration, above the budget (20 at once, then one
   * every 3 s), and would otherwise measure 429s. Outside the measured call; the busy path (one write more) is
   * DynamoIntakeBudgetTest's.
   */
  private void refillIntakeBudget() {
    DynamoTable t = DynamoTable.fromEnvironment();
    t.client().updateItem(b -> b.tableName(t.name()).key(Map.of(
        "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
            vn.doithoai.aws.DynamoUsage.monthPk(java.time.YearMonth.now(DeadlineScheduling.VIETNAM), commune)),
        "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("C#" + commune)))
        .updateExpression("REMOVE tat_apiWebhook"));
  }

  private static double mean(long[] a) {
    return a.length == 0 ? 0 : Arrays.stream(a).average().orElse(0);
  }

  // ---- events ----

  private APIGatewayV2HTTPEvent webhookEvent(int i) {
    String id = "msg_warm_" + i + "_" + System.nanoTime();
    long ts = Instant.now().getEpochSecond();
    byte[] body = Json.write(Map.of("content", "Đường liên thôn Nà Pàn xuống cấp, đề nghị xã sửa chữa trước mùa mưa.",
        "field", "infrastructure", "name", "Hoàng Văn Dũng", "email", "dung.hv@example.vn", "phone",
        "0912 345 678", "village", "Thôn Nà Pàn", "consentToPublish", false)).getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new HashMap<>();
    headers.put("content-type", "application/json");
    headers.put("webhook-id", id);
    headers.put("webhook-timestamp", Long.toString(ts));
    headers.put("webhook-signature", WebhookVerifier.signature(key, id, ts, body));
    APIGatewayV2HTTPEvent e = http("POST", "/webhooks/{commune}/opinions", Map.of("commune", commune), null, null,
        null);
    e.getHeaders().putAll(headers);
    e.setBody(new String(body, StandardCharsets.UTF_8));
    return e;
  }

  private Map<String, Object> plan(String number) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("year", year);
    p.put("issuer", "party-committee");
    p.put("number", number);
    p.put("title", "Kế hoạch đối thoại trực tiếp của Bí thư Đảng ủy, Chủ tịch UBND xã với Nhân dân năm " + year);
    p.put("hosts", List.of(Map.of("position", "Bí thư Đảng ủy, Chủ tịch HĐND xã"),
        Map.of("position", "Phó Bí thư Đảng ủy, Chủ tịch UBND xã")));
    p.put("audience", "Nhân dân các thôn");
    p.put("villages", List.of("Thôn Nà Pàn", "Thôn Bản Chắt"));
    p.put("form", "Hội nghị đối thoại tại nhà văn hóa thôn");
    p.put("meetings", List.of(Map.of("id", "m1", "date", today.plusDays(30).toString(), "venue",
        "Nhà văn hóa thôn Nà Pàn", "villages", List.of("Thôn Nà Pàn"))));
    p.put("participants", List.of("Ủy ban MTTQ xã", "Văn phòng HĐND và UBND xã"));
    p.put("distribution", List.of("Văn phòng Tỉnh ủy", "Lưu Văn phòng Đảng ủy"));
    p.put("legalBasis", List.of("Quyết định số 320-QĐ/TU ngày 13/6/2016 của Ban Thường vụ Tỉnh ủy Lạng Sơn"));
    p.put("profile", "lang-son-320");
    return p;
  }

  public static Map<String, Object> communeBody(String id) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("id", id);
    c.put("name", "Xã " + id);
    c.put("province", "Lạng Sơn");
    c.put("profile", "lang-son-320");
    c.put("officeEmail", "vanphong@" + id + ".example.vn");
    c.put("frontEmail", "mttq@" + id + ".example.vn");
    c.put("agencies", List.of(Map.of("id", "phong-kinh-te", "name", "Phòng Kinh tế", "email",
        "kinhte@" + id + ".example.vn")));
    return c;
  }

  private Map<String, String> office(String communeId) {
    return staff(communeId, "office", null);
  }

  private Map<String, String> agencyStaff() {
    return staff(commune, "agency", agency);
  }

  public static Map<String, String> staff(String communeId, String role, String agencyId) {
    Map<String, String> c = new HashMap<>();
    c.put("sub", "bench-" + role);
    c.put("name", "Cán bộ " + role);
    c.put("commune", communeId);
    c.put("roles", "[" + role + "]");
    if (agencyId != null) {
      c.put("agency", agencyId);
    }
    return c;
  }

  /** A payload 2.0 event as API Gateway sends it; {@code claims} null for a public route. */
  static APIGatewayV2HTTPEvent http(String method, String route, Map<String, String> path,
      Map<String, String> query, Object body, Map<String, String> claims) {
    String rawPath = route;
    if (path != null) {
      for (Map.Entry<String, String> p : path.entrySet()) {
        rawPath = rawPath.replace("{" + p.getKey() + "}", p.getValue());
      }
    }
    APIGatewayV2HTTPEvent.RequestContext.RequestContextBuilder rc = APIGatewayV2HTTPEvent.RequestContext.builder()
        .withAccountId("000000000000").withApiId("bench").withDomainName("localhost")
        .withRequestId("bench-" + System.nanoTime()).withRouteKey(method + " " + route).withStage("$default")
        .withTimeEpoch(System.currentTimeMillis())
        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(rawPath)
            .withProtocol("HTTP/1.1").withSourceIp("127.0.0.1").withUserAgent("bench").build());
    if (claims != null) {
      rc.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
          .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build())
          .build());
    }
    Map<String, String> headers = new HashMap<>();
    headers.put("host", "localhost");
    if (body != null) {
      headers.put("content-type", "application/json");
    }
    return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(method + " " + route)
        .withRawPath(rawPath).withHeaders(headers).withPathParameters(path).withQueryStringParameters(query)
        .withBody(body == null ? null : Json.write(body)).withIsBase64Encoded(false)
        .withRequestContext(rc.build()).build();
  }
}
