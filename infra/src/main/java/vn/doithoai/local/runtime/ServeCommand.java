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
import java.time.Clock;
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
  private static final Set<String> OPTIONS = Set.of("port", "data", "template", "webhook-secret");
  public static final int DEFAULT_PORT = 3000;

  private ServeCommand() {}

  /** What {@code serve} runs with. {@code port} 0 takes any free port. */
  public record Config(Path template, Path dataDir, int port, String webhookSecret) {}

  /** A started local runtime; {@link #close()} stops the HTTP API, then DynamoDB Local. */
  public record Running(Config config, LocalDynamo dynamo, LocalApiGateway api, LocalMailDrain mail,
      List<String> tablesCreated, String demoMessage) implements AutoCloseable {
    @Override
    public void close() {
      try {
        mail.close();
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
    return new Config(template, o.dataDir(), port, secret);
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
    LocalApiGateway api = new LocalApiGateway(model, jwt, data, log);
    try {
      api.bind(config.port());
    } catch (BindException e) {
      throw CommandOptions.bad("Cổng " + config.port() + " đang được dùng (thử --port)",
          "port " + config.port() + " is in use (try --port)");
    } catch (IOException e) {
      throw new IllegalStateException("cannot open port " + config.port() + ": " + e, e);
    }
    LocalDynamo dynamo = null;
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
      properties.forEach(System::setProperty);
      // The SDK's default chains read these: any client built without an explicit configuration stays on
      // the local region and dummy credentials, whatever ~/.aws holds.
      System.setProperty("aws.region", TemplateModel.REGION);
      System.setProperty("aws.accessKeyId", "local");
      System.setProperty("aws.secretAccessKey", "local");
      String demo = DemoCommune.ensure(data, config.webhookSecret());
      // e-mails written to the table's outbox become .eml files, as SES would send them
      LocalMailDrain mail = new LocalMailDrain(new DynamoMailOutbox(DynamoTable.fromEnvironment()),
          data.resolve("outbox"), Clock.systemUTC()).start();
      api.start(properties);
      return new Running(new Config(config.template(), data, api.port(), config.webhookSecret()), dynamo, api,
          mail, created, demo);
    } catch (IOException e) {
      api.close();
      dynamo.close();
      throw new IllegalStateException("cannot start the local API: " + e, e);
    } catch (RuntimeException e) {
      api.close();
      if (dynamo != null) {
        dynamo.close();
      }
      throw e;
    }
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
    sb.append("  hộp thư / outbox: ").append(r.api().uri()).append(LocalApiGateway.OUTBOX_PATH).append('\n');
    sb.append("  ").append(java.util.Objects.toString(r.demoMessage(), "")).append('\n');
    sb.append("  token: java -jar infra/target/doithoai-local.jar token --data ").append(r.config().dataDir())
        .append(" --commune ID --role office");
    return sb.toString();
  }
}
