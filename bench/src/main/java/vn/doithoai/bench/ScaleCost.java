package vn.doithoai.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.doithoai.core.usage.UsageCosts;
import vn.doithoai.core.usage.UsageCounter;
import vn.doithoai.local.runtime.TemplateModel;

/**
 * A commune's month at N communes: its own usage at the reference load ({@link CostModel#referenceLoad}, priced
 * per counted operation as the usage statements price it, {@link UsageCosts}), its share of what no commune is
 * billed for (the relay, the schedule changes, other bus events, logs, the daily reconcile as measured), its
 * storage, and 1/N of the deployment's fixed costs: the template's alarms, dashboard and web ACL, CloudWatch's
 * custom metrics, Cognito beyond its free users; CloudFront has no monthly fee (pay per request and byte, with
 * 1 TB and 10 M requests free a month: https://aws.amazon.com/cloudfront/pricing/).
 */
final class ScaleCost {
  /** https://aws.amazon.com/cloudwatch/pricing/ (dashboards beyond the 3 free; custom metrics, first 10,000). */
  static final double DASHBOARD = 3.00;
  static final double CUSTOM_METRIC = 0.30;
  /** EMF metric series: 8 metric names × the few values of their dimensions besides {@code function}. */
  static final int METRIC_SERIES = 40;
  /** https://aws.amazon.com/waf/pricing/: a web ACL and each rule, a month. */
  static final double WEB_ACL = 5.00;
  static final double WAF_RULE = 1.00;
  /**
   * https://aws.amazon.com/cognito/pricing/: 10,000 monthly active users free, then $0.015 each on the Essentials
   * tier (a pool created without a tier gets Essentials).
   */
  static final double COGNITO_MAU = 0.015;
  static final int COGNITO_FREE = 10_000;
  static final int STAFF_ACTIVE_A_MONTH = 3;
  static final double FREE_STORAGE_GB = 25;
  static final double DAYS = 30.4;

  record Line(String what, double usd, String arithmetic) {}

  record Bill(List<Line> lines) {
    double total() {
      return lines.stream().mapToDouble(Line::usd).sum();
    }
  }

  private ScaleCost() {}

  /**
   * {@code reconcileAwsMs}, {@code reconcileRru}, {@code reconcileWru}: one day's reconcile of all {@code n}
   * communes, as measured (time as estimated for AWS).
   */
  static Bill perCommuneMonth(TemplateModel model, int n, double bytesPerCommune, double reconcileAwsMs,
      double reconcileRru, double reconcileWru) {
    List<Line> lines = new ArrayList<>();
    double staff = 0;
    double pub = 0;
    double webhook = 0;
    double mails = 0;
    double fires = 0;
    double other = 0;
    for (CostModel.Usage u : CostModel.referenceLoad()) {
      switch (u.function()) {
        case "WebhookHandler" -> webhook += u.perYear();
        case "PublicHandler" -> pub += u.perYear();
        case "MailerHandler" -> mails += u.perYear();
        case "DeadlinesHandler" -> fires += u.perYear();
        case "RelayHandler", "SchedulesHandler" -> other += u.perYear();
        default -> staff += u.perYear();
      }
    }
    double own = 0;
    StringBuilder how = new StringBuilder();
    for (UsageCosts.Unit unit : UsageCosts.units()) {
      double perYear = unit.counter() == UsageCounter.API_STAFF ? staff : unit.counter() == UsageCounter.API_PUBLIC
          ? pub : unit.counter() == UsageCounter.API_WEBHOOK ? webhook : unit.counter() == UsageCounter.EMAILS ? mails
          : unit.counter() == UsageCounter.SCHEDULE_FIRES ? fires : 0;
      own += perYear / 12 * unit.usd();
      how.append(String.format(Locale.ROOT, "%s %.0f/yr × $%.7f; ", unit.counter().name().toLowerCase(Locale.ROOT),
          perYear, unit.usd()));
    }
    lines.add(new Line("its own operations (reference load, usage-statement prices)", own, how.toString().strip()));
    double invocations = (staff + pub + webhook + mails + fires + other) / 12;
    double unattributed = other / 12 * (UsageCosts.LAMBDA_REQUEST + 0.1 * UsageCosts.LAMBDA_GBS)
        + (CostModel.EVENTS_PER_YEAR - mails) / 12 * UsageCosts.EVENT
        + invocations * CostModel.LOG_BYTES_PER_INVOCATION / 1e9 * (CostModel.LOGS_INGEST.usd()
            + 3 * CostModel.LOGS_STORE.usd());
    lines.add(new Line("relay, schedule changes, other bus events, logs", unattributed, String.format(Locale.ROOT,
        "%.0f relay/schedules invocations/yr at 0.1 GB-s; %.0f other events/yr; %.0f invocations/month × %.0f B "
            + "of logs", other, CostModel.EVENTS_PER_YEAR - mails, invocations,
        CostModel.LOG_BYTES_PER_INVOCATION)));
    // each commune's unit is an invocation started by an event (its work item through the stream and the bus)
    double reconcile = DAYS * (reconcileAwsMs / 1000 * CostModel.MEMORY_GB * UsageCosts.LAMBDA_GBS
        + reconcileRru * UsageCosts.RRU + reconcileWru * UsageCosts.WRU) / n
        + DAYS * (UsageCosts.LAMBDA_REQUEST + UsageCosts.EVENT);
    lines.add(new Line("daily reconcile (measured, AWS estimate)", reconcile, String.format(Locale.ROOT,
        "%.1f days × ((%.0f s × 0.5 GB + %.0f RRU + %.0f WRU) / %d communes + 1 invocation + 1 event)", DAYS,
        reconcileAwsMs / 1000, reconcileRru, reconcileWru, n)));
    double gb = bytesPerCommune / 1e9;
    double billedGb = Math.max(0, gb * n - FREE_STORAGE_GB) / n;
    lines.add(new Line("storage + continuous backups", billedGb * UsageCosts.STORAGE_GB_MONTH
        + gb * UsageCosts.PITR_GB_MONTH, String.format(Locale.ROOT, "%.0f KB a commune; %.2f GB in all (%s the "
            + "25 GB free) × $%.3f + PITR $%.3f/GB", bytesPerCommune / 1024, gb * n, gb * n > FREE_STORAGE_GB
            ? "beyond" : "within", UsageCosts.STORAGE_GB_MONTH, UsageCosts.PITR_GB_MONTH)));

    long alarms = count(model, "AWS::CloudWatch::Alarm");
    long dashboards = count(model, "AWS::CloudWatch::Dashboard");
    long acls = count(model, "AWS::WAFv2::WebACL");
    double fixed = alarms * CostModel.ALARM.usd() + dashboards * DASHBOARD + acls * (WEB_ACL + WAF_RULE)
        + METRIC_SERIES * CUSTOM_METRIC;
    lines.add(new Line("fixed: alarms, dashboard, web ACL, custom metrics (1/N)", fixed / n, String.format(
        Locale.ROOT, "(%d alarms × $0.10 + %d dashboard × $%.2f + %d web ACL × ($%.2f + 1 rule × $%.2f) + %d EMF "
            + "metric series × $%.2f = $%.2f) / %d; CloudFront: no monthly fee", alarms, dashboards, DASHBOARD, acls,
        WEB_ACL, WAF_RULE, METRIC_SERIES, CUSTOM_METRIC, fixed, n)));
    double mau = (double) STAFF_ACTIVE_A_MONTH * n;
    double cognito = Math.max(0, mau - COGNITO_FREE) * COGNITO_MAU / n;
    lines.add(new Line("Cognito staff sign-ins (1/N)", cognito, String.format(Locale.ROOT,
        "%d active staff a commune × %d = %.0f MAU, first %,d free, then $%.3f", STAFF_ACTIVE_A_MONTH, n, mau,
        COGNITO_FREE, COGNITO_MAU)));
    return new Bill(lines);
  }

  /** Resources of a type in the template (conditions not evaluated: an optional one counts). */
  static long count(TemplateModel model, String type) {
    try {
      return java.util.regex.Pattern.compile("(?m)^    Type: " + java.util.regex.Pattern.quote(type) + "\\s*$")
          .matcher(java.nio.file.Files.readString(model.source())).results().count();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
