package vn.doithoai.local.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code serve} and {@code token} together: persistent DynamoDB Local, properties, the API, the same key. */
class ServeCommandTest {
  @Test
  @DisplayName("serve starts DynamoDB Local (persistent) and the API; a token from `token` is accepted; data survives")
  void serveAndToken(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    ServeCommand.Config config = ServeCommand.config(new String[] {"serve", "--port", "0",
        "--template", TemplateModelTest.fixture().toString(), "--data", data.toString()});
    assertEquals(0, config.port());
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8);
    try (ServeCommand.Running running = ServeCommand.start(config, logStream)) {
      assertEquals(List.of("doithoai-fixture-test"), running.tablesCreated());
      assertEquals(running.dynamo().endpoint().toString(), System.getProperty("DOITHOAI_DYNAMODB_ENDPOINT"));
      assertEquals("ap-southeast-1", System.getProperty("AWS_REGION"));
      assertEquals(data.toString(), System.getProperty("DOITHOAI_DATA_DIR"));
      assertEquals(data.resolve("outbox").toString(), System.getProperty("DOITHOAI_OUTBOX_DIR"));
      assertTrue(Files.isDirectory(data.resolve("outbox")));
      assertEquals("doithoai-fixture-test", System.getProperty("TABLE_NAME"), "Globals env, set before seeding");
      assertEquals(running.api().uri().toString(), System.getProperty("PUBLIC_BASE_URL"));
      assertTrue(running.demoMessage() != null && !running.demoMessage().isBlank());
      String banner = ServeCommand.describe(running);
      assertTrue(banner.contains(running.api().uri().toString()), banner);
      assertTrue(banner.contains("GET /communes/{commune}/plans/{planId} → EchoFunction [JWT]"), banner);
      running.dynamo().client().putItem(r -> r.tableName("doithoai-fixture-test").item(Map.of(
          "pk", AttributeValue.fromS("C#xa-1"), "sk", AttributeValue.fromS("PLAN#1"))));

      String token = TokenCommand.run(new String[] {"token", "--commune", "xa-1", "--role", "office,host",
          "--role", "front", "--agency", "ag-1", "--data", data.toString(), "--ttl", "0.5"});
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(
          URI.create(running.api().uri() + "/communes/xa-1/plans/p1"))
          .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      assertTrue(r.body().contains("\"roles\":\"[office host front]\""), r.body());
      assertTrue(r.body().contains("\"agency\":\"ag-1\""), r.body());
      assertTrue(r.body().contains("\"sub\":\"local-xa-1-office-host-front-ag-1\""), r.body());
      assertTrue(r.body().contains("\"name\":\"Local office host front\""), r.body());
      Map<String, String> claims = LocalJwt.forDataDir(data).verify(token);
      long ttl = Long.parseLong(claims.get("exp")) - Long.parseLong(claims.get("iat"));
      assertEquals(1800, ttl);
    }
    try (LocalDynamo again = LocalDynamo.persistent(data.resolve("dynamodb")).start()) {
      assertTrue(again.client().getItem(r -> r.tableName("doithoai-fixture-test").key(Map.of(
          "pk", AttributeValue.fromS("C#xa-1"), "sk", AttributeValue.fromS("PLAN#1")))).hasItem(),
          "data kept between runs");
    }
  }

  @Test
  @DisplayName("token: invalid or missing role, missing commune, bad ttl, unknown option → bilingual error")
  void tokenErrors(@TempDir Path dir) {
    String d = dir.toString();
    for (String[] argv : List.of(
        new String[] {"token", "--commune", "x", "--role", "mayor", "--data", d},
        new String[] {"token", "--commune", "x", "--role", "office,", "--role", "boss", "--data", d},
        new String[] {"token", "--commune", "x", "--data", d},
        new String[] {"token", "--role", "office", "--data", d},
        new String[] {"token", "--commune", "x", "--role", "office", "--ttl", "0", "--data", d},
        new String[] {"token", "--commune", "x", "--role", "office", "--ttl", "soon", "--data", d},
        new String[] {"token", "--commune", "x", "--role", "office", "--colour", "red", "--data", d},
        new String[] {"token", "extra", "--commune", "x", "--role", "office", "--data", d})) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TokenCommand.run(argv),
          String.join(" ", argv));
      assertTrue(e.getMessage().contains(" / "), "Vietnamese / English: " + e.getMessage());
    }
    IllegalArgumentException role = assertThrows(IllegalArgumentException.class,
        () -> TokenCommand.run(new String[] {"token", "--commune", "x", "--role", "mayor", "--data", d}));
    assertTrue(role.getMessage().contains("invalid role 'mayor'"), role.getMessage());
    assertEquals(List.of("admin", "office"), TokenCommand.roles(List.of("ADMIN", "office", "admin")));
  }

  @Test
  @DisplayName("serve: bad port, missing template, a port in use → bilingual error; template found in a parent")
  void serveErrors(@TempDir Path dir) throws Exception {
    assertThrows(IllegalArgumentException.class, () -> ServeCommand.config(new String[] {"serve", "--port", "x"}));
    assertThrows(IllegalArgumentException.class,
        () -> ServeCommand.config(new String[] {"serve", "--port", "70000"}));
    assertThrows(IllegalArgumentException.class, () -> ServeCommand.config(new String[] {"serve", "--template",
        dir.resolve("none.yaml").toString()}));
    Path nested = Files.createDirectories(dir.resolve("a/b"));
    Files.copy(TemplateModelTest.fixture(), dir.resolve("template.yaml"));
    assertEquals(dir.resolve("template.yaml"), ServeCommand.findTemplate(nested));
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ServeCommand.Config c = new ServeCommand.Config(dir.resolve("template.yaml"), dir.resolve("data"),
          busy.getLocalPort(), null);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> ServeCommand.start(c, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
      assertTrue(e.getMessage().contains("is in use"), e.getMessage());
    }
  }
}
