package vn.doithoai.handlers.observability;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import vn.doithoai.core.usage.UsageCounter;

/**
 * What one invocation did, told as one JSON log line when it ends (request id, function, route, commune,
 * outcome, status, latency, error code), as a line for each significant step, as Embedded Metric Format lines
 * and as the commune's usage counts. The API is typed so that no free text can slip in: fields are enums,
 * numbers, or identifiers checked against an identifier's grammar (no {@code @}, no {@code +}, no letters with
 * diacritics, at most 100 characters) — an e-mail address, a name or an opinion's text cannot pass; what fails
 * the check is written as {@code "?"}.
 */
public final class Invocation {
  /** What the invocation (or one of its steps) was. */
  public enum Step {
    HTTP_REQUEST, MAIL_SEND, MAIL_FAN_OUT, MAIL_SUPPRESSION, MAIL_SWEEP, DEADLINE_FIRE, SCHEDULES_CHANGED,
    STREAM_RELAY, RECONCILE, USAGE_COUNTED, COMMUNE_REDATE, COMMUNE_RECONCILE,
    /** A bound of a unit of work was reached (its outcome: a {@link Metric.Cap}); the work goes on elsewhere. */
    CAP_REACHED
  }

  /** Counts a step reports. */
  public enum Count {
    WAITING, RELEASED, SENT, SUPPRESSED, FAILED, EXPANDED, DEADLINES, FIRED, SCHEDULES_CREATED, DIGESTS, RECORDS,
    EVENTS, ADDRESSES, COMMUNES, OPINIONS_READ, CONTACTS_ERASED, PLANS_MOVED
  }

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9$*][A-Za-z0-9 ._:/{}$*-]{0,99}");
  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,39}");

  private final String function;
  private final String requestId;
  private final Step step;
  private final long startNanos = System.nanoTime();
  private String route;
  private String commune;
  private Integer status;
  private String outcome;
  private String errorCode;
  private String exception;
  private String at;
  private final Map<Count, Long> counts = new EnumMap<>(Count.class);
  /** dimension values (function first) → metric → value; one EMF line per distinct dimension values. */
  private final Map<List<String>, Map<Metric, Long>> metrics = new LinkedHashMap<>();
  private final Map<String, Map<UsageCounter, Long>> usage = new TreeMap<>();

  private Invocation(String function, String requestId, Step step) {
    this.function = id(function);
    this.requestId = id(requestId);
    this.step = step;
  }

  /** Starts the record of an invocation of {@code context}'s function (the context may be null in tests). */
  public static Invocation start(Context context, Step step) {
    return new Invocation(context == null ? null : context.getFunctionName(),
        context == null ? null : context.getAwsRequestId(), step);
  }

  public String requestId() {
    return requestId;
  }

  public Invocation route(String routeKey) {
    this.route = id(routeKey);
    return this;
  }

  /** The commune the invocation served, when its id has an id's grammar (else it is left out). */
  public Invocation commune(String communeId) {
    this.commune = communeId != null && ID.matcher(communeId).matches() ? communeId : null;
    return this;
  }

  public Optional<String> commune() {
    return Optional.ofNullable(commune);
  }

  public Invocation status(int httpStatus) {
    this.status = httpStatus;
    return this;
  }

  public Invocation outcome(Enum<?> result) {
    this.outcome = code(result);
    return this;
  }

  /** The error code answered (a {@code DomainException}'s code, e.g. {@code signature_invalid}). */
  public Invocation error(String code) {
    this.errorCode = code != null && CODE.matcher(code).matches() ? code : "?";
    return this;
  }

  /** A failure of ours: its class and where it was thrown, never its message (which may quote data). */
  public Invocation failure(Throwable t) {
    this.errorCode = "unexpected";
    this.exception = id(t.getClass().getName());
    StackTraceElement[] frames = t.getStackTrace();
    this.at = frames.length == 0 ? null : id(frames[0].getClassName() + "." + frames[0].getMethodName() + ":"
        + frames[0].getLineNumber());
    return this;
  }

  public Invocation count(Count c, long n) {
    counts.merge(c, n, Long::sum);
    return this;
  }

  /** Adds {@code n} to {@code metric} with its dimensions' values (enums or codes), in its declared order. */
  public Invocation metric(Metric metric, long n, Object... dimensionValues) {
    if (dimensionValues.length != metric.dimensions().size()) {
      throw new IllegalArgumentException(metric + " takes " + metric.dimensions());
    }
    List<String> key = new ArrayList<>();
    key.add(function);
    for (Object v : dimensionValues) {
      key.add(v instanceof Enum<?> e ? code(e) : dimension(String.valueOf(v)));
    }
    metrics.computeIfAbsent(key, k -> new EnumMap<>(Metric.class)).merge(metric, n, Long::sum);
    return this;
  }

  /** Adds {@code n} to a commune's usage counter of this month (written once, at the end, by the caller). */
  public Invocation usage(String communeId, UsageCounter counter, long n) {
    if (communeId != null && ID.matcher(communeId).matches() && !"*".equals(communeId)) {
      usage.computeIfAbsent(communeId, k -> new EnumMap<>(UsageCounter.class)).merge(counter, n, Long::sum);
    }
    return this;
  }

  public Map<String, Map<UsageCounter, Long>> usage() {
    return usage;
  }

  /** A line for a significant step within the invocation, now (its counts, its outcome). */
  public void step(Step what, Enum<?> result, Map<Count, Long> stepCounts) {
    JsonLine line = base("INFO", "step").field("step", code(what)).field("outcome", code(result));
    stepCounts.forEach((k, v) -> line.field(code(k), v));
    Telemetry.write(line.toString());
  }

  /** Writes the invocation's line, then its metrics (Embedded Metric Format). */
  public void finish() {
    long latencyMs = (System.nanoTime() - startNanos) / 1_000_000;
    String level = exception != null || status != null && status >= 500 ? "ERROR"
        : errorCode != null ? "WARN" : "INFO";
    JsonLine line = base(level, "invocation").field("step", code(step)).field("route", route)
        .field("commune", commune).field("status", status).field("outcome", outcome != null ? outcome
            : errorCode == null ? "ok" : "error").field("errorCode", errorCode).field("exception", exception)
        .field("at", at).field("latencyMs", latencyMs);
    counts.forEach((k, v) -> line.field(code(k), v));
    Telemetry.write(line.toString());
    long now = System.currentTimeMillis();
    metrics.forEach((values, byMetric) -> Telemetry.write(emf(values, byMetric, now)));
  }

  private JsonLine base(String level, String type) {
    return new JsonLine().field("time", Instant.now().toString()).field("level", level).field("type", type)
        .field("requestId", requestId).field("function", function);
  }

  /** One EMF document: the metrics that share these dimension values. */
  private static String emf(List<String> values, Map<Metric, Long> byMetric, long timestamp) {
    Metric first = byMetric.keySet().iterator().next();
    List<String> names = new ArrayList<>();
    names.add("function");
    names.addAll(first.dimensions());
    JsonLine directive = new JsonLine().field("Namespace", Metric.NAMESPACE).raw("Dimensions",
        "[[" + JsonLine.array(names) + "]]").raw("Metrics", "[" + String.join(",", byMetric.keySet().stream()
            .map(m -> new JsonLine().field("Name", m.metricName()).field("Unit", "Count").toString()).toList())
            + "]");
    JsonLine aws = new JsonLine().field("Timestamp", timestamp).raw("CloudWatchMetrics", "[" + directive + "]");
    JsonLine doc = new JsonLine().raw("_aws", aws.toString());
    for (int i = 0; i < names.size(); i++) {
      doc.field(names.get(i), values.get(i));
    }
    byMetric.forEach((m, v) -> doc.field(m.metricName(), v));
    return doc.toString();
  }

  private static String id(String v) {
    return v == null ? "-" : ID.matcher(v).matches() ? v : "?";
  }

  private static String dimension(String v) {
    return CODE.matcher(v).matches() ? v : "other";
  }

  private static String code(Enum<?> e) {
    return e == null ? null : e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
