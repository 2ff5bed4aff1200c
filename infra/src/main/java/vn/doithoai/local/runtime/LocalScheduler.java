package vn.doithoai.local.runtime;

import static vn.doithoai.local.runtime.AwsHttp.integer;
import static vn.doithoai.local.runtime.AwsHttp.map;
import static vn.doithoai.local.runtime.AwsHttp.string;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import vn.doithoai.core.common.Json;

/**
 * EventBridge Scheduler, locally: the REST-JSON API the SDK's {@code SchedulerClient} calls
 * ({@code POST|PUT|GET|DELETE /schedules/{Name}}, {@code GET /schedules}), schedules kept in memory and in
 * {@code <data>/scheduler.json}, and the template's own cron schedules ({@code ScheduleV2}/{@code Schedule}
 * events, scheduled rules). A schedule fires when the {@link LocalClock} reaches its instant — an
 * {@code at(…)} in its time zone, or the next {@code cron(…)} occurrence — by invoking the function its
 * target ARN names with the target's {@code Input} parsed as JSON; a function error is retried as Lambda
 * retries an asynchronous invocation (the function's {@code EventInvokeConfig}, default 2; quickly here), then
 * dead-lettered; a target that is no function goes to the schedule's dead-letter queue. A one-time schedule
 * with {@code ActionAfterCompletion: DELETE} is deleted once fired.
 */
final class LocalScheduler {
  static final String ERROR_CONTENT_TYPE = "application/json";
  private static final Pattern NAME = Pattern.compile("[0-9a-zA-Z-_.]{1,64}");
  private static final Pattern AT = Pattern.compile("at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\)");
  private static final int LOCAL_RETRIES = 2;
  private static final long[] BACKOFF_MILLIS = {100, 400};

  /** One schedule made through the API: its fields as the API has them, and when it fires next. */
  private static final class Schedule {
    Map<String, Object> fields; // Name, GroupName, ScheduleExpression, …, CreationDate, LastModificationDate
    Instant next; // null: done (a one-time schedule that fired) or nothing ahead

    String key() {
      return fields.get("GroupName") + "/" + fields.get("Name");
    }
  }

  /**
   * A cron schedule declared by the template, firing a function; {@code frequent}: at most an hour between
   * occurrences (housekeeping such as the outbox sweep), run once per clock advance rather than at each
   * occurrence on the way — a jump of a month would otherwise run it 8,640 times.
   */
  private record TemplateCron(String key, String functionId, CronExpression cron, ZoneId zone, Object input,
      String deadLetterArn, boolean frequent) {}

  /** The largest gap between occurrences of a {@code frequent} template cron. */
  private static final java.time.Duration FREQUENT = java.time.Duration.ofHours(1);

  /** Something due: when, what to invoke, with what, and how to finish. */
  private record Due(Instant at, String label, String functionId, String targetArn, Object payload,
      String deadLetterArn, Schedule schedule, TemplateCron cron) {}

  private final LocalFunctions functions;
  private final LocalClock clock;
  private final Activity activity;
  private final DeadLetters deadLetters;
  private final PrintStream log;
  private final Path file;
  private final Set<String> groups = new LinkedHashSet<>();
  private final Map<String, Schedule> schedules = new TreeMap<>();
  private final List<TemplateCron> crons = new ArrayList<>();
  private final Map<String, Instant> cronNext = new LinkedHashMap<>();

  LocalScheduler(TemplateModel model, LocalFunctions functions, LocalClock clock, Activity activity,
      DeadLetters deadLetters, Path dataDir, PrintStream log) {
    this.functions = functions;
    this.clock = clock;
    this.activity = activity;
    this.deadLetters = deadLetters;
    this.log = log;
    this.file = dataDir.resolve("scheduler.json");
    groups.add("default");
    groups.addAll(model.scheduleGroups());
    templateCrons(model);
    load();
  }

  // ------------------------------------------------------------------------------------------- the API

  /** {@code /schedules…}: answers the JSON body of a success; throws {@link AwsHttp.Failure} otherwise. */
  Object handle(AwsHttp.Request r) {
    String rest = r.path().substring("/schedules".length());
    if (rest.isEmpty() || rest.equals("/")) {
      if (r.method().equals("GET")) {
        return list(r.query());
      }
      throw new AwsHttp.Failure(404, "UnknownOperationException", "Message", "Unknown operation " + r.method()
          + " " + r.path());
    }
    String name = AwsHttp.decode(rest.substring(1));
    switch (r.method()) {
      case "POST":
        return create(name, r.json("ValidationException", "Message"), false);
      case "PUT":
        return create(name, r.json("ValidationException", "Message"), true);
      case "GET":
        return get(name, r.query().get("groupName"));
      case "DELETE":
        delete(name, r.query().get("groupName"));
        return Map.of();
      default:
        throw new AwsHttp.Failure(404, "UnknownOperationException", "Message", "Unknown operation " + r.method());
    }
  }

  private synchronized Object create(String name, Map<String, Object> body, boolean update) {
    if (!NAME.matcher(name).matches()) {
      throw invalid("Name must be 1 to 64 characters of [0-9a-zA-Z-_.]: " + name);
    }
    String group = group(string(body.get("GroupName")));
    String expression = string(body.get("ScheduleExpression"));
    Map<String, Object> target = map(body.get("Target"));
    Map<String, Object> window = map(body.get("FlexibleTimeWindow"));
    if (expression == null || target.isEmpty() || window.isEmpty()) {
      throw invalid("ScheduleExpression, FlexibleTimeWindow and Target are required.");
    }
    String mode = string(window.get("Mode"));
    if (!"OFF".equals(mode) && !"FLEXIBLE".equals(mode)) {
      throw invalid("FlexibleTimeWindow.Mode must be OFF or FLEXIBLE.");
    }
    if (string(target.get("Arn")) == null || string(target.get("RoleArn")) == null) {
      throw invalid("Target.Arn and Target.RoleArn are required.");
    }
    Map<String, Object> retry = map(target.get("RetryPolicy"));
    Integer attempts = integer(retry.get("MaximumRetryAttempts"));
    if (attempts != null && (attempts < 0 || attempts > 185)) {
      throw invalid("RetryPolicy.MaximumRetryAttempts must be 0 to 185.");
    }
    String after = string(body.getOrDefault("ActionAfterCompletion", "NONE"));
    String state = string(body.getOrDefault("State", "ENABLED"));
    if (!Set.of("NONE", "DELETE").contains(after) || !Set.of("ENABLED", "DISABLED").contains(state)) {
      throw invalid("ActionAfterCompletion must be NONE or DELETE; State ENABLED or DISABLED.");
    }
    ZoneId zone = zone(string(body.get("ScheduleExpressionTimezone")));
    String key = group + "/" + name;
    Schedule existing = schedules.get(key);
    if (!update && existing != null) {
      throw new AwsHttp.Failure(409, "ConflictException", "Message", "Schedule " + name + " already exists.");
    }
    if (update && existing == null) {
      throw notFound(name);
    }
    Instant now = clock.instant();
    Instant next = firstFire(expression, zone, body, now);
    if (functions.functionIdForArn(string(target.get("Arn"))) == null) {
      log.println("warning: schedule " + key + " targets " + target.get("Arn")
          + ", which is no function of the template; it will fail when it fires");
    }
    Schedule s = new Schedule();
    s.fields = new LinkedHashMap<>(body);
    s.fields.put("Name", name);
    s.fields.put("GroupName", group);
    s.fields.put("State", state);
    s.fields.put("ActionAfterCompletion", after);
    s.fields.remove("ClientToken");
    double seconds = now.toEpochMilli() / 1000.0;
    s.fields.put("CreationDate", existing == null ? seconds : existing.fields.get("CreationDate"));
    s.fields.put("LastModificationDate", seconds);
    s.next = next;
    schedules.put(key, s);
    save();
    notifyAll();
    return Map.of("ScheduleArn", arn(group, name));
  }

  /** When a new schedule fires first; at() before the current minute is refused, as the service does. */
  private static Instant firstFire(String expression, ZoneId zone, Map<String, Object> body, Instant now) {
    java.util.regex.Matcher at = AT.matcher(expression.strip());
    if (at.matches()) {
      Instant when;
      try {
        when = LocalDateTime.parse(at.group(1)).atZone(zone).toInstant();
      } catch (DateTimeParseException e) {
        throw invalid("Invalid Schedule Expression " + expression);
      }
      if (when.isBefore(now.truncatedTo(ChronoUnit.MINUTES))) {
        throw invalid("The schedule expression " + expression + " is in the past.");
      }
      return when;
    }
    if (expression.strip().startsWith("cron(")) {
      try {
        CronExpression cron = CronExpression.parse(expression);
        Instant from = now;
        Object start = body.get("StartDate");
        if (start instanceof Number n && n.doubleValue() * 1000 > from.toEpochMilli()) {
          from = Instant.ofEpochMilli((long) (n.doubleValue() * 1000) - 1);
        }
        return cron.next(from, zone);
      } catch (IllegalArgumentException e) {
        throw invalid("Invalid Schedule Expression " + expression + ": " + e.getMessage());
      }
    }
    throw invalid("Invalid Schedule Expression " + expression + " (locally: at(…) or cron(…))");
  }

  private synchronized Object get(String name, String groupName) {
    String group = group(groupName);
    Schedule s = schedules.get(group + "/" + name);
    if (s == null) {
      throw notFound(name);
    }
    Map<String, Object> out = new LinkedHashMap<>(s.fields);
    out.put("Arn", arn(group, name));
    return out;
  }

  private synchronized void delete(String name, String groupName) {
    String group = group(groupName);
    if (schedules.remove(group + "/" + name) == null) {
      throw notFound(name);
    }
    save();
  }

  private synchronized Object list(Map<String, String> query) {
    String group = query.get("ScheduleGroup");
    String prefix = query.getOrDefault("NamePrefix", "");
    String state = query.get("State");
    List<Object> out = new ArrayList<>();
    for (Schedule s : schedules.values()) {
      Map<String, Object> f = s.fields;
      if ((group == null || group.equals(f.get("GroupName"))) && string(f.get("Name")).startsWith(prefix)
          && (state == null || state.equals(f.get("State")))) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("Arn", arn(string(f.get("GroupName")), string(f.get("Name"))));
        summary.put("Name", f.get("Name"));
        summary.put("GroupName", f.get("GroupName"));
        summary.put("State", f.get("State"));
        summary.put("CreationDate", f.get("CreationDate"));
        summary.put("LastModificationDate", f.get("LastModificationDate"));
        summary.put("Target", Map.of("Arn", map(f.get("Target")).get("Arn")));
        out.add(summary);
      }
    }
    return Map.of("Schedules", out);
  }

  private String group(String name) {
    String g = name == null || name.isBlank() ? "default" : name;
    if (!groups.contains(g)) {
      throw new AwsHttp.Failure(404, "ResourceNotFoundException", "Message", "Schedule group " + g
          + " does not exist.");
    }
    return g;
  }

  private static ZoneId zone(String id) {
    try {
      return id == null || id.isBlank() ? ZoneOffset.UTC : ZoneId.of(id);
    } catch (DateTimeException e) {
      throw invalid("Invalid ScheduleExpressionTimezone " + id);
    }
  }

  static String arn(String group, String name) {
    return "arn:aws:scheduler:" + TemplateModel.REGION + ":" + TemplateModel.ACCOUNT_ID + ":schedule/" + group + "/"
        + name;
  }

  private static AwsHttp.Failure invalid(String message) {
    return new AwsHttp.Failure(400, "ValidationException", "Message", message);
  }

  private static AwsHttp.Failure notFound(String name) {
    return new AwsHttp.Failure(404, "ResourceNotFoundException", "Message", "Schedule " + name
        + " does not exist.");
  }

  // ------------------------------------------------------------------------------------------- firing

  /** The earliest instant something is due, or null. */
  synchronized Instant nextDue() {
    Due d = earliest();
    return d == null ? null : d.at();
  }

  /** How many API schedules will still fire (for the clock endpoint). */
  synchronized int pending() {
    return (int) schedules.values().stream().filter(s -> s.next != null && "ENABLED".equals(s.fields.get("State")))
        .count();
  }

  /**
   * Fires the earliest schedule due at or before {@code upTo}, if any, and finishes it (deleted, done, or its
   * next occurrence); the invocation runs outside this object's lock, so the target may call the API.
   */
  boolean fireNext(Instant upTo) {
    Due due;
    synchronized (this) {
      due = earliest();
      if (due == null || due.at().isAfter(upTo)) {
        return false;
      }
      // taken off before invoking, so that a concurrent look sees it as handled (at-least-once, not twice)
      if (due.schedule() != null) {
        due.schedule().next = null;
      } else {
        cronNext.put(due.cron().key(), null);
      }
      activity.begin(); // before the lock is let go: a waiter never sees it neither due nor in flight
    }
    try {
      invoke(due);
    } finally {
      finish(due);
      activity.end();
    }
    return true;
  }

  private synchronized void finish(Due due) {
    if (due.schedule() != null) {
      Schedule s = schedules.get(due.schedule().key());
      if (s == due.schedule()) { // not deleted, nor replaced, while it fired
        String expression = string(s.fields.get("ScheduleExpression"));
        if (expression.startsWith("cron(")) {
          Instant next = CronExpression.parse(expression).next(due.at(),
              zone(string(s.fields.get("ScheduleExpressionTimezone"))));
          Object end = s.fields.get("EndDate");
          s.next = end instanceof Number n && next != null && next.toEpochMilli() > n.doubleValue() * 1000 ? null
              : next;
        } else if ("DELETE".equals(s.fields.get("ActionAfterCompletion"))) {
          schedules.remove(s.key());
        }
      }
    } else {
      cronNext.put(due.cron().key(), due.cron().cron().next(due.at(), due.cron().zone()));
    }
    save();
  }

  private void invoke(Due due) {
    String fn = due.functionId();
    if (fn == null) {
      deadLetters.add("scheduler:" + due.label(), due.deadLetterArn(), "target " + due.targetArn()
          + " is no function of the template", due.payload(), clock.instant());
      return;
    }
    // Scheduler invokes Lambda asynchronously: a function error is retried by Lambda (the function's
    // EventInvokeConfig, default 2) and then goes to the function's on-failure destination; the schedule's
    // RetryPolicy and dead-letter queue cover only an invocation that cannot be made (above).
    TemplateModel.AsyncInvoke async = functions.function(fn).asyncInvoke();
    int retries = Math.min(async.maximumRetryAttempts(), LOCAL_RETRIES);
    Throwable last = null;
    for (int attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) {
        sleep(BACKOFF_MILLIS[Math.min(attempt - 1, BACKOFF_MILLIS.length - 1)]);
      }
      try {
        functions.invoke(fn, copy(due.payload()));
        return;
      } catch (Throwable t) {
        last = t;
        log.println("schedule " + due.label() + " → " + fn + " failed (attempt " + (attempt + 1) + "): " + t);
      }
    }
    deadLetters.add("scheduler:" + due.label() + " → " + fn, async.onFailure(), String.valueOf(last)
        + (async.onFailure() == null ? " (no on-failure destination: Lambda discards it)" : ""), due.payload(),
        clock.instant());
  }

  private Due earliest() {
    Due best = null;
    for (Schedule s : schedules.values()) {
      if (s.next != null && "ENABLED".equals(s.fields.get("State")) && (best == null || s.next.isBefore(best.at()))) {
        Map<String, Object> target = map(s.fields.get("Target"));
        String arn = string(target.get("Arn"));
        best = new Due(s.next, s.key(), functions.functionIdForArn(arn), arn, input(string(target.get("Input"))),
            string(map(target.get("DeadLetterConfig")).get("Arn")), s, null);
      }
    }
    for (TemplateCron c : crons) {
      Instant next = cronNext.get(c.key());
      if (next != null && (best == null || next.isBefore(best.at()))) {
        Object payload = c.input() != null ? c.input() : scheduledEvent(c, next);
        best = new Due(next, c.key(), c.functionId(), LocalFunctions.arn(c.functionId()), payload,
            c.deadLetterArn(), null, c);
      }
    }
    return best;
  }

  /** The Input of a target: a JSON value parsed (an object as a Map), other text as it is. */
  private static Object input(String text) {
    if (text == null) {
      return Map.of();
    }
    try {
      return com.fasterxml.jackson.jr.ob.JSON.std.anyFrom(text);
    } catch (IOException | RuntimeException e) {
      return text;
    }
  }

  /** For a template cron without Input: an EventBridge-like scheduled event from source local.reconcile. */
  private static Map<String, Object> scheduledEvent(TemplateCron c, Instant at) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("version", "0");
    e.put("id", UUID.randomUUID().toString());
    e.put("detail-type", "Scheduled Event");
    e.put("source", "local.reconcile");
    e.put("account", TemplateModel.ACCOUNT_ID);
    e.put("time", at.truncatedTo(ChronoUnit.SECONDS).toString());
    e.put("region", TemplateModel.REGION);
    e.put("resources", List.of(arn("template", c.key().replace('/', '-'))));
    e.put("detail", Map.of());
    return e;
  }

  /** A deep copy, so that no handler sees what another changed. */
  private static Object copy(Object o) {
    if (o instanceof Map<?, ?> || o instanceof List<?>) {
      return input(Json.write(o));
    }
    return o;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ------------------------------------------------------------------------------------------- template crons

  private void templateCrons(TemplateModel model) {
    for (TemplateModel.FunctionEvent ev : model.otherEvents()) {
      Map<String, Object> p = ev.properties();
      String expression;
      String zone = null;
      if ("ScheduleV2".equals(ev.type())) {
        expression = string(p.get("ScheduleExpression"));
        zone = string(p.get("ScheduleExpressionTimezone"));
        if ("DISABLED".equals(p.get("State"))) {
          continue;
        }
      } else if ("Schedule".equals(ev.type())) {
        expression = string(p.get("Schedule"));
        if (Boolean.FALSE.equals(p.get("Enabled")) || "DISABLED".equals(p.get("State"))) {
          continue;
        }
      } else {
        continue;
      }
      Map<String, Object> dlq = map(p.get("DeadLetterConfig"));
      addCron(ev.functionId() + "/" + ev.name(), ev.functionId(), expression, zone,
          p.get("Input") == null ? null : input(string(p.get("Input"))), string(dlq.get("Arn")));
    }
    for (TemplateModel.Rule rule : model.rules()) {
      if (rule.scheduleExpression() == null || !rule.enabled()) {
        continue;
      }
      for (TemplateModel.RuleTarget t : rule.targets()) {
        addCron(rule.id() + "/" + t.id(), t.functionId(), rule.scheduleExpression(), null,
            t.input() == null ? null : input(t.input()), t.deadLetterArn());
      }
    }
  }

  private void addCron(String key, String functionId, String expression, String zone, Object input, String dlq) {
    try {
      CronExpression cron = CronExpression.parse(expression);
      ZoneId z = zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
      Instant a = cron.next(Instant.EPOCH, z);
      Instant b = a == null ? null : cron.next(a, z);
      boolean frequent = b != null && java.time.Duration.between(a, b).compareTo(FREQUENT) <= 0;
      crons.add(new TemplateCron(key, functionId, cron, z, input, dlq, frequent));
    } catch (IllegalArgumentException | DateTimeException e) {
      log.println("warning: schedule " + key + " (" + expression + ") is not run locally: " + e.getMessage());
    }
  }

  // ------------------------------------------------------------------------------------------- persistence

  private void load() {
    Map<String, Object> saved = Map.of();
    if (Files.isRegularFile(file)) {
      try {
        saved = Json.readObject(Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException | RuntimeException e) {
        throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    for (Object o : AwsHttp.list(saved.get("schedules"))) {
      Map<String, Object> m = new LinkedHashMap<>(map(o));
      Schedule s = new Schedule();
      Object next = m.remove("NextFire");
      s.next = next == null ? null : Instant.parse(string(next));
      s.fields = m;
      schedules.put(s.key(), s);
    }
    Map<String, Object> lastCron = map(saved.get("templateCronNext"));
    Instant now = clock.instant();
    for (TemplateCron c : crons) {
      Object n = lastCron.get(c.key());
      cronNext.put(c.key(), n == null ? c.cron().next(now, c.zone()) : Instant.parse(string(n)));
    }
  }

  private void save() {
    List<Object> out = new ArrayList<>();
    for (Schedule s : schedules.values()) {
      Map<String, Object> m = new LinkedHashMap<>(s.fields);
      m.put("NextFire", s.next == null ? null : s.next.toString());
      out.add(m);
    }
    Map<String, Object> cron = new LinkedHashMap<>();
    cronNext.forEach((k, v) -> cron.put(k, v == null ? null : v.toString()));
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("schedules", out);
    doc.put("templateCronNext", cron);
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, Json.write(doc), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * Before the clock jumps to {@code to}: each frequent template cron due by then fires once, at its last
   * occurrence on the way, instead of at every one.
   */
  synchronized void coalesceFrequent(Instant to) {
    for (TemplateCron c : crons) {
      Instant next = cronNext.get(c.key());
      if (!c.frequent() || next == null || next.isAfter(to)) {
        continue;
      }
      for (Instant after = c.cron().next(next, c.zone()); after != null && !after.isAfter(to);
          after = c.cron().next(after, c.zone())) {
        next = after;
      }
      cronNext.put(c.key(), next);
    }
  }

  /**
   * The functions of the template's outbox sweeps: its schedules whose input is {@code {"sweep":"outbox"}}, run
   * at start by {@link LocalServices#sweepOutboxAfterRestart()}.
   */
  List<String> outboxSweepers() {
    List<String> out = new ArrayList<>();
    for (TemplateCron c : crons) {
      if (c.functionId() != null && c.input() instanceof Map<?, ?> m && "outbox".equals(m.get("sweep"))
          && !out.contains(c.functionId())) {
        out.add(c.functionId());
      }
    }
    return out;
  }

  /** Waits until a schedule is created or changed, or {@code millis} pass. */
  synchronized void awaitChange(long millis) throws InterruptedException {
    wait(Math.max(1, millis));
  }

  /** Schedules in fire order, for the clock endpoint and tests: "instant  group/name". */
  synchronized List<String> upcoming(int max) {
    List<String> out = new ArrayList<>();
    schedules.values().stream().filter(s -> s.next != null).sorted(Comparator.comparing(s -> s.next)).limit(max)
        .forEach(s -> out.add(s.next + "  " + s.key()));
    return out;
  }
}
