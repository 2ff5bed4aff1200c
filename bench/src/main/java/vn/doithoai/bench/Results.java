package vn.doithoai.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What {@code bench lambda} measured, and the table it prints and writes as Markdown. */
public final class Results {
  /** A function's cold starts and primed first requests. */
  public record ColdRow(String function, String handler, String event, int runs, int errors, double median,
      double min, double max, double q1, double q3, double ratio, long classes, double initMs, double firstMs,
      int primedRuns, double primedFirstMs, double primingMs, int primingWrites, int primingCalls,
      String primingOps, String primingFailures, String firstError) {}

  /** A warm route. */
  public record WarmRow(String route, String function, int n, int errors, String firstError, double p50,
      double p99, double dynamoP50, double dynamoP99, double overheadP50, double overheadP99, double calls,
      double otherP50, double otherCalls, double allocKb, double rru, double wru, boolean capacityReported,
      List<Map<String, Object>> capacity) {}

  /** The operations issue #6 asks the capacity of, and the warm route that performs each. */
  static final List<String[]> CAPACITY_OPS = List.of(
      new String[] {"webhook intake (a citizen's opinion)", "POST /webhooks/{commune}/opinions"},
      new String[] {"staff entry", "POST /opinions"},
      new String[] {"triage (accept)", "POST /opinions/{opinionId}/triage"},
      new String[] {"assignment", "POST /opinions/{opinionId}/assign"},
      new String[] {"a deadline fire", "deadline fire"},
      new String[] {"an e-mail sent", "mail send"});

  /** The warm route of each function's cold event, for the cold table's last column. */
  static final Map<String, String> WARM_OF = Map.of(
      "WebhookHandler", "POST /webhooks/{commune}/opinions",
      "PublicHandler", "GET /public/{commune}/opinions/{trackingCode}",
      "PlansHandler", "POST /plans",
      "OpinionsHandler", "POST /opinions",
      "CommunesHandler", "GET /communes/{communeId}",
      "DeadlinesHandler", "deadline fire",
      "MailerHandler", "mail send",
      "RelayHandler", "stream batch",
      "SchedulesHandler", "deadline changed");

  private final LambdaBenchmark.Options options;
  private final Instant started;
  private final Instant finished;
  private final List<ColdRow> cold;
  private final List<WarmRow> warm;
  private final long jarBytes;
  private final Map<String, String> machine;
  private final CostModel.Bill commune;
  private final CostModel.Bill province;
  private final CostModel.Bill communeSlow;
  private final CostModel.Bill provinceSlow;
  private final int warmN;
  private String reconcileLine;

  private Results(LambdaBenchmark.Options options, Instant started, Instant finished, List<ColdRow> cold,
      List<WarmRow> warm, long jarBytes, Map<String, String> machine) {
    this.options = options;
    this.started = started;
    this.finished = finished;
    this.cold = cold;
    this.warm = warm;
    this.jarBytes = jarBytes;
    this.machine = machine;
    this.warmN = warm.stream().mapToInt(WarmRow::n).max().orElse(0);
    CostModel.Measured m = measured();
    this.commune = CostModel.bill("one commune, its own deployment", m, 1, 1.0, 1.0, 2);
    this.province = CostModel.bill("a province: 100 communes, one deployment", m, 100, 0.25, 1.0, 2);
    this.communeSlow = CostModel.bill("one commune, durations × 3.46", m, 1, 1.0, CostModel.CPU_SHARE_FACTOR, 2);
    this.provinceSlow = CostModel.bill("province, durations × 3.46", m, 100, 0.25, CostModel.CPU_SHARE_FACTOR, 2);
  }

  static Results of(LambdaBenchmark.Options o, Instant started, Instant finished,
      List<LambdaBenchmark.Target> targets, List<LambdaBenchmark.Run> runs, Map<String, Long> classes,
      Map<String, Object> warmJson, long jarBytes, Map<String, String> machine) {
    List<WarmRow> warm = warmRows(warmJson);
    Map<String, WarmRow> byRoute = new LinkedHashMap<>();
    warm.forEach(w -> byRoute.put(w.route(), w));
    double floor = Double.NaN;
    List<ColdRow> rows = new ArrayList<>();
    for (LambdaBenchmark.Target t : targets) {
      List<LambdaBenchmark.Run> c = runs.stream().filter(r -> r.target() == t && r.kind().equals("cold")).toList();
      List<LambdaBenchmark.Run> p = runs.stream().filter(r -> r.target() == t && r.kind().equals("primed")).toList();
      List<LambdaBenchmark.Run> ok = c.stream().filter(r -> r.error() == null && r.wallMs() > 0).toList();
      List<LambdaBenchmark.Run> pok = p.stream().filter(r -> r.error() == null && r.inProcessMs().length >= 5)
          .toList();
      double[] wall = ok.stream().mapToDouble(LambdaBenchmark.Run::wallMs).sorted().toArray();
      double median = quantile(wall, 0.5);
      if (t.floor()) {
        floor = median;
      }
      String firstError = c.stream().map(LambdaBenchmark.Run::error).filter(e -> e != null).findFirst()
          .orElse(p.stream().map(LambdaBenchmark.Run::error).filter(e -> e != null).findFirst().orElse(null));
      String ops = pok.isEmpty() ? "" : line(pok.get(0).extra(), "OPS ");
      String failures = pok.stream().map(r -> line(r.extra(), "FAILURES ")).filter(s -> !s.isEmpty()).findFirst()
          .orElse("");
      String event = t.floor() ? BenchData.describe("Floor") : BenchData.known(t.handler())
          ? BenchData.describe(t.handler()) : t.routes().isEmpty() ? "{} (no fixture)"
          : BenchData.fallbackRoute(t.routes()).routeKey() + " (no fixture; 404 allowed)";
      rows.add(new ColdRow(t.name(), t.handler(), event, ok.size(),
          c.size() - ok.size() + p.size() - pok.size(), median, wall.length == 0 ? Double.NaN : wall[0],
          wall.length == 0 ? Double.NaN : wall[wall.length - 1], quantile(wall, 0.25), quantile(wall, 0.75),
          Double.NaN, classes.getOrDefault(t.name(), -1L),
          medianOf(ok, 0), medianOf(ok, 2), pok.size(), medianOf(pok, 2), medianOf(pok, 1),
          (int) pok.stream().mapToDouble(r -> r.inProcessMs()[3]).max().orElse(0),
          (int) pok.stream().mapToDouble(r -> r.inProcessMs()[4]).max().orElse(0), ops, failures, firstError));
    }
    List<ColdRow> withRatio = new ArrayList<>();
    for (ColdRow r : rows) {
      withRatio.add(new ColdRow(r.function(), r.handler(), r.event(), r.runs(), r.errors(), r.median(), r.min(),
          r.max(), r.q1(), r.q3(), r.median() / floor, r.classes(), r.initMs(), r.firstMs(), r.primedRuns(),
          r.primedFirstMs(), r.primingMs(), r.primingWrites(), r.primingCalls(), r.primingOps(),
          r.primingFailures(), r.firstError()));
    }
    Results results = new Results(o, started, finished, withRatio, warm, jarBytes, machine);
    results.reconcileLine = runs.stream().filter(r -> r.target().handler().equals("ReconcileHandler"))
        .flatMap(r -> r.extra().stream()).filter(l -> l.startsWith("OUT reconcile:"))
        .map(l -> l.substring(4)).reduce((a, b2) -> b2).orElse(null);
    return results;
  }

  private static String line(List<String> lines, String prefix) {
    return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).strip())
        .findFirst().orElse("");
  }

  private static double medianOf(List<LambdaBenchmark.Run> runs, int i) {
    return quantile(runs.stream().filter(r -> r.inProcessMs().length > i).mapToDouble(r -> r.inProcessMs()[i])
        .sorted().toArray(), 0.5);
  }

  /** Linear-interpolated quantile of sorted values; NaN when empty. */
  static double quantile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
  }

  @SuppressWarnings("unchecked")
  private static List<WarmRow> warmRows(Map<String, Object> json) {
    List<WarmRow> out = new ArrayList<>();
    for (Object o : (List<Object>) json.getOrDefault("routes", List.of())) {
      Map<String, Object> m = (Map<String, Object>) o;
      List<Map<String, Object>> capacity = (List<Map<String, Object>>) m.getOrDefault("capacity", List.of());
      double rru = 0;
      double wru = 0;
      boolean reported = !capacity.isEmpty();
      for (Map<String, Object> c : capacity) {
        double units = num(c.get("units"));
        if (isWrite((String) c.get("op"))) {
          wru += units;
        } else {
          rru += units;
        }
        reported &= Boolean.TRUE.equals(c.get("reported")) || c.get("failed") != null;
      }
      out.add(new WarmRow((String) m.get("route"), (String) m.get("function"), (int) num(m.get("n")),
          (int) num(m.get("errors")), (String) m.get("firstError"), ms(m.get("p50")), ms(m.get("p99")),
          ms(m.get("dynamoP50")), ms(m.get("dynamoP99")), ms(m.get("overheadP50")), ms(m.get("overheadP99")),
          num(m.get("dynamoCalls")), ms(m.get("otherP50")), num(m.get("otherCalls")),
          num(m.get("allocMean")) / 1024, rru, wru, reported, capacity));
    }
    return out;
  }

  static boolean isWrite(String op) {
    return op != null && (op.startsWith("Put") || op.startsWith("Update") || op.startsWith("Delete")
        || op.startsWith("TransactWrite") || op.startsWith("BatchWrite"));
  }

  private static double num(Object o) {
    return o instanceof Number n ? n.doubleValue() : 0;
  }

  private static double ms(Object ns) {
    return num(ns) / 1e6;
  }

  private CostModel.Measured measured() {
    Map<String, Double> coldMs = new LinkedHashMap<>();
    for (ColdRow r : cold) {
      if (!Double.isNaN(r.median())) {
        coldMs.put(r.handler(), r.median());
      }
    }
    Map<String, Double> warmMs = new LinkedHashMap<>();
    Map<String, double[]> units = new LinkedHashMap<>();
    for (WarmRow w : warm) {
      warmMs.put(w.route(), w.p50());
      units.put(w.route(), new double[] {w.rru(), w.wru()});
    }
    return new CostModel.Measured(coldMs, warmMs, units);
  }

  // ---- accessors for tests and callers ----

  public List<ColdRow> cold() {
    return cold;
  }

  public List<WarmRow> warm() {
    return warm;
  }

  public double communeMonthly() {
    return commune.total();
  }

  // ---- rendering ----

  private String header() {
    return String.format(Locale.ROOT, "bench lambda · %s · %s × %s cores · %s · %s · load %s%n"
            + "measured JVMs: %s %s (Lambda at 512 MB) · %s cold runs per function%s · warm %d calls per route · "
            + "took %s%n",
        machine.get("date"), machine.get("cpu"), machine.get("cores"), machine.get("jdk"), machine.get("os"),
        machine.get("load"), String.join(" ", LambdaBenchmark.JVM_FLAGS), LambdaBenchmark.heap(512),
        options.quick() ? "1" : Integer.toString(options.runs()), options.quick() ? " (--quick: a smoke run, "
            + "JVMs two at a time, not a measurement)" : ", interleaved", warmN, human(Duration.between(started,
            finished)));
  }

  private static String human(Duration d) {
    long s = d.toSeconds();
    return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
  }

  /** The table as printed. */
  public String text() {
    StringBuilder b = new StringBuilder();
    b.append(header()).append('\n');
    b.append(String.format(Locale.ROOT, "1. Cold start: process start → first invocation done, median (min–max) "
        + "ms; SnapStart proxy: first request after priming. Jar %.1f MB.%n", jarBytes / 1e6));
    b.append(String.format(Locale.ROOT, "%-18s %-19s %-20s %6s %7s %8s %8s %8s %8s %s%n", "function", "event",
        "cold ms (min–max)", "×floor", "classes", "init ms", "1st ms", "primed", "warm p50", "priming"));
    Map<String, WarmRow> byRoute = new LinkedHashMap<>();
    warm.forEach(w -> byRoute.put(w.route(), w));
    for (ColdRow r : cold) {
      WarmRow w = byRoute.get(WARM_OF.get(r.handler()));
      b.append(String.format(Locale.ROOT, "%-18s %-19s %-20s %6s %7s %8s %8s %8s %8s %s%n", r.function(),
          r.event(), String.format(Locale.ROOT, "%s (%s–%s)", f0(r.median()), f0(r.min()), f0(r.max())),
          f2(r.ratio()), r.classes() < 0 ? "–" : Long.toString(r.classes()), f0(r.initMs()), f1(r.firstMs()),
          r.primedRuns() == 0 ? "–" : f1(r.primedFirstMs()), w == null ? "–" : f1(w.p50()),
          r.primedRuns() == 0 ? "" : String.format(Locale.ROOT, "%s ms, %d DynamoDB calls, %d writes%s",
              f0(r.primingMs()), r.primingCalls(), r.primingWrites(),
              r.primingFailures().isEmpty() ? "" : ", failed: " + r.primingFailures())));
      if (r.errors() > 0) {
        b.append("    ").append(r.errors()).append(" failed: ").append(r.firstError()).append('\n');
      }
    }
    b.append('\n').append(String.format(Locale.ROOT, "2. Warm: %d calls per route in one JVM; ms; DDB = time "
        + "inside DynamoDB calls; AWS = other services (local stand-in); overhead = total − DDB − AWS, per call%n",
        warmN));
    b.append(String.format(Locale.ROOT, "%-44s %6s %6s %6s %6s %6s %6s %6s %5s %7s %5s %5s %s%n", "route", "p50",
        "p99", "DDBp50", "DDBp99", "AWSp50", "ov.p50", "ov.p99", "calls", "KB/call", "RRU", "WRU", "errors"));
    for (WarmRow w : warm) {
      b.append(String.format(Locale.ROOT, "%-44s %6s %6s %6s %6s %6s %6s %6s %5.1f %7.0f %5s %5s %s%n", w.route(),
          f2(w.p50()), f2(w.p99()), f2(w.dynamoP50()), f2(w.dynamoP99()), w.otherCalls() == 0 ? "" : f2(w.otherP50()),
          f2(w.overheadP50()), f2(w.overheadP99()), w.calls(), w.allocKb(), units(w.rru()), units(w.wru()),
          w.errors() == 0 ? "" : w.errors() + " " + w.firstError()));
    }
    b.append('\n').append("3. Capacity units per operation (DynamoDB Local, ReturnConsumedCapacity INDEXES)\n");
    for (String line : capacityLines()) {
      b.append(line).append('\n');
    }
    b.append('\n').append("4. Cost a month (US$; prices and arithmetic in infra/docs/benchmarks.md)\n");
    b.append(String.format(Locale.ROOT, "%-52s %14s %14s%n", "", "commune alone", "province (100)"));
    for (int i = 0; i < commune.lines().size(); i++) {
      b.append(String.format(Locale.ROOT, "%-52s %14s %14s%n", commune.lines().get(i).item(),
          usd(commune.lines().get(i).usd()), usd(province.lines().get(i).usd())));
    }
    b.append(String.format(Locale.ROOT, "%-52s %14s %14s  (%s a commune)%n", "total", usd(commune.total()),
        usd(province.total()), usd(province.total() / 100)));
    b.append(String.format(Locale.ROOT, "%-52s %14s %14s%n", "total without the deployment's fixed alarms",
        usd(commune.total() - fixed(commune)), usd(province.total() - fixed(province))));
    b.append(String.format(Locale.ROOT, "%-52s %14s %14s  (%s a commune)%n",
        "total if Lambda at 512 MB runs 3.46× slower than here", usd(communeSlow.total()),
        usd(provinceSlow.total()), usd(provinceSlow.total() / 100)));
    b.append(String.format(Locale.ROOT, "%-52s %14s %14s%n", "always on: Lightsail $5 + managed database $15",
        usd(20), usd(20)));
    b.append('\n').append("5. Targets (reported, not asserted)\n");
    for (String t : targets()) {
      b.append("- ").append(t).append('\n');
    }
    return b.toString();
  }

  /** The benchmarks document. */
  public String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("# Benchmarks: cold start, warm latency, DynamoDB capacity, cost per commune\n\n");
    b.append("Written by `java -jar bench/target/doithoai-bench.jar lambda").append(options.quick()
        ? " --quick" : "").append("` (issue #6); run it again to refresh this file. ");
    b.append("It measures, it never asserts: the targets are reported at the end.\n\n");
    b.append("## Machine and method\n\n");
    b.append(String.format(Locale.ROOT, "> **Warning: these times are measured on %s unthrottled cores of this "
        + "machine, not on Lambda.** A function at 512 MB gets about 0.29 vCPU (1,769 MB = 1 vCPU: "
        + "https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html), so its compute runs up to "
        + "%.2f× slower there; DynamoDB Local answers in-process, without the network. Read the milliseconds as "
        + "comparisons between functions and runs, and as a floor for AWS.%n%n", machine.get("cores"),
        CostModel.CPU_SHARE_FACTOR));
    b.append(String.format(Locale.ROOT, "- **Run**: %s, took %s; %s cold runs per function%s; %d warm calls per "
            + "route.%n", machine.get("date"), human(Duration.between(started, finished)),
        options.quick() ? "1" : Integer.toString(options.runs()), options.quick()
            ? " (`--quick`: a smoke run, JVMs two at a time — not a measurement)" : ", interleaved (a different "
            + "order each round, one JVM at a time)", warmN));
    b.append(String.format(Locale.ROOT, "- **Machine**: %s, %s cores; %s; %s; 1-minute load average %s.%n",
        machine.get("cpu"), machine.get("cores"), machine.get("jdk"), machine.get("os"), machine.get("load")));
    b.append(String.format(Locale.ROOT, "- **Measured JVMs**: `java %s %s` (Lambda's Java runtime flags; heap 85%% "
        + "of 512 MB; one CPU as the JVM sees it — the process is not throttled as Lambda throttles 512 MB to about "
        + "0.29 vCPU) with the classpath `doithoai-functions.jar` (%.1f MB) plus the harness classes only.%n",
        String.join(" ", LambdaBenchmark.JVM_FLAGS), LambdaBenchmark.heap(512), jarBytes / 1e6));
    b.append("- **Cold start**: from just before `ProcessBuilder.start()` to the line the harness prints when the "
        + "first invocation returned: JVM start, loading and constructing the handler (its static initialisation "
        + "and `App` wiring: Lambda's INIT), reading the event into the handler's type, one invocation against "
        + "DynamoDB Local. **Floor**: the same harness with a handler that builds the DynamoDB client exactly as "
        + "`DynamoClients` does (URL-connection HTTP client, region, endpoint, static credentials) and makes one "
        + "strongly consistent GetItem. Every run does real work: a new signed delivery, a new plan, a new "
        + "opinion, an unsent e-mail, a due deadline step not yet fired. **Classes**: lines of "
        + "`-Xlog:class+load` in one more, untimed start.\n");
    b.append("- **SnapStart proxy**: a fresh JVM constructs the handler, runs `Priming.beforeCheckpoint` (as "
        + "Lambda does before the snapshot), then the first request is timed in the same JVM. A restore itself "
        + "(Lambda's, not measurable here) comes on top. The priming's DynamoDB calls are counted by an SDK "
        + "interceptor: it must write nothing.\n");
    b.append("- **Warm**: one JVM, the handlers built as Lambda builds them, every HTTP route and the deadline, "
        + "mail, relay and schedule functions called in turn; each iteration follows an opinion and a plan "
        + "through their lives. DynamoDB time = time inside DynamoDB client calls (SDK + HTTP + DynamoDB Local), "
        + "measured by an SDK `ExecutionInterceptor`; overhead = total − DynamoDB per call; allocations from "
        + "`ThreadMXBean.getCurrentThreadAllocatedBytes`. Lists read a commune with 2 plans and "
        + BenchData.LIST_OPINIONS + " opinions. Not in the loop: `POST /calendar/overrides` (rare; a commune's own "
        + "reads only its partition, a national one queues one `CommuneRederive` work item per commune).\n");
    b.append("- **Capacity**: in the first iteration every DynamoDB request carries `ReturnConsumedCapacity: "
        + "INDEXES`; DynamoDB Local reports it for every operation, transactions included. Item sizes are "
        + "computed from the requests (attribute names + values).\n");
    b.append("- **Stand-ins**: DynamoDB Local 3.3.1 in-memory in the benchmark's JVM (a separate process from "
        + "every measured JVM); SES v2, EventBridge and EventBridge Scheduler answered by a local HTTP stub (their "
        + "clients are built and their requests marshalled; network latency to AWS is not measured).\n\n");

    b.append("## 1. Cold start and SnapStart readiness\n\n");
    b.append("| function | event | cold ms, median (min–max) | IQR | × floor | classes | init ms | first invocation "
        + "ms | primed: first request ms | warm p50 ms | priming |\n");
    b.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    Map<String, WarmRow> byRoute = new LinkedHashMap<>();
    warm.forEach(w -> byRoute.put(w.route(), w));
    for (ColdRow r : cold) {
      WarmRow w = byRoute.get(WARM_OF.get(r.handler()));
      b.append(String.format(Locale.ROOT, "| %s | %s | %s (%s–%s) | %s–%s | %s | %s | %s | %s | %s | %s | %s |%n",
          r.function(), r.event(), f0(r.median()), f0(r.min()), f0(r.max()), f0(r.q1()), f0(r.q3()),
          f2(r.ratio()), r.classes() < 0 ? "–" : Long.toString(r.classes()), f0(r.initMs()), f1(r.firstMs()),
          r.primedRuns() == 0 ? "–" : f1(r.primedFirstMs()), w == null ? "–" : f1(w.p50()),
          r.primedRuns() == 0 ? "" : String.format(Locale.ROOT, "%s ms; %d DynamoDB calls (%s), %d writes%s",
              f0(r.primingMs()), r.primingCalls(), r.primingOps().replace(",", ", "), r.primingWrites(),
              r.primingFailures().isEmpty() ? "" : "; failed: " + r.primingFailures())));
    }
    b.append("\n*init ms*: loading and constructing the handler, in-process; *first invocation*: the first "
        + "`handleRequest` after a plain init; *primed*: the first `handleRequest` after `Priming`.\n");
    reconcileReport().ifPresent(line -> b.append("\nThe reconcile function's work depends on the platform's open "
        + "deadlines; its last cold run reported `").append(line).append("` (every schedule is missing in the "
        + "stand-in, so each future step is checked and recreated).\n"));
    for (ColdRow r : cold) {
      if (r.errors() > 0) {
        b.append("\n**").append(r.function()).append("**: ").append(r.errors()).append(" run(s) failed: `")
            .append(r.firstError()).append("`\n");
      }
    }

    b.append(String.format(Locale.ROOT, "%n## 2. Warm latency%n%n%d calls per route in one JVM (after the "
        + "warm-up), milliseconds.%n%n", warmN));
    b.append("| route | function | p50 | p99 | DynamoDB p50 | DynamoDB p99 | other AWS p50 | overhead p50 | "
        + "overhead p99 | DynamoDB calls | KB allocated / call | RRU | WRU | errors |\n");
    b.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (WarmRow w : warm) {
      b.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %s | %s | %s | %s | %s | %s | %.1f | %.0f | %s | %s | %s |%n",
          w.route(), w.function(), f2(w.p50()), f2(w.p99()), f2(w.dynamoP50()), f2(w.dynamoP99()),
          w.otherCalls() == 0 ? "" : f2(w.otherP50()) + " (" + units(w.otherCalls()) + " calls)",
          f2(w.overheadP50()), f2(w.overheadP99()), w.calls(), w.allocKb(), units(w.rru()), units(w.wru()),
          w.errors() == 0 ? "" : w.errors() + ": `" + w.firstError().replace("|", "/") + "`"));
    }

    b.append("\n## 3. DynamoDB capacity per operation\n\n");
    b.append("Units as DynamoDB Local reports them (`ReturnConsumedCapacity: INDEXES`), each DynamoDB call with the "
        + "items it touched (`PK-prefix/SK-prefix`, size, indexes written). The rules: a strongly consistent read "
        + "costs 1 RRU per 4 KB (an item not found still 1), a query on an index ½ RRU per 4 KB read (eventually "
        + "consistent); a write 1 WRU per KB of the larger of the old and new item, doubled inside a transaction; "
        + "every index the item is projected into costs a write of its own (DynamoDB Local doubles those too "
        + "inside a transaction).\n\n");
    for (String line : capacityLines()) {
      b.append(line.startsWith("  ") ? "  - " + line.strip() : "- " + line).append('\n');
    }
    b.append('\n').append(webhookUnitsNote()).append('\n');
    List<String> seen = observations();
    if (!seen.isEmpty()) {
      b.append("\nOther units the measurements show could be saved:\n\n");
      seen.forEach(x -> b.append("- ").append(x).append('\n'));
    }

    b.append("\n## 4. Cost model\n\n");
    b.append(costMarkdown());

    b.append("\n## 5. Targets\n\n");
    for (String t : targets()) {
      b.append("- ").append(t).append('\n');
    }
    return b.toString();
  }

  private java.util.Optional<String> reconcileReport() {
    return java.util.Optional.ofNullable(reconcileLine);
  }

  // ---- capacity ----

  @SuppressWarnings("unchecked")
  List<String> capacityLines() {
    List<String> out = new ArrayList<>();
    Map<String, WarmRow> byRoute = new LinkedHashMap<>();
    warm.forEach(w -> byRoute.put(w.route(), w));
    for (String[] op : CAPACITY_OPS) {
      WarmRow w = byRoute.get(op[1]);
      if (w == null || w.capacity().isEmpty()) {
        out.add(op[0] + ": not measured");
        continue;
      }
      out.add(String.format(Locale.ROOT, "%s (`%s`): %s RRU + %s WRU", op[0], op[1], units(w.rru()),
          units(w.wru())));
      for (Map<String, Object> c : w.capacity()) {
        StringBuilder s = new StringBuilder("  ").append(c.get("op"));
        if (c.get("index") != null) {
          s.append(" on ").append(c.get("index")).append(", ").append(c.get("returned")).append(" items, ")
              .append(kb(num(c.get("returnedBytes"))));
        }
        List<Map<String, Object>> items = (List<Map<String, Object>>) c.getOrDefault("items", List.of());
        List<String> parts = new ArrayList<>();
        for (Map<String, Object> i : items) {
          String p = i.get("kind") + " " + i.get("label");
          if (i.get("bytes") != null) {
            p += " " + kb(num(i.get("bytes")));
          }
          List<Object> idx = (List<Object>) i.getOrDefault("indexes", List.of());
          if (!idx.isEmpty()) {
            p += " +" + String.join("+", idx.stream().map(String::valueOf).toList());
          }
          parts.add(p);
        }
        if (!parts.isEmpty()) {
          s.append(": ").append(String.join(", ", parts));
        }
        if (c.get("failed") != null) {
          s.append(" → ").append(c.get("failed")).append(" (units not reported for a failed call)");
        } else {
          Map<String, Object> gsi = (Map<String, Object>) c.getOrDefault("gsiUnits", Map.of());
          s.append(String.format(Locale.ROOT, " = %s (table %s%s)", units(num(c.get("units"))),
              units(num(c.get("tableUnits"))), gsi.isEmpty() ? "" : ", " + String.join(", ", gsi.entrySet()
                  .stream().map(e -> e.getKey() + " " + units(num(e.getValue()))).toList())));
        }
        out.add(s.toString());
      }
    }
    out.add(cold.stream().anyMatch(r -> r.handler().equals("ConclusionsHandler"))
        ? "conclusion publishing: not measured — the conclusions function (issue #5) appeared in the template while "
            + "this benchmark was written; it has a cold start above but no warm fixture yet"
        : "conclusion publishing: does not exist yet (issue #5), not measured");
    return out;
  }

  /** Why the webhook opinion costs what it costs, and what the fewest units would be. */
  @SuppressWarnings("unchecked")
  private String webhookUnitsNote() {
    WarmRow w = warm.stream().filter(x -> x.route().equals("POST /webhooks/{commune}/opinions")).findFirst()
        .orElse(null);
    if (w == null) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (Map<String, Object> c : w.capacity()) {
      if (isWrite((String) c.get("op"))) {
        List<String> labels = new ArrayList<>();
        for (Map<String, Object> i : (List<Map<String, Object>>) c.getOrDefault("items", List.of())) {
          labels.add(String.valueOf(i.get("label")));
        }
        parts.add(c.get("op") + " " + String.join(", ", labels) + " = " + units(num(c.get("units"))));
      }
    }
    return String.format(Locale.ROOT, "**A webhook opinion: %s WRU** (%s, as DynamoDB Local counts them). One "
        + "conditional PutItem of the opinion, whose key is its tracking code, a keyed hash of the webhook id: "
        + "its condition is the idempotency (the item carries the delivery id and body hash), and one conditional "
        + "UpdateItem of the commune's usage item that takes a token of its intake budget and counts the request. "
        + "The acknowledgement is queued from the table's stream by the relay (deterministic ids, each put once).",
        units(w.wru()), String.join("; ", parts));
  }

  /** What the capacity of the measured operations shows that could be cheaper. */
  @SuppressWarnings("unchecked")
  List<String> observations() {
    List<String> out = new ArrayList<>();
    for (WarmRow w : warm) {
      Map<String, Integer> gets = new LinkedHashMap<>();
      Map<String, String> labels = new LinkedHashMap<>();
      for (Map<String, Object> c : w.capacity()) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) c.getOrDefault("items", List.of());
        if ("GetItem".equals(c.get("op")) && !items.isEmpty()) {
          String key = (String) items.get(0).getOrDefault("key", items.get(0).get("label"));
          gets.merge(key, 1, Integer::sum);
          labels.put(key, (String) items.get(0).get("label"));
        }
        if ("TransactWriteItems".equals(c.get("op"))) {
          for (Map<String, Object> i : items) {
            if ("delete".equals(i.get("kind")) && "POST /opinions/{opinionId}/triage".equals(w.route())) {
              out.add("`" + w.route() + "` deletes `" + i.get("label") + "` (an assignment deadline) inside its "
                  + "transaction although an opinion being triaged has none yet: 2 WRU for nothing");
            }
          }
        }
      }
      gets.forEach((key, n) -> {
        if (n > 1) {
          out.add("`" + w.route() + "` reads the same `" + labels.get(key) + "` item " + n + " times (" + n
              + " RRU where 1 would do)");
        }
      });
    }
    return out;
  }

  // ---- cost ----

  private String costMarkdown() {
    StringBuilder b = new StringBuilder();
    double variable = commune.total() - fixed(commune);
    b.append(String.format(Locale.ROOT, "Prices: US$, ap-southeast-1 (Singapore) where a stored page gave it, "
        + "otherwise another region's, named beside it (Singapore's prices are mostly equal or a little higher: "
        + "with every price 25%% higher the commune's variable bill below would be %s). \"Beyond the free tier\": "
        + "nothing below counts a free tier (a province's account uses it up), except DynamoDB's 25 GB of "
        + "storage, which is always free.%n%n", usd(variable * 1.25)));
    b.append("| price | US$ | unit | source |\n|---|---|---|---|\n");
    for (CostModel.Price p : CostModel.prices()) {
      b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", p.what(), plain(p.usd()), p.unit(),
          p.source()));
    }
    b.append("\n**Reference load of one commune a year** (2 dialogues, 300 opinions, 1,000 e-mails), as "
        + "invocations: half the opinions come through the website, half are entered by staff; each is read "
        + "twice by staff, triaged once, 70% are assigned, answered and closed (7% extended); citizens open "
        + "the status page twice per website opinion; staff list opinions twice a working day; a plan is "
        + "created, edited, announced, held, its deadlines marked met (27 writes, 60 reads a year for two). "
        + "Every assignment opens a deadline whose two reminders fire (10% also reach the due day and an "
        + "escalation): 515 fires; every opened, moved or closed deadline is a `DeadlineChanged` (480); every "
        + "write batch reaches the relay (≈3,800); 1,000 e-mails are sent. The reconcile function runs daily, "
        + "once per deployment.\n\n");
    b.append("| invocation | function | a year | measured warm route | warm ms | cold ms | RRU | WRU |\n");
    b.append("|---|---|---|---|---|---|---|---|\n");
    CostModel.Measured m = measured();
    for (CostModel.Usage u : CostModel.referenceLoad()) {
      double[] units = m.units().getOrDefault(u.warmRoute(), new double[2]);
      b.append(String.format(Locale.ROOT, "| %s | %s | %.0f | `%s` | %s | %s | %s | %s |%n", u.what(), u.function(),
          u.perYear(), u.warmRoute(), f1(m.warmMs().getOrDefault(u.warmRoute(), Double.NaN)),
          f0(m.coldMs().getOrDefault(u.function(), Double.NaN)), units(units[0]), units(units[1])));
    }
    b.append("\n**Cold or warm.** A commune alone makes about 20 invocations a working day: Lambda keeps an idle "
        + "environment only minutes, so every invocation is counted cold (INIT is billed since 1 August 2025: "
        + "https://aws.amazon.com/blogs/compute/aws-lambda-standardizes-billing-for-init-phase/). A province "
        + "makes 100 times as many: a quarter are counted cold. Durations are this machine's; Lambda at 512 MB "
        + "has about 512/1769 of a vCPU, so the same work may take up to 3.46× longer there: the bill is shown "
        + "both ways.\n\n");
    for (CostModel.Bill bill : List.of(commune, province, communeSlow, provinceSlow)) {
      b.append("**").append(bill.title()).append("**\n\n| item | a month | US$ | arithmetic |\n|---|---|---|---|\n");
      for (CostModel.Line l : bill.lines()) {
        b.append(String.format(Locale.ROOT, "| %s | %s %s | %s | %s |%n", l.item(), plain(l.quantity()), l.unit(),
            usd(l.usd()), l.arithmetic()));
      }
      b.append(String.format(Locale.ROOT, "| **total** | | **%s** | |%n%n", usd(bill.total())));
    }
    b.append(String.format(Locale.ROOT, "**Beside the cheapest always-on alternative**: a Lightsail instance "
        + "($5.00 a month, the cheapest plan with a public IPv4; $3.50 IPv6-only) and a Lightsail managed database "
        + "($15.00) come to $20.00 a month whatever the load — %s times the commune's serverless bill, and %.1f "
        + "times the province's (100 communes, %s); one always-on instance without a managed database "
        + "($5.00) is still %s times the commune's bill, and it has no redundancy, no backups and needs patching.%n",
        ratio(20, commune.total()), 20 / province.total(), usd(province.total()), ratio(5, commune.total())));
    return b.toString();
  }

  private static String ratio(double a, double b) {
    return b <= 0 ? "∞" : String.format(Locale.ROOT, "%.0f", a / b);
  }

  // ---- targets ----

  List<String> targets() {
    List<String> out = new ArrayList<>();
    List<String> over = new ArrayList<>();
    double worst = 0;
    for (ColdRow r : cold) {
      if (!r.handler().equals("Floor") && !Double.isNaN(r.ratio())) {
        worst = Math.max(worst, r.ratio());
        if (r.ratio() > 1.3) {
          over.add(r.function() + " " + f2(r.ratio()) + "×" + (r.handler().equals("ReconcileHandler")
              ? " (its first invocation is the whole daily run, " + f0(r.firstMs()) + " ms of it; init " + f0(r.initMs())
                  + " ms against the floor's " + f0(cold.get(0).initMs()) + ")" : ""));
        }
      }
    }
    out.add(String.format(Locale.ROOT, "Every function within 1.3× the floor (%s ms): %s", f0(cold.get(0).median()),
        over.isEmpty() ? "**met** (worst " + f2(worst) + "×)" : "**missed** by " + String.join(", ", over)));
    List<String> slow = new ArrayList<>();
    double worstOverhead = 0;
    for (WarmRow w : warm) {
      worstOverhead = Math.max(worstOverhead, w.overheadP99());
      if (w.overheadP99() > 2.0) {
        slow.add("`" + w.route() + "` " + f2(w.overheadP99()) + " ms");
      }
    }
    out.add(String.format(Locale.ROOT, "Warm overhead beyond DynamoDB ≤ 2 ms at p99: %s", slow.isEmpty()
        ? "**met** (worst " + f2(worstOverhead) + " ms)" : "**missed** by " + String.join(", ", slow)));
    WarmRow hook = warm.stream().filter(x -> x.route().equals("POST /webhooks/{commune}/opinions")).findFirst()
        .orElse(null);
    out.add("A webhook opinion in ≤ 5 write units, its budget and usage counted: " + (hook == null ? "not measured"
        : (hook.wru() <= 5 ? "**met**: " : "**missed**: ") + units(hook.wru()) + " WRU (section 3)"));
    double variable = commune.total() - fixed(commune);
    double variableSlow = communeSlow.total() - fixed(communeSlow);
    out.add(String.format(Locale.ROOT, "A commune at the reference load under $0.05 a month beyond the free tier, "
        + "e-mail included: %s a month with this machine's durations (**%s**), %s if Lambda at 512 MB runs 3.46× "
        + "slower (**%s**); in a province's deployment %s a commune. Alone in its own deployment add %s of fixed "
        + "CloudWatch alarms (two dead-letter alarms at $0.10): %s (**%s**)",
        usd(variable), variable < 0.05 ? "met" : "missed", usd(variableSlow), variableSlow < 0.05 ? "met" : "missed",
        usd(province.total() / 100), usd(fixed(commune)), usd(commune.total()), commune.total() < 0.05 ? "met"
            : variable < 0.05 ? "missed, because of the alarms" : "missed"));
    return out;
  }

  private static double fixed(CostModel.Bill bill) {
    return bill.lines().stream().filter(l -> l.item().equals(CostModel.ALARM.what())).mapToDouble(CostModel.Line::usd)
        .sum();
  }

  // ---- formatting ----

  private static String f0(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.0f", v);
  }

  private static String f1(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String f2(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String units(double v) {
    return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String kb(double bytes) {
    return String.format(Locale.ROOT, "%.2f KB", bytes / 1024);
  }

  private static String usd(double v) {
    return v >= 1 ? String.format(Locale.ROOT, "$%.2f", v) : String.format(Locale.ROOT, "$%.4f", v);
  }

  private static String plain(double v) {
    if (v == 0) {
      return "0";
    }
    if (Math.abs(v) < 0.001) {
      return String.format(Locale.ROOT, "%.10f", v).replaceAll("0+$", "");
    }
    return v >= 10 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.4f", v)
        .replaceAll("0+$", "").replaceAll("\\.$", "");
  }

  @Override
  public String toString() {
    return text();
  }

  static double[] sorted(double[] a) {
    double[] c = a.clone();
    Arrays.sort(c);
    return c;
  }
}
