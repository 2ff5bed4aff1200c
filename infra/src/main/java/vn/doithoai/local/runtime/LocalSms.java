package vn.doithoai.local.runtime;

import static vn.doithoai.local.runtime.AwsHttp.map;
import static vn.doithoai.local.runtime.AwsHttp.string;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.doithoai.core.mail.SmsText;
import vn.doithoai.local.EmlWriter;

/**
 * AWS End User Messaging SMS, locally: {@code SendTextMessage} ({@code X-Amz-Target:
 * PinpointSMSVoiceV2.SendTextMessage}, AWS JSON 1.0) writes the message beside the e-mails, as
 * {@code <data>/outbox/<time>-<n>-<MessageId>.sms.eml} — so the outbox page, the demo's timeline and the tests
 * list it among them — with the number as {@code To}, the origination identity as {@code From}, the segments it
 * would be billed as the subject, the text as the body and {@code Context.kind} as {@code X-Doithoai-Kind}; it
 * answers {@code {"MessageId":"local-sms-…"}}. As the service does, it refuses (400 {@code ValidationException})
 * a request not signed for {@code sms-voice}, a number not in E.164, a missing origination identity or body, or
 * a message type other than TRANSACTIONAL / PROMOTIONAL. Every call writes a new file.
 */
final class LocalSms {
  static final String TARGET = "PinpointSMSVoiceV2.SendTextMessage";

  private final LocalSes store;
  private final LocalClock clock;
  private final PrintStream log;

  LocalSms(LocalSes store, LocalClock clock, PrintStream log) {
    this.store = store;
    this.clock = clock;
    this.log = log;
  }

  Object handle(AwsHttp.Request r) {
    if (!TARGET.equals(r.header("X-Amz-Target"))) {
      throw invalid("Operation " + r.header("X-Amz-Target") + " is not supported locally.");
    }
    String auth = r.header("Authorization");
    if (auth == null || !auth.startsWith("AWS4-HMAC-SHA256 ") || !auth.contains("/sms-voice/aws4_request")) {
      throw new AwsHttp.Failure(403, "AccessDeniedException", "Message",
          "The request is not signed with SigV4 for sms-voice.");
    }
    Map<String, Object> body = r.json("ValidationException", "Message");
    String to = string(body.get("DestinationPhoneNumber"));
    String from = string(body.get("OriginationIdentity"));
    String text = string(body.get("MessageBody"));
    String type = string(body.get("MessageType"));
    if (to == null || !to.matches("\\+[1-9][0-9]{6,14}")) {
      throw invalid("DestinationPhoneNumber must be in E.164.");
    }
    if (from == null || from.isBlank() || text == null || text.isEmpty()) {
      throw invalid("OriginationIdentity and MessageBody are required.");
    }
    if (type != null && !type.equals("TRANSACTIONAL") && !type.equals("PROMOTIONAL")) {
      throw invalid("MessageType must be TRANSACTIONAL or PROMOTIONAL.");
    }
    Instant now = clock.instant();
    String messageId = "local-sms-" + UUID.randomUUID();
    SmsText.Segments s = SmsText.measure(text);
    String subject = "SMS · " + s.segments() + " tin nhắn " + s.encoding() + " (" + s.units() + " ký tự)";
    store.store(now, messageId + ".sms.eml", EmlWriter.write(new EmlWriter.Message(from, List.of(to), List.of(),
        subject, text, null, now, messageId + "@sms-voice.local", string(map(body.get("Context")).get("kind")),
        List.of(Map.entry("X-Doithoai-Channel", "sms")))));
    log.println("sms: " + messageId + " → 1 người nhận, " + s.segments() + " tin " + s.encoding());
    return Map.of("MessageId", messageId);
  }

  private static AwsHttp.Failure invalid(String message) {
    return new AwsHttp.Failure(400, "ValidationException", "Message", message);
  }
}
