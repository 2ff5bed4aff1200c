package vn.doithoai.local.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ValidationException;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import vn.doithoai.local.runtime.async.Clients;

/**
 * The stand-ins on the wire, through the real SDK v2 clients: operations, the errors the SDK turns into its
 * modelled exceptions (by {@code x-amzn-ErrorType}), PutEvents' per-entry errors, SES to .eml; and the event
 * pattern and cron subsets.
 */
class AwsStandInsTest {
  private final PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  private LocalServices services;
  private Path data;

  @BeforeEach
  void start(@TempDir Path dir) throws Exception {
    data = dir;
    TemplateModel model = TemplateModel.load(AsyncFlowTest.template());
    services = new LocalServices(model, new LocalFunctions(model, log),
        LocalClock.forDataDir(dir, Instant.parse("2025-11-03T01:00:00Z")), null, dir, log).bind();
    services.properties().forEach(System::setProperty);
    System.setProperty("EVENT_BUS_NAME", "doithoai-test");
  }

  @AfterEach
  void stop() {
    services.close();
  }

  private static final String INPUT = "{\"to\":\"kinhte@demo.example.vn\",\"subject\":\"Nhắc\","
      + "\"kind\":\"deadline.reminder\"}";

  private static CreateScheduleRequest schedule(String name, String group, String at) {
    return CreateScheduleRequest.builder().name(name).groupName(group).scheduleExpression("at(" + at + ")")
        .scheduleExpressionTimezone("Asia/Ho_Chi_Minh").flexibleTimeWindow(f -> f.mode(FlexibleTimeWindowMode.OFF))
        .target(t -> t.arn("arn:aws:lambda:ap-southeast-1:000000000000:function:DeadlinesFunction:live")
            .roleArn("arn:aws:iam::000000000000:role/r").input(INPUT)
            .retryPolicy(r -> r.maximumRetryAttempts(10)))
        .build();
  }

  @Test
  @DisplayName("Scheduler: create, get, conflict 409, past at() 400, unknown group and missing schedule 404")
  void scheduler() {
    SchedulerClient c = Clients.scheduler();
    String arn = c.createSchedule(schedule("dt-1", "doithoai-test", "2025-11-05T08:00:00")).scheduleArn();
    assertEquals("arn:aws:scheduler:ap-southeast-1:000000000000:schedule/doithoai-test/dt-1", arn);
    GetScheduleResponse got = c.getSchedule(b -> b.name("dt-1").groupName("doithoai-test"));
    assertEquals("at(2025-11-05T08:00:00)", got.scheduleExpression());
    assertEquals("Asia/Ho_Chi_Minh", got.scheduleExpressionTimezone());
    assertEquals(INPUT, got.target().input());
    assertEquals(10, got.target().retryPolicy().maximumRetryAttempts());
    assertEquals(Instant.parse("2025-11-03T01:00:00Z"), got.creationDate().truncatedTo(java.time.temporal.ChronoUnit.HOURS));
    assertEquals(1, c.listSchedules(b -> b.groupName("doithoai-test").namePrefix("dt-")).schedules().size());
    assertThrows(ConflictException.class, () -> c.createSchedule(schedule("dt-1", "doithoai-test",
        "2025-11-06T08:00:00")));
    assertThrows(ValidationException.class, () -> c.createSchedule(schedule("dt-2", "doithoai-test",
        "2025-11-03T07:59:00")), "an instant before the current minute");
    assertThrows(ResourceNotFoundException.class, () -> c.createSchedule(schedule("dt-3", "nope",
        "2025-11-05T08:00:00")));
    LocalServices.Advance a = services.advanceTo(Instant.parse("2025-11-05T02:00:00Z"));
    assertEquals(3, a.fired(), "dt-1 and the 07:00 cron twice");
    assertTrue(a.settled());
    assertTrue(Clients.LOG.stream().anyMatch(l -> l.startsWith("deadlines Nhắc at 2025-11-05T01:00")), Clients.LOG
        .toString());
    assertEquals(1, OutboxMail.readAll(data.resolve("outbox")).size(), "target → bus → mailer → SES");
    assertEquals("ENABLED", c.getSchedule(b -> b.name("dt-1").groupName("doithoai-test")).stateAsString(),
        "ActionAfterCompletion NONE: kept after it fired");
    c.deleteSchedule(b -> b.name("dt-1").groupName("doithoai-test"));
    assertThrows(ResourceNotFoundException.class, () -> c.deleteSchedule(b -> b.name("dt-1")
        .groupName("doithoai-test")));
    assertTrue(data.resolve("scheduler.json").toFile().isFile());
  }

  @Test
  @DisplayName("EventBridge: accepted entries get ids; a malformed detail or an unknown bus fails that entry only")
  void putEvents() {
    PutEventsResponse r = Clients.events().putEvents(b -> b.entries(
        e -> e.eventBusName("doithoai-test").source("doithoai").detailType("Nothing").detail("{\"a\":1}"),
        e -> e.eventBusName("doithoai-test").source("doithoai").detailType("Nothing").detail("not json"),
        e -> e.eventBusName("arn:aws:events:ap-southeast-1:000000000000:event-bus/other").source("doithoai")
            .detailType("Nothing").detail("{}")));
    assertEquals(2, r.failedEntryCount());
    assertTrue(r.entries().get(0).eventId() != null && r.entries().get(0).errorCode() == null);
    assertEquals("MalformedDetail", r.entries().get(1).errorCode());
    assertEquals("ResourceNotFoundException", r.entries().get(2).errorCode());
  }

  @Test
  @DisplayName("SES v2: a Simple message becomes a UTF-8 .eml; Raw is written as sent; unknown set 404, no body 400")
  void ses() {
    String id = Clients.ses().sendEmail(b -> b.fromEmailAddress("Đối thoại <khong-tra-loi@doithoai.local>")
        .destination(d -> d.toAddresses("a@example.vn", "b@example.vn").bccAddresses("secret@example.vn"))
        .configurationSetName("doithoai-test")
        .emailTags(t -> t.name("kind").value("opinion-ack"))
        .content(c -> c.simple(m -> m.subject(s -> s.data("Đã tiếp nhận ý kiến – mã DT-1"))
            .body(x -> x.text(t -> t.data("Kính gửi ông/bà"))))))
        .messageId();
    assertTrue(id.startsWith("local-"), id);
    List<OutboxMail> mails = OutboxMail.readAll(data.resolve("outbox"));
    assertEquals(1, mails.size());
    OutboxMail m = mails.get(0);
    assertEquals("Đã tiếp nhận ý kiến – mã DT-1", m.subject());
    assertEquals("a@example.vn, b@example.vn", m.to());
    assertEquals("opinion-ack", m.kind());
    assertEquals("Kính gửi ông/bà", m.text());
    assertEquals(Instant.parse("2025-11-03T01:00:00Z"), m.date().truncatedTo(java.time.temporal.ChronoUnit.HOURS));
    assertTrue(m.file().getFileName().toString().endsWith(id + ".eml"));
    assertFalse(m.file().toFile().length() == 0 || readString(m.file()).contains("secret@"), "no Bcc in headers");
    Clients.ses().sendEmail(b -> b.content(c -> c.raw(r -> r.data(SdkBytes.fromUtf8String(
        "From: a@b\r\nTo: c@d\r\nSubject: raw\r\nDate: Mon, 3 Nov 2025 08:00:00 +0700\r\n\r\nhi\r\n")))));
    assertEquals(2, OutboxMail.readAll(data.resolve("outbox")).size());
    assertThrows(NotFoundException.class, () -> Clients.ses().sendEmail(b -> b.fromEmailAddress("a@b")
        .destination(d -> d.toAddresses("c@d")).configurationSetName("nope")
        .content(c -> c.simple(m2 -> m2.subject(s -> s.data("x")).body(x -> x.text(t -> t.data("y")))))));
    assertThrows(BadRequestException.class, () -> Clients.ses().sendEmail(b -> b.fromEmailAddress("a@b")
        .destination(d -> d.toAddresses("c@d")).content(c -> c.simple(m2 -> m2.subject(s -> s.data("x"))))));
  }

  @Test
  @DisplayName("End User Messaging SMS: the signed SendTextMessage of the adapter becomes a .sms.eml beside the "
      + "e-mails, with its segments; a bad number 400, unsigned 403")
  void sms() throws Exception {
    System.setProperty(vn.doithoai.aws.SmsVoiceSender.ORIGINATION_IDENTITY, "UBNDXA");
    vn.doithoai.core.mail.SmsSender sender = vn.doithoai.aws.SmsVoiceSender.fromEnvironment().orElseThrow();
    System.clearProperty(vn.doithoai.aws.SmsVoiceSender.ORIGINATION_IDENTITY);
    String id = sender.send(vn.doithoai.core.mail.OutgoingMail.sms("sms#o_1#ack#v1#abc", "demo", "+84912345678",
        "UBND xa Demo da nhan y kien cua Ong/Ba, ma DT-1.", "opinion.ack", Instant.parse("2025-11-03T01:00:00Z")));
    assertTrue(id.startsWith("local-sms-"), id);
    OutboxMail m = OutboxMail.readAll(data.resolve("outbox")).get(0);
    assertTrue(m.file().getFileName().toString().endsWith(id + ".sms.eml"), m.file().toString());
    assertEquals("+84912345678", m.to());
    assertEquals("UBNDXA", m.from());
    assertEquals("opinion.ack", m.kind());
    assertEquals("SMS · 1 tin nhắn GSM-7 (48 ký tự)", m.subject());
    assertEquals("UBND xa Demo da nhan y kien cua Ong/Ba, ma DT-1.", m.text());

    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    java.util.function.BiFunction<String, String, Integer> post = (auth, body) -> {
      java.net.http.HttpRequest.Builder r = java.net.http.HttpRequest.newBuilder(services.endpoint())
          .header("X-Amz-Target", "PinpointSMSVoiceV2.SendTextMessage")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
      if (auth != null) {
        r.header("Authorization", auth);
      }
      try {
        return http.send(r.build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
    String signed = "AWS4-HMAC-SHA256 Credential=local/20251103/ap-southeast-1/sms-voice/aws4_request, x";
    assertEquals(400, post.apply(signed, "{\"DestinationPhoneNumber\":\"0912345678\",\"OriginationIdentity\":\"X\","
        + "\"MessageBody\":\"x\"}"));
    assertEquals(403, post.apply(null, "{}"));
    assertEquals(1, OutboxMail.readAll(data.resolve("outbox")).size());
  }

  private static String readString(Path p) {
    try {
      return java.nio.file.Files.readString(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  @DisplayName("event patterns: nested fields, any of the listed values, prefix, exists, anything-but, arrays")
  void patterns() {
    Map<String, Object> event = Map.of("source", "doithoai", "detail-type", "MailQueued",
        "detail", Map.of("kind", "deadline.reminder", "tags", List.of("a", "b"), "version", 1));
    assertTrue(LocalEventBus.matches(Map.of("source", List.of("x", "doithoai"), "detail",
        Map.of("kind", List.of(Map.of("prefix", "deadline.")), "version", List.of(1.0))), event));
    assertTrue(LocalEventBus.matches(Map.of("detail", Map.of("tags", List.of("b"))), event), "any array element");
    assertTrue(LocalEventBus.matches(Map.of("detail", Map.of("missing", List.of(Map.of("exists", false)))), event));
    assertFalse(LocalEventBus.matches(Map.of("detail-type", List.of("DeadlineChanged")), event));
    assertFalse(LocalEventBus.matches(Map.of("detail", Map.of("kind", List.of(Map.of("anything-but",
        "deadline.reminder")))), event));
    assertFalse(LocalEventBus.matches(Map.of("detail", Map.of("missing", List.of("x"))), event));
  }

  @Test
  @DisplayName("cron: 07:00 daily in Vietnam is 00:00 UTC; weekdays by name; L/W/# refused")
  void cron() {
    ZoneId vn = ZoneId.of("Asia/Ho_Chi_Minh");
    CronExpression daily = CronExpression.parse("cron(0 7 * * ? *)");
    assertEquals(Instant.parse("2025-11-04T00:00:00Z"), daily.next(Instant.parse("2025-11-03T01:00:00Z"), vn));
    assertEquals(Instant.parse("2025-11-05T00:00:00Z"), daily.next(Instant.parse("2025-11-04T00:00:00Z"), vn));
    CronExpression weekdays = CronExpression.parse("cron(30 8 ? * MON-FRI *)");
    assertEquals(Instant.parse("2025-11-10T01:30:00Z"), weekdays.next(Instant.parse("2025-11-07T02:00:00Z"), vn),
        "Friday after 08:30 → Monday");
    assertNull(CronExpression.parse("cron(0 0 1 1 ? 2020)").next(Instant.parse("2025-01-01T00:00:00Z"), vn));
    assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("cron(0 7 L * ? *)"));
  }
}
