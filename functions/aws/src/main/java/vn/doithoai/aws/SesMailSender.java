package vn.doithoai.aws;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Destination;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;
import vn.doithoai.core.mail.MailSender;
import vn.doithoai.core.mail.OutgoingMail;

/**
 * Sends an outbox e-mail with SES v2 {@code SendEmail}, simple content: the subject, the text and (when there
 * is one) the HTML body, each marked UTF-8, so SES builds the MIME message and Vietnamese arrives intact.
 *
 * <ul>
 *   <li>From: {@code MAIL_FROM}, e.g. {@code "Đối thoại" <khong-tra-loi@example.vn>}. SES takes only 7-bit
 *       ASCII in address fields: a display name with other characters is sent as RFC 2047 encoded words
 *       ({@code =?UTF-8?B?…?=}), as the SES documentation asks for a Unicode "friendly from" name; a Unicode
 *       domain is sent in Punycode.
 *   <li>The subject is one header line: CR, LF and other control characters in it become spaces (no header can
 *       be injected, whatever a template produced); the bodies are passed byte for byte.
 *   <li>{@code SES_CONFIGURATION_SET} (omitted when unset) routes bounces and complaints to the suppression
 *       handler; tags {@code kind} and {@code mailId} (a hash: tags are not for personal data) tell them apart.
 *   <li>The same hash travels in the message as {@code X-Doithoai-Mail-Id}: the idempotency key of an e-mail
 *       sent twice (its sender died after SES took it and before marking it sent, and the outbox sweep sent it
 *       again), by which the copies are known to be one e-mail.
 *   <li>Failures throw {@link MailSendFailed}: throttling, 5xx and no answer as transient (the caller releases
 *       the claim and the invocation is retried); a rejected message, an unverified MAIL FROM domain, a
 *       suspended or paused account and any other refusal as permanent (after the retries the event lands in
 *       the dead-letter queue, which alarms).
 * </ul>
 */
public final class SesMailSender implements MailSender {
  /** The message header with the e-mail's idempotency key (a hash of its outbox id). */
  public static final String MAIL_ID_HEADER = "X-Doithoai-Mail-Id";
  public static final String FROM = "MAIL_FROM";
  public static final String CONFIGURATION_SET = "SES_CONFIGURATION_SET";
  static final String UTF_8 = "UTF-8";

  private final SesV2Client client;
  private final String from;
  private final String configurationSet;

  /**
   * @param from the sender as configured ({@code Name <address>}, {@code "Name" <address>} or a bare address)
   * @param configurationSet the SES configuration set, or null for none
   */
  public SesMailSender(SesV2Client client, String from, String configurationSet) {
    this.client = Objects.requireNonNull(client);
    this.from = fromAddress(Objects.requireNonNull(from, "from"));
    this.configurationSet = configurationSet == null || configurationSet.isBlank() ? null : configurationSet.trim();
  }

  /** The shared client, {@code MAIL_FROM} (required) and {@code SES_CONFIGURATION_SET}. */
  public static SesMailSender fromEnvironment() {
    String from = AwsClients.required(FROM);
    return new SesMailSender(AwsClients.ses(), from, AwsClients.optional(CONFIGURATION_SET));
  }

  /** The {@code FromEmailAddress} sent, display name encoded. */
  public String from() {
    return from;
  }

  @Override
  public String send(OutgoingMail mail) {
    String hash = hash(mail.id());
    SendEmailRequest request = request(mail, hash);
    try {
      SendEmailResponse r = client.sendEmail(request);
      return r.messageId();
    } catch (AwsServiceException e) {
      String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
          ? e.getClass().getSimpleName() : e.awsErrorDetails().errorCode();
      int status = e.statusCode();
      boolean transientFailure = e.isThrottlingException() || status == 429 || status >= 500;
      throw new MailSendFailed(hash, code, status, e.requestId(), transientFailure, null);
    } catch (SdkClientException e) {
      // no answer (network, timeout): nothing personal in the message, so the cause is kept
      throw new MailSendFailed(hash, "ClientError", 0, null, true, e);
    }
  }

  SendEmailRequest request(OutgoingMail mail, String hash) {
    Destination.Builder to = Destination.builder().toAddresses(address(mail.to()));
    if (!mail.cc().isEmpty()) {
      List<String> cc = new ArrayList<>();
      for (String a : mail.cc()) {
        cc.add(address(a));
      }
      to.ccAddresses(cc);
    }
    Body.Builder body = Body.builder().text(utf8(mail.text()));
    if (mail.html() != null) {
      body.html(utf8(mail.html()));
    }
    SendEmailRequest.Builder b = SendEmailRequest.builder()
        .fromEmailAddress(from)
        .destination(to.build())
        .content(c -> c.simple(m -> m.subject(utf8(subjectLine(mail.subject()))).body(body.build())
            .headers(MessageHeader.builder().name(MAIL_ID_HEADER).value(hash).build())))
        .emailTags(MessageTag.builder().name("kind").value(tagValue(mail.kind())).build(),
            MessageTag.builder().name("mailId").value(hash).build());
    if (configurationSet != null) {
      b.configurationSetName(configurationSet);
    }
    return b.build();
  }

  private static Content utf8(String data) {
    return Content.builder().data(data).charset(UTF_8).build();
  }

  /** One header line: every control character (CR, LF, TAB, …) becomes a space. */
  static String subjectLine(String subject) {
    StringBuilder sb = new StringBuilder(subject.length());
    subject.codePoints().forEach(cp -> sb.appendCodePoint(Character.isISOControl(cp) || cp == 0x2028
        || cp == 0x2029 ? ' ' : cp));
    return sb.toString();
  }

  /** A tag value: only {@code [A-Za-z0-9_-]}, at most 256 characters, never empty. */
  static String tagValue(String kind) {
    String v = kind == null ? "" : kind.replaceAll("[^A-Za-z0-9_-]", "_");
    if (v.isEmpty()) {
      return "unknown";
    }
    return v.length() > 256 ? v.substring(0, 256) : v;
  }

  /** The mail id's SHA-256, first 16 bytes in hex: stable, and says nothing about the recipient. */
  static String hash(String mailId) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(mailId.getBytes(StandardCharsets.UTF_8)), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A recipient as SES takes it: trimmed, 7-bit ASCII, a Unicode domain in Punycode. A non-ASCII local part
   * cannot be sent (SES has no SMTPUTF8): refused without quoting the address.
   */
  static String address(String address) {
    String a = address.trim();
    int at = a.lastIndexOf('@');
    if (at <= 0 || at == a.length() - 1) {
      throw new IllegalArgumentException("not an e-mail address (no local part or domain)");
    }
    String local = a.substring(0, at);
    String domain = a.substring(at + 1);
    if (!ascii(local)) {
      throw new IllegalArgumentException("an e-mail address with a non-ASCII local part cannot be sent by SES");
    }
    if (!ascii(domain)) {
      domain = IDN.toASCII(Normalizer.normalize(domain, Normalizer.Form.NFC), IDN.ALLOW_UNASSIGNED);
    }
    return local + "@" + domain.toLowerCase(Locale.ROOT);
  }

  /**
   * {@code FromEmailAddress}: {@code address} alone, or {@code name <address>} where a printable-ASCII name is
   * quoted (RFC 5322) and any other is RFC 2047 encoded words of UTF-8, split between characters so that no
   * word exceeds 75 characters.
   */
  static String fromAddress(String configured) {
    String s = configured.trim();
    int lt = s.lastIndexOf('<');
    int gt = s.lastIndexOf('>');
    if (lt < 0 || gt < lt) {
      return address(s);
    }
    String addr = address(s.substring(lt + 1, gt));
    String name = s.substring(0, lt).trim();
    if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
      name = name.substring(1, name.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    name = Normalizer.normalize(subjectLine(name), Normalizer.Form.NFC).trim();
    if (name.isEmpty()) {
      return addr;
    }
    if (name.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
      return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\" <" + addr + ">";
    }
    return encodedWords(name) + " <" + addr + ">";
  }

  /** RFC 2047 {@code =?UTF-8?B?…?=} words of at most 45 bytes of text each (72 characters), space separated. */
  static String encodedWords(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder chunk = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      String c = new String(Character.toChars(cp));
      int n = c.getBytes(StandardCharsets.UTF_8).length;
      if (bytes + n > 45 && chunk.length() > 0) {
        words.add(word(chunk.toString()));
        chunk.setLength(0);
        bytes = 0;
      }
      chunk.append(c);
      bytes += n;
      i += Character.charCount(cp);
    }
    if (chunk.length() > 0) {
      words.add(word(chunk.toString()));
    }
    return String.join(" ", words);
  }

  private static String word(String s) {
    return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)) + "?=";
  }

  private static boolean ascii(String s) {
    return s.chars().allMatch(c -> c > 0x20 && c < 0x7F);
  }
}
