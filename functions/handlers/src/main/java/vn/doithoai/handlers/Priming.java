package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import vn.doithoai.aws.DynamoClients;
import vn.doithoai.aws.DynamoDeadlineStore;
import vn.doithoai.aws.DynamoTable;
import vn.doithoai.aws.EventBridgeScheduler;
import vn.doithoai.core.calendar.WorkingCalendar;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.deadline.Step;
import vn.doithoai.core.mail.DeadlineMails;
import vn.doithoai.core.mail.OutgoingMail;
import vn.doithoai.core.plan.PlanDeadline;
import vn.doithoai.core.rules.DeadlineScheduling;
import vn.doithoai.core.rules.Recipient;
import vn.doithoai.core.rules.RuleProfiles;

/**
 * SnapStart priming: before Lambda takes the snapshot ({@code beforeCheckpoint}), load the classes and warm
 * the clients the function's first request needs, <em>without any side effect</em>: only reads of keys that
 * cannot exist (a commune named {@value #NOBODY}), a write whose condition cannot hold (so nothing is
 * written), the JSON codecs, the calendar and rule profiles, and the function's own read-only routes
 * answering 404 or 401. Nothing random or time-dependent is kept: no id is drawn, no time is cached beyond
 * the calendars' one-minute cache of the nonexistent commune.
 *
 * <p>Registered once, from {@link App}'s static initialiser (every handler's constructor goes through
 * {@link App#get()}), for the function named by Lambda's {@code _HANDLER} variable. CRaC keeps only weak
 * references to resources, so the registered instance is held here. On a JDK without CRaC,
 * {@code register} is a no-op; the benchmark ({@code bench lambda}) calls {@link #beforeCheckpoint} itself
 * and then measures the first request, as a proxy for a restored snapshot.
 */
public final class Priming implements Resource {
  /** A commune id that no key in the table uses: every read of it finds nothing. */
  static final String NOBODY = "zz-priming-none";
  private static final String PREFIX = "vn.doithoai.handlers.";

  private static volatile Priming registered;

  private final String handler;
  private final List<String> failures = new ArrayList<>();

  Priming(String handler) {
    this.handler = handler;
  }

  /**
   * Registers the priming of the handler Lambda runs (its {@code _HANDLER} variable, e.g.
   * {@code vn.doithoai.handlers.PublicHandler::handleRequest}) with the global CRaC context, once.
   */
  static void register(String lambdaHandler) {
    if (registered != null) {
      return;
    }
    synchronized (Priming.class) {
      if (registered == null) {
        Priming p = new Priming(handlerName(lambdaHandler));
        Core.getGlobalContext().register(p);
        registered = p;
      }
    }
  }

  /** The registered instance (null until a handler was constructed): for the benchmark and tests. */
  public static Priming registered() {
    return registered;
  }

  /** The simple class name from a Lambda handler string; empty when there is none. */
  static String handlerName(String spec) {
    if (spec == null || spec.isBlank()) {
      return "";
    }
    String s = spec.strip();
    int colons = s.indexOf("::");
    if (colons >= 0) {
      s = s.substring(0, colons);
    }
    return s.startsWith(PREFIX) ? s.substring(PREFIX.length()) : s.substring(s.lastIndexOf('.') + 1);
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    prime();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // nothing to refresh: clients hold no credentials or connections that priming created for later use
  }

  /** What went wrong while priming (each step is independent and never throws). */
  public List<String> failures() {
    synchronized (failures) {
      return List.copyOf(failures);
    }
  }

  /** Runs every step for this function; a failed step is recorded and logged, never thrown. */
  public void prime() {
    if (handler.equals("SessionHandler")) { // no table: the Cognito client and the 401 path only
      step("session", () -> new SessionHandler().handleRequest(event("GET", "/session", null, null, null), null));
      step("cognito", () -> {
        try (var c = vn.doithoai.aws.AwsClients.buildCognito()) {
          return c.serviceClientConfiguration().region();
        }
      });
      return;
    }
    App app = step("app", App::get);
    if (app == null) {
      return;
    }
    step("json", () -> Json.write(Json.readObject("{\"a\":[1,\"hai\",true,null],\"b\":{\"c\":\"Đối thoại\"}}")));
    step("calendar", () -> {
      LocalDate today = LocalDate.now(DeadlineScheduling.VIETNAM);
      WorkingCalendar.vietnam().addWorkingDays(today, 20);
      RuleProfiles.shipped();
      return app.calendars().forCommune(NOBODY).addWorkingDays(today, 10);
    });
    step("dynamodb-get", () -> client().getItem(b -> b.tableName(table()).consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS("PRIMING#" + NOBODY), "sk", AttributeValue.fromS("priming")))));
    switch (handler) {
      case "WebhookHandler" -> {
        failedTransaction();
        http("webhook", new WebhookHandler(app.submittingOpinion()), webhookEvent());
      }
      case "PublicHandler" -> http("public", new PublicHandler(app),
          event("GET", "/public/{commune}/opinions/{trackingCode}", Map.of("commune", NOBODY, "trackingCode",
              "DT-0000-0000"), null, null));
      case "PlansHandler" -> {
        failedTransaction();
        PlansHandler h = new PlansHandler(app.managingPlans());
        http("plans-list", h, event("GET", "/plans", null, Map.of("year",
            Integer.toString(LocalDate.now(DeadlineScheduling.VIETNAM).getYear())), "office"));
        http("plans-get", h, event("GET", "/plans/{planId}", Map.of("planId", "p_priming"), null, "office"));
      }
      case "OpinionsHandler" -> {
        failedTransaction();
        OpinionsHandler h = new OpinionsHandler(app.handlingOpinions());
        http("opinions-list", h, event("GET", "/opinions", null, Map.of("status", "received"), "office"));
        http("opinions-get", h, event("GET", "/opinions/{opinionId}", Map.of("opinionId", "o_priming"), null,
            "office"));
      }
      case "CommunesHandler" -> {
        CommunesHandler h = new CommunesHandler(app);
        http("communes-get", h, event("GET", "/communes/{communeId}", Map.of("communeId", NOBODY), null, "admin"));
        http("calendar-year", h, event("GET", "/calendar/{year}", Map.of("year",
            Integer.toString(LocalDate.now(DeadlineScheduling.VIETNAM).getYear())), null, "office"));
      }
      case "ConclusionsHandler" -> {
        failedTransaction();
        ConclusionsHandler h = new ConclusionsHandler(app.publishingConclusion(), app.communes());
        http("conclusions-of-plan", h, event("GET", "/plans/{planId}/conclusions", Map.of("planId", "p_priming"),
            null, "office"));
        http("conclusions-get", h, event("GET", "/conclusions/{conclusionId}", Map.of("conclusionId",
            "c_priming"), null, "office"));
      }
      case "FollowUpHandler" -> {
        FollowUpHandler h = new FollowUpHandler(app.followingUp(), app.exporting());
        http("statistics", h, event("GET", "/plans/{planId}/statistics", Map.of("planId", "p_priming"), null,
            "office"));
        http("year-statistics", h, event("GET", "/statistics/{year}", Map.of("year",
            Integer.toString(LocalDate.now(DeadlineScheduling.VIETNAM).getYear())), null, "office"));
      }
      case "PrivacyHandler" -> http("privacy-settings", new PrivacyHandler(app.handlingPrivacy()),
          event("GET", "/privacy/settings", null, null, "office"));
      case "DeadlinesHandler" -> {
        failedTransaction();
        deadlineMails();
        step("deadline-fire", () -> new DeadlinesHandler(app.firingDeadlines()).handleRequest(Map.of("commune",
            NOBODY, "deadline", "p_priming#m1#none", "step", "reminder-1", "version", 1), null));
      }
      case "MailerHandler" -> step("mail-claim", () -> new MailerHandler(app.sendingMail(), app.suppressions(),
          app.sweepingMail()).handleRequest(Map.of("detail-type", "MailQueued", "detail",
          Map.of("mailId", "priming#" + NOBODY)), null));
      case "RelayHandler" -> step("relay", () -> {
        DynamodbEvent e = new DynamodbEvent();
        e.setRecords(List.of());
        return new RelayHandler(app.eventPublisher()).handleRequest(e, null);
      });
      case "RedateHandler" -> step("redate", () -> new RedateHandler(app.redatingCommunes()).handleRequest(
          Map.of("detail", Map.of("commune", NOBODY, "changeId", "priming")), null));
      case "SchedulesHandler" -> step("schedule-get", () -> EventBridgeScheduler.fromEnvironment(AppClock.INSTANCE)
          .exists("dt-priming-none"));
      case "ReconcileHandler" -> {
        deadlineMails();
        step("open-deadlines", () -> new DynamoDeadlineStore(DynamoTable.fromEnvironment()).openOf(NOBODY));
        step("schedule-get", () -> EventBridgeScheduler.fromEnvironment(AppClock.INSTANCE)
            .exists("dt-priming-none"));
      }
      default -> { } // an unknown handler: the shared part only
    }
  }

  /**
   * The e-mails of every step of a deadline, rendered in memory for an invented commune (nothing is stored or
   * sent): the templates, Vietnamese dates and the e-mail records' JSON a fired step needs.
   */
  private void deadlineMails() {
    step("deadline-mails", () -> {
      Instant now = Instant.now();
      LocalDate today = LocalDate.now(DeadlineScheduling.VIETNAM);
      Commune commune = Commune.fromJson(Map.ofEntries(Map.entry("id", NOBODY), Map.entry("name", "Xã Mẫu"),
          Map.entry("province", "Lạng Sơn"), Map.entry("profile", "lang-son-320"),
          Map.entry("partyOfficeName", "Văn phòng Đảng ủy"),
          Map.entry("peoplesCommitteeOfficeName", "Văn phòng HĐND và UBND"),
          Map.entry("officeEmail", "vanphong@example.invalid"), Map.entry("hostEmail", "chutich@example.invalid"),
          Map.entry("frontEmail", "mttq@example.invalid"), Map.entry("websiteUrl", "https://example.invalid"),
          Map.entry("agencies", List.of(Map.of("id", "phong-kinh-te", "name", "Phòng Kinh tế", "email",
              "kinhte@example.invalid"))), Map.entry("version", 1), Map.entry("createdAt", now.toString())));
      List<Object> steps = new ArrayList<>();
      String[][] kinds = {{"reminder-1", Step.Kind.REMINDER.name()}, {"due", Step.Kind.DUE.name()},
          {"escalation-1", Step.Kind.ESCALATION.name()}};
      for (int i = 0; i < kinds.length; i++) {
        steps.add(Map.of("name", kinds[i][0], "kind", kinds[i][1], "at", now.minusSeconds(60L * (3 - i)).toString(),
            "to", List.of(Recipient.OWNER_HEAD.name()), "cc", i == 2 ? List.of(Recipient.OFFICE.name()) : List.of()));
      }
      Map<String, Object> d = new HashMap<>();
      d.put("planId", "OP");
      d.put("meetingId", "o_priming");
      d.put("rule", "answer");
      d.put("title", "Trả lời ý kiến, kiến nghị của Nhân dân");
      d.put("owner", "agency");
      d.put("due", today.toString());
      d.put("dueAt", now.toString());
      d.put("calendarVersion", "priming");
      d.put("version", 1);
      d.put("commune", NOBODY);
      d.put("subject", "DT-0000-0000");
      d.put("agencyId", "phong-kinh-te");
      d.put("steps", steps);
      PlanDeadline deadline = PlanDeadline.fromJson(d);
      DeadlineMails mails = new DeadlineMails("https://example.invalid");
      int n = 0;
      for (Step st : deadline.steps()) {
        for (OutgoingMail m : mails.forStep(commune, deadline, st, now, today)) {
          n += Json.write(m.toJson()).length();
        }
      }
      return n;
    });
  }

  /** A transaction whose only item's condition cannot hold: DynamoDB cancels it and writes nothing. */
  private void failedTransaction() {
    step("dynamodb-transaction", () -> {
      try {
        return client().transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().put(Put.builder()
            .tableName(table()).item(Map.of("pk", AttributeValue.fromS("PRIMING#" + NOBODY),
                "sk", AttributeValue.fromS("priming"))).conditionExpression("attribute_exists(pk)").build())
            .build()));
      } catch (software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException expected) {
        return expected.cancellationReasons();
      }
    });
  }

  private void http(String name, ApiHandler handler, APIGatewayV2HTTPEvent event) {
    step(name, () -> {
      int status = handler.handleRequest(event, null).getStatusCode();
      if (status >= 500) {
        throw new IllegalStateException("status " + status);
      }
      return status;
    });
  }

  private <T> T step(String name, java.util.function.Supplier<T> s) {
    try {
      return s.get();
    } catch (RuntimeException | LinkageError e) {
      synchronized (failures) {
        failures.add(name + ": " + e.getClass().getName());
      }
      System.err.println("priming " + handler + " " + name + " failed: " + e.getClass().getName());
      return null;
    }
  }

  private static DynamoDbClient client() {
    return DynamoClients.client();
  }

  private static String table() {
    return DynamoTable.fromEnvironment().name();
  }

  private static APIGatewayV2HTTPEvent webhookEvent() {
    String body = "{\"content\":\"Priming\",\"name\":\"Priming\",\"email\":\"priming@example.invalid\"}";
    Map<String, String> headers = new HashMap<>();
    headers.put("content-type", "application/json");
    headers.put("webhook-id", "msg_priming");
    headers.put("webhook-timestamp", Long.toString(Instant.now().getEpochSecond()));
    headers.put("webhook-signature", "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    APIGatewayV2HTTPEvent e = event("POST", "/webhooks/{commune}/opinions", Map.of("commune", NOBODY), null, null);
    e.setHeaders(headers);
    e.setBody(body);
    return e;
  }

  /** A payload 2.0 event; {@code role} null for a public route, otherwise a staff token's claims. */
  private static APIGatewayV2HTTPEvent event(String method, String route, Map<String, String> path,
      Map<String, String> query, String role) {
    String rawPath = route;
    if (path != null) {
      for (Map.Entry<String, String> p : path.entrySet()) {
        rawPath = rawPath.replace("{" + p.getKey() + "}", p.getValue());
      }
    }
    APIGatewayV2HTTPEvent.RequestContext.RequestContextBuilder rc = APIGatewayV2HTTPEvent.RequestContext.builder()
        .withRequestId("priming").withRouteKey(method + " " + route).withStage("$default")
        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(rawPath)
            .withProtocol("HTTP/1.1").withSourceIp("127.0.0.1").withUserAgent("priming").build());
    if (role != null) {
      Map<String, String> claims = new HashMap<>();
      claims.put("sub", "priming");
      claims.put("commune", NOBODY);
      claims.put("roles", "[" + role.toLowerCase(Locale.ROOT) + "]");
      rc.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
          .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build())
          .build());
    }
    return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(method + " " + route)
        .withRawPath(rawPath).withHeaders(new HashMap<>(Map.of("host", "localhost")))
        .withPathParameters(path).withQueryStringParameters(query).withIsBase64Encoded(false)
        .withRequestContext(rc.build()).build();
  }
}
