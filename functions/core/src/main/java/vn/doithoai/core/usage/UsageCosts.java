package vn.doithoai.core.usage;

import java.util.ArrayList;
import java.util.List;

/**
 * The estimated AWS cost of a commune's month, from its counts: each counted operation at the average cost the
 * benchmark measured for it (infra/docs/benchmarks.md: warm and cold durations of its function at 512 MB, a
 * quarter of invocations cold as in a province's deployment; DynamoDB read and write units per call, plus the
 * usage counter's own write unit) at the unit prices of {@code CostModel} (AWS's pages, cited there). Storage at
 * the DynamoDB price plus continuous backups (PITR), as if beyond the free 25 GB.
 *
 * <p>The unit prices are the benchmark's too ({@code CostModel} reads them here): one place to update them.
 *
 * <p>Not attributed to a commune: the stream relay, the schedule changes and the daily reconcile (a share of
 * every change, about a third of the Lambda time in the benchmark's bill), CloudWatch and the fixed alarms.
 */
public final class UsageCosts {
  public static final double LAMBDA_GBS = 0.0000133334;
  public static final double LAMBDA_REQUEST = 0.20 / 1e6;
  public static final double HTTP_API_REQUEST = 1.00 / 1e6;
  public static final double WRU = 0.625 / 1e6;
  public static final double RRU = 0.125 / 1e6;
  public static final double SES_EMAIL = 0.10 / 1000;
  public static final double SCHEDULER_INVOCATION = 1.25 / 1e6;
  public static final double EVENT = 1.00 / 1e6;
  public static final double STORAGE_GB_MONTH = 0.283;
  public static final double PITR_GB_MONTH = 0.228;

  /** The price of one counted operation, and how it was reached. */
  public record Unit(UsageCounter counter, double usd, String arithmetic) {}

  /** A priced line of a commune's month. */
  public record Line(UsageCounter counter, double quantity, double usd) {}

  private static final List<Unit> UNITS = List.of(
      unit(UsageCounter.API_STAFF, 0.1045, 2.2, 9.2 + 1, HTTP_API_REQUEST,
          "HTTP API + Lambda (0.1045 GB-s: OpinionsFunction's mix) + 2.2 RRU + 10.2 WRU (the staff routes' "
              + "weighted mix, + 1 for the counter)"),
      unit(UsageCounter.API_PUBLIC, 0.1025, 2, 1, HTTP_API_REQUEST,
          "HTTP API + Lambda (0.1025 GB-s, PublicFunction) + 2 RRU + 1 WRU (the counter)"),
      unit(UsageCounter.API_WEBHOOK, 0.1096, 2, 14 + 1, HTTP_API_REQUEST,
          "HTTP API + Lambda (0.1096 GB-s, IntakeFunction) + 2 RRU + 15 WRU (opinion, inbox, tracking code, "
              + "acknowledgement, the counter)"),
      unit(UsageCounter.EMAILS, 0.1118, 1, 8 + 1, SES_EMAIL + EVENT,
          "SES $0.10/1,000 + one bus event + Lambda (0.1118 GB-s, MailerFunction) + 1 RRU + 9 WRU"),
      unit(UsageCounter.SCHEDULE_FIRES, 0.1065, 2, 10 + 1, SCHEDULER_INVOCATION,
          "Scheduler $1.25/M + Lambda (0.1065 GB-s, DeadlinesFunction) + 2 RRU + 11 WRU"));

  private UsageCosts() {}

  private static Unit unit(UsageCounter c, double gbs, double rru, double wru, double service, String how) {
    double usd = service + LAMBDA_REQUEST + gbs * LAMBDA_GBS + rru * RRU + wru * WRU;
    return new Unit(c, usd, how);
  }

  /** The unit prices used, for the statement's notes. */
  public static List<Unit> units() {
    return UNITS;
  }

  /** The month's priced lines of one commune (operations, then storage from what it stores now). */
  public static List<Line> lines(UsageCounters.CommuneUsage u) {
    List<Line> lines = new ArrayList<>();
    for (Unit unit : UNITS) {
      long n = u.get(unit.counter());
      lines.add(new Line(unit.counter(), n, n * unit.usd()));
    }
    double gb = Math.max(0, u.storedBytesNow()) / 1e9;
    lines.add(new Line(UsageCounter.STORED_BYTES, gb, gb * (STORAGE_GB_MONTH + PITR_GB_MONTH)));
    return lines;
  }

  public static double total(List<Line> lines) {
    return lines.stream().mapToDouble(Line::usd).sum();
  }
}
