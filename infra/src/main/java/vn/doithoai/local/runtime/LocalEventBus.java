package vn.doithoai.local.runtime;

import static vn.doithoai.local.runtime.AwsHttp.list;
import static vn.doithoai.local.runtime.AwsHttp.map;
import static vn.doithoai.local.runtime.AwsHttp.string;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import vn.doithoai.core.common.Json;

/**
 * EventBridge, locally: {@code PutEvents} (JSON 1.1, {@code X-Amz-Target: AWSEvents.PutEvents}) on the
 * default bus and the template's buses; each accepted entry becomes an EventBridge event
 * ({@code version, id, detail-type, source, account, time, region, resources, detail}) delivered, as a
 * {@code Map}, asynchronously to the function targets of every enabled rule of that bus whose pattern
 * matches. Patterns: fields nested as in the event, each leaf a list of allowed values (exact match, or
 * {@code prefix}, {@code exists}, {@code anything-but}); an event array matches when any element does. A
 * function error is retried as Lambda retries an asynchronous invocation (the function's
 * {@code EventInvokeConfig}, default 2 retries; quickly here), then dead-lettered.
 */
final class LocalEventBus implements AutoCloseable {
  static final String CONTENT_TYPE = "application/x-amz-json-1.1";
  private static final long[] BACKOFF_MILLIS = {200, 1000, 3000};

  private final List<TemplateModel.Rule> rules;
  private final Set<String> buses = new LinkedHashSet<>();
  private final LocalFunctions functions;
  private final LocalClock clock;
  private final Activity activity;
  private final DeadLetters deadLetters;
  private final PrintStream log;
  private final java.nio.file.Path archive;
  private final ScheduledExecutorService executor;

  LocalEventBus(TemplateModel model, LocalFunctions functions, LocalClock clock, Activity activity,
      DeadLetters deadLetters, java.nio.file.Path archive, PrintStream log) {
    this.rules = model.rules();
    this.archive = archive;
    this.functions = functions;
    this.clock = clock;
    this.activity = activity;
    this.deadLetters = deadLetters;
    this.log = log;
    buses.add("default");
    buses.addAll(model.eventBuses());
    for (TemplateModel.Rule r : rules) {
      if (!buses.contains(r.busName())) {
        log.println("warning: rule " + r.id() + " is on bus " + r.busName() + ", which the template does not create");
      }
      for (TemplateModel.RuleTarget t : r.targets()) {
        if (t.functionId() == null) {
          log.println("warning: target " + t.id() + " of rule " + r.id() + " (" + t.arn()
              + ") is no function of the template: not delivered locally");
        }
      }
    }
    AtomicInteger n = new AtomicInteger();
    executor = Executors.newScheduledThreadPool(4, r -> {
      Thread t = new Thread(r, "local-bus-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** One JSON 1.1 request; answers the success body or throws {@link AwsHttp.Failure}. */
  Object handle(AwsHttp.Request r) {
    String target = Objects.toString(r.header("X-Amz-Target"), "");
    if (!target.equals("AWSEvents.PutEvents")) {
      throw new AwsHttp.Failure(400, "UnknownOperationException", "message", "Operation " + target
          + " is not supported locally.");
    }
    List<Object> entries = list(r.json("SerializationException", "message").get("Entries"));
    if (entries.isEmpty() || entries.size() > 10) {
      throw new AwsHttp.Failure(400, "ValidationException", "message",
          "1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length "
              + "less than or equal to 10 and greater than or equal to 1");
    }
    List<Object> results = new ArrayList<>();
    int failed = 0;
    for (Object o : entries) {
      Map<String, Object> result = put(map(o));
      failed += result.containsKey("ErrorCode") ? 1 : 0;
      results.add(result);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("FailedEntryCount", failed);
    out.put("Entries", results);
    return out;
  }

  private Map<String, Object> put(Map<String, Object> entry) {
    String source = string(entry.get("Source"));
    String detailType = string(entry.get("DetailType"));
    String detailText = string(entry.get("Detail"));
    for (String[] required : new String[][] {{"Source", source}, {"DetailType", detailType},
        {"Detail", detailText}}) {
      if (required[1] == null || required[1].isBlank()) {
        return error("InvalidArgument", "Parameter " + required[0] + " is not valid. Reason: " + required[0]
            + " is a required argument.");
      }
    }
    Map<String, Object> detail;
    try {
      detail = Json.readObject(detailText);
    } catch (RuntimeException e) {
      return error("MalformedDetail", "Detail is malformed.");
    }
    String bus = string(entry.get("EventBusName"));
    bus = bus == null || bus.isBlank() ? "default" : bus.startsWith("arn:") ? bus.substring(bus.lastIndexOf('/') + 1)
        : bus;
    if (!buses.contains(bus)) {
      return error("ResourceNotFoundException", "Event bus " + bus + " does not exist.");
    }
    Object time = entry.get("Time");
    Instant at = time instanceof Number n ? Instant.ofEpochMilli((long) (n.doubleValue() * 1000)) : clock.instant();
    String id = UUID.randomUUID().toString();
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("version", "0");
    event.put("id", id);
    event.put("detail-type", detailType);
    event.put("source", source);
    event.put("account", TemplateModel.ACCOUNT_ID);
    event.put("time", at.truncatedTo(ChronoUnit.SECONDS).toString());
    event.put("region", TemplateModel.REGION);
    event.put("resources", entry.get("Resources") == null ? List.of() : list(entry.get("Resources")));
    event.put("detail", detail);
    archive(event);
    for (TemplateModel.Rule rule : rules) {
      if (rule.enabled() && rule.busName().equals(bus) && rule.pattern() != null && matches(rule.pattern(), event)) {
        for (TemplateModel.RuleTarget t : rule.targets()) {
          if (t.functionId() != null) {
            deliver(rule, t, event, 0);
          }
        }
      }
    }
    return Map.of("EventId", id);
  }

  /**
   * Every accepted event, one JSON line in {@code <data>/events.jsonl}, as an EventBridge archive keeps them: what
   * a commune website subscribed to the bus would have received.
   */
  private synchronized void archive(Map<String, Object> event) {
    try {
      java.nio.file.Files.writeString(archive, Json.write(event) + "\n", java.nio.charset.StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    } catch (java.io.IOException e) {
      log.println("warning: could not archive event " + event.get("id") + ": " + e.getMessage());
    }
  }

  private static Map<String, Object> error(String code, String message) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ErrorCode", code);
    m.put("ErrorMessage", message);
    return m;
  }

  private void deliver(TemplateModel.Rule rule, TemplateModel.RuleTarget target, Map<String, Object> event,
      int attempt) {
    activity.begin();
    Runnable task = () -> {
      try {
        attempt(rule, target, event, attempt);
      } finally {
        activity.end();
      }
    };
    try {
      if (attempt == 0) {
        executor.execute(task);
      } else {
        executor.schedule(task, BACKOFF_MILLIS[Math.min(attempt - 1, BACKOFF_MILLIS.length - 1)],
            TimeUnit.MILLISECONDS);
      }
    } catch (RejectedExecutionException e) { // closing
      activity.end();
    }
  }

  /**
   * One invocation. EventBridge invokes Lambda asynchronously: once Lambda has the event, a function error is
   * Lambda's to retry ({@code EventInvokeConfig.MaximumRetryAttempts}, default 2) and then to send to the
   * function's on-failure destination; the rule target's retry policy and dead-letter queue only cover an
   * event that cannot be handed to Lambda at all (here: a target that is no function of the template, which
   * the constructor reports).
   */
  private void attempt(TemplateModel.Rule rule, TemplateModel.RuleTarget target, Map<String, Object> event,
      int attempt) {
    Object payload = target.input() != null ? parse(target.input()) : parse(Json.write(event));
    try {
      functions.invoke(target.functionId(), payload);
    } catch (Throwable t) {
      TemplateModel.AsyncInvoke async = functions.function(target.functionId()).asyncInvoke();
      log.println("event " + event.get("detail-type") + " (" + event.get("id") + ") → " + target.functionId()
          + " failed (attempt " + (attempt + 1) + "): " + t);
      if (attempt < Math.min(async.maximumRetryAttempts(), BACKOFF_MILLIS.length)) {
        deliver(rule, target, event, attempt + 1);
      } else {
        deadLetters.add("bus:" + rule.id() + "/" + target.id() + " → " + target.functionId(), async.onFailure(),
            String.valueOf(t) + (async.onFailure() == null ? " (no on-failure destination: Lambda discards it)"
            : ""), event, clock.instant());
      }
    }
  }

  private static Object parse(String json) {
    try {
      return com.fasterxml.jackson.jr.ob.JSON.std.anyFrom(json);
    } catch (IOException e) {
      return json;
    }
  }

  // ------------------------------------------------------------------------------------------- patterns

  /** Whether {@code event} matches an EventBridge event pattern (the subset described on the class). */
  static boolean matches(Map<String, Object> pattern, Map<String, Object> event) {
    for (Map.Entry<String, Object> e : pattern.entrySet()) {
      Object expected = e.getValue();
      boolean present = event.containsKey(e.getKey());
      Object actual = event.get(e.getKey());
      if (expected instanceof Map<?, ?> nested) {
        if (!(actual instanceof Map<?, ?> m) || !matches(map(nested), map(m))) {
          return false;
        }
      } else if (expected instanceof List<?> options) {
        if (!anyMatches(options, actual, present)) {
          return false;
        }
      } else {
        return false; // not a valid pattern: a leaf must be a list
      }
    }
    return true;
  }

  private static boolean anyMatches(List<?> options, Object actual, boolean present) {
    List<?> values = actual instanceof List<?> l ? l : present ? Collections.singletonList(actual) : List.of();
    for (Object option : options) {
      if (option instanceof Map<?, ?> m) {
        if (m.containsKey("exists")) {
          if (Boolean.TRUE.equals(m.get("exists")) == (present && !(actual instanceof Map))) {
            return true;
          }
        } else if (m.containsKey("prefix")) {
          String prefix = string(m.get("prefix"));
          if (values.stream().anyMatch(v -> v instanceof String s && prefix != null && s.startsWith(prefix))) {
            return true;
          }
        } else if (m.containsKey("anything-but")) {
          Object but = m.get("anything-but");
          List<?> excluded = but instanceof List<?> l ? l : List.of(but);
          if (present && values.stream().noneMatch(v -> excluded.stream().anyMatch(x -> same(x, v)))) {
            return true;
          }
        }
      } else if (values.stream().anyMatch(v -> same(option, v))) {
        return true;
      }
    }
    return false;
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
    }
    return Objects.equals(a, b);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
