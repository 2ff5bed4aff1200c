package vn.doithoai.handlers.observability;

import java.util.List;

/**
 * The product's CloudWatch metrics (namespace {@code Doithoai}), each with its few dimensions beside
 * {@code function}. A commune is never a dimension: each distinct set of dimension values is a custom metric
 * billed by the month, and 3,321 communes would multiply the bill by 3,321 (README, "Metrics").
 */
public enum Metric {
  /** Opinions that became records, by channel (website, public-form, staff-entry …). */
  OPINIONS_RECEIVED("OpinionsReceived", "channel"),
  /** Triage decisions taken, by decision (triage, merge, forward, refuse). */
  TRIAGE_DECISIONS("TriageDecisions", "decision"),
  /** Deadline steps that had their effect: deadline = assignment | plan, step = reminder | due | overdue. */
  DEADLINE_STEPS("DeadlineSteps", "deadline", "step"),
  /** Schedule fires received, by outcome (fired, duplicate, stale, early). */
  SCHEDULE_FIRES("ScheduleFires", "outcome"),
  /** Messages sent, by channel (email, sms). */
  MESSAGES_SENT("MessagesSent", "channel"),
  /** Messages whose sending failed (retried, then in the dead-letter queue), by channel. */
  MESSAGES_FAILED("MessagesFailed", "channel"),
  /** Messages not sent because the address is suppressed (bounce, complaint), by channel. */
  MESSAGES_SUPPRESSED("MessagesSuppressed", "channel"),
  /** Webhook deliveries refused, by the error code answered (signature_invalid, too_old …). */
  WEBHOOK_REJECTIONS("WebhookRejections", "reason"),
  /**
   * A unit of work that reached its bound and went on in another unit (no silent cap), by cap; alarmed
   * (template.yaml, CapsReachedAlarm): one is normal for a very large commune, many say a bound is too small.
   */
  CAPS_REACHED("CapsReached", "cap");

  public static final String NAMESPACE = "Doithoai";

  /** The {@code cap} of {@link #CAPS_REACHED}. */
  public enum Cap {
    /** A commune's reconcile unit reached its count of deadlines: a continuation unit was queued. */
    RECONCILE_DEADLINES,
    /** A commune's reconcile unit ran short of time: a continuation unit was queued. */
    RECONCILE_TIME,
    /** The daily retention sweep reached its pages or erasures: it goes on from its cursor the next day. */
    RETENTION_SWEEP
  }

  /** The {@code channel} of the message metrics. */
  public enum MessageChannel { EMAIL, SMS }

  private final String metricName;
  private final List<String> dimensions;

  Metric(String metricName, String... dimensions) {
    this.metricName = metricName;
    this.dimensions = List.of(dimensions);
  }

  public String metricName() {
    return metricName;
  }

  /** The dimensions besides {@code function}, in the order their values are given. */
  public List<String> dimensions() {
    return dimensions;
  }
}
