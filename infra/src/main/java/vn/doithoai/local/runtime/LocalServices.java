package vn.doithoai.local.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import vn.doithoai.core.common.Json;

/**
 * The AWS services the handlers call besides DynamoDB, standing in locally behind one HTTP port that the
 * SDK v2 clients are pointed at ({@code DOITHOAI_SCHEDULER_ENDPOINT}, {@code DOITHOAI_EVENTBRIDGE_ENDPOINT},
 * {@code DOITHOAI_SES_ENDPOINT}, {@code DOITHOAI_COGNITO_ENDPOINT}): EventBridge Scheduler ({@code /schedules…}),
 * EventBridge ({@code X-Amz-Target: AWSEvents.*}), SES v2 ({@code /v2/email/…}), End User Messaging SMS
 * ({@code X-Amz-Target: PinpointSMSVoiceV2.*}, {@link LocalSms}, {@code DOITHOAI_SMS_ENDPOINT}) and the Cognito
 * user pool ({@link LocalCognito}), S3 for the template's buckets ({@link LocalS3}, {@code DOITHOAI_S3_ENDPOINT});
 * plus the DynamoDB stream relay and
 * the clock. {@link #advanceTo} moves the {@link LocalClock} forward, firing every schedule that comes due
 * on the way, each at its instant and in instant order, and waits after each until the work it caused (bus
 * deliveries, stream batches, e-mails) has settled.
 */
public final class LocalServices implements AutoCloseable {
  /** How long {@link #advanceTo} waits for each fire's consequences to settle. */
  public static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);

  /** What an advance did: the time now, how many schedules fired, whether everything settled in time. */
  public record Advance(Instant now, int fired, boolean settled) {}

  private final LocalClock clock;
  private final Activity activity = new Activity();
  private final DeadLetters deadLetters;
  private final LocalScheduler scheduler;
  private final LocalEventBus bus;
  private final LocalSes ses;
  private final LocalSms sms;
  private final LocalCognito cognito;
  private final LocalS3 s3;
  private final StreamRelay relay;
  private final PrintStream log;
  private final LocalFunctions functions;
  private final ReentrantLock firing = new ReentrantLock();
  private HttpServer server;
  private ExecutorService executor;
  private Thread timer;
  private volatile boolean running;

  /** {@code dynamo} may be null (no stream relay). */
  public LocalServices(TemplateModel model, LocalFunctions functions, LocalClock clock, LocalDynamo dynamo,
      Path dataDir, PrintStream log) {
    this.clock = clock;
    this.log = log;
    this.functions = functions;
    this.deadLetters = new DeadLetters(dataDir, log);
    this.scheduler = new LocalScheduler(model, functions, clock, activity, deadLetters, dataDir, log);
    this.bus = new LocalEventBus(model, functions, clock, activity, deadLetters, dataDir.resolve("events.jsonl"), log);
    this.ses = new LocalSes(model, dataDir.resolve("outbox"), clock, log);
    this.sms = new LocalSms(ses, clock, log);
    this.cognito = new LocalCognito(dataDir, LocalJwt.forDataDir(dataDir), java.time.Clock.systemUTC());
    this.s3 = new LocalS3(model, dataDir, java.time.Clock.systemUTC(), log);
    this.relay = dynamo == null ? null : new StreamRelay(model, dynamo.client(), dynamo.endpoint(), functions, clock,
        activity, deadLetters, dataDir, log);
  }

  /** Opens the stand-ins' port (any free one on the loopback address); nothing fires yet. */
  public LocalServices bind() throws IOException {
    server = AwsHttp.server(0);
    AtomicInteger n = new AtomicInteger();
    executor = Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "local-aws-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    return this;
  }

  public URI endpoint() {
    return URI.create("http://localhost:" + server.getAddress().getPort());
  }

  /** The endpoint overrides the SDK adapters read. */
  public Map<String, String> properties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("DOITHOAI_SCHEDULER_ENDPOINT", endpoint().toString());
    p.put("DOITHOAI_EVENTBRIDGE_ENDPOINT", endpoint().toString());
    p.put("DOITHOAI_SES_ENDPOINT", endpoint().toString());
    p.put("DOITHOAI_COGNITO_ENDPOINT", endpoint().toString());
    p.put("DOITHOAI_SMS_ENDPOINT", endpoint().toString());
    p.put("DOITHOAI_S3_ENDPOINT", endpoint().toString());
    return p;
  }

  /** True when the template has a function fed by a DynamoDB stream (the outbox relay). */
  public boolean relaysStream() {
    return relay != null && relay.active();
  }

  /** The local user pool (staff accounts for the console's sign-in). */
  /** The template's functions as this JVM runs them (and the log lines they wrote). */
  public LocalFunctions functions() {
    return functions;
  }

  public LocalCognito cognito() {
    return cognito;
  }

  public Path deadLetterFile() {
    return deadLetters.file();
  }

  /**
   * Before {@link #start}: the outbox sweep of the template, once, for every e-mail the previous run left
   * unsent — pending (its bus delivery was in memory when the runtime stopped) or claimed (its sender died
   * with the process). Nothing else sends yet, so every claim is stale; the template's schedule then sweeps
   * every 5 minutes of the local clock. Returns what each sweep answered.
   */
  public List<String> sweepOutboxAfterRestart() {
    List<String> out = new java.util.ArrayList<>();
    for (String fn : scheduler.outboxSweepers()) {
      try {
        out.add(fn + ": " + functions.invoke(fn, Map.of("sweep", "outbox", "afterRestart", true)));
      } catch (Throwable t) {
        log.println("outbox sweep at start (" + fn + ") failed: " + t); // the scheduled sweep tries again
        out.add(fn + ": failed");
      }
    }
    return out;
  }

  /** Starts firing schedules as the clock reaches them, and the stream relay. */
  public LocalServices start() {
    running = true;
    timer = new Thread(this::fireAsTimePasses, "local-scheduler");
    timer.setDaemon(true);
    timer.start();
    if (relay != null) {
      relay.start();
    }
    return this;
  }

  private void fireAsTimePasses() {
    while (running) {
      try {
        firing.lock();
        try {
          while (running && scheduler.fireNext(clock.instant())) {
            // one at a time, earliest first
          }
        } finally {
          firing.unlock();
        }
        Instant next = scheduler.nextDue();
        long wait = next == null ? 1000 : Math.max(10, Math.min(1000, next.toEpochMilli() - clock.millis()));
        scheduler.awaitChange(wait);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException | Error e) {
        log.println("local scheduler: " + e);
      }
    }
  }

  /**
   * Moves the clock to {@code to} (never backwards), firing on the way every schedule due by then, each with
   * the clock at its instant, and waiting for each one's consequences to settle.
   */
  public Advance advanceTo(Instant to) {
    firing.lock();
    try {
      scheduler.coalesceFrequent(to);
      int fired = 0;
      boolean settled = awaitQuiet(SETTLE_TIMEOUT);
      for (Instant next = scheduler.nextDue(); next != null && !next.isAfter(to); next = scheduler.nextDue()) {
        clock.advanceTo(next);
        if (scheduler.fireNext(next.isBefore(clock.instant()) ? clock.instant() : next)) {
          fired++;
        }
        settled &= awaitQuiet(SETTLE_TIMEOUT);
      }
      Instant now = clock.advanceTo(to);
      return new Advance(now, fired, settled);
    } finally {
      firing.unlock();
    }
  }

  /**
   * Waits until nothing is in flight and the stream has nothing new: a drain that finds nothing, with nothing
   * started meanwhile (the activity's generation unchanged) and no batch waiting to be retried; false if that
   * took longer than {@code timeout}. No fixed pause: the check is repeated only when work was seen, after it
   * ended, or at the time a failed stream batch is due to be retried.
   */
  public boolean awaitQuiet(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        if (!activity.awaitIdle(deadline)) {
          return false;
        }
        long started = activity.generation();
        int n = relay == null ? 0 : relay.drain();
        long retryIn = relay == null ? -1 : relay.retryInMillis();
        if (n == 0 && retryIn < 0 && activity.idle() && activity.generation() == started) {
          return true;
        }
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          return false;
        }
        if (n == 0 && retryIn >= 0 && activity.idle()) {
          Thread.sleep(Math.max(1, Math.min(retryIn, left)));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  // ------------------------------------------------------------------------------------------- /_local/clock

  /**
   * {@code GET /_local/clock}: the time; {@code POST} with {@code {"advance":"P3D"}} (an ISO-8601 duration or
   * period) or {@code {"to":"2025-12-02T01:00:00Z"}}: advances, then answers the time, how many schedules
   * fired and whether all settled.
   */
  public LocalApiGateway.LocalReply clockRoute(String method, byte[] body) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (method.equals("POST")) {
      Map<String, Object> request;
      Instant to;
      try {
        request = Json.readObject(new String(body, StandardCharsets.UTF_8));
        to = target(request);
      } catch (RuntimeException e) {
        return new LocalApiGateway.LocalReply(400, Map.of("message", "Expected {\"advance\":\"P1D\"} or "
            + "{\"to\":\"2025-12-02T01:00:00Z\"}: " + e.getMessage()));
      }
      Instant now = clock.instant();
      if (to.isBefore(now.minusSeconds(1))) {
        return new LocalApiGateway.LocalReply(409, Map.of("message", "The local clock never goes backwards; it is "
            + now + "."));
      }
      Advance a = advanceTo(to);
      out.put("fired", a.fired());
      out.put("settled", a.settled());
    } else if (!method.equals("GET")) {
      return new LocalApiGateway.LocalReply(405, Map.of("message", "GET or POST"));
    }
    Instant now = clock.instant();
    out.put("now", now.toString());
    out.put("local", now.atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDateTime().toString());
    out.put("offsetMillis", clock.offsetMillis());
    out.put("pendingSchedules", scheduler.pending());
    Instant next = scheduler.nextDue();
    out.put("nextDue", next == null ? null : next.toString());
    out.put("upcoming", scheduler.upcoming(10));
    return new LocalApiGateway.LocalReply(200, out);
  }

  private Instant target(Map<String, Object> request) {
    Object to = request.get("to");
    if (to != null) {
      return Instant.parse(String.valueOf(to));
    }
    String advance = String.valueOf(request.get("advance"));
    Instant now = clock.instant();
    try {
      return now.plus(Duration.parse(advance));
    } catch (DateTimeParseException e) {
      return now.atZone(ZoneId.of("Asia/Ho_Chi_Minh")).plus(Period.parse(advance)).toInstant();
    }
  }

  // ------------------------------------------------------------------------------------------- HTTP

  private void handle(HttpExchange exchange) throws IOException {
    String contentType = "application/json";
    try {
      AwsHttp.Request r = AwsHttp.read(exchange);
      if (s3.handles(r)) {
        s3.serve(exchange, r);
        return;
      }
      Object body;
      String target = r.header("X-Amz-Target");
      if (target != null && target.startsWith("AWSEvents.")) {
        contentType = LocalEventBus.CONTENT_TYPE;
        body = bus.handle(r);
      } else if (r.path().equals("/schedules") || r.path().startsWith("/schedules/")) {
        body = scheduler.handle(r);
      } else if (target != null && target.startsWith(LocalCognito.TARGET_PREFIX)) {
        contentType = LocalEventBus.CONTENT_TYPE;
        body = cognito.handle(r);
      } else if (target != null && target.startsWith("PinpointSMSVoiceV2.")) {
        contentType = "application/x-amz-json-1.0";
        body = sms.handle(r);
      } else if (r.path().startsWith("/v2/email/")) {
        body = ses.handle(r);
      } else {
        throw new AwsHttp.Failure(404, "UnknownOperationException", "message", "No local stand-in for "
            + r.method() + " " + r.path() + (target == null ? "" : " (" + target + ")"));
      }
      AwsHttp.send(exchange, 200, contentType, body);
    } catch (AwsHttp.Failure f) {
      AwsHttp.sendError(exchange, contentType, f);
    } catch (RuntimeException e) {
      log.println("local AWS stand-in error: " + e);
      AwsHttp.sendError(exchange, contentType, new AwsHttp.Failure(500, "InternalServerException", "message",
          String.valueOf(e.getMessage())));
    } finally {
      exchange.close();
    }
  }

  @Override
  public void close() {
    running = false;
    if (timer != null) {
      timer.interrupt();
    }
    if (relay != null) {
      relay.close();
    }
    bus.close();
    if (server != null) {
      server.stop(0);
    }
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
