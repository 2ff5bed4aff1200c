package vn.doithoai.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.doithoai.core.usage.UsageCosts;

/**
 * The monthly bill of a commune at the reference load (2 dialogues, 300 opinions and 1,000 e-mails a year) and
 * of a province hosting 100 communes in one deployment, from the measured durations and capacity units and
 * AWS's public prices (each with the page it was read from), beside the cheapest always-on alternative.
 * Every line keeps its arithmetic so that the Markdown shows how the total was reached. The unit prices are
 * {@link UsageCosts}'s, which also prices each commune's usage statement.
 */
final class CostModel {
  /** A unit price and where it was read. */
  record Price(String what, double usd, String unit, String source) {}

  static final String LAMBDA_PAGE = "https://aws.amazon.com/lambda/pricing/";
  static final Price LAMBDA_GBS = new Price("Lambda duration, arm64", UsageCosts.LAMBDA_GBS, "GB-second", LAMBDA_PAGE
      + " (first tier; ap-southeast-1 is not among the regions priced differently in "
      + "https://app.unpkg.com/artillery@2.0.28/files/lib/platform/aws-lambda/prices.js)");
  static final Price LAMBDA_REQ = new Price("Lambda requests", UsageCosts.LAMBDA_REQUEST, "request", LAMBDA_PAGE);
  static final Price DDB_WRU = new Price("DynamoDB on-demand write request unit", UsageCosts.WRU, "WRU",
      "https://aws.amazon.com/dynamodb/pricing/on-demand/ (US East after the Nov 2024 cut, as quoted by "
          + "https://airbyte.com/data-engineering-resources/dynamodb-pricing)");
  static final Price DDB_RRU = new Price("DynamoDB on-demand read request unit", UsageCosts.RRU, "RRU",
      DDB_WRU.source());
  static final Price DDB_STORAGE = new Price("DynamoDB storage (after 25 GB free)", UsageCosts.STORAGE_GB_MONTH,
      "GB-month", "https://engineering-ed7.pages.dev/docs/architecture/aws/services/dynamodb (an APAC price table)");
  static final Price EVENTS = new Price("EventBridge custom events", UsageCosts.EVENT, "event (64 KB chunk)",
      "https://aws.amazon.com/eventbridge/pricing/");
  static final Price SCHEDULER = new Price("EventBridge Scheduler invocations (after 14 M free a month)",
      UsageCosts.SCHEDULER_INVOCATION, "invocation", "AWS Price List, AWSEvents, Asia Pacific (Tokyo) row: "
          + "https://huggingface.co/datasets/labofsahil/aws-pricing-dataset/blob/main/AWSEvents.csv "
          + "(US East: $1.00/M)");
  static final Price SES = new Price("SES outbound e-mail", UsageCosts.SES_EMAIL, "e-mail",
      "https://aws.amazon.com/ses/pricing/ (as quoted by https://raw.githubusercontent.com/api-evangelist/"
          + "amazon-ses/refs/heads/main/finops/amazon-ses-finops.yml)");
  static final Price HTTP_API = new Price("API Gateway HTTP API requests", UsageCosts.HTTP_API_REQUEST, "request",
      "https://aws.amazon.com/api-gateway/pricing/ (first 300 M; US East, https://www.learnaws.org/2021/01/10/"
          + "api-gateway-pricing/)");
  static final Price LOGS_INGEST = new Price("CloudWatch Logs ingestion", 0.76, "GB",
      "https://awsi.click/en/articles/cloudwatch-logs-cost-structure-surprise/ (ap-northeast-1; US East $0.50)");
  static final Price LOGS_STORE = new Price("CloudWatch Logs storage", 0.033, "GB-month",
      "https://awsi.click/en/articles/cloudwatch-logs-cost-structure-surprise/ (ap-northeast-1; US East $0.03)");
  static final Price ALARM = new Price("CloudWatch alarm (standard)", 0.10, "alarm-month",
      "https://c3x.dev/resources/aws/aws_cloudwatch_metric_alarm");
  static final Price LIGHTSAIL = new Price("Lightsail instance, cheapest plan with IPv4", 5.00, "month",
      "https://docs.aws.amazon.com/lightsail/latest/userguide/"
          + "amazon-lightsail-frequently-asked-questions-faq-billing-and-account-management.html");
  static final Price LIGHTSAIL_DB = new Price("Lightsail managed database, cheapest", 15.00, "month",
      "https://cloudburn.io/blog/amazon-lightsail-pricing");

  /** Lambda's CPU at 512 MB is about 512/1769 of a vCPU; this machine gives a whole core. */
  static final double CPU_SHARE_FACTOR = 1769.0 / 512.0;
  static final double MEMORY_GB = 0.5;
  static final double LOG_BYTES_PER_INVOCATION = 600; // START, END, REPORT (+ INIT_START when cold)

  /** One kind of invocation at the reference load: a count a year and where its numbers come from. */
  record Usage(String what, String function, String warmRoute, double perYear) {}

  /** The reference load of one commune, a year (the assumptions behind it are in the Markdown). */
  static List<Usage> referenceLoad() {
    List<Usage> u = new ArrayList<>();
    u.add(new Usage("opinion via the website (webhook)", "WebhookHandler", "POST /webhooks/{commune}/opinions", 150));
    u.add(new Usage("opinion entered by staff", "OpinionsHandler", "POST /opinions", 150));
    u.add(new Usage("citizen's status page", "PublicHandler", "GET /public/{commune}/opinions/{trackingCode}", 300));
    u.add(new Usage("staff read an opinion", "OpinionsHandler", "GET /opinions/{opinionId}", 600));
    u.add(new Usage("staff list opinions", "OpinionsHandler", "GET /opinions", 500));
    u.add(new Usage("triage", "OpinionsHandler", "POST /opinions/{opinionId}/triage", 300));
    u.add(new Usage("assignment", "OpinionsHandler", "POST /opinions/{opinionId}/assign", 210));
    u.add(new Usage("extension", "OpinionsHandler", "POST /opinions/{opinionId}/extend", 20));
    u.add(new Usage("answer", "OpinionsHandler", "POST /opinions/{opinionId}/answer", 210));
    u.add(new Usage("close", "OpinionsHandler", "POST /opinions/{opinionId}/close", 210));
    u.add(new Usage("plan create/update/announce/hold/complete", "PlansHandler", "PUT /plans/{planId}", 27));
    u.add(new Usage("plan read/list", "PlansHandler", "GET /plans/{planId}", 60));
    u.add(new Usage("commune and calendar admin", "CommunesHandler", "GET /communes/{communeId}", 24));
    u.add(new Usage("e-mail sent", "MailerHandler", "mail send", 1000));
    u.add(new Usage("deadline step fired", "DeadlinesHandler", "deadline fire", 515));
    u.add(new Usage("deadline changed → schedules", "SchedulesHandler", "deadline changed", 480));
    u.add(new Usage("stream batch relayed", "RelayHandler", "stream batch", 3800));
    return u;
  }

  static final double HTTP_PER_YEAR = 2761;
  static final double EVENTS_PER_YEAR = 3200;
  static final double SCHEDULES_PER_YEAR = 515;
  static final double EMAILS_PER_YEAR = 1000;
  static final double STORED_BYTES_PER_YEAR = 300 * 3000 + 300 * 150 + 1000 * 2500 + 515 * 200 + 2 * 20000;

  /** A line of the bill. */
  record Line(String item, double quantity, String unit, double usd, String arithmetic) {}

  /** A bill: its lines and total. */
  record Bill(String title, List<Line> lines) {
    double total() {
      return lines.stream().mapToDouble(Line::usd).sum();
    }
  }

  /** Measured inputs per function handler: cold ms (process start → first response) and warm ms by route. */
  record Measured(Map<String, Double> coldMs, Map<String, Double> warmMs, Map<String, double[]> units) {}

  /**
   * The bill of {@code communes} communes a month. {@code coldShare}: the fraction of invocations that start a
   * new execution environment; {@code cpuFactor}: durations measured here × this factor.
   */
  static Bill bill(String title, Measured m, int communes, double coldShare, double cpuFactor,
      double fixedAlarms) {
    List<Line> lines = new ArrayList<>();
    double gbs = 0;
    double invocations = 0;
    double wru = 0;
    double rru = 0;
    StringBuilder gbsArithmetic = new StringBuilder();
    Map<String, double[]> byFunction = new LinkedHashMap<>();
    for (Usage u : referenceLoad()) {
      double perMonth = u.perYear() * communes / 12.0;
      double warm = m.warmMs().getOrDefault(u.warmRoute(), 20.0);
      double cold = m.coldMs().getOrDefault(u.function(), 1500.0);
      double ms = (coldShare * cold + (1 - coldShare) * warm) * cpuFactor;
      gbs += perMonth * ms / 1000.0 * MEMORY_GB;
      invocations += perMonth;
      double[] units = m.units().getOrDefault(u.warmRoute(), new double[2]);
      rru += perMonth * units[0];
      wru += perMonth * units[1];
      byFunction.computeIfAbsent(u.function(), k -> new double[2])[0] += perMonth;
      byFunction.get(u.function())[1] += perMonth * ms / 1000.0 * MEMORY_GB;
    }
    // the daily reconcile: one per deployment; cold, a query of the open deadlines (≈ 25 per commune)
    double reconcileMs = m.coldMs().getOrDefault("ReconcileHandler", 2000.0) * cpuFactor
        + 5.0 * communes * cpuFactor;
    gbs += 30.4 * reconcileMs / 1000.0 * MEMORY_GB;
    invocations += 30.4;
    rru += 30.4 * Math.max(1, communes * 25 * 2500 / 4096.0 * 0.5);
    byFunction.put("ReconcileHandler", new double[] {30.4, 30.4 * reconcileMs / 1000.0 * MEMORY_GB});
    for (Map.Entry<String, double[]> e : byFunction.entrySet()) {
      gbsArithmetic.append(String.format(Locale.ROOT, "%s %.0f × → %.1f GB-s; ", e.getKey(), e.getValue()[0],
          e.getValue()[1]));
    }
    lines.add(new Line(LAMBDA_GBS.what(), gbs, "GB-s", gbs * LAMBDA_GBS.usd(), String.format(Locale.ROOT,
        "Σ invocations × (%.0f%% × cold + %.0f%% × warm ms) × %.2f (CPU) × 0.5 GB = %.1f GB-s × $%.10f (%s)",
        coldShare * 100, (1 - coldShare) * 100, cpuFactor, gbs, LAMBDA_GBS.usd(), gbsArithmetic.toString().strip())));
    lines.add(new Line(LAMBDA_REQ.what(), invocations, "requests", invocations * LAMBDA_REQ.usd(),
        String.format(Locale.ROOT, "%.0f × $0.20/M", invocations)));
    lines.add(new Line(DDB_WRU.what(), wru, "WRU", wru * DDB_WRU.usd(), String.format(Locale.ROOT,
        "Σ invocations × measured write units (table + indexes) = %.0f × $0.625/M", wru)));
    lines.add(new Line(DDB_RRU.what(), rru, "RRU", rru * DDB_RRU.usd(), String.format(Locale.ROOT,
        "Σ invocations × measured read units + reconcile's daily query = %.0f × $0.125/M", rru)));
    double storedGb = STORED_BYTES_PER_YEAR * communes / 2 / 1e9; // the first year's average
    lines.add(new Line("DynamoDB storage + PITR", storedGb, "GB", 0.0, String.format(Locale.ROOT,
        "%.4f GB on average in year one: inside the 25 GB free; PITR on it ≈ $%.4f", storedGb, storedGb * 0.228)));
    double http = HTTP_PER_YEAR * communes / 12.0;
    lines.add(new Line(HTTP_API.what(), http, "requests", http * HTTP_API.usd(), String.format(Locale.ROOT,
        "%.0f × $1.00/M", http)));
    double events = EVENTS_PER_YEAR * communes / 12.0;
    lines.add(new Line(EVENTS.what(), events, "events", events * EVENTS.usd(), String.format(Locale.ROOT,
        "%.0f (MailQueued, OpinionChanged, DeadlineChanged, DeadlineStepFired, PlanChanged) × $1.00/M", events)));
    double fires = SCHEDULES_PER_YEAR * communes / 12.0;
    lines.add(new Line(SCHEDULER.what(), fires, "invocations", fires * SCHEDULER.usd(), String.format(Locale.ROOT,
        "%.0f × $1.25/M (CreateSchedule/DeleteSchedule calls are not billed)", fires)));
    double mails = EMAILS_PER_YEAR * communes / 12.0;
    lines.add(new Line(SES.what(), mails, "e-mails", mails * SES.usd(), String.format(Locale.ROOT,
        "%.0f × $0.10/1,000", mails)));
    double logGb = invocations * LOG_BYTES_PER_INVOCATION / 1e9;
    lines.add(new Line("CloudWatch Logs", logGb, "GB", logGb * LOGS_INGEST.usd() + logGb * 3 * LOGS_STORE.usd(),
        String.format(Locale.ROOT, "%.0f invocations × %.0f B = %.5f GB × $0.76 + 90 days kept × $0.033",
            invocations, LOG_BYTES_PER_INVOCATION, logGb)));
    if (fixedAlarms > 0) {
      lines.add(new Line(ALARM.what(), fixedAlarms, "alarms", fixedAlarms * ALARM.usd(),
          String.format(Locale.ROOT, "%.0f alarms (mail and schedule dead-letter queues) × $0.10, per deployment",
              fixedAlarms)));
    }
    return new Bill(title, lines);
  }

  static List<Price> prices() {
    return List.of(LAMBDA_GBS, LAMBDA_REQ, DDB_WRU, DDB_RRU, DDB_STORAGE, HTTP_API, EVENTS, SCHEDULER, SES,
        LOGS_INGEST, LOGS_STORE, ALARM, LIGHTSAIL, LIGHTSAIL_DB);
  }
}
