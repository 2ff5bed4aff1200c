package vn.doithoai.aws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import vn.doithoai.core.mail.OutgoingMail;

/** The exact SendEmail calls, against a stub of the SES v2 REST-JSON API. */
class SesMailSenderTest {
  static final String FROM = "\"Đối thoại\" <khong-tra-loi@example.vn>";
  static final String SUBJECT = "[Xã Tân Thành] Nhắc hạn 10/11/2025: Thông báo <script>alert(1)</script> & \"đối thoại\"";
  static final String TEXT = "Kính gửi đồng chí,\r\n\r\nViệc: Thông báo công khai thời gian, địa điểm đối thoại\n"
      + "Hạn chót: thứ Hai, ngày 10/11/2025\n<script>alert('x')</script>\n😀 ✓ — “ngoặc”\n";
  static final String HTML = "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"></head><body>"
      + "<p>Kính gửi đồng chí,</p><p>&lt;script&gt; Ủy ban MTTQ xã</p></body></html>";

  private StubServer stub;
  private SesV2Client client;

  @BeforeEach
  void setUp() throws Exception {
    stub = new StubServer();
    System.setProperty(AwsClients.SES_ENDPOINT, stub.url());
    client = AwsClients.configure(SesV2Client.builder(), AwsClients.SES_ENDPOINT)
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
  }

  @AfterEach
  void tearDown() {
    System.clearProperty(AwsClients.SES_ENDPOINT);
    client.close();
    stub.close();
  }

  static OutgoingMail mail(String subject, String html, List<String> cc) {
    return new OutgoingMail("mail#xa-tan-thanh#p_01#m1#notice#reminder-1#v4#vanphong@tanthanh.gov.vn",
        Fixtures.CID, "vanphong@tanthanh.gov.vn", subject, TEXT, html, "deadline.reminder",
        Instant.parse("2025-11-03T01:00:00Z"), cc);
  }

  @Test
  @SuppressWarnings("unchecked")
  void sendsSimpleUtf8ContentByteForByte() {
    stub.respond(r -> StubServer.Reply.json(200, "{\"MessageId\":\"0100019a-ses-message-id\"}"));
    SesMailSender sender = new SesMailSender(client, FROM, "doithoai-mail");

    String id = sender.send(mail(SUBJECT, HTML, List.of("mttq@tanthanh.gov.vn", "chutich@tanthanh.gov.vn")));

    assertEquals("0100019a-ses-message-id", id);
    List<StubServer.Request> requests = stub.requests();
    assertEquals(1, requests.size());
    StubServer.Request r = requests.get(0);
    assertEquals("POST", r.method());
    assertEquals("/v2/email/outbound-emails", r.pathOnly());
    assertTrue(r.header("authorization").contains("/ses/aws4_request"), r.header("authorization"));
    Map<String, Object> body = r.json();

    String from = (String) body.get("FromEmailAddress");
    assertTrue(from.chars().allMatch(c -> c < 0x80), "7-bit ASCII: " + from);
    assertTrue(from.endsWith(" <khong-tra-loi@example.vn>"), from);
    assertEquals("Đối thoại", decodeWords(from.substring(0, from.indexOf(" <"))));

    Map<String, Object> destination = (Map<String, Object>) body.get("Destination");
    assertEquals(List.of("vanphong@tanthanh.gov.vn"), destination.get("ToAddresses"));
    assertEquals(List.of("mttq@tanthanh.gov.vn", "chutich@tanthanh.gov.vn"), destination.get("CcAddresses"));

    Map<String, Object> simple = (Map<String, Object>) ((Map<String, Object>) body.get("Content")).get("Simple");
    Map<String, Object> subject = (Map<String, Object>) simple.get("Subject");
    assertEquals("UTF-8", subject.get("Charset"));
    assertUtf8(SUBJECT, (String) subject.get("Data"));
    Map<String, Object> parts = (Map<String, Object>) simple.get("Body");
    Map<String, Object> text = (Map<String, Object>) parts.get("Text");
    Map<String, Object> html = (Map<String, Object>) parts.get("Html");
    assertEquals("UTF-8", text.get("Charset"));
    assertEquals("UTF-8", html.get("Charset"));
    assertUtf8(TEXT, (String) text.get("Data"));
    assertUtf8(HTML, (String) html.get("Data"));
    // the JSON on the wire is UTF-8 itself: the Vietnamese bytes are there as they are or as \\u escapes
    assertTrue(r.text().contains("Nhắc hạn") || r.text().contains("Nh\\u1eafc"), r.text());

    assertEquals("doithoai-mail", body.get("ConfigurationSetName"));
    List<Map<String, Object>> tags = (List<Map<String, Object>>) body.get("EmailTags");
    assertEquals(Map.of("Name", "kind", "Value", "deadline_reminder"), tags.get(0));
    assertEquals("mailId", tags.get(1).get("Name"));
    assertTrue(((String) tags.get(1).get("Value")).matches("[0-9a-f]{32}"));
    assertEquals(List.of(Map.of("Name", "X-Doithoai-Mail-Id", "Value", tags.get(1).get("Value"))),
        simple.get("Headers"), "the idempotency key travels in the message too");
  }

  @Test
  @SuppressWarnings("unchecked")
  void crAndLfInTheSubjectBecomeSpacesAndAMissingHtmlIsOmitted() {
    stub.respond(r -> StubServer.Reply.json(200, "{\"MessageId\":\"m-2\"}"));
    SesMailSender sender = new SesMailSender(client, "khong-tra-loi@example.vn", null);

    sender.send(mail("Nhắc hạn\r\nBcc: ke-gian@example.com\n\tcuối", null, List.of()));

    Map<String, Object> body = stub.requests().get(0).json();
    assertEquals("khong-tra-loi@example.vn", body.get("FromEmailAddress"));
    Map<String, Object> simple = (Map<String, Object>) ((Map<String, Object>) body.get("Content")).get("Simple");
    assertEquals("Nhắc hạn  Bcc: ke-gian@example.com  cuối", ((Map<String, Object>) simple.get("Subject")).get("Data"));
    Map<String, Object> parts = (Map<String, Object>) simple.get("Body");
    assertFalse(parts.containsKey("Html"));
    assertUtf8(TEXT, (String) ((Map<String, Object>) parts.get("Text")).get("Data"));
    assertFalse(((Map<String, Object>) body.get("Destination")).containsKey("CcAddresses"));
    assertFalse(body.containsKey("ConfigurationSetName"));
  }

  @Test
  void aRejectedMessageIsPermanentAndItsExceptionNamesNoOne() {
    stub.respond(r -> StubServer.Reply.error(400, "MessageRejected",
        "Email address is not verified: vanphong@tanthanh.gov.vn"));
    SesMailSender sender = new SesMailSender(client, FROM, null);

    MailSendFailed e = assertThrows(MailSendFailed.class, () -> sender.send(mail(SUBJECT, HTML, List.of())));

    assertEquals("MessageRejected", e.code());
    assertEquals(400, e.status());
    assertFalse(e.transientFailure());
    assertFalse(e.getMessage().contains("@"), e.getMessage());
    assertFalse(e.getMessage().contains("tanthanh"), e.getMessage());
    assertFalse(e.getMessage().contains("Nhắc"), e.getMessage());
    assertNull(e.getCause(), "the service's message may quote the address");
    for (String code : List.of("MailFromDomainNotVerifiedException", "AccountSuspendedException",
        "SendingPausedException", "NotFoundException", "BadRequestException")) {
      stub.respond(r -> StubServer.Reply.error(400, code, "refused"));
      MailSendFailed f = assertThrows(MailSendFailed.class, () -> sender.send(mail(SUBJECT, HTML, List.of())));
      assertFalse(f.transientFailure(), code);
    }
  }

  @Test
  void throttlingAndServerErrorsAreTransient() {
    SesMailSender sender = new SesMailSender(client, FROM, null);
    stub.respond(r -> StubServer.Reply.error(429, "TooManyRequestsException", "Maximum sending rate exceeded."));
    MailSendFailed throttled = assertThrows(MailSendFailed.class, () -> sender.send(mail(SUBJECT, HTML, List.of())));
    assertTrue(throttled.transientFailure());
    assertEquals("TooManyRequestsException", throttled.code());

    stub.respond(r -> StubServer.Reply.error(503, "ServiceUnavailable", "unavailable"));
    MailSendFailed unavailable = assertThrows(MailSendFailed.class,
        () -> sender.send(mail(SUBJECT, HTML, List.of())));
    assertTrue(unavailable.transientFailure());
    assertEquals(503, unavailable.status());
  }

  @Test
  void displayNamesAndAddressesAsSesTakesThem() {
    assertEquals("\"Doi thoai\" <khong-tra-loi@example.vn>",
        SesMailSender.fromAddress("Doi thoai <khong-tra-loi@example.vn>"));
    assertEquals("\"Xa \\\"Tan\\\" Thanh\" <a@example.vn>", SesMailSender.fromAddress("\"Xa \\\"Tan\\\" Thanh\" <a@example.vn>"));
    assertEquals("a@example.vn", SesMailSender.fromAddress(" <a@example.vn>"));
    String encoded = SesMailSender.fromAddress("Ủy ban nhân dân xã Tân Thành, huyện Văn Lãng, tỉnh Lạng Sơn <ubnd@example.vn>");
    for (String word : encoded.substring(0, encoded.indexOf(" <")).split(" ")) {
      assertTrue(word.length() <= 75 && word.startsWith("=?UTF-8?B?") && word.endsWith("?="), word);
    }
    assertEquals("Ủy ban nhân dân xã Tân Thành, huyện Văn Lãng, tỉnh Lạng Sơn",
        decodeWords(encoded.substring(0, encoded.indexOf(" <"))));
    // decomposed input (as some editors save it) is sent composed
    assertEquals("Đối thoại", decodeWords(SesMailSender.fromAddress("Đo\u0302\u0301i thoa\u0323i <a@example.vn>")
        .replace(" <a@example.vn>", "")));
    assertEquals("a@xn--tnthnh-ltam.vn", SesMailSender.address("a@tânthành.vn"));
    assertThrows(IllegalArgumentException.class, () -> SesMailSender.address("đức@example.vn"));
    assertEquals("unknown", SesMailSender.tagValue(null));
    assertEquals("opinion_received-2", SesMailSender.tagValue("opinion.received-2"));
  }

  static void assertUtf8(String expected, String actual) {
    assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes space-separated RFC 2047 B-encoded UTF-8 words (adjacent words join without the space). */
  static String decodeWords(String s) {
    Matcher m = Pattern.compile("=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?=").matcher(s);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int words = 0;
    while (m.find()) {
      out.writeBytes(Base64.getDecoder().decode(m.group(1)));
      words++;
    }
    assertTrue(words > 0, "no encoded word in " + s);
    return out.toString(StandardCharsets.UTF_8);
  }
}
