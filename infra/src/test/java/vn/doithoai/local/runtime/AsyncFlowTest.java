package vn.doithoai.local.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import vn.doithoai.core.common.Json;
import vn.doithoai.local.runtime.async.Clients;
import vn.doithoai.local.runtime.async.MailerHandler;
import vn.doithoai.local.runtime.async.RelayHandler;

/**
 * The asynchronous local runtime end to end with the fixture's test handlers and the real SDK clients:
 * item → stream → relay → bus → rule → schedules function → CreateSchedule; the clock advanced → the
 * schedule fires its target at its instant → bus → mailer → SES → .eml; the daily cron at 07:00 Vietnam
 * time; partial batch failures and failed deliveries retried; schedules and stream positions kept across a
 * restart.
 */
class AsyncFlowTest {
  static Path template() {
    try {
      return Path.of(AsyncFlowTest.class.getResource("async-template.yaml").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();
  private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
  private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);

  private Map<String, Object> clock(ServeCommand.Running r, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(r.api().uri() + "/_local/clock"))
        .timeout(Duration.ofSeconds(120));
    HttpResponse<String> resp = http.send(body == null ? b.GET().build()
        : b.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, resp.statusCode(), resp.body());
    return Json.readObject(resp.body());
  }

  private static void put(ServeCommand.Running r, String pk, String event, Object detail, boolean failOnce) {
    Map<String, AttributeValue> item = new java.util.LinkedHashMap<>(Map.of("pk", AttributeValue.fromS(pk),
        "sk", AttributeValue.fromS("OUTBOX"), "event", AttributeValue.fromS(event),
        "detail", AttributeValue.fromS(Json.write(detail))));
    if (failOnce) {
      item.put("failOnce", AttributeValue.fromBool(true));
    }
    r.dynamo().client().putItem(b -> b.tableName("doithoai-async-test").item(item));
  }

  private static Map<String, Object> deadline(String name, String at, String subject) {
    return Map.of("name", name, "at", at, "mail", Map.of("to", "kinhte@demo.example.vn", "subject", subject,
        "kind", "deadline.reminder"));
  }

  @Test
  @DisplayName("outbox item → relay → bus → schedule → fire at its instant → mailer → SES → .eml; cron at 07:00; "
      + "retries; kept across a restart")
  void flow(@TempDir Path dir) throws Exception {
    try {
      run(dir);
    } catch (AssertionError | Exception e) {
      System.err.println(logBytes.toString(StandardCharsets.UTF_8)); // the runtime's log, to see why
      throw e;
    }
  }

  private void run(Path dir) throws Exception {
    Path data = dir.resolve("data");
    ServeCommand.Config config = new ServeCommand.Config(template(), data, 0, null,
        Instant.parse("2025-11-03T01:00:00Z"));
    try (ServeCommand.Running r = ServeCommand.start(config, log)) {
      assertEquals(null, r.mail(), "the template has the outbox relay: no direct mail drain");
      assertEquals("arn:aws:lambda:ap-southeast-1:000000000000:function:DeadlinesFunction",
          System.getProperty("SCHEDULE_TARGET_ARN"));
      assertEquals(r.services().endpoint().toString(), System.getProperty("DOITHOAI_SES_ENDPOINT"));
      assertTrue(Math.abs(Duration.between(Instant.parse("2025-11-03T01:00:00Z"), Clients.now()).toSeconds()) < 60);

      put(r, "E#1", "DeadlineChanged", deadline("dt-1-v1-reminder-1", "2025-11-05T01:00:00Z",
          "[Xã Demo] Nhắc hạn 05/11/2025: thông báo kết luận"), true);
      put(r, "E#2", "DeadlineChanged", deadline("dt-2-v1-due", "2025-11-04T03:30:00Z",
          "[Xã Demo] Đến hạn hôm nay (retry)"), false);
      assertTrue(r.services().awaitQuiet(Duration.ofSeconds(30)), logBytes.toString(StandardCharsets.UTF_8));
      assertEquals(1, RelayHandler.FAILED.size(), "the failed record was reported once, then redelivered");
      assertEquals("at(2025-11-05T08:00:00)", Clients.scheduler().getSchedule(b -> b.name("dt-1-v1-reminder-1")
          .groupName("doithoai-test")).scheduleExpression());

      Map<String, Object> now = clock(r, "{\"to\":\"2025-11-05T23:30:00Z\"}");
      assertEquals(4, ((Number) now.get("fired")).intValue(), now.toString()); // 2 schedules, 2 × 07:00 cron
      assertEquals(Boolean.TRUE, now.get("settled"));
      assertTrue(((String) now.get("now")).startsWith("2025-11-05T23:30"), now.toString());

      List<OutboxMail> mails = OutboxMail.readAll(data.resolve("outbox"));
      assertEquals(List.of("[Xã Demo] Đến hạn hôm nay (retry)", "[Xã Demo] Nhắc hạn 05/11/2025: thông báo kết luận"),
          mails.stream().map(OutboxMail::subject).toList(), "each e-mail once, retried delivery included");
      assertEquals(Instant.parse("2025-11-04T03:30:00Z"), mails.get(0).date(), "sent at the schedule's instant");
      assertEquals(Instant.parse("2025-11-05T01:00:00Z"), mails.get(1).date());
      assertEquals("deadline.reminder", mails.get(1).kind());
      assertEquals("mttq@demo.example.vn", mails.get(1).cc());
      assertEquals("Đối thoại <khong-tra-loi@doithoai.local>", mails.get(1).from());
      assertTrue(mails.get(1).text().startsWith("Nội dung: [Xã Demo]"), mails.get(1).text());
      assertEquals(1, MailerHandler.FAILED.size());
      assertThrows(ResourceNotFoundException.class, () -> Clients.scheduler().getSchedule(b -> b
          .name("dt-1-v1-reminder-1").groupName("doithoai-test")), "ActionAfterCompletion DELETE");
      assertEquals(List.of("local.reconcile 2025-11-04T00:00:00Z", "local.reconcile 2025-11-05T00:00:00Z"),
          Clients.LOG.stream().filter(l -> l.startsWith("reconcile ")).map(l -> l.split(" ")[1] + " "
              + Instant.parse(l.split(" ")[3]).truncatedTo(java.time.temporal.ChronoUnit.MINUTES)).toList(),
          "the cron at 07:00 Asia/Ho_Chi_Minh, with the clock at that time");

      put(r, "E#3", "DeadlineChanged", deadline("dt-3-v1-due", "2025-11-07T01:00:00Z",
          "[Xã Demo] Sau khi khởi động lại"), false);
      assertTrue(r.services().awaitQuiet(Duration.ofSeconds(30)));

      // a restart of the scheduler, bus and relay (DynamoDB Local keeps running: the SDK clients of the
      // handlers live as long as the JVM): schedules and stream positions come back from the data directory
      r.services().close();
      long relayed = Clients.LOG.stream().filter(l -> l.startsWith("relay")).count();
      TemplateModel model = TemplateModel.load(template());
      try (LocalServices again = new LocalServices(model, new LocalFunctions(model, log),
          LocalClock.forDataDir(data, null), r.dynamo(), data, log).bind()) {
        again.properties().forEach(System::setProperty);
        again.start();
        assertTrue(Clients.now().isAfter(Instant.parse("2025-11-05T23:29:00Z")), "the clock goes on from its data");
        assertTrue(again.awaitQuiet(Duration.ofSeconds(30)));
        assertEquals(relayed, Clients.LOG.stream().filter(l -> l.startsWith("relay")).count(),
            "no stream record replayed after a restart");
        LocalServices.Advance a = again.advanceTo(Clients.now().plus(Duration.ofDays(2)));
        assertEquals(3, a.fired(), a.toString()); // the kept schedule, 2 × cron
        assertEquals(3, OutboxMail.readAll(data.resolve("outbox")).size());
      }
    }
    assertTrue(!Files.exists(data.resolve("dead-letters.jsonl")), "nothing dead-lettered");
  }
}
