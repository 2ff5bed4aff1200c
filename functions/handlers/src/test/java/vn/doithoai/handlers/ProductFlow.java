package vn.doithoai.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.doithoai.aws.DynamoTable;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.deadline.ScheduleSpec;
import vn.doithoai.core.events.BusEvent;

/**
 * The product walked end to end through every function of template.yaml, each wired as {@link App} wires it
 * in its own Lambda container, all sharing one table: a commune is registered, a plan made and announced, a
 * citizen's opinion arrives by signed webhook and is triaged, merged, assigned, extended, answered and closed;
 * the meeting is recorded, its conclusion drafted, approved and published; the results report, carry-over,
 * exports and documents follow; the calendar changes; a schedule fires, e-mail goes out, the daily reconcile
 * runs. The sample events of {@code events/} are the requests' templates, their placeholders replaced by the
 * ids earlier steps returned; a placeholder left over, or a step that fails, fails the flow. Asynchronous work
 * follows from what the table really wrote: its stream records go to the relay, the events the relay put on
 * the bus go to the functions the template's rules name, the schedules made are fired.
 *
 * <p>Each function records the AWS calls it made (as IAM actions) for the caller to compare with its policy.
 */
final class ProductFlow {
  static final Instant START = Instant.parse("2025-11-22T01:00:00Z");
  static final String COMMUNE = "demo";
  private static final String BASE_URL = "https://xa.example.vn";
  /** PLAN_ID, OPINION_ID, CONCLUSION_ID, TARGET_ID, TARGET_PLAN, the sample tracking code. */
  static final Pattern PLACEHOLDER = Pattern.compile("\\b[A-Z]{2,}_(?:ID|PLAN)\\b|DT-0000-0000");

  /** One function as deployed: its handler, made from its own App, and the AWS calls it made. */
  static final class Deployed {
    final String name;
    final RecordingDynamo dynamo;
    final Set<String> outside = new TreeSet<>();
    final Object handler;
    int invocations;

    Deployed(String name, String handlerClass, Cloud cloud, Clock clock) {
      this.name = name;
      this.dynamo = new RecordingDynamo(cloud.dynamo());
      App app = new App(new DynamoTable(dynamo.client, cloud.table()), clock, BASE_URL, cloud.outside(outside, clock));
      this.handler = handler(handlerClass, app);
    }

    /** The IAM actions of every call made (DynamoDB and beyond). */
    Set<String> actions() {
      Set<String> all = new TreeSet<>(dynamo.actions);
      all.addAll(outside);
      return all;
    }
  }

  private final SamTemplate template;
  private final Cloud cloud;
  private final FlowClock clock = new FlowClock(START);
  private final Map<String, Deployed> deployed = new TreeMap<>();
  private final Map<String, String> routes;
  private final Map<String, Set<String>> rules;
  private final Map<String, String> ids = new LinkedHashMap<>();
  /** Each route a step passed through with a 2xx answer, and that answer. */
  final Map<String, Integer> routesPassed = new TreeMap<>();
  /** The sample events of events/ this flow took as templates. */
  final Set<String> samplesUsed = new TreeSet<>();
  /** Each deadline outcome of the schedules fired. */
  final List<String> fired = new ArrayList<>();

  ProductFlow(SamTemplate template, Cloud cloud) {
    this.template = template;
    this.cloud = cloud;
    this.routes = template.routes();
    this.rules = template.busRules();
  }

  Map<String, Deployed> deployed() {
    return deployed;
  }

  // ---------------------------------------------------------------------------------------------- the walk

  void run() {
    // the commune, registered by the platform admin (it is "demo" in every other sample event)
    ids.put("thien-hoa", COMMUNE);
    Map<String, Object> commune = http("communes-register");
    String secret = (String) ((Map<?, ?>) commune.get("webhookSecret")).get("secret");
    http("communes-get");
    http("communes-update");
    assertEquals(COMMUNE, http("session-current").get("commune"));
    http("session-sign-out");
    http("calendar-year");

    // the plan, announced: its deadlines open and are scheduled
    ids.put("PLAN_ID", id(http("plans-create")));
    assertEquals("draft", http("plans-get").get("status"));
    http("plans-update");
    assertTrue(http("plans-list").toString().contains(ids.get("PLAN_ID")), "the plan is listed");
    assertEquals("announced", http("plans-announce").get("status"));
    // the citizens' side of the announced plan: the commune's page, the form, its script, the QR poster
    http("public-commune-page");
    http("public-form-page");
    http("public-form-script");
    http("public-poster");
    assertFalse(cloud.schedules().isEmpty(), "announcing scheduled the plan's deadlines");

    // a citizen writes through the commune website (signed with the secret the commune was given)
    Map<String, Object> receipt = webhook("webhook-json", secret);
    ids.put("DT-0000-0000", (String) receipt.get("trackingCode"));
    assertEquals("received", http("public-status").get("status"));
    http("public-lookup");
    http("public-form-submit"); // the hosted form, without a proof of work: taken, kept for a clerk's check
    String webhookOpinion = opinionWithCode(http("opinions-list"), ids.get("DT-0000-0000"));
    Map<String, Object> secretRotated = http("communes-rotate-secret");
    assertNotNull(((Map<?, ?>) secretRotated.get("webhookSecret")).get("secret"));
    webhook("webhook-form-base64", (String) ((Map<?, ?>) secretRotated.get("webhookSecret")).get("secret"));

    // opinions from the meeting and the Front
    String entered = id(http("opinions-enter"));
    List<String> compiled = ((List<?>) http("opinions-compiled").get("opinions")).stream()
        .map(o -> (String) ((Map<?, ?>) o).get("id")).toList();
    String redirected = id(http("opinions-enter"));
    String forwarded = id(http("opinions-enter"));
    String refused = id(http("opinions-enter"));

    // triage: accept the citizen's opinion, merge the Front's duplicate into it
    ids.put("OPINION_ID", webhookOpinion);
    http("opinions-get");
    assertEquals("accepted", http("opinions-triage-accept").get("status"));
    with("OPINION_ID", compiled.get(0), () -> with("TARGET_ID", webhookOpinion, () -> http("opinions-merge")));
    assertEquals("merged", with("OPINION_ID", compiled.get(0), () -> http("opinions-get")).get("status"));
    assertEquals("redirected", with("OPINION_ID", redirected, () -> http("opinions-triage-redirect")).get("status"));
    assertEquals("forwarded", with("OPINION_ID", forwarded, () -> http("opinions-forward")).get("status"));
    assertEquals("refused", with("OPINION_ID", refused, () -> http("opinions-refuse")).get("status"));

    // the agency's work: assigned, extended, answered (a transaction that deletes the answer deadline), closed
    assertEquals("assigned", http("opinions-assign").get("status"));
    http("opinions-extend");
    assertEquals("answered", http("opinions-answer").get("status"));
    assertEquals("closed", http("opinions-close").get("status"));

    // a matter raised by more citizens than one transaction holds e-mails (merged in earlier: stored as it is),
    // assigned and answered: the answer commits with a fan-out record, the mailer writes the e-mails from it
    // (MailFanOutQueued) and sends each through its own MailQueued
    with("OPINION_ID", storeLargeMatter(LARGE_MATTER), () -> {
      assertEquals("assigned", http("opinions-assign").get("status"));
      int before = cloud.sentTo().size();
      assertEquals("answered", http("opinions-answer").get("status"));
      List<String> told = cloud.sentTo().subList(before, cloud.sentTo().size()).stream()
          .filter(a -> a.startsWith("cong.dan.")).toList();
      assertEquals(LARGE_MATTER, told.size(), "each raiser told once");
      assertEquals(LARGE_MATTER, told.stream().distinct().count(), "each raiser told");
    });

    // the meeting: held, a deadline marked met, recorded; the conclusion drafted, approved, published
    assertEquals("held", http("plans-hold").get("status"));
    http("plans-complete-deadline");
    ids.put("OPINION_ID", entered);
    http("conclusions-record");
    ids.put("CONCLUSION_ID", id(http("conclusions-draft")));
    http("conclusions-get");
    http("conclusions-of-plan");
    http("conclusions-edit");
    http("conclusions-redact");
    assertEquals("approved", http("conclusions-approve").get("status"));
    assertEquals("published", http("conclusions-publish").get("status"));
    http("conclusions-document");
    http("public-conclusion-page");
    assertTrue(http("public-conclusions-feed").toString().contains(ids.get("CONCLUSION_ID")));
    http("conclusions-correct");

    // after the conclusion: report, exports, documents, statistics
    http("followup-report");
    http("followup-send-report");
    http("followup-reports");
    http("followup-statistics");
    http("followup-year-statistics");
    http("followup-export-xlsx");
    http("followup-meeting-calendar");
    http("followup-document-minutes-docx");

    // the next plan takes over what is still open, is announced, and its meeting moves
    String next = id(http("plans-create"));
    ids.put("TARGET_PLAN", next);
    http("followup-carry-over");
    with("PLAN_ID", next, () -> {
      http("plans-announce");
      http("plans-reschedule");
      http("plans-date-meeting");
    });
    // a third plan, announced then cancelled: its schedules go
    String dropped = id(http("plans-create"));
    with("PLAN_ID", dropped, () -> {
      http("plans-announce");
      assertEquals("cancelled", http("plans-cancel").get("status"));
    });

    // a day off newly announced on the day the next plan's first deadline falls: that deadline moves
    String dueDay = firstDueAfterToday(with("PLAN_ID", next, () -> http("plans-get")));
    Map<String, Object> override = request("calendar-override");
    Map<String, Object> body = Json.readObject((String) override.get("body"));
    body.put("date", dueDay);
    override.put("body", Json.write(body));
    long versionBefore = ((Number) with("PLAN_ID", next, () -> http("plans-get")).get("version")).longValue();
    // queued (one work item per registered commune), then, as the request settles, CommuneRederive → redate
    Map<String, Object> queued = send("calendar-override", override);
    assertTrue(((Number) queued.get("communesQueued")).intValue() >= 1, "a national override is queued: " + queued);
    long versionAfter = ((Number) with("PLAN_ID", next, () -> http("plans-get")).get("version")).longValue();
    assertTrue(versionAfter > versionBefore, "a day off on " + dueDay + " moved the plan due then, once re-dated");

    // the platform admin confirms the written-reply rule's source (QĐ 11-QĐi/TW): it escalates from now on
    Map<String, Object> confirmed = send("rules-confirm", request("rules-confirm"));
    assertEquals("official", confirmed.get("status"), "confirmed: " + confirmed);
    assertTrue(((Number) confirmed.get("communesQueued")).intValue() >= 1, "re-dating queued: " + confirmed);
    assertEquals("local-platform", confirmed.get("confirmedBy"));

    fireNextSchedule();
    reconcile();
    sweep();
    bounce();

    // a citizen's data through the office: the notice, the retention period, an export, an erasure, and again
    http("public-privacy");
    assertEquals(24, ((Number) http("privacy-settings").get("retentionMonths")).intValue());
    assertEquals(36, ((Number) http("privacy-settings-update").get("retentionMonths")).intValue());
    Map<?, ?> export = (Map<?, ?>) http("privacy-export").get("export");
    assertFalse(((List<?>) export.get("opinions")).isEmpty(), "the citizen's opinion is exported: " + export);
    assertFalse(((List<?>) export.get("mails")).isEmpty(), "and the e-mails sent to them: " + export);
    Map<String, Object> erased = http("privacy-erase");
    assertEquals(false, erased.get("repeated"));
    Map<String, Object> again = http("privacy-erase");
    assertEquals(true, again.get("repeated"), "nothing left to erase: the first erasure answers");
    assertEquals(((Map<?, ?>) erased.get("request")).get("id"), ((Map<?, ?>) again.get("request")).get("id"));
    usageStatement();
  }

  /**
   * The platform admin's statement of the month the flow ran in: the commune's requests, opinions, e-mails and
   * storage were counted along the way; the same statement as a spreadsheet.
   */
  @SuppressWarnings("unchecked")
  private void usageStatement() {
    Map<String, Object> statement = http("usage-statement");
    Map<String, Object> commune = ((List<Map<String, Object>>) statement.get("communes")).stream()
        .filter(c -> COMMUNE.equals(c.get("commune"))).findFirst().orElseThrow();
    for (String counted : List.of("apiStaff", "apiPublic", "apiWebhook", "opinions", "emails", "smsSegments",
        "storedItemsNow")) {
      assertTrue(((Number) commune.get(counted)).longValue() > 0, counted + " counted: " + commune);
    }
    Map<String, Object> xlsx = request("usage-statement");
    ((Map<String, Object>) xlsx.get("queryStringParameters")).put("format", "xlsx");
    send("usage-statement", xlsx);
  }

  /** Fires the schedules in order of their instant, the clock at each, until one has its effect. */
  private void fireNextSchedule() {
    int mailsBefore = cloud.sentTo().size();
    for (ScheduleSpec s : cloud.schedules()) {
      if (s.at().isBefore(clock.instant())) {
        continue;
      }
      clock.set(s.at());
      Map<String, Object> input = sample("deadlines-fire");
      for (String field : List.of("commune", "deadline", "step", "version")) {
        assertTrue(input.containsKey(field), "deadlines-fire.json has " + field);
        input.put(field, s.input().get(field));
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> out = (Map<String, Object>) invoke("DeadlinesFunction", input);
      fired.add(s.name() + "=" + out.get("outcome"));
      drain();
      if ("fired".equals(out.get("outcome"))) {
        assertTrue(cloud.sentTo().size() > mailsBefore, "the fired step's e-mail was sent: " + cloud.sentTo());
        return;
      }
    }
    fail("no schedule had an effect when fired: " + fired);
  }

  private void reconcile() {
    clock.set(clock.instant().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS)); // 07:00 in Vietnam
    Map<String, Object> event = sample("reconcile-daily");
    event.put("time", clock.instant().toString());
    @SuppressWarnings("unchecked")
    Map<String, Object> report = (Map<String, Object>) invoke("ReconcileFunction", event);
    assertTrue(((Number) report.get("communesQueued")).intValue() > 0, "one unit per commune queued: " + report);
    drain(); // each unit's CommuneReconcile event → the same function, that commune's deadlines and digests
  }

  /** The outbox sweep (every 5 minutes in AWS): re-drives what the bus never delivered; here nothing is left. */
  private void sweep() {
    Object report = invoke("MailerFunction", sample("mailer-sweep"));
    assertNotNull(report, "the sweep reports what it did");
    drain();
  }

  /** SES reports a permanent bounce of an address the flow really mailed. */
  @SuppressWarnings("unchecked")
  private void bounce() {
    Map<String, Object> event = sample("mailer-ses-bounce");
    String address = cloud.sentTo().get(0);
    Map<String, Object> bounce = (Map<String, Object>) ((Map<String, Object>) event.get("detail")).get("bounce");
    bounce.put("bouncedRecipients", List.of(Map.of("emailAddress", address)));
    assertEquals("suppressed", invoke("MailerFunction", event));
  }

  // ------------------------------------------------------------------------------------------------ steps

  /** An HTTP step: the sample event with the ids so far, through its route's function; 2xx expected. */
  Map<String, Object> http(String sample) {
    return send(sample, request(sample));
  }

  private Map<String, Object> webhook(String sample, String secret) {
    Map<String, Object> event = request(sample);
    @SuppressWarnings("unchecked")
    Map<String, Object> headers = (Map<String, Object>) event.get("headers");
    String msgId = (String) headers.get("webhook-id");
    String ts = Long.toString(clock.instant().getEpochSecond());
    byte[] body = Boolean.TRUE.equals(event.get("isBase64Encoded"))
        ? Base64.getDecoder().decode((String) event.get("body"))
        : ((String) event.get("body")).getBytes(StandardCharsets.UTF_8);
    headers.put("webhook-timestamp", ts);
    headers.put("webhook-signature", sign(secret, msgId, ts, body));
    Map<String, Object> receipt = send(sample, event);
    assertNotNull(receipt.get("trackingCode"), sample);
    return receipt;
  }

  /** A sample event as JSON, as it is (the events outside the HTTP API carry no ids to replace). */
  private Map<String, Object> sample(String name) {
    samplesUsed.add(name);
    return Events.json(name);
  }

  private Map<String, Object> request(String sample) {
    samplesUsed.add(sample);
    String text;
    try {
      text = Files.readString(Events.DIR.resolve(sample + ".json"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Map.Entry<String, String> id : ids.entrySet()) {
      text = text.replace(id.getKey(), id.getValue());
    }
    Matcher left = PLACEHOLDER.matcher(text);
    if (left.find()) {
      fail(sample + ": placeholder " + left.group() + " has no real id at this step of the flow");
    }
    return Json.readObject(text);
  }

  private Map<String, Object> send(String sample, Map<String, Object> json) {
    APIGatewayV2HTTPEvent event = SampleEvents.http(json);
    String route = event.getRouteKey();
    String function = routes.get(route);
    assertNotNull(function, sample + ": route " + route + " is served by no function of template.yaml");
    APIGatewayV2HTTPResponse r = (APIGatewayV2HTTPResponse) invoke(function, event);
    int status = r.getStatusCode();
    if (status < 200 || status > 399) { // a redirect (the form's 303 to the status page) is a success too
      fail(sample + " (" + route + " → " + function + ") answered " + status + ": " + r.getBody());
    }
    routesPassed.put(route, status);
    drain();
    String type = r.getHeaders() == null ? null : r.getHeaders().get("content-type");
    return type != null && type.startsWith("application/json") ? Json.readObject(r.getBody()) : Map.of();
  }

  /**
   * The asynchronous side, until it settles: the stream records the table wrote go to the relay (in batches
   * of the template's 100); the events it put on the bus go to every function a rule of the template targets.
   */
  private void drain() {
    for (int round = 0; round < 20; round++) {
      List<DynamodbEvent.DynamodbStreamRecord> records = cloud.newStreamRecords();
      if (records.isEmpty()) {
        return;
      }
      for (int from = 0; from < records.size(); from += 100) {
        Map<String, Object> batch = sample("relay-stream");
        DynamodbEvent event = SampleEvents.stream(batch);
        event.setRecords(records.subList(from, Math.min(records.size(), from + 100)));
        StreamsEventResponse r = (StreamsEventResponse) invoke("RelayFunction", event);
        assertTrue(r.getBatchItemFailures().isEmpty(), "the relay failed " + r.getBatchItemFailures());
      }
      for (BusEvent e : cloud.takePublished()) {
        for (String function : rules.getOrDefault(e.detailType(), Set.of())) {
          Object out = invoke(function, busEvent(e));
          if ("MailQueued".equals(e.detailType())) {
            assertTrue(Set.of("sent", "suppressed").contains(out), "mailer: " + out + " for " + e.detail());
          }
        }
      }
    }
    fail("the outbox never settled");
  }

  /** The bus event as EventBridge delivers it to a rule's target (the envelope of the sample events). */
  private Map<String, Object> busEvent(BusEvent e) {
    Map<String, Object> envelope = sample(switch (e.detailType()) {
      case "DeadlineChanged" -> "schedules-deadline-changed";
      case "CommuneRederive" -> "redate-commune-rederive";
      case "CommuneReconcile" -> "reconcile-commune";
      default -> "mailer-mail-queued";
    });
    envelope.put("id", java.util.UUID.randomUUID().toString());
    envelope.put("source", e.source());
    envelope.put("detail-type", e.detailType());
    envelope.put("time", clock.instant().toString());
    envelope.put("detail", Json.readObject(e.detail()));
    return envelope;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Object invoke(String function, Object event) {
    Deployed d = deployed.computeIfAbsent(function, f -> new Deployed(f, template.handlerClass(f), cloud, clock));
    d.invocations++;
    return ((com.amazonaws.services.lambda.runtime.RequestHandler) d.handler).handleRequest(event, null);
  }

  /** Sets what a placeholder stands for (as an earlier step would have). */
  void given(String placeholder, String value) {
    ids.put(placeholder, value);
  }

  /** Raisers of the large matter: more than one transaction's 100 items. */
  static final int LARGE_MATTER = 120;

  /** An accepted opinion of the flow's plan raised by {@code n} citizens with distinct addresses; its id. */
  private String storeLargeMatter(int n) {
    Instant now = clock.instant();
    vn.doithoai.core.common.Actor website = vn.doithoai.core.common.Actor.system("webhook", COMMUNE);
    vn.doithoai.core.opinion.Opinion matter = null;
    for (int i = 0; i < n; i++) {
      vn.doithoai.core.opinion.Opinion o = vn.doithoai.core.opinion.Opinion.received("o_large_" + i, COMMUNE,
          java.util.Optional.of(ids.get("PLAN_ID")), vn.doithoai.core.common.Ids.trackingCode(),
          "Đề nghị sửa chữa cầu treo bản Nà Pàn trước mùa mưa lũ.", vn.doithoai.core.opinion.OpinionField.INFRASTRUCTURE,
          vn.doithoai.core.opinion.Channel.WEBSITE, List.of(new vn.doithoai.core.opinion.OpinionParts.Raiser(
              "Công dân " + i, null, "cong.dan." + i + "@example.vn", null, "Thôn Nà Pàn", false)),
          java.util.Optional.empty(), now, website);
      matter = matter == null ? o : matter.absorb(o, website, now);
    }
    matter = matter.accept(matter.planId(), matter.field(), website, now);
    new vn.doithoai.aws.DynamoOpinions(new DynamoTable(cloud.dynamo(), cloud.table())).create(List.of(matter),
        List.of());
    return matter.id();
  }

  private void with(String key, String value, Runnable step) {
    with(key, value, () -> {
      step.run();
      return null;
    });
  }

  private <T> T with(String key, String value, java.util.function.Supplier<T> step) {
    String before = ids.put(key, value);
    try {
      return step.get();
    } finally {
      if (before == null) {
        ids.remove(key);
      } else {
        ids.put(key, before);
      }
    }
  }

  /** The earliest due date of a plan's schedule after the flow's today, a working weekday. */
  private String firstDueAfterToday(Map<String, Object> plan) {
    java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Ho_Chi_Minh"));
    Matcher due = Pattern.compile("\"due\":\"(\\d{4}-\\d{2}-\\d{2})\"").matcher(Json.write(plan));
    java.time.LocalDate first = null;
    while (due.find()) {
      java.time.LocalDate d = java.time.LocalDate.parse(due.group(1));
      if (d.isAfter(today) && d.getDayOfWeek().getValue() <= 5 && (first == null || d.isBefore(first))) {
        first = d;
      }
    }
    assertNotNull(first, "the plan has a deadline to come: " + plan);
    return first.toString();
  }

  private static String id(Map<String, Object> body) {
    String id = (String) body.get("id");
    assertNotNull(id, "no id in " + body);
    return id;
  }

  private static String opinionWithCode(Map<String, Object> list, String code) {
    for (Object o : (List<?>) list.get("opinions")) {
      if (code.equals(((Map<?, ?>) o).get("trackingCode"))) {
        return (String) ((Map<?, ?>) o).get("id");
      }
    }
    throw new AssertionError("opinion " + code + " not in the list: " + list);
  }

  /** Standard Webhooks: v1,base64(HMAC-SHA256(key, id.timestamp.body)), the key the base64 after whsec_. */
  static String sign(String secret, String msgId, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
      mac.update((msgId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Each handler class of the template, built from a function's App as its public constructor does. */
  private static Object handler(String cls, App app) {
    Object handler = built(cls, app);
    // as the public constructors do; the session function has no table, so its requests are not counted
    if (handler instanceof Edge.Handler counted && !(handler instanceof SessionHandler)) {
      counted.countedBy(app.edge());
    }
    return handler;
  }

  private static Object built(String cls, App app) {
    return switch (cls.substring(cls.lastIndexOf('.') + 1)) {
      case "WebhookHandler" -> new WebhookHandler(app.submittingOpinion(), app.hostedForm(), app.publicSite());
      case "PublicHandler" -> new PublicHandler(app);
      case "PlansHandler" -> new PlansHandler(app.managingPlans());
      case "OpinionsHandler" -> new OpinionsHandler(app.handlingOpinions());
      case "ConclusionsHandler" -> new ConclusionsHandler(app.publishingConclusion(), app.communes());
      case "FollowUpHandler" -> new FollowUpHandler(app.followingUp(), app.exporting());
      case "CommunesHandler" -> new CommunesHandler(app);
      case "RelayHandler" -> new RelayHandler(app.eventPublisher());
      case "SchedulesHandler" -> new SchedulesHandler(app.schedulingDeadlines());
      case "RedateHandler" -> new RedateHandler(app.redatingCommunes());
      case "DeadlinesHandler" -> new DeadlinesHandler(app.firingDeadlines());
      case "MailerHandler" -> new MailerHandler(app.sendingMail(), app.suppressions(), app.sweepingMail());
      case "ReconcileHandler" -> new ReconcileHandler(app.reconciling(), app.retaining());
      case "PrivacyHandler" -> new PrivacyHandler(app.handlingPrivacy());
      case "SessionHandler" -> new SessionHandler(() -> {
        throw new AssertionError("the flow never signs in (POST /session is exempt: see FlowContract)");
      });
      default -> throw new AssertionError("the flow cannot build " + cls + ": add it here");
    };
  }

  /** The clock every function reads; the flow moves it to fire schedules and run the daily reconcile. */
  static final class FlowClock extends Clock {
    private volatile Instant now;

    FlowClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
