package vn.doithoai.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.doithoai.aws.DynamoCalendarOverrides;
import vn.doithoai.aws.DynamoCommunes;
import vn.doithoai.aws.DynamoDeadlineStore;
import vn.doithoai.aws.DynamoDigests;
import vn.doithoai.aws.DynamoPlans;
import vn.doithoai.aws.DynamoReconcileQueue;
import vn.doithoai.aws.DynamoRedatingQueue;
import vn.doithoai.aws.DynamoRuleConfirmations;
import vn.doithoai.aws.DynamoTable;
import vn.doithoai.core.calendar.CalendarOverride;
import vn.doithoai.core.calendar.Calendars;
import vn.doithoai.core.calendar.WorkingCalendar;
import vn.doithoai.core.common.Actor;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.common.Role;
import vn.doithoai.core.deadline.FiringDeadlines;
import vn.doithoai.core.deadline.Reconciling;
import vn.doithoai.core.deadline.ScheduleSpec;
import vn.doithoai.core.deadline.Scheduler;
import vn.doithoai.core.mail.DeadlineMails;
import vn.doithoai.core.plan.PlanSchedules;
import vn.doithoai.core.plan.Redating;
import vn.doithoai.core.plan.RedatingCommunes;
import vn.doithoai.core.plan.RederivingPlans;
import vn.doithoai.core.rules.ConfirmedInstruments;
import vn.doithoai.core.rules.DeadlineScheduling;
import vn.doithoai.core.rules.Instruments;
import vn.doithoai.core.rules.RuleProfiles;
import vn.doithoai.handlers.AppClock;
import vn.doithoai.handlers.DeadlinesHandler;
import vn.doithoai.handlers.MailerHandler;
import vn.doithoai.local.Args;
import vn.doithoai.local.runtime.LocalDynamo;
import vn.doithoai.local.runtime.TemplateModel;

/**
 * {@code bench scale} (issue #18): N communes × their year's state ({@link ScaleSeed}) in DynamoDB Local, in this
 * JVM, and what the paths that grow with the country cost at that size:
 *
 * <ol>
 *   <li>the daily reconcile, unit of work by unit of work: time here, time estimated in AWS ({@link AwsLatency}),
 *       capacity, caps, the total at a stated Lambda concurrency against the function's timeout;
 *   <li>a calendar override: a commune's own ({@code RedatingCommunes.redateNow}), and a national one (the queueing
 *       call, then each commune's unit);
 *   <li>the 08:00 burst: every step due at the busiest 08:00 fired through the deadlines handler, the e-mails it
 *       queued sent through the mailer handler, each write attributed to its partitions ({@link ScaleMeter});
 *   <li>the cost of a commune-month with the deployment's fixed costs shared among N ({@link ScaleCost}).
 * </ol>
 *
 * Without {@code --communes}, each N of {@link #DEFAULT_SIZES} runs in a JVM of its own (a fresh DynamoDB Local;
 * the handlers' App binds to one endpoint per JVM). Never asserts: it prints, and flags what crosses a limit.
 */
final class ScaleBenchmark {
  static final int[] DEFAULT_SIZES = {100, 1000, 3321};
  /** DynamoDB's per-partition write limit: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html */
  static final double PARTITION_WCU = 1000;
  static final double HOT_SHARE = 0.30;
  /** The 08:00 fires and their e-mails are assumed to spread over this many seconds (Scheduler, window OFF). */
  static final double BURST_WINDOW_S = 60;
  /** National redate units measured, at most (every k-th commune beyond). */
  static final int REDATE_SAMPLE = 200;
  /** Reconcile units measured, at most (every k-th commune beyond). */
  static final int RECONCILE_SAMPLE = 200;
  /** Communes whose 08:00 steps are fired one by one; shared partitions are scaled from them to N. */
  static final int BURST_SAMPLE = 40;
  private static final java.util.regex.Pattern COMMUNE_ID = java.util.regex.Pattern.compile("xa-\\d{5}");

  record Options(List<Integer> sizes, int concurrency, int templates, Path root) {}

  private final Options o;
  private final PrintStream log;
  private final StringBuilder out = new StringBuilder();

  private ScaleBenchmark(Options o, PrintStream log) {
    this.o = o;
    this.log = log;
  }

  /** {@code scale [--communes N] [--concurrency 10] [--templates 5] [--root DIR]}. */
  static String run(Args args, PrintStream err) {
    args.expectWords(1);
    int concurrency = CalendarBenchmark.positive(args.option("concurrency").orElse("10"), "--concurrency");
    Path root = args.option("root").map(Path::of).orElseGet(() -> LambdaBenchmark.findRoot(Path.of("")));
    Optional<String> one = args.option("communes");
    int templates = CalendarBenchmark.positive(args.option("templates").orElse("5"), "--templates");
    if (one.isEmpty()) {
      return children(concurrency, templates, root, err);
    }
    int n = CalendarBenchmark.positive(one.get(), "--communes");
    return new ScaleBenchmark(new Options(List.of(n), concurrency, Math.min(templates, n), root), err).execute(n);
  }

  /**
   * Each default N in a JVM of its own, their outputs on stdout as each line comes (a long run loses nothing of the
   * sizes already done).
   */
  private static String children(int concurrency, int templates, Path root, PrintStream err) {
    PrintStream stdout = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
        StandardCharsets.UTF_8);
    for (int n : DEFAULT_SIZES) {
      err.println("bench scale: " + n + " communes in a JVM of its own…");
      List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx8g", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "scale", "--communes",
          Integer.toString(n), "--concurrency", Integer.toString(concurrency), "--templates",
          Integer.toString(templates), "--root", root.toString()));
      try {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
            StandardCharsets.UTF_8))) {
          r.lines().forEach(stdout::println);
          stdout.println();
        }
        if (p.waitFor() != 0) {
          throw new IllegalStateException("bench scale --communes " + n + " failed (exit " + p.exitValue() + ")");
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return "bench scale: done (" + Arrays.stream(DEFAULT_SIZES).mapToObj(Integer::toString)
        .collect(java.util.stream.Collectors.joining(", ")) + " communes)";
  }

  // ---------------------------------------------------------------------------------------------------------------

  private String execute(int n) {
    TemplateModel model = TemplateModel.load(o.root().resolve("template.yaml"));
    PrintStream stdout = System.out;
    // the handlers log every invocation on stdout: the table alone goes there
    System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
    try (LocalDynamo dynamo = LocalDynamo.inMemory().start(); AwsStub stub = new AwsStub()) {
      dynamo.createTables(model);
      String table = model.tables().get(0).tableName();
      LambdaBenchmark.environment(dynamo.endpoint().toString(), stub, table).forEach(System::setProperty);
      DynamoTable t = new DynamoTable(dynamo.client(), table);

      header(n, model);
      long s0 = System.nanoTime();
      log.println("bench scale: " + o.templates() + " template communes through the handlers…");
      ScaleSeed seed = new ScaleSeed(dynamo.client(), table);
      // the templates' missed steps fired once (a commune in mid-season has had its steps fired): every copy
      // starts from the steady state of a day's reconcile
      seed.makeTemplates(o.templates(), () -> {
        Reconciling catchUp = new Wiring(t, Clock.systemUTC()).reconciling(new CountingScheduler());
        for (int i = 0; i < o.templates(); i++) {
          catchUp.reconcileCommune(ScaleSeed.communeId(i));
        }
      });
      double templatesS = (System.nanoTime() - s0) / 1e9;
      log.println("bench scale: copying to " + n + " communes (BatchWriteItem)…");
      long s1 = System.nanoTime();
      long items = seed.growTo(n, 4);
      double copyS = (System.nanoTime() - s1) / 1e9;
      int openPerCommune = (int) Math.round(java.util.stream.IntStream.range(0, seed.templates())
          .mapToDouble(i -> seed.openDeadlines(i).size()).average().orElse(0));
      long openTotal = 0;
      for (int c = 0; c < n; c++) {
        openTotal += seed.openDeadlines(seed.templateOf(c)).size();
      }
      line("Seed: %,d communes (%d templates made through the handlers in %.1f s; %,d items copied in %.1f s, "
          + "%,.0f items/s); a commune = %d items, %.0f KB; open deadlines %,d (%d a commune)", n, seed.templates(),
          templatesS, items, copyS, items / Math.max(copyS, 1e-3), seed.itemsPerCommune(),
          seed.bytesPerCommune() / 1024, openTotal, openPerCommune);
      line("");

      Stats reconcile = reconcile(t, model, n, openTotal);
      overrides(t, model, n);
      burst(dynamo, t, seed, n);
      cost(model, n, seed, reconcile);
    } catch (Exception e) {
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    } finally {
      System.setOut(stdout);
    }
    return out.toString().strip();
  }

  private void header(int n, TemplateModel model) {
    Map<String, String> machine = LambdaBenchmark.machine();
    line("bench scale · %,d communes · %s · %s", n, ZonedDateTime.now(ZoneOffset.UTC).withNano(0), machine);
    line("AWS latencies assumed (not measured): %s", AwsLatency.describe());
    line("WARNING: local times are measured on %d unthrottled cores of this machine against DynamoDB Local in the "
        + "same JVM; Lambda at 512 MB gets about 0.29 vCPU (1,769 MB = 1 vCPU: "
        + "https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html). The AWS column scales compute "
        + "by %.2f and adds the latencies above.", Runtime.getRuntime().availableProcessors(),
        CostModel.CPU_SHARE_FACTOR);
  }

  // ---- 1. the daily reconcile ----

  /** Times of units of work, here and estimated for AWS. */
  record Stats(List<Double> localMs, List<Double> awsMs, double rru, double wru, Map<String, Long> calls) {
    double p(List<Double> xs, double q) {
      List<Double> s = xs.stream().sorted().toList();
      return s.isEmpty() ? 0 : s.get(Math.min(s.size() - 1, (int) Math.ceil(q * s.size()) - 1 < 0 ? 0
          : (int) Math.ceil(q * s.size()) - 1));
    }

    double sum(List<Double> xs) {
      return xs.stream().mapToDouble(Double::doubleValue).sum();
    }
  }

  private Stats reconcile(DynamoTable t, TemplateModel model, int n, long openTotal) {
    log.println("bench scale: the daily reconcile…");
    Clock clock = Clock.systemUTC();
    Wiring w = new Wiring(t, clock);
    Reconciling reconciling = w.reconciling(new CountingScheduler());
    String fn = functionOf(model, "ReconcileHandler");
    int timeout = model.function(fn).timeoutSeconds();
    // the 07:00 cron: one work item per registered commune
    try (ScaleMeter.Tally tally = ScaleMeter.open()) {
      long s = System.nanoTime();
      int queued = reconciling.queueEveryCommune();
      double ms = (System.nanoTime() - s) / 1e6;
      double est = AwsLatency.estimate(ms, tally.sdkMillis(), tally.counts());
      line("1. Daily reconcile (%s, timeout %d s)", fn, timeout);
      line("   the cron (queueEveryCommune): here %,.0f ms · AWS estimate %,.0f ms (%.0f %% of the timeout) · "
          + "%,.1f RRU · %,.0f WRU · %,d communes queued · calls %s", ms, est, 100 * est / 1000 / timeout,
          tally.readUnits(), tally.writeUnits(), queued, tally.counts());
    }
    List<Double> local = new ArrayList<>();
    List<Double> aws = new ArrayList<>();
    Map<String, Long> calls = new TreeMap<>();
    double rru = 0;
    double wru = 0;
    long read = 0;
    int fired = 0;
    int created = 0;
    int digests = 0;
    int capped = 0;
    int step = sampleStep(n, RECONCILE_SAMPLE, o.templates());
    int units = 0;
    for (int c = 0; c < n; c += step) {
      try (ScaleMeter.Tally tally = ScaleMeter.open()) {
        long s = System.nanoTime();
        Reconciling.Report r = reconciling.reconcileCommune(ScaleSeed.communeId(c));
        double ms = (System.nanoTime() - s) / 1e6;
        local.add(ms);
        aws.add(AwsLatency.estimate(ms, tally.sdkMillis(), tally.counts()));
        rru += tally.readUnits();
        wru += tally.writeUnits();
        tally.counts().forEach((k, v) -> calls.merge(k, v, Long::sum));
        read += r.deadlines();
        fired += r.fired();
        created += r.schedulesCreated();
        digests += r.digests();
        capped += r.cap() == Reconciling.Cap.NONE ? 0 : 1;
        units++;
      }
    }
    Stats st = new Stats(local, aws, rru, wru, calls);
    double mean = st.sum(aws) / Math.max(1, units);
    line("   units of work: one per commune (reconcileCommune), %,d of %,d measured (every %d%s)", units, n, step,
        step == 1 ? "st" : "th");
    line("   per unit, here:          p50 %,.0f ms · p99 %,.0f ms · max %,.0f ms", st.p(local, 0.5), st.p(local, 0.99),
        st.p(local, 1));
    line("   per unit, AWS estimate:  p50 %,.0f ms · p99 %,.0f ms · max %,.0f ms (%.1f %% of the timeout)%s",
        st.p(aws, 0.5), st.p(aws, 0.99), st.p(aws, 1), 100 * st.p(aws, 1) / 1000 / timeout,
        st.p(aws, 1) > 0.5 * timeout * 1000 ? "  ⚠ over half the timeout" : "");
    line("   all %,d units at Lambda concurrency %d: %,.0f s (AWS estimate: mean %,.0f ms × %,d / %d)", n,
        o.concurrency(), mean * n / o.concurrency() / 1000, mean, n, o.concurrency());
    line("   per unit: %.1f open deadlines read, %.2f missed fires caught, %.1f CreateSchedule calls (ConflictException "
        + "when it exists), %.2f digests; %.1f RRU, %.1f WRU; caps reached: %d of %d units%s", (double) read / units,
        (double) fired / units, (double) created / units, (double) digests / units, rru / units, wru / units, capped,
        units, capped == 0 ? " (no cap reached; " + Reconciling.DEADLINES_PER_UNIT + " deadlines a unit, "
            + openTotal / n + " open a commune)" : "  ⚠ CAP REACHED");
    line("   calls per unit: %s", perUnit(calls, units));
    line("");
    // a day of the whole country: the sample's mean for each of the N units
    return new Stats(List.of(), List.of(mean * n), rru / units * n, wru / units * n, calls);
  }

  /**
   * Every k-th commune, at most {@code sample} of them, k prime to the number of templates: the sample holds copies
   * of every template (every 5th of 5 templates would be copies of the first only).
   */
  static int sampleStep(int n, int sample, int templates) {
    int step = Math.max(1, n / sample);
    while (step > 1 && java.math.BigInteger.valueOf(step).gcd(java.math.BigInteger.valueOf(templates)).intValue() > 1) {
      step++;
    }
    return step;
  }

  private static String perUnit(Map<String, Long> calls, int units) {
    StringBuilder b = new StringBuilder();
    calls.forEach((k, v) -> b.append(String.format(Locale.ROOT, "%s %.1f; ", k, (double) v / units)));
    return b.toString().strip();
  }

  // ---- 2. calendar overrides ----

  private void overrides(DynamoTable t, TemplateModel model, int n) {
    log.println("bench scale: calendar overrides…");
    Instant now = Instant.now();
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    Wiring w = new Wiring(t, clock);
    LocalDate today = LocalDate.ofInstant(now, DeadlineScheduling.VIETNAM);
    WorkingCalendar shipped = WorkingCalendar.vietnam();
    // working days between the first template's next meeting (in 25 days) and its notice: the notice moves
    LocalDate own = shipped.subtractWorkingDays(today.plusDays(25), 2);
    LocalDate national = shipped.subtractWorkingDays(today.plusDays(25), 1);
    String commune = ScaleSeed.communeId(0);
    Actor admin = new Actor("bench-admin", "Quản trị xã", commune, Set.of(Role.ADMIN), Optional.empty());
    w.calendars.add(Optional.of(commune), CalendarOverride.dayOff(own, CalendarOverride.Scope.COMMUNE,
        "Nghỉ bù theo quyết định của UBND xã", "Quyết định số 1/QĐ-UBND (bench)"));
    List<String> moved;
    double ms;
    double est;
    double rru;
    double wru;
    try (ScaleMeter.Tally tally = ScaleMeter.open()) {
      long s = System.nanoTime();
      moved = w.redating.redateNow(commune, admin);
      ms = (System.nanoTime() - s) / 1e6;
      est = AwsLatency.estimate(ms, tally.sdkMillis(), tally.counts());
      rru = tally.readUnits();
      wru = tally.writeUnits();
    }
    String apiFn = calendarFunction(model);
    line("2. Calendar override (API function %s, timeout %d s)", apiFn, model.function(apiFn).timeoutSeconds());
    line("   a commune's own (redateNow %s, day off %s): here %,.0f ms · AWS estimate %,.0f ms · %,.1f RRU · %,.0f WRU "
        + "· %d plans moved", commune, own, ms, est, rru, wru, moved.size());

    w.calendars.add(Optional.empty(), CalendarOverride.dayOff(national, CalendarOverride.Scope.NATIONAL,
        "Nghỉ bù theo thông báo của Bộ Nội vụ", "Thông báo (bench)"));
    Actor platform = new Actor("bench-platform", "Quản trị hệ thống", Actor.ANY_COMMUNE, Set.of(Role.ADMIN),
        Optional.empty());
    int queued;
    try (ScaleMeter.Tally tally = ScaleMeter.open()) {
      long s = System.nanoTime();
      queued = w.redating.queueNational(Redating.Reason.CALENDAR, "", platform);
      ms = (System.nanoTime() - s) / 1e6;
      est = AwsLatency.estimate(ms, tally.sdkMillis(), tally.counts());
      rru = tally.readUnits();
      wru = tally.writeUnits();
      line("   national, queueing (queueNational): here %,.0f ms · AWS estimate %,.0f ms (%.0f %% of %d s) · %,.1f RRU "
          + "· %,.0f WRU · %,d communes queued · calls %s", ms, est, 100 * est / 1000
          / model.function(apiFn).timeoutSeconds(), model.function(apiFn).timeoutSeconds(), rru, wru, queued,
          tally.counts());
    }
    String changeId = Redating.Reason.CALENDAR.code() + "-" + now.toEpochMilli();
    int step = sampleStep(n, REDATE_SAMPLE, o.templates());
    List<Double> local = new ArrayList<>();
    List<Double> aws = new ArrayList<>();
    double unitsRru = 0;
    double unitsWru = 0;
    int plans = 0;
    for (int c = 0; c < n; c += step) {
      try (ScaleMeter.Tally tally = ScaleMeter.open()) {
        long s = System.nanoTime();
        plans += w.redating.redate(ScaleSeed.communeId(c), changeId).size();
        double m = (System.nanoTime() - s) / 1e6;
        local.add(m);
        aws.add(AwsLatency.estimate(m, tally.sdkMillis(), tally.counts()));
        unitsRru += tally.readUnits();
        unitsWru += tally.writeUnits();
      }
    }
    Stats st = new Stats(local, aws, unitsRru, unitsWru, Map.of());
    String redateFn = functionOf(model, "RedateHandler");
    line("   national, per commune (%s, timeout %d s; %d of %,d communes measured): here p50 %,.0f · max %,.0f ms; "
        + "AWS estimate p50 %,.0f · max %,.0f ms; per unit %.1f RRU · %.1f WRU; %d plans moved", redateFn,
        model.function(redateFn).timeoutSeconds(), local.size(), n, st.p(local, 0.5), st.p(local, 1), st.p(aws, 0.5),
        st.p(aws, 1), unitsRru / Math.max(1, local.size()), unitsWru / Math.max(1, local.size()), plans);
    line("");
  }

  // ---- 3. the 08:00 burst ----

  private void burst(LocalDynamo dynamo, DynamoTable t, ScaleSeed seed, int n) {
    log.println("bench scale: the 08:00 burst…");
    Instant now = Instant.now();
    // the busiest future instant: the template's steps, weighted by how many communes copy each template
    Map<Instant, Integer> weight = new TreeMap<>();
    Map<Integer, List<String[]>> stepsAt = new LinkedHashMap<>();
    int[] copies = new int[seed.templates()];
    for (int c = 0; c < n; c++) {
      copies[seed.templateOf(c)]++;
    }
    Map<Instant, Map<Integer, List<String[]>>> byInstant = new TreeMap<>();
    for (int tp = 0; tp < seed.templates(); tp++) {
      for (Map<String, AttributeValue> item : seed.openDeadlines(tp)) {
        Map<String, Object> doc = Json.readObject(item.get("doc").s());
        String deadlineId = item.get("sk").s().substring("DL#".length());
        long version = Long.parseLong(item.get("version").n());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps = (List<Map<String, Object>>) doc.get("steps");
        for (Map<String, Object> s : steps) {
          Instant at = Instant.parse((String) s.get("at"));
          if (at.isAfter(now)) {
            weight.merge(at, copies[tp], Integer::sum);
            byInstant.computeIfAbsent(at, k -> new LinkedHashMap<>()).computeIfAbsent(tp, k -> new ArrayList<>())
                .add(new String[] {deadlineId, (String) s.get("name"), Long.toString(version)});
          }
        }
      }
    }
    if (weight.isEmpty()) {
      line("3. 08:00 burst: no step ahead");
      return;
    }
    Instant busiest = weight.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    stepsAt.putAll(byInstant.get(busiest));
    int sample = Math.min(n, BURST_SAMPLE);
    long firesAtN = 0;
    long firesInSample = 0;
    for (int c = 0; c < n; c++) {
      int k = stepsAt.getOrDefault(seed.templateOf(c), List.of()).size();
      firesAtN += k;
      firesInSample += c < sample ? k : 0;
    }
    double scale = firesInSample == 0 ? 1 : (double) firesAtN / firesInSample;
    System.setProperty(AppClock.OFFSET, Long.toString(busiest.toEpochMilli() + 1000 - System.currentTimeMillis()));
    DeadlinesHandler deadlines = new DeadlinesHandler();
    MailerHandler mailer = new MailerHandler();
    int fires = 0;
    int mails = 0;
    Map<String, double[]> written;
    double seconds;
    Map<String, Long> calls;
    try (ScaleMeter.Tally tally = ScaleMeter.open(true, dynamo.client(), t.name())) {
      long s = System.nanoTime();
      for (int c = 0; c < sample; c++) {
        String commune = ScaleSeed.communeId(c);
        for (String[] st : stepsAt.getOrDefault(seed.templateOf(c), List.of())) {
          deadlines.handleRequest(Map.of("commune", commune, "deadline", st[0], "step", st[1], "version",
              Long.parseLong(st[2])), null);
          fires++;
          // each e-mail the fire queued: the stream makes it a MailQueued event for the mailer
          for (String pk = tally.mails.poll(); pk != null; pk = tally.mails.poll()) {
            String key = pk;
            Map<String, AttributeValue> mail = dynamo.client().getItem(b -> b.tableName(t.name()).key(
                Map.of("pk", AttributeValue.fromS(key), "sk", AttributeValue.fromS("MAIL")))).item();
            if (mail == null || mail.isEmpty() || !mail.containsKey("doc")) {
              continue;
            }
            Map<String, Object> doc = Json.readObject(mail.get("doc").s());
            mailer.handleRequest(Map.of("version", "0", "id", "scale-" + mails, "detail-type", "MailQueued",
                "source", "doithoai", "time", busiest.toString(), "detail", Map.of("mailId", doc.get("id"),
                    "commune", doc.get("commune"), "kind", String.valueOf(doc.get("kind")))), null);
            mails++;
          }
        }
      }
      seconds = (System.nanoTime() - s) / 1e9;
      written = tally.written();
      calls = tally.counts();
    } finally {
      System.clearProperty(AppClock.OFFSET);
    }
    // a partition of one commune sees the same writes at any N; a shared one, the whole country's
    Map<String, double[]> atN = new LinkedHashMap<>();
    written.forEach((k, v) -> atN.put(k, COMMUNE_ID.matcher(k).find() ? v : new double[] {v[0] * scale,
        v[1] * scale}));
    List<Map.Entry<String, double[]>> top = new ArrayList<>(atN.entrySet());
    top.sort(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -e.getValue()[1]));
    line("3. 08:00 burst at %s (%s Asia/Ho_Chi_Minh), the busiest morning ahead: %,d steps fire at N (%,d fired "
        + "here through DeadlinesHandler for %d communes, %,d e-mails sent through MailerHandler, %.1f s); shared "
        + "partitions scaled ×%.1f to N; assumed spread over %.0f s (Scheduler fires at the minute, "
        + "FlexibleTimeWindow OFF)", busiest, ZonedDateTime.ofInstant(busiest, DeadlineScheduling.VIETNAM)
            .toLocalDateTime(), firesAtN, fires, sample, mails, seconds, scale, BURST_WINDOW_S);
    line("   %-46s %9s %9s %9s %8s", "busiest partitions at N", "writes", "WCU", "WCU/s", "of 1,000");
    boolean hot = false;
    for (Map.Entry<String, double[]> e : top.subList(0, Math.min(6, top.size()))) {
      double perSecond = e.getValue()[1] / BURST_WINDOW_S;
      boolean over = perSecond > HOT_SHARE * PARTITION_WCU;
      hot |= over;
      line("   %-46s %,9.0f %,9.0f %,9.1f %7.1f%%%s", abbreviate(e.getKey()), e.getValue()[0], e.getValue()[1],
          perSecond, 100 * perSecond / PARTITION_WCU, over ? "  ⚠ over 30 %" : "");
    }
    line("   %s; calls here %s", hot ? "⚠ a partition is above 30 % of its 1,000 WCU/s" : "no partition above 30 % "
        + "of its 1,000 WCU/s", calls);
    line("   not simulated: the stream relay's usage writes (one UpdateItem per commune per stream batch on "
        + "USAGE#<month> and USAGE#TOTAL)");
    line("");
  }

  private static String abbreviate(String partition) {
    return partition.length() <= 46 ? partition : partition.substring(0, 43) + "…";
  }

  // ---- 4. cost ----

  private void cost(TemplateModel model, int n, ScaleSeed seed, Stats reconcile) {
    ScaleCost.Bill bill = ScaleCost.perCommuneMonth(model, n, seed.bytesPerCommune(), reconcile.sum(
        reconcile.awsMs()), reconcile.rru(), reconcile.wru());
    line("4. Cost per commune-month at %,d communes (goal $0.02, never above $0.05)", n);
    for (ScaleCost.Line l : bill.lines()) {
      line("   %-58s $%.5f  %s", l.what(), l.usd(), l.arithmetic());
    }
    double total = bill.total();
    line("   %-58s $%.5f  %s", "total a commune-month", total, total <= 0.02 ? "(goal met)" : total <= 0.05
        ? "(above the $0.02 goal, under the $0.05 ceiling)" : "⚠ ABOVE the $0.05 ceiling");
  }

  // ---- helpers ----

  private void line(String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }

  /** The function whose handler class is {@code handler}. */
  static String functionOf(TemplateModel model, String handler) {
    return model.functions().stream().filter(f -> f.handlerClass().endsWith("." + handler)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no function with handler " + handler + " in the template"))
        .logicalId();
  }

  /** The function of the calendar override route. */
  private static String calendarFunction(TemplateModel model) {
    return model.httpRoutes().stream().filter(r -> r.method().equals("POST") && r.path().contains("calendar"))
        .findFirst().orElseThrow(() -> new IllegalStateException("no POST …calendar… route in the template"))
        .functionId();
  }

  /** The core's use cases on the table, wired as App wires them, with the benchmark's scheduler and clock. */
  static final class Wiring {
    final Calendars calendars;
    final RedatingCommunes redating;
    final DynamoTable table;
    final Clock clock;
    private final ConfirmedInstruments instruments;

    Wiring(DynamoTable table, Clock clock) {
      this.table = table;
      this.clock = clock;
      this.calendars = new Calendars(WorkingCalendar::vietnam, new DynamoCalendarOverrides(table), clock);
      this.instruments = new ConfirmedInstruments(Instruments::shipped, new DynamoRuleConfirmations(table), clock);
      PlanSchedules planSchedules = new PlanSchedules(RuleProfiles.shipped(), calendars, instruments);
      this.redating = new RedatingCommunes(new RederivingPlans(new DynamoPlans(table), planSchedules),
          new DynamoRedatingQueue(table), calendars, instruments, clock);
    }

    Reconciling reconciling(Scheduler scheduler) {
      DynamoDeadlineStore deadlines = new DynamoDeadlineStore(table);
      DynamoCommunes communes = new DynamoCommunes(table);
      FiringDeadlines firing = new FiringDeadlines(deadlines, communes,
          new DeadlineMails("https://xa.example.vn/doithoai"), clock);
      return new Reconciling(deadlines, new DynamoReconcileQueue(table), scheduler, firing, communes,
          new DynamoDigests(table, clock), calendars, clock);
    }
  }

  /**
   * EventBridge Scheduler in this JVM: a schedule is made once under its name; each call is counted in the open
   * tally as the SDK call it would be (its latency is {@link AwsLatency}'s).
   */
  static final class CountingScheduler implements Scheduler {
    private final Set<String> made = ConcurrentHashMap.newKeySet();

    @Override
    public boolean create(ScheduleSpec spec) {
      ScaleMeter.count("Scheduler:CreateSchedule");
      return made.add(spec.name());
    }

    @Override
    public void delete(String name) {
      ScaleMeter.count("Scheduler:DeleteSchedule");
      made.remove(name);
    }
  }
}
