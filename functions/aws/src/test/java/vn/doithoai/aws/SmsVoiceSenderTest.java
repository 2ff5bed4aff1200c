package vn.doithoai.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import vn.doithoai.core.mail.ContactIds;
import vn.doithoai.core.mail.OutgoingMail;

/**
 * The SendTextMessage call of AWS End User Messaging SMS as the API reference gives it, against a local server
 * that checks the SigV4 signature by computing it itself (canonical request, string to sign, derived key).
 */
class SmsVoiceSenderTest {
  static final String KEY_ID = "AKIDEXAMPLE";
  static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  static final String REGION = "ap-southeast-1";
  static final String PHONE = "+84912345678";
  static final OutgoingMail SMS = OutgoingMail.sms(ContactIds.messageId("sms#o_1#ack#v1", PHONE), Fixtures.CID,
      PHONE, "UBND xa Tan Thanh da nhan y kien cua Ong/Ba, ma DT-7K3M-9QX2.", "opinion.ack",
      Instant.parse("2025-11-05T03:00:00Z"));

  private StubServer stub;

  @BeforeEach
  void setUp() throws Exception {
    stub = new StubServer();
  }

  @AfterEach
  void tearDown() {
    stub.close();
  }

  private SmsVoiceSender sender(String configurationSet) {
    return new SmsVoiceSender(UrlConnectionHttpClient.create(), URI.create(stub.url() + "/"), REGION,
        StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_ID, SECRET)), "UBNDXA", configurationSet);
  }

  @Test
  void sendsOneSignedJson10RequestAndReturnsTheMessageId() throws Exception {
    stub.respond(r -> StubServer.Reply.json(200, "{\"MessageId\":\"msg-0001\"}"));

    assertEquals("msg-0001", sender("doithoai-sms").send(SMS));

    StubServer.Request r = stub.requests().get(0);
    assertEquals("POST", r.method());
    assertEquals("/", r.path());
    assertEquals("PinpointSMSVoiceV2.SendTextMessage", r.header("X-Amz-Target"));
    assertEquals("application/x-amz-json-1.0", r.header("Content-Type"));
    assertEquals(Map.of("DestinationPhoneNumber", PHONE, "OriginationIdentity", "UBNDXA", "MessageBody",
        SMS.text(), "MessageType", "TRANSACTIONAL", "ConfigurationSetName", "doithoai-sms",
        "Context", Map.of("kind", "opinion.ack")), r.json());
    assertSignedBySigV4(r);
  }

  @Test
  void withoutAConfigurationSetItIsLeftOut() {
    stub.respond(r -> StubServer.Reply.json(200, "{\"MessageId\":\"msg-0002\"}"));
    sender(" ").send(SMS);
    assertFalse(stub.requests().get(0).json().containsKey("ConfigurationSetName"));
  }

  @Test
  void throttlingIsTransientAValidationErrorPermanentAndNeitherQuotesTheNumber() {
    stub.respond(r -> StubServer.Reply.error(429, "ThrottlingException", "Rate exceeded for " + PHONE));
    MailSendFailed throttled = assertThrows(MailSendFailed.class, () -> sender(null).send(SMS));
    assertTrue(throttled.transientFailure());
    assertEquals("ThrottlingException", throttled.code());

    stub.respond(r -> StubServer.Reply.error(400, "ValidationException", "Invalid number " + PHONE));
    MailSendFailed invalid = assertThrows(MailSendFailed.class, () -> sender(null).send(SMS));
    assertFalse(invalid.transientFailure());
    assertEquals(400, invalid.status());
    assertFalse(invalid.getMessage().contains("912345678"), invalid.getMessage());
    assertTrue(invalid.getMessage().startsWith("SMS SendTextMessage failed for message "), invalid.getMessage());
  }

  /** SigV4 recomputed here from the request as received: a wrong scope, header set or body hash fails. */
  static void assertSignedBySigV4(StubServer.Request r) throws Exception {
    Matcher m = Pattern.compile("AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, "
        + "SignedHeaders=([^,]+), Signature=([0-9a-f]{64})").matcher(r.header("Authorization"));
    assertTrue(m.matches(), r.header("Authorization"));
    assertEquals(KEY_ID, m.group(1));
    assertEquals(REGION, m.group(3));
    assertEquals("sms-voice", m.group(4));
    String signedHeaders = m.group(5);
    assertTrue(signedHeaders.contains("host") && signedHeaders.contains("x-amz-target")
        && signedHeaders.contains("x-amz-date") && signedHeaders.contains("content-type"), signedHeaders);
    Map<String, String> canonical = new TreeMap<>();
    for (String h : signedHeaders.split(";")) {
      canonical.put(h, r.header(h).strip().replaceAll("\\s+", " "));
    }
    StringBuilder headers = new StringBuilder();
    canonical.forEach((k, v) -> headers.append(k).append(':').append(v).append('\n'));
    String request = "POST\n/\n\n" + headers + "\n" + signedHeaders + "\n" + hex(sha256(r.body()));
    String amzDate = r.header("X-Amz-Date");
    String scope = m.group(2) + "/" + REGION + "/sms-voice/aws4_request";
    String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
        + hex(sha256(request.getBytes(StandardCharsets.UTF_8)));
    byte[] key = hmac(("AWS4" + SECRET).getBytes(StandardCharsets.UTF_8), m.group(2));
    key = hmac(hmac(hmac(key, REGION), "sms-voice"), "aws4_request");
    assertEquals(hex(hmac(key, toSign)), m.group(6), "signature");
  }

  private static byte[] sha256(byte[] b) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(b);
  }

  private static byte[] hmac(byte[] key, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
