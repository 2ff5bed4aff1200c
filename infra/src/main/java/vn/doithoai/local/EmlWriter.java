package vn.doithoai.local;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.doithoai.core.mail.OutgoingMail;

/**
 * An e-mail as an RFC 5322 message (.eml): UTF-8 text and HTML alternatives in base64, the subject as an
 * RFC 2047 encoded word, so Vietnamese survives any mail reader. Header values are single-line by
 * construction (CR and LF removed), so no header can be injected.
 */
public final class EmlWriter {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z",
      Locale.ENGLISH);
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  /**
   * An e-mail as a mail service sends it: sender, recipients (Cc in a header; Bcc never written), subject,
   * text and/or HTML, the date it was sent, a Message-ID (without angle brackets), the kind
   * ({@code X-Doithoai-Kind}, null for none), and further headers (name, value).
   */
  public record Message(String from, List<String> to, List<String> cc, String subject, String text, String html,
      Instant date, String messageId, String kind, List<Map.Entry<String, String>> headers) {}

  private EmlWriter() {}

  static String write(OutgoingMail m, String from) {
    return write(new Message(from, List.of(m.to()), m.cc(), m.subject(), m.text(), m.html(), m.createdAt(),
        Integer.toHexString(m.id().hashCode()) + "." + m.createdAt().toEpochMilli() + "@doithoai.local", m.kind(),
        List.of()));
  }

  /** The message as RFC 5322 text with CRLF line ends. */
  public static String write(Message m) {
    String boundary = "=_doithoai_" + Integer.toHexString(m.messageId().hashCode());
    StringBuilder sb = new StringBuilder();
    sb.append("From: ").append(address(m.from())).append("\r\n");
    sb.append("To: ").append(addresses(m.to())).append("\r\n");
    if (!m.cc().isEmpty()) {
      sb.append("Cc: ").append(addresses(m.cc())).append("\r\n");
    }
    sb.append("Subject: ").append(encodedWord(m.subject())).append("\r\n");
    sb.append("Date: ").append(DATE.format(m.date().atZone(VIETNAM))).append("\r\n");
    sb.append("Message-ID: <").append(line(m.messageId())).append(">\r\n");
    if (m.kind() != null) {
      sb.append("X-Doithoai-Kind: ").append(line(m.kind())).append("\r\n");
    }
    for (Map.Entry<String, String> h : m.headers()) {
      String name = h.getKey() == null ? "" : h.getKey().replaceAll("[^A-Za-z0-9-]", "");
      if (!name.isEmpty()) {
        String v = line(h.getValue());
        sb.append(name).append(": ").append(v.chars().allMatch(c -> c < 128) ? v : encodedWord(v)).append("\r\n");
      }
    }
    sb.append("MIME-Version: 1.0\r\n");
    sb.append("Content-Type: multipart/alternative; boundary=\"").append(boundary).append("\"\r\n\r\n");
    if (m.text() != null || m.html() == null) {
      part(sb, boundary, "text/plain", m.text() == null ? "" : m.text());
    }
    if (m.html() != null) {
      part(sb, boundary, "text/html", m.html());
    }
    sb.append("--").append(boundary).append("--\r\n");
    return sb.toString();
  }

  private static String addresses(List<String> list) {
    StringBuilder sb = new StringBuilder();
    for (String a : list) {
      sb.append(sb.length() == 0 ? "" : ", ").append(address(a));
    }
    return sb.toString();
  }

  private static void part(StringBuilder sb, String boundary, String type, String body) {
    sb.append("--").append(boundary).append("\r\n");
    sb.append("Content-Type: ").append(type).append("; charset=UTF-8\r\n");
    sb.append("Content-Transfer-Encoding: base64\r\n\r\n");
    String b64 = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(body.getBytes(StandardCharsets.UTF_8));
    sb.append(b64).append("\r\n");
  }

  /** RFC 2047 encoded words of at most 75 characters, split between characters, folded onto lines. */
  static String encodedWord(String s) {
    StringBuilder out = new StringBuilder();
    StringBuilder chunk = new StringBuilder();
    int bytes = 0;
    String text = line(s);
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      String c = new String(Character.toChars(cp));
      int n = c.getBytes(StandardCharsets.UTF_8).length;
      if (bytes + n > 45) {
        out.append(out.length() == 0 ? "" : "\r\n ").append(word(chunk.toString()));
        chunk.setLength(0);
        bytes = 0;
      }
      chunk.append(c);
      bytes += n;
      i += Character.charCount(cp);
    }
    if (chunk.length() > 0 || out.length() == 0) {
      out.append(out.length() == 0 ? "" : "\r\n ").append(word(chunk.toString()));
    }
    return out.toString();
  }

  private static String word(String s) {
    return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)) + "?=";
  }

  /** "Name <addr>" with a non-ASCII display name as an encoded word. */
  static String address(String s) {
    String v = line(s);
    int lt = v.indexOf('<');
    if (lt <= 0 || v.chars().allMatch(c -> c < 128)) {
      return v;
    }
    return encodedWord(v.substring(0, lt).strip()) + " " + v.substring(lt);
  }

  private static String line(String s) {
    return s == null ? "" : s.replace("\r", " ").replace("\n", " ");
  }
}
