package vn.doithoai.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import vn.doithoai.core.common.Json;
import vn.doithoai.bench.harness.Cold;
import vn.doithoai.bench.harness.DynamoTimer;
import vn.doithoai.bench.harness.Floor;
import vn.doithoai.bench.harness.Primed;
import vn.doithoai.bench.harness.Warm;
import vn.doithoai.local.runtime.LocalDynamo;
import vn.doithoai.local.runtime.TemplateModel;

/**
 * {@code bench lambda}: what a request waits for and what a commune pays (issue #6). Against DynamoDB Local
 * (in this JVM, a separate process from every measured JVM) and a local stand-in for SES, EventBridge and
 * EventBridge Scheduler:
 *
 * <ol>
 *   <li>cold start of every function of the template: fresh JVMs with Lambda's flags, process start → first
 *       invocation done, interleaved with a floor (one GetItem with the same client);
 *   <li>SnapStart readiness: in fresh JVMs, the handler's {@code Priming} run as before a snapshot, then the
 *       first request timed;
 *   <li>warm latency of every HTTP route and the deadline, mail, relay and schedule functions in one JVM,
 *       DynamoDB time apart, allocations;
 *   <li>consumed capacity of each DynamoDB call ({@code ReturnConsumedCapacity});
 *   <li>the monthly cost of a commune and of a province, from the above and AWS's prices.
 * </ol>
 *
 * Prints a table and writes it as Markdown. Never asserts a target: it reports them.
 */
public final class LambdaBenchmark {
  static final List<String> JVM_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
      "-XX:+UseSerialGC", "-XX:ActiveProcessorCount=1", "-Xshare:auto");
  private static final String HARNESS = "vn/doithoai/bench/harness/";
  private static final String INTERCEPTORS = "software/amazon/awssdk/global/handlers/execution.interceptors";
  private static final Duration CHILD_TIMEOUT = Duration.ofMinutes(3);
  /** {@code --quick} primes two functions only (an HTTP one and the SnapStart one): the path, not the numbers. */
  private static final List<String> QUICK_PRIMED = List.of("PublicHandler", "DeadlinesHandler");

  /** What to run. {@code markdown} null: print only. */
  public record Options(int runs, int warm, boolean quick, Path root, Path jar, Path markdown, PrintStream log) {}

  /** A function measured cold: a template function, or the floor. */
  record Target(String name, String handlerClass, int memoryMb, List<TemplateModel.HttpRoute> routes) {
    String handler() {
      return handlerClass.substring(handlerClass.lastIndexOf('.') + 1);
    }

    boolean floor() {
      return handlerClass.equals(Floor.class.getName());
    }
  }

  /** One measured JVM. */
  record Run(Target target, String kind, int round, double wallMs, int status, double[] inProcessMs,
      List<String> extra, String error) {}

  private final Options o;
  private final PrintStream log;
  private Path work;
  private Path harnessDir;
  private Path interceptDir;
  private Map<String, String> childEnv;
  private BenchData data;
  private final Map<String, Integer> nextIndex = new HashMap<>();
  private final Map<String, Map<String, Object>> staticEvents = new HashMap<>();

  private LambdaBenchmark(Options o) {
    this.o = o;
    this.log = o.log();
  }

  /** Runs the benchmark; the result holds the table (text and Markdown). */
  public static Results run(Options o) {
    return new LambdaBenchmark(o).execute();
  }

  /** Sections of the document another benchmark wrote (from {@value #SCALE_HEADING} on): kept as they are. */
  static final String SCALE_HEADING = "\n## Scale: ";

  private static String keptSections(Path markdown) throws IOException {
    if (!Files.isRegularFile(markdown)) {
      return "";
    }
    String old = Files.readString(markdown, StandardCharsets.UTF_8);
    int at = old.indexOf(SCALE_HEADING);
    return at < 0 ? "" : old.substring(at);
  }

  /** The repository root: the nearest directory, from {@code start} up, holding template.yaml and events/. */
  public static Path findRoot(Path start) {
    for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("template.yaml")) && Files.isDirectory(p.resolve("events"))) {
        return p;
      }
    }
    throw new IllegalArgumentException("template.yaml and events/ not found from " + start.toAbsolutePath()
        + " upwards: run from the repository (or give --root)");
  }

  private Results execute() {
    Instant started = Instant.now();
    if (!Files.isRegularFile(o.jar())) {
      throw new IllegalArgumentException(o.jar() + " does not exist: build it first (./mvnw -DskipTests package)");
    }
    TemplateModel model = TemplateModel.load(o.root().resolve("template.yaml"));
    List<Target> targets = targets(model);
    int perFunction = o.quick() ? 1 : o.runs();
    int warmup = o.quick() ? 0 : Math.max(50, Math.min(200, o.warm() / 10));
    try {
      work = Files.createTempDirectory("doithoai-bench");
      harnessDir = work.resolve("harness");
      interceptDir = work.resolve("intercept");
      extractHarness();
      log.println("bench: DynamoDB Local and the AWS stand-in…");
      try (LocalDynamo dynamo = LocalDynamo.inMemory().start(); AwsStub stub = new AwsStub()) {
        dynamo.createTables(model);
        String table = model.tables().get(0).tableName();
        childEnv = environment(dynamo.endpoint().toString(), stub, table);
        childEnv.put("BENCH_FLOOR_COMMUNE", BenchData.COMMUNE);
        for (Map.Entry<String, String> e : childEnv.entrySet()) {
          System.setProperty(e.getKey(), e.getValue()); // the seeding in this JVM goes through App.get()
        }
        data = new BenchData(dynamo.client(), table);
        int freshRuns = 2 * perFunction + 2;
        log.println("bench: seeding (communes, plans, opinions, e-mails, due deadlines)…");
        data.seed(freshRuns + 2);
        data.openDueDeadlines(BenchData.COLD_DEADLINES, freshRuns + 2);
        loadStaticEvents();

        String loadBefore = loadAverage();
        List<Run> runs;
        Map<String, Long> classes;
        Map<String, Object> warm;
        if (o.quick()) {
          // a smoke run: the warm JVM runs beside the cold ones (its deadlines exist before the reconciler runs)
          data.openDueDeadlines(BenchData.WARM_DEADLINES, warmup + o.warm());
          java.util.concurrent.CompletableFuture<Map<String, Object>> w = java.util.concurrent.CompletableFuture
              .supplyAsync(() -> {
                try {
                  return warm(warmup, o.warm(), targets.get(1).memoryMb());
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
          runs = coldAndPrimed(targets, perFunction);
          classes = classesFrom(runs);
          warm = w.join();
        } else {
          runs = coldAndPrimed(targets, perFunction);
          classes = classCounts(targets);
          data.openDueDeadlines(BenchData.WARM_DEADLINES, warmup + o.warm());
          log.println("bench: warm run (" + o.warm() + " calls per route after " + warmup + " warm-up rounds)…");
          warm = warm(warmup, o.warm(), targets.get(1).memoryMb());
        }
        Map<String, String> machine = machine();
        machine.put("load", loadBefore + " before, " + loadAverage() + " after");
        Results r = Results.of(this.o, started, Instant.now(), targets, runs, classes, warm, jarSize(), machine);
        if (o.markdown() != null) {
          Files.createDirectories(o.markdown().toAbsolutePath().getParent());
          Files.writeString(o.markdown(), r.markdown() + keptSections(o.markdown()), StandardCharsets.UTF_8);
          log.println("bench: wrote " + o.markdown());
        }
        return r;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(work);
    }
  }

  // ---- what is measured ----

  private static List<Target> targets(TemplateModel model) {
    List<Target> out = new ArrayList<>();
    out.add(new Target("floor", Floor.class.getName(), 512, List.of()));
    for (TemplateModel.Function f : model.functions()) {
      String c = f.handlerClass();
      if (c != null && c.startsWith("vn.doithoai.handlers.")) {
        out.add(new Target(f.logicalId(), c, f.memorySize() > 0 ? f.memorySize() : 512, f.httpRoutes()));
      }
    }
    return out;
  }

  /** The functions' environment as the template sets it, pointed at DynamoDB Local and the stub's AWS. */
  static Map<String, String> environment(String dynamoEndpoint, AwsStub stub, String table) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_REGION", TemplateModel.REGION);
    env.put("TABLE_NAME", table);
    env.put("DOITHOAI_DYNAMODB_ENDPOINT", dynamoEndpoint);
    env.putAll(stub.environment());
    env.put("PUBLIC_BASE_URL", "https://xa.example.vn/doithoai");
    env.put("MAIL_FROM", "\"Đối thoại\" <khong-tra-loi@example.vn>");
    env.put("SES_CONFIGURATION_SET", "doithoai-bench");
    env.put("EVENT_BUS_NAME", "doithoai-bench");
    env.put("SCHEDULE_GROUP", "doithoai-bench");
    env.put("SCHEDULE_TARGET_ARN", "arn:aws:lambda:ap-southeast-1:000000000000:function:deadlines:live");
    env.put("SCHEDULER_ROLE_ARN", "arn:aws:iam::000000000000:role/doithoai-scheduler");
    env.put("SCHEDULE_DLQ_ARN", "arn:aws:sqs:ap-southeast-1:000000000000:doithoai-schedule-dlq");
    return env;
  }

  private void loadStaticEvents() throws IOException {
    for (String[] e : new String[][] {{"RelayHandler", "relay-stream.json"},
        {"SchedulesHandler", "schedules-deadline-changed.json"}, {"ReconcileHandler", "reconcile-daily.json"}}) {
      Path p = o.root().resolve("events").resolve(e[1]);
      staticEvents.put(e[0], Json.readObject(Files.readString(p, StandardCharsets.UTF_8)));
    }
  }

  // ---- cold and primed JVMs ----

  private List<Run> coldAndPrimed(List<Target> targets, int rounds) {
    List<Run> out = Collections.synchronizedList(new ArrayList<>());
    int total = 0;
    for (int r = 0; r < rounds; r++) {
      List<Runnable> jobs = new ArrayList<>();
      for (Target t : targets) {
        final int round = r;
        jobs.add(() -> out.add(child(t, "cold", round, o.quick())));
        if (!t.floor() && (!o.quick() || QUICK_PRIMED.contains(t.handler()))) {
          jobs.add(() -> out.add(child(t, "primed", round, false)));
        }
      }
      Collections.shuffle(jobs, new Random(1000L + r)); // interleaved, in a different order each round
      total += jobs.size();
      log.println("bench: cold and primed starts, round " + (r + 1) + "/" + rounds + " (" + jobs.size()
          + " JVMs)…");
      if (o.quick()) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
          List<Future<?>> fs = new ArrayList<>();
          for (Runnable j : jobs) {
            fs.add(pool.submit(j));
          }
          for (Future<?> f : fs) {
            f.get();
          }
        } catch (Exception e) {
          throw new IllegalStateException("a measured JVM failed to run", e);
        } finally {
          pool.shutdownNow();
        }
      } else {
        jobs.forEach(Runnable::run);
      }
    }
    log.println("bench: " + total + " JVMs measured");
    return out;
  }

  /** Non-quick runs count classes in one more, untimed JVM per function, with class loading logged. */
  private Map<String, Long> classCounts(List<Target> targets) {
    log.println("bench: loaded classes (one logged start per function)…");
    Map<String, Long> out = new LinkedHashMap<>();
    for (Target t : targets) {
      Run r = child(t, "cold", -1, true);
      out.put(t.name(), r.extra().isEmpty() ? -1 : Long.parseLong(r.extra().get(0)));
    }
    return out;
  }

  private static Map<String, Long> classesFrom(List<Run> runs) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Run r : runs) {
      if (r.kind().equals("cold") && !r.extra().isEmpty()) {
        out.put(r.target().name(), Long.parseLong(r.extra().get(0)));
      }
    }
    return out;
  }

  private Run child(Target t, String kind, int round, boolean logClasses) {
    Path event;
    Path classLog = null;
    try {
      Map<String, Object> e;
      synchronized (this) {
        int k = nextIndex.merge(t.handler(), 1, Integer::sum) - 1;
        e = BenchData.known(t.handler()) ? data.event(t.handler(), k, staticEvents.get(t.handler()))
            : data.fallback(t.routes());
      }
      event = Files.createTempFile(work, t.name() + "-" + kind + "-", ".json");
      Files.writeString(event, Json.write(e), StandardCharsets.UTF_8);
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.addAll(JVM_FLAGS);
      cmd.add(heap(t.memoryMb()));
      if (logClasses) {
        classLog = Files.createTempFile(work, t.name() + "-classes-", ".log");
        cmd.add("-Xlog:class+load=info:file=" + classLog);
      }
      cmd.add("-cp");
      String cp = o.jar().toAbsolutePath() + java.io.File.pathSeparator + harnessDir;
      cmd.add(kind.equals("primed") ? cp + java.io.File.pathSeparator + interceptDir : cp);
      cmd.add(kind.equals("primed") ? Primed.class.getName() : Cold.class.getName());
      cmd.add(t.handlerClass());
      cmd.add(event.toString());
      ProcessBuilder pb = new ProcessBuilder(cmd);
      pb.environment().clear();
      copyEnv(pb.environment(), "PATH", "HOME", "LANG", "TMPDIR");
      pb.environment().putAll(childEnv);
      if (!t.floor()) {
        pb.environment().put("_HANDLER", t.handlerClass() + "::handleRequest");
      }
      Path err = Files.createTempFile(work, t.name() + "-" + kind + "-", ".err");
      pb.redirectError(err.toFile());
      String token = kind.equals("primed") ? "PRIMED " : "DONE ";
      long t0 = System.nanoTime();
      Process p = pb.start();
      double wall = -1;
      String line;
      List<String> after = new ArrayList<>();
      String done = null;
      try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        while ((line = in.readLine()) != null) {
          if (done == null && line.startsWith(token)) {
            wall = (System.nanoTime() - t0) / 1e6;
            done = line;
          } else if (done != null) {
            after.add(line);
          } else if (!line.isBlank()) {
            after.add("OUT " + line);
          }
        }
      }
      if (!p.waitFor(CHILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return failed(t, kind, round, "timed out");
      }
      if (done == null) {
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        return failed(t, kind, round, "exit " + p.exitValue() + ": " + tail(stderr));
      }
      String[] f = done.split(" ");
      int status = Integer.parseInt(f[1]);
      double[] inProcess = new double[f.length - 2];
      for (int i = 2; i < f.length; i++) {
        inProcess[i - 2] = Double.parseDouble(f[i]) / (i - 2 < 3 || kind.equals("cold") ? 1e6 : 1);
      }
      List<String> extra = new ArrayList<>();
      if (classLog != null) {
        try (Stream<String> lines = Files.lines(classLog, StandardCharsets.UTF_8)) {
          extra.add(Long.toString(lines.filter(l -> l.contains("class,load")).count()));
        }
      }
      extra.addAll(after);
      // a function without a fixture of its own (new in the template) gets a read that may answer 404
      int limit = BenchData.known(t.handler()) || t.floor() ? 400 : 500;
      String error = status >= limit ? "status " + status + " " + tail(Files.readString(err, StandardCharsets.UTF_8))
          : null;
      return new Run(t, kind, round, wall, status, inProcess, extra, error);
    } catch (IOException e) {
      return failed(t, kind, round, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(t, kind, round, "interrupted");
    }
  }

  private static Run failed(Target t, String kind, int round, String error) {
    return new Run(t, kind, round, -1, 0, new double[0], List.of(), error);
  }

  private static String tail(String s) {
    String x = s.strip();
    return x.length() <= 400 ? x : "…" + x.substring(x.length() - 400);
  }

  private static void copyEnv(Map<String, String> env, String... names) {
    for (String n : names) {
      String v = System.getenv(n);
      if (v != null) {
        env.put(n, v);
      }
    }
  }

  /** Lambda's Java runtime gives the heap 85% of the function's memory. */
  static String heap(int memoryMb) {
    return "-Xmx" + Math.round(memoryMb * 1024 * 0.85) + "k";
  }

  // ---- warm ----

  private Map<String, Object> warm(int warmup, int n, int memoryMb) throws IOException {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("commune", BenchData.COMMUNE);
    config.put("listCommune", BenchData.LIST_COMMUNE);
    config.put("agency", BenchData.AGENCY);
    config.put("secret", data.secret());
    config.put("deadlineFormat", BenchData.WARM_DEADLINES);
    config.put("deadlineStep", data.deadlineStep());
    config.put("deadlineVersion", data.deadlineVersion());
    config.put("warmup", warmup);
    config.put("n", n);
    config.put("relayEvent", staticEvents.get("RelayHandler"));
    config.put("schedulesEvent", staticEvents.get("SchedulesHandler"));
    Path cfg = work.resolve("warm-config.json");
    Path out = work.resolve("warm-result.json");
    Files.writeString(cfg, Json.write(config), StandardCharsets.UTF_8);
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(JVM_FLAGS);
    cmd.add(heap(memoryMb));
    cmd.add("-cp");
    cmd.add(o.jar().toAbsolutePath() + java.io.File.pathSeparator + harnessDir + java.io.File.pathSeparator
        + interceptDir);
    cmd.add(Warm.class.getName());
    cmd.add(cfg.toString());
    cmd.add(out.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().clear();
    copyEnv(pb.environment(), "PATH", "HOME", "LANG", "TMPDIR");
    pb.environment().putAll(childEnv);
    Path err = work.resolve("warm.err");
    pb.redirectError(err.toFile());
    pb.redirectOutput(work.resolve("warm.out").toFile());
    try {
      Process p = pb.start();
      if (!p.waitFor(2, TimeUnit.HOURS)) {
        p.destroyForcibly();
        throw new IllegalStateException("the warm run did not finish in 2 hours");
      }
      if (p.exitValue() != 0 || !Files.exists(out)) {
        throw new IllegalStateException("the warm run failed (exit " + p.exitValue() + "): "
            + tail(Files.readString(err, StandardCharsets.UTF_8)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    return Json.readObject(Files.readString(out, StandardCharsets.UTF_8));
  }

  // ---- the harness, as files for the measured JVMs' classpath ----

  /**
   * Copies this package's {@code harness} classes (from this jar or from the classes directory) to a
   * directory of their own, so that the measured JVMs get the functions jar plus these few classes only; the
   * interceptor registration goes to a second directory, on the classpath of the warm and primed runs only.
   */
  private void extractHarness() throws IOException {
    Files.createDirectories(harnessDir.resolve(HARNESS));
    URL here = Cold.class.getResource("Cold.class");
    if (here == null) {
      throw new IllegalStateException("the benchmark harness classes are missing");
    }
    if (here.getProtocol().equals("jar")) {
      JarURLConnection c = (JarURLConnection) here.openConnection();
      c.setUseCaches(false);
      try (JarFile jar = new JarFile(Path.of(c.getJarFileURL().toURI()).toFile())) {
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
          JarEntry e = entries.nextElement();
          if (e.getName().startsWith(HARNESS) && e.getName().endsWith(".class")) {
            try (InputStream in = jar.getInputStream(e)) {
              Files.copy(in, harnessDir.resolve(e.getName()));
            }
          }
        }
      } catch (URISyntaxException e) {
        throw new IOException(e);
      }
    } else {
      Path dir;
      try {
        dir = Path.of(here.toURI()).getParent();
      } catch (URISyntaxException e) {
        throw new IOException(e);
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
          Files.copy(f, harnessDir.resolve(HARNESS).resolve(f.getFileName().toString()));
        }
      }
    }
    Path registration = interceptDir.resolve(INTERCEPTORS);
    Files.createDirectories(registration.getParent());
    Files.writeString(registration, DynamoTimer.class.getName() + "\n", StandardCharsets.UTF_8);
  }

  private long jarSize() throws IOException {
    return Files.size(o.jar());
  }

  /** CPU model, cores and JDK of this machine (the measured JVMs use the same JDK). */
  static Map<String, String> machine() {
    Map<String, String> m = new LinkedHashMap<>();
    String cpu = "unknown CPU";
    long cores = Runtime.getRuntime().availableProcessors();
    Path info = Path.of("/proc/cpuinfo");
    if (Files.isReadable(info)) {
      try (Stream<String> lines = Files.lines(info)) {
        List<String> all = lines.toList();
        cpu = all.stream().filter(l -> l.startsWith("model name")).findFirst()
            .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
        long processors = all.stream().filter(l -> l.startsWith("processor")).count();
        if (processors > 0) {
          cores = processors;
        }
      } catch (IOException | UncheckedIOException e) {
        // keep the defaults
      }
    }
    m.put("cpu", cpu);
    m.put("cores", Long.toString(cores));
    m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    m.put("date", DateTimeFormatter.ISO_LOCAL_DATE.format(Instant.now().atOffset(ZoneOffset.UTC)));
    return m;
  }

  /** The 1-minute load average (other work on the machine skews every number), or "?". */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
      return f[0];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
