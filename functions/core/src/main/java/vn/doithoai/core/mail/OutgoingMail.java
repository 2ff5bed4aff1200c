package vn.doithoai.core.mail;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An e-mail or an SMS to send, written in the same transaction as the change it reports (an outbox record), so
 * it is neither lost nor sent twice: its {@code id} is derived from the change and the recipient's opaque id
 * ({@link ContactIds}), and sending is keyed by it.
 */
public record OutgoingMail(String id, String communeId, String to, String subject, String text, String html,
    String kind, Instant createdAt, List<String> cc) {

  public OutgoingMail {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
    cc = cc == null ? List.of() : List.copyOf(cc);
  }

  public OutgoingMail(String id, String communeId, String to, String subject, String text, String html, String kind,
      Instant createdAt) {
    this(id, communeId, to, subject, text, html, kind, createdAt, List.of());
  }

  /** The channel of an SMS. */
  public static final String SMS = "sms";
  /** The channel of an e-mail. */
  public static final String EMAIL = "email";

  /**
   * An SMS through the same outbox: {@code to} a mobile number in E.164 (never an e-mail address, which has an
   * {@code @}), no subject, no HTML; the text is what is sent.
   */
  public static OutgoingMail sms(String id, String communeId, String e164, String text, String kind, Instant at) {
    if (!e164.startsWith("+")) {
      throw new IllegalArgumentException("an SMS goes to a number in E.164");
    }
    return new OutgoingMail(id, communeId, e164, "", text, null, kind, at);
  }

  /** {@link #SMS} for a message to a phone number, {@link #EMAIL} otherwise. */
  public String channel() {
    return to.startsWith("+") ? SMS : EMAIL;
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("channel", channel());
    m.put("commune", communeId);
    m.put("to", to);
    m.put("cc", cc);
    m.put("subject", subject);
    m.put("text", text);
    m.put("html", html);
    m.put("kind", kind);
    m.put("createdAt", createdAt.toString());
    return m;
  }

  @SuppressWarnings("unchecked")
  public static OutgoingMail fromJson(Map<String, Object> m) {
    return new OutgoingMail((String) m.get("id"), (String) m.get("commune"), (String) m.get("to"),
        (String) m.get("subject"), (String) m.get("text"), (String) m.get("html"), (String) m.get("kind"),
        Instant.parse((String) m.get("createdAt")), (List<String>) m.getOrDefault("cc", List.of()));
  }
}
