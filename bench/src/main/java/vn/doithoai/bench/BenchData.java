package vn.doithoai.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import vn.doithoai.aws.DynamoMailOutbox;
import vn.doithoai.aws.DynamoTable;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.intake.WebhookVerifier;
import vn.doithoai.core.mail.OutgoingMail;
import vn.doithoai.core.rules.DeadlineScheduling;
import vn.doithoai.handlers.CommunesHandler;
import vn.doithoai.handlers.OpinionsHandler;
import vn.doithoai.handlers.PlansHandler;
import vn.doithoai.handlers.WebhookHandler;
import vn.doithoai.bench.harness.Warm;

/**
 * The benchmark's data, seeded through the handlers themselves (the public API, in this JVM, against the same
 * DynamoDB Local the measured JVMs use): the commune {@value #COMMUNE} where the work happens, the commune
 * {@value #LIST_COMMUNE} whose lists are read (two announced plans, {@value #LIST_OPINIONS} opinions — one
 * dialogue's worth), a citizen's opinion for the public page, e-mails waiting to be sent, and open deadlines
 * with a step already due, one per fire to measure (copies of a real assignment deadline). Also the events
 * each measured run gets, as Lambda would deliver them.
 */
final class BenchData {
  static final String COMMUNE = "bench";
  static final String LIST_COMMUNE = "bench-list";
  static final String AGENCY = "phong-kinh-te";
  static final int LIST_OPINIONS = 30;
  static final String COLD_DEADLINES = "OP#o_bc%06d#answer";
  static final String WARM_DEADLINES = "OP#o_bw%06d#answer";

  private final DynamoDbClient client;
  private final String table;
  private final LocalDate today = LocalDate.now(DeadlineScheduling.VIETNAM);
  private String secret;
  private String trackingCode;
  private Map<String, AttributeValue> deadlineTemplate;
  private String deadlineOpinion;
  private String deadlineStep;
  private long deadlineVersion;
  private final List<String> mails = new ArrayList<>();
  private final List<String> listPlans = new ArrayList<>();
  private int nextMail;
  private long deliveries;

  BenchData(DynamoDbClient client, String table) {
    this.client = client;
    this.table = table;
  }

  /** Seeds everything; {@code mailsNeeded} pending e-mails at least. Needs App's configuration set. */
  void seed(int mailsNeeded) {
    Map<String, Object> registered = json(call(new CommunesHandler(), http("POST", "/communes", null, null,
        Warm.communeBody(COMMUNE), platformAdmin()), 201));
    @SuppressWarnings("unchecked")
    Map<String, Object> s = (Map<String, Object>) registered.get("webhookSecret");
    secret = (String) s.get("secret");
    call(new CommunesHandler(), http("POST", "/communes", null, null, Warm.communeBody(LIST_COMMUNE),
        platformAdmin()), 201);

    PlansHandler plans = new PlansHandler();
    OpinionsHandler opinions = new OpinionsHandler();
    for (int i = 0; i < 2; i++) {
      String id = (String) json(call(plans, http("POST", "/plans", null, null, plan(i + 1 + "-KH/ĐU"),
          staff(LIST_COMMUNE, "office")), 201)).get("id");
      call(plans, http("POST", "/plans/{planId}/announce", Map.of("planId", id), null, Map.of(),
          staff(LIST_COMMUNE, "office")), 200);
      listPlans.add(id);
    }
    for (int i = 0; i < LIST_OPINIONS; i++) {
      call(opinions, http("POST", "/opinions", null, null, opinionBody(i), staff(LIST_COMMUNE, "office")), 201);
    }
    trackingCode = (String) json(call(new WebhookHandler(), webhook(), 202)).get("trackingCode");

    // a real assignment deadline: its item is the template of every deadline fired
    String id = (String) json(call(opinions, http("POST", "/opinions", null, null, opinionBody(0),
        staff(COMMUNE, "office")), 201)).get("id");
    call(opinions, http("POST", "/opinions/{opinionId}/triage", Map.of("opinionId", id), null,
        Map.of("decision", "accept"), staff(COMMUNE, "office")), 200);
    call(opinions, http("POST", "/opinions/{opinionId}/assign", Map.of("opinionId", id), null,
        Map.of("agency", AGENCY), staff(COMMUNE, "office")), 200);
    GetItemResponse d = client.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
        "pk", AttributeValue.fromS("C#" + COMMUNE), "sk", AttributeValue.fromS("DL#OP#" + id + "#answer"))));
    if (!d.hasItem()) {
      throw new IllegalStateException("the assignment of " + id + " left no open deadline item");
    }
    deadlineTemplate = d.item();
    deadlineOpinion = id;
    Map<String, Object> doc = Json.readObject(d.item().get("doc").s());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> steps = (List<Map<String, Object>>) doc.get("steps");
    deadlineStep = (String) steps.get(0).get("name");
    deadlineVersion = Long.parseLong(d.item().get("version").n());

    DynamoMailOutbox outbox = new DynamoMailOutbox(new DynamoTable(client, table));
    for (int i = outbox.pending(mailsNeeded + 50).size(); i < mailsNeeded; i++) {
      call(opinions, http("POST", "/opinions", null, null, opinionBody(i), staff(COMMUNE, "office")), 201);
    }
    for (OutgoingMail m : outbox.pending(mailsNeeded + 50)) {
      mails.add(m.id());
    }
  }

  /**
   * {@code count} copies of the real deadline, named by {@code format} (e.g. {@value #COLD_DEADLINES}), whose
   * steps are all in the past: each can be fired once.
   */
  void openDueDeadlines(String format, int count) {
    Instant past = Instant.now().minusSeconds(3600);
    for (int i = 0; i < count; i++) {
      String deadlineId = String.format(format, i);
      String opinion = deadlineId.substring("OP#".length(), deadlineId.lastIndexOf('#'));
      Map<String, AttributeValue> item = new HashMap<>();
      for (Map.Entry<String, AttributeValue> e : deadlineTemplate.entrySet()) {
        AttributeValue v = e.getValue();
        item.put(e.getKey(), v.s() != null ? AttributeValue.fromS(v.s().replace(deadlineOpinion, opinion)) : v);
      }
      Map<String, Object> doc = Json.readObject(item.get("doc").s());
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> steps = (List<Map<String, Object>>) doc.get("steps");
      List<Object> moved = new ArrayList<>();
      for (int k = 0; k < steps.size(); k++) {
        Map<String, Object> step = new LinkedHashMap<>(steps.get(k));
        step.put("at", past.plusSeconds(k).toString());
        moved.add(step);
      }
      doc.put("steps", moved);
      item.put("doc", AttributeValue.fromS(Json.write(doc)));
      client.putItem(PutItemRequest.builder().tableName(table).item(item).build());
    }
  }

  String secret() {
    return secret;
  }

  String deadlineStep() {
    return deadlineStep;
  }

  long deadlineVersion() {
    return deadlineVersion;
  }

  int mailCount() {
    return mails.size();
  }

  // ---- the event of one measured run, by handler ----

  /** The event for one run of a function; {@code k} numbers the runs that need fresh state. */
  Map<String, Object> event(String handler, int k, Map<String, Object> staticEvent) {
    return switch (handler) {
      case "Floor", "PublicHandler" -> http("GET", "/public/{commune}/opinions/{trackingCode}",
          Map.of("commune", COMMUNE, "trackingCode", trackingCode), null, null, null);
      case "WebhookHandler" -> webhook();
      case "PlansHandler" -> http("POST", "/plans", null, null, plan("12-KH/ĐU"), staff(COMMUNE, "office"));
      case "OpinionsHandler" -> http("POST", "/opinions", null, null, opinionBody(k), staff(COMMUNE, "office"));
      case "CommunesHandler" -> http("GET", "/communes/{communeId}", Map.of("communeId", COMMUNE), null, null,
          staff(COMMUNE, "admin"));
      case "DeadlinesHandler" -> Map.of("commune", COMMUNE, "deadline", String.format(COLD_DEADLINES, k),
          "step", deadlineStep, "version", deadlineVersion);
      case "MailerHandler" -> Map.of("version", "0", "id", "bench-" + k, "detail-type", "MailQueued", "source",
          "doithoai", "account", "000000000000", "time", Instant.now().toString(), "region", "ap-southeast-1",
          "resources", List.of(), "detail", Map.of("version", 1, "mailId", nextMail(), "commune", COMMUNE,
              "kind", "opinion.ack"));
      // a delivery whose work item is gone (done before): the warm path reads it and stops, as a retry does
      case "RedateHandler" -> Map.of("version", "0", "id", "bench-" + k, "detail-type", "CommuneRederive",
          "source", "doithoai", "account", "000000000000", "time", Instant.now().toString(), "region",
          "ap-southeast-1", "resources", List.of(), "detail", Map.of("commune", COMMUNE, "changeId",
              "bench-done-" + k, "reason", "calendar"));
      // a job that is not there (done and expired, or a retry): the worker reads it and stops
      case "ExportHandler" -> Map.of("version", "0", "id", "bench-" + k, "detail-type", "ExportRequested",
          "source", "doithoai", "account", "000000000000", "time", Instant.now().toString(), "region",
          "ap-southeast-1", "resources", List.of(), "detail", Map.of("version", 1, "commune", COMMUNE, "jobId",
              "xbench" + k, "planId", "p_none", "table", "opinions", "format", "csv", "rows", 501,
              "requestedAt", Instant.now().toString()));
      default -> staticEvent;
    };
  }

  /** The handlers with an event of their own here; any other function of the template gets {@link #fallback}. */
  static boolean known(String handler) {
    return List.of("Floor", "PublicHandler", "WebhookHandler", "PlansHandler", "OpinionsHandler", "CommunesHandler",
        "DeadlinesHandler", "MailerHandler", "RelayHandler", "SchedulesHandler", "ReconcileHandler", "RedateHandler",
        "ExportHandler").contains(handler);
  }

  /**
   * The event of a function the benchmark has no fixture for (one added to the template since): its first
   * GET route whose path parameters the seeded data can fill (a plan of {@value #LIST_COMMUNE}), else its first
   * route with made-up ids; an empty event for a function outside the HTTP API. It is timed like the others;
   * a 404 is accepted.
   */
  Map<String, Object> fallback(List<vn.doithoai.local.runtime.TemplateModel.HttpRoute> routes) {
    if (routes.isEmpty()) {
      return Map.of();
    }
    vn.doithoai.local.runtime.TemplateModel.HttpRoute chosen = fallbackRoute(routes);
    Map<String, String> path = new LinkedHashMap<>();
    for (String p : parameters(chosen.path())) {
      path.put(p, switch (p) {
        case "planId" -> listPlans.isEmpty() ? "p_none" : listPlans.get(0);
        case "meetingId" -> "m1";
        case "year" -> Integer.toString(today.getYear());
        case "communeId", "commune" -> LIST_COMMUNE;
        default -> "none";
      });
    }
    return http(chosen.method(), chosen.path(), path.isEmpty() ? null : path, null,
        chosen.method().equals("GET") ? null : Map.of(), chosen.authRequired() ? staff(LIST_COMMUNE, "office")
            : null);
  }

  /** The route {@link #fallback} calls. */
  static vn.doithoai.local.runtime.TemplateModel.HttpRoute fallbackRoute(
      List<vn.doithoai.local.runtime.TemplateModel.HttpRoute> routes) {
    return routes.stream()
        .filter(r -> r.method().equals("GET") && parameters(r.path()).stream().allMatch(
            p -> List.of("planId", "meetingId", "year", "communeId", "commune").contains(p)))
        .findFirst().orElse(routes.stream().filter(r -> r.method().equals("GET")).findFirst().orElse(routes.get(0)));
  }

  private static List<String> parameters(String path) {
    List<String> out = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** What the event of a function's runs is, for the table. */
  static String describe(String handler) {
    return switch (handler) {
      case "Floor" -> "one GetItem";
      case "PublicHandler" -> "GET status page";
      case "WebhookHandler" -> "POST new opinion";
      case "PlansHandler" -> "POST /plans";
      case "OpinionsHandler" -> "POST /opinions";
      case "CommunesHandler" -> "GET /communes/{id}";
      case "DeadlinesHandler" -> "fire a due step";
      case "MailerHandler" -> "MailQueued → SES";
      case "RelayHandler" -> "stream batch (3)";
      case "SchedulesHandler" -> "DeadlineChanged";
      case "ReconcileHandler" -> "daily run";
      case "RedateHandler" -> "CommuneRederive, already done";
      case "ExportHandler" -> "ExportRequested, no such job";
      default -> handler;
    };
  }

  private String nextMail() {
    if (nextMail >= mails.size()) {
      throw new IllegalStateException("not enough pending e-mails were seeded (" + mails.size() + ")");
    }
    return mails.get(nextMail++);
  }

  /** A new signed delivery from the commune website (fresh id, current timestamp). */
  Map<String, Object> webhook() {
    String id = "msg_bench_" + (++deliveries) + "_" + System.nanoTime();
    long ts = Instant.now().getEpochSecond();
    byte[] body = Json.write(Map.of("content", "Đường liên thôn Nà Pàn xuống cấp, đề nghị xã sửa chữa trước mùa mưa.",
        "field", "infrastructure", "name", "Hoàng Văn Dũng", "email", "dung.hv@example.vn", "phone",
        "0912 345 678", "village", "Thôn Nà Pàn", "consentToPublish", false)).getBytes(StandardCharsets.UTF_8);
    byte[] key = Base64.getDecoder().decode(secret.substring(secret.indexOf('_') + 1));
    Map<String, Object> e = http("POST", "/webhooks/{commune}/opinions", Map.of("commune", COMMUNE), null, null,
        null);
    @SuppressWarnings("unchecked")
    Map<String, Object> headers = (Map<String, Object>) e.get("headers");
    headers.put("content-type", "application/json");
    headers.put("webhook-id", id);
    headers.put("webhook-timestamp", Long.toString(ts));
    headers.put("webhook-signature", WebhookVerifier.signature(key, id, ts, body));
    e.put("body", new String(body, StandardCharsets.UTF_8));
    return e;
  }

  private Map<String, Object> plan(String number) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("year", today.getYear());
    p.put("issuer", "party-committee");
    p.put("number", number);
    p.put("title", "Kế hoạch đối thoại trực tiếp của Bí thư Đảng ủy với Nhân dân năm " + today.getYear());
    p.put("hosts", List.of(Map.of("position", "Bí thư Đảng ủy, Chủ tịch HĐND xã")));
    p.put("audience", "Nhân dân các thôn");
    p.put("meetings", List.of(Map.of("id", "m1", "date", today.plusDays(30).toString(), "venue",
        "Nhà văn hóa thôn Nà Pàn")));
    p.put("profile", "lang-son-320");
    return p;
  }

  private static Map<String, Object> opinionBody(int i) {
    return Map.of("channel", "meeting-card", "field", "environment", "content",
        "Bãi rác tự phát cạnh suối Bản Chắt gây ô nhiễm (" + i + ").", "raisers", List.of(Map.of("name",
            "Nông Văn Thắng", "email", "thang" + i + "@example.vn", "village", "Thôn Bản Chắt")));
  }

  static Map<String, String> staff(String commune, String role) {
    return Warm.staff(commune, role, null);
  }

  private static Map<String, String> platformAdmin() {
    return Map.of("sub", "bench-platform", "name", "Quản trị hệ thống", "commune", "*", "roles", "[admin]");
  }

  /** An API Gateway HTTP API (payload 2.0) event as JSON, like {@code events/make-events.py} writes. */
  static Map<String, Object> http(String method, String route, Map<String, String> path, Map<String, String> query,
      Object body, Map<String, String> claims) {
    String raw = route;
    if (path != null) {
      for (Map.Entry<String, String> p : path.entrySet()) {
        raw = raw.replace("{" + p.getKey() + "}", p.getValue());
      }
    }
    Map<String, Object> http = new LinkedHashMap<>();
    http.put("method", method);
    http.put("path", raw);
    http.put("protocol", "HTTP/1.1");
    http.put("sourceIp", "127.0.0.1");
    http.put("userAgent", "bench");
    Map<String, Object> ctx = new LinkedHashMap<>();
    ctx.put("accountId", "000000000000");
    ctx.put("apiId", "bench");
    ctx.put("domainName", "localhost");
    ctx.put("requestId", "bench-" + System.nanoTime());
    ctx.put("routeKey", method + " " + route);
    ctx.put("stage", "$default");
    ctx.put("time", DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
        .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC)));
    ctx.put("timeEpoch", System.currentTimeMillis());
    ctx.put("http", http);
    if (claims != null) {
      ctx.put("authorizer", Map.of("jwt", Map.of("claims", claims)));
    }
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put("host", "localhost");
    if (body != null) {
      headers.put("content-type", "application/json");
    }
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("version", "2.0");
    e.put("routeKey", method + " " + route);
    e.put("rawPath", raw);
    e.put("rawQueryString", "");
    e.put("headers", headers);
    e.put("requestContext", ctx);
    e.put("pathParameters", path);
    e.put("queryStringParameters", query);
    e.put("isBase64Encoded", false);
    if (body != null) {
      e.put("body", Json.write(body));
    }
    return e;
  }

  @SuppressWarnings("unchecked")
  private static APIGatewayV2HTTPResponse call(Object handler, Map<String, Object> event, int expected) {
    APIGatewayV2HTTPEvent e = (APIGatewayV2HTTPEvent) vn.doithoai.bench.harness.EventFiles.convert(event,
        APIGatewayV2HTTPEvent.class);
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
}
