package vn.doithoai.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.mail.OutgoingMail;

/**
 * SesMailSender through the SES v2 emulator {@code aws-ses-v2-local} 2.10.2 (npm), installed into
 * {@code target/ses-local} and run on 127.0.0.1: the real SDK request, parsed by a third party, read back from
 * its {@code GET /store}. Skipped, with the reason, where {@code node}/{@code npm} is missing or the package
 * cannot be installed and started within 60 s (no registry, a slow machine).
 */
class SesLocalIntegrationTest {
  static final String PACKAGE = "aws-ses-v2-local";
  static final String VERSION = "2.10.2";
  static final Duration BUDGET = Duration.ofSeconds(60);
  static final Path DIR = Path.of("target", "ses-local").toAbsolutePath();
  /** The node and npm commands (system properties {@code ses.local.node} / {@code ses.local.npm} to override). */
  static final String NODE = System.getProperty("ses.local.node", "node");
  static final String NPM = System.getProperty("ses.local.npm", "npm");

  private static Process server;
  private static String endpoint;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** Why the test cannot run here, or null. */
  private static String skipReason;

  @BeforeAll
  static void start() throws Exception {
    skipReason = launch();
    if (skipReason != null) {
      System.err.println("SesLocalIntegrationTest skipped: " + skipReason);
    }
  }

  /** Reported per test, so that the reason shows in the test report as a skipped test. */
  @BeforeEach
  void emulatorIsRunning() {
    Assumptions.assumeTrue(skipReason == null, skipReason);
  }

  /** Installs (once) and starts the emulator; null when it runs, else why not. */
  private static String launch() throws Exception {
    Instant deadline = Instant.now().plus(BUDGET);
    if (!runs(List.of(NODE, "--version"), deadline)) {
      return "node is not installed (" + NODE + "): the SES emulator " + PACKAGE + " cannot run here";
    }
    Path pkg = DIR.resolve("node_modules").resolve(PACKAGE);
    Path cli = pkg.resolve("dist").resolve("cli.js");
    if (!Files.exists(cli) || !Files.readString(pkg.resolve("package.json")).contains("\"version\": \"" + VERSION + "\"")) {
      if (!runs(List.of(NPM, "--version"), deadline)) {
        return "npm is not installed (" + NPM + "): cannot install the SES emulator " + PACKAGE + "@" + VERSION;
      }
      if (!runs(List.of(NPM, "install", "--no-audit", "--no-fund", "--no-save", "--loglevel=error", "--prefix",
          DIR.toString(), PACKAGE + "@" + VERSION), deadline) || !Files.exists(cli)) {
        return "could not install " + PACKAGE + "@" + VERSION + " from npm within " + BUDGET.toSeconds() + " s (see "
            + DIR.resolve("command.log") + ")";
      }
    }
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    ProcessBuilder pb = new ProcessBuilder(NODE, cli.toString(), "--host", "127.0.0.1", "--port",
        Integer.toString(port)).redirectErrorStream(true).redirectOutput(DIR.resolve("server.log").toFile());
    pb.environment().remove("SMTP_TRANSPORT"); // keep it from relaying anything anywhere
    server = pb.start();
    endpoint = "http://127.0.0.1:" + port;
    while (Instant.now().isBefore(deadline) && server.isAlive()) {
      try {
        if (HTTP.send(HttpRequest.newBuilder(URI.create(endpoint + "/health-check")).timeout(Duration.ofSeconds(2))
            .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return null;
        }
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    stop();
    return "the SES emulator " + PACKAGE + " did not start within " + BUDGET.toSeconds() + " s (see "
        + DIR.resolve("server.log") + ")";
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (server != null) {
      server.destroy();
      if (!server.waitFor(5, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
      server = null;
    }
  }

  /** Runs a command to completion before the deadline; false if it cannot start, fails or runs out of time. */
  private static boolean runs(List<String> command, Instant deadline) throws InterruptedException {
    try {
      Files.createDirectories(DIR);
      File log = DIR.resolve("command.log").toFile();
      Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
      long left = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
      if (!p.waitFor(left, TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void aVietnameseMailArrivesIntact() throws Exception {
    String subject = "[Xã Tân Thành] QUÁ HẠN 2 ngày: Trả lời ý kiến về đường liên thôn Nà Pàn – Khòn Pổ";
    String text = "Kính gửi đồng chí,\n\nViệc dưới đây đã quá hạn (hạn chót thứ Hai, ngày 10/11/2025) mà chưa được "
        + "ghi nhận hoàn thành.\n\nĐơn vị chịu trách nhiệm: Công chức Địa chính - Xây dựng\n"
        + "Xem chi tiết: https://doithoai.example.vn/opinions/o_1\n\nỦy ban MTTQ xã được gửi đồng thời để giám sát.";
    String html = "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"></head><body><p>Kính gửi đồng chí,"
        + "</p><p><strong>Việc dưới đây đã quá hạn</strong> &lt;script&gt;</p></body></html>";
    OutgoingMail mail = new OutgoingMail("mail#xa-tan-thanh#OP#o_1#answer#escalation-1#v2#chutich@tanthanh.gov.vn",
        Fixtures.CID, "chutich@tanthanh.gov.vn", subject, text, html, "deadline.escalation",
        Instant.parse("2025-11-12T01:00:00Z"), List.of("mttq@tanthanh.gov.vn"));
    System.setProperty(AwsClients.SES_ENDPOINT, endpoint);
    String messageId;
    SesMailSender sender;
    try (SesV2Client client = AwsClients.buildSes()) {
      sender = new SesMailSender(client, "\"Đối thoại\" <khong-tra-loi@tanthanh.gov.vn>", "doithoai-mail");
      messageId = sender.send(mail);
    } finally {
      System.clearProperty(AwsClients.SES_ENDPOINT);
    }
    assertNotNull(messageId);

    HttpResponse<String> store = HTTP.send(HttpRequest.newBuilder(URI.create(endpoint + "/store"))
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(200, store.statusCode());
    List<Map<String, Object>> emails = (List<Map<String, Object>>) Json.readObject(store.body()).get("emails");
    Map<String, Object> stored = emails.stream().filter(e -> messageId.equals(e.get("messageId"))).findFirst()
        .orElseThrow(() -> new AssertionError("message " + messageId + " not in " + store.body()));
    assertEquals(subject, stored.get("subject"));
    Map<String, Object> body = (Map<String, Object>) stored.get("body");
    assertEquals(text, body.get("text"));
    assertEquals(html, body.get("html"));
    assertEquals(sender.from(), stored.get("from"));
    assertTrue(sender.from().startsWith("=?UTF-8?B?"), sender.from());
    Map<String, Object> destination = (Map<String, Object>) stored.get("destination");
    assertEquals(List.of("chutich@tanthanh.gov.vn"), destination.get("to"));
    assertEquals(List.of("mttq@tanthanh.gov.vn"), destination.get("cc"));
  }
}
