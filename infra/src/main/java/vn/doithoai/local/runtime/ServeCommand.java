package vn.doithoai.local.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.time.Instant;
import vn.doithoai.aws.DynamoMailOutbox;
import vn.doithoai.aws.DynamoTable;
import vn.doithoai.local.DemoCommune;
import vn.doithoai.local.LocalMailDrain;

/**
 * {@code serve [--port 3000] [--data DIR] [--template FILE] [--webhook-secret SECRET]}: DynamoDB Local
 * (persistent, under {@code <data>/dynamodb}) with the template's tables, the demo commune, and the local
 * HTTP API on the loopback address, until Ctrl-C.
 */
public final class ServeCommand {
  private static final Set<String> OPTIONS = Set.of("port", "data", "template", "webhook-secret", "clock");
  public static final int DEFAULT_PORT = 3000;

  private ServeCommand() {}

  /**
   * What {@code serve} runs with. {@code port} 0 takes any free port; {@code clock}, when not null, sets the
   * local clock to that instant at start (else it goes on from where the data directory's clock was).
   */
  public record Config(Path template, Path dataDir, int port, String webhookSecret, Instant clock) {
    public Config(Path template, Path dataDir, int port, String webhookSecret) {
      this(template, dataDir, port, webhookSecret, null);
    }
  }

  /**
   * A started local runtime; {@link #close()} stops the schedules, bus and stream relay, the HTTP API, then
   * DynamoDB Local. {@code mail} is the direct mail drain, null when the template has the outbox relay (mail
   * then goes stream → relay → bus → mailer → SES stand-in).
   */
  public record Running(Config config, LocalDynamo dynamo, LocalApiGateway api, LocalMailDrain mail,
      List<String> tablesCreated, String demoMessage, LocalServices services, LocalClock clock)
      implements AutoCloseable {
    @Override
    public void close() {
      try {
        services.close();
        if (mail != null) {
          mail.close();
        }
        api.close();
      } finally {
        dynamo.close();
      }
    }
  }

  /** {@code argv}: the command line ({@code serve --port …}). Blocks until the JVM shuts down. */
  public static String run(String[] argv, PrintStream out, PrintStream err) {
    Running running = start(config(argv), err);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      running.close();
      err.println("đã dừng / stopped");
    }, "doithoai-local-shutdown"));
    out.println(describe(running));
    out.println("Ctrl-C để dừng / Ctrl-C to stop");
    out.flush();
    try {
      new CountDownLatch(1).await(); // until Ctrl-C: the shutdown hook stops everything, the JVM exits
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    running.close();
    return "đã dừng / stopped";
  }

  static Config config(String[] argv) {
    CommandOptions o = new CommandOptions(argv, OPTIONS);
    int port = o.option("port").map(ServeCommand::port).orElse(DEFAULT_PORT);
    Path template = o.option("template").map(t -> Path.of(t).toAbsolutePath().normalize())
        .orElseGet(() -> findTemplate(Path.of("").toAbsolutePath()));
    if (!Files.isRegularFile(template)) {
      throw CommandOptions.bad("Không tìm thấy template " + template, "no template at " + template);
    }
    String secret = o.option("webhook-secret").filter(s -> !s.isBlank()).orElse(null);
    Instant clock = o.option("clock").map(ServeCommand::instant).orElse(null);
    return new Config(template, o.dataDir(), port, secret, clock);
  }

  private static Instant instant(String s) {
    try {
      return Instant.parse(s.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw CommandOptions.bad("Thời điểm không hợp lệ '" + s + "'", "invalid --clock '" + s
          + "' (e.g. 2025-11-03T01:00:00Z)");
    }
  }

  /** {@code template.yaml} in {@code dir} or the nearest parent that has one. */
  static Path findTemplate(Path dir) {
    for (Path d = dir; d != null; d = d.getParent()) {
      Path t = d.resolve("template.yaml");
      if (Files.isRegularFile(t)) {
        return t;
      }
    }
    throw CommandOptions.bad("Không tìm thấy template.yaml trong " + dir + " hay thư mục cha (dùng --template)",
        "no template.yaml in " + dir + " or its parents (use --template FILE)");
  }

  private static int port(String s) {
    try {
      int p = Integer.parseInt(s.strip());
      if (p >= 0 && p <= 65535) {
        return p;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw CommandOptions.bad("Cổng không hợp lệ '" + s + "'", "invalid --port '" + s + "' (0–65535)");
  }

  /**
   * Starts everything, in order: the template; the HTTP port (bound first, so a port in use fails before
   * anything else starts); DynamoDB Local and the template's tables; the system properties the handlers
   * and the seeding read (the template's {@code Globals.Function} environment, then
   * {@code DOITHOAI_DYNAMODB_ENDPOINT}, {@code AWS_REGION}, {@code DOITHOAI_DATA_DIR},
   * {@code DOITHOAI_OUTBOX_DIR}, and {@code PUBLIC_BASE_URL} = the local address when the template leaves
   * it empty); the demo commune; then the HTTP API serves. {@code log} receives request lines and handler
   * output.
   */
  public static Running start(Config config, PrintStream log) {
    TemplateModel model = TemplateModel.load(config.template());
    Path data = config.dataDir().toAbsolutePath().normalize();
    try {
      Files.createDirectories(data.resolve("outbox"));
    } catch (IOException e) {
      throw CommandOptions.bad("Không tạo được thư mục dữ liệu " + data,
          "cannot create data directory " + data);
    }
    LocalJwt jwt = LocalJwt.forDataDir(data);
    LocalClock clock = LocalClock.forDataDir(data, config.clock());
    LocalFunctions functions = new LocalFunctions(model, log);
    LocalApiGateway api = new LocalApiGateway(model, functions, jwt, data, log);
    api.clock(clock);
    try {
      api.bind(config.port());
    } catch (BindException e) {
      throw CommandOptions.bad("Cổng " + config.port() + " đang được dùng (thử --port)",
          "port " + config.port() + " is in use (try --port)");
    } catch (IOException e) {
      throw new IllegalStateException("cannot open port " + config.port() + ": " + e, e);
    }
    LocalDynamo dynamo = null;
    LocalServices services = null;
    try {
      dynamo = LocalDynamo.persistent(data.resolve("dynamodb")).start();
      List<String> created = dynamo.createTables(model);
      Map<String, String> properties = new LinkedHashMap<>();
      model.globalEnvironment().forEach((k, v) -> {
        if (v != null) {
          properties.put(k, v);
        }
      });
      properties.put("DOITHOAI_DYNAMODB_ENDPOINT", dynamo.endpoint().toString());
      properties.put("AWS_REGION", TemplateModel.REGION);
      properties.put("DOITHOAI_DATA_DIR", data.toString());
      properties.put("DOITHOAI_OUTBOX_DIR", data.resolve("outbox").toString());
      if (properties.getOrDefault("PUBLIC_BASE_URL", "").isBlank()) {
        properties.put("PUBLIC_BASE_URL", api.uri().toString());
      }
      services = new LocalServices(model, functions, clock, dynamo, data, log).bind();
      properties.putAll(services.properties());
      properties.putAll(schedulerTarget(model));
      properties.forEach(System::setProperty);
      // The SDK's default chains read these: any client built without an explicit configuration stays on
      // the local region and dummy credentials, whatever ~/.aws holds.
      System.setProperty("aws.region", TemplateModel.REGION);
      System.setProperty("aws.accessKeyId", "local");
      System.setProperty("aws.secretAccessKey", "local");
      String demo = DemoCommune.ensure(data, config.webhookSecret()) + "\n  "
          + services.cognito().ensureDemoUsers(DemoCommune.ID);
      // messages and suppressions of a data folder from before the opaque ids (issue #17), re-keyed once
      vn.doithoai.aws.ContactIdMigration.Report moved = new vn.doithoai.aws.ContactIdMigration(
          new DynamoTable(dynamo.client(), properties.get("TABLE_NAME"))).run();
      if (moved.messages() + moved.suppressions() + moved.fanOuts() > 0) {
        log.println("contact ids: " + moved);
      }
      // communes of a data folder from before the communes registry (issue #18), added to it once
      int registered = new vn.doithoai.aws.DynamoCommunes(new DynamoTable(dynamo.client(),
          properties.get("TABLE_NAME"))).backfillRegistry();
      if (registered > 0) {
        log.println("communes registry: " + registered + " added");
      }
      // Without the outbox relay in the template, the fallback: e-mails written to the table's outbox become
      // .eml files directly. With it, they go stream → relay → bus → mailer → SES stand-in → .eml.
      LocalMailDrain mail = services.relaysStream() ? null : new LocalMailDrain(new DynamoMailOutbox(
          DynamoTable.fromEnvironment()), data.resolve("outbox"), clock).start();
      api.localRoute("/_local/clock", services::clockRoute);
      api.start(properties);
      if (mail == null) {
        services.sweepOutboxAfterRestart().forEach(line -> log.println("mail sweep at start: " + line));
      }
      services.start();
      return new Running(new Config(config.template(), data, api.port(), config.webhookSecret(), config.clock()),
          dynamo, api, mail, created, demo, services, clock);
    } catch (IOException e) {
      if (services != null) {
        services.close();
      }
      api.close();
      dynamo.close();
      throw new IllegalStateException("cannot start the local API: " + e, e);
    } catch (RuntimeException e) {
      if (services != null) {
        services.close();
      }
      api.close();
      if (dynamo != null) {
        dynamo.close();
      }
      throw e;
    }
  }

  /**
   * {@code SCHEDULE_TARGET_ARN}: the local ARN ({@code arn:aws:lambda:…:function:<LogicalId>}) of the function
   * the template's {@code SCHEDULE_TARGET_ARN} designates (an alias ARN included), else of
   * {@code DeadlinesFunction}; and a local {@code SCHEDULER_ROLE_ARN} where the template's cannot be resolved.
   */
  static Map<String, String> schedulerTarget(TemplateModel model) {
    Map<String, String> p = new LinkedHashMap<>();
    String target = null;
    boolean roleUnresolved = false;
    for (TemplateModel.Function f : model.functions()) {
      String arn = f.environment().get("SCHEDULE_TARGET_ARN");
      if (target == null && arn != null) {
        target = model.functionIdOf(arn);
      }
      roleUnresolved |= f.environment().containsKey("SCHEDULER_ROLE_ARN")
          && f.environment().get("SCHEDULER_ROLE_ARN") == null;
    }
    if (target == null && model.functions().stream().anyMatch(f -> f.logicalId().equals("DeadlinesFunction"))) {
      target = "DeadlinesFunction";
    }
    if (target != null) {
      p.put("SCHEDULE_TARGET_ARN", LocalFunctions.arn(target));
    }
    if (roleUnresolved) {
      p.put("SCHEDULER_ROLE_ARN", "arn:aws:iam::" + TemplateModel.ACCOUNT_ID + ":role/local-scheduler");
    }
    return p;
  }

  static String describe(Running r) {
    StringBuilder sb = new StringBuilder();
    sb.append("Đối thoại local: ").append(r.api().uri()).append('\n');
    sb.append("  dữ liệu / data:   ").append(r.config().dataDir()).append('\n');
    sb.append("  template:         ").append(r.config().template()).append(" (")
        .append(r.api().routes().size()).append(" routes)\n");
    List<TemplateModel.HttpRoute> routes = new ArrayList<>(r.api().routes());
    routes.sort(Comparator.comparing(TemplateModel.HttpRoute::path)
        .thenComparing(TemplateModel.HttpRoute::method));
    for (TemplateModel.HttpRoute route : routes) {
      sb.append("    ").append(route.routeKey()).append(" → ").append(route.functionId())
          .append(route.authRequired() ? " [JWT]" : "").append('\n');
    }
    sb.append("  DynamoDB Local:   ").append(r.dynamo().endpoint())
        .append(r.tablesCreated().isEmpty() ? "" : " (created " + String.join(", ", r.tablesCreated()) + ")")
        .append('\n');
    sb.append("  hộp thư / outbox: ").append(r.api().uri()).append(LocalApiGateway.OUTBOX_PATH)
        .append(r.mail() == null ? " (stream → relay → bus → mailer → SES)" : " (mail drain: no outbox relay in "
            + "the template)").append('\n');
    sb.append("  AWS stand-ins:    ").append(r.services().endpoint())
        .append(" (EventBridge Scheduler, EventBridge, SES v2)\n");
    sb.append("  đồng hồ / clock:  ").append(r.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
        .append(r.clock().offsetMillis() == 0 ? "" : " (đồng hồ riêng / the local clock)").append("; POST ")
        .append(r.api().uri()).append("/_local/clock {\"advance\":\"P1D\"}\n");
    sb.append("  ").append(java.util.Objects.toString(r.demoMessage(), "")).append('\n');
    sb.append("  token: java -jar infra/target/doithoai-local.jar token --data ").append(r.config().dataDir())
        .append(" --commune ID --role office");
    return sb.toString();
  }
}
