package vn.doithoai.local;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import vn.doithoai.core.mail.OutgoingMail;

/**
 * An e-mail as an RFC 5322 message (.eml): UTF-8 text and HTML alternatives in base64, the subject as an
 * RFC 2047 encoded word, so Vietnamese survives any mail reader. Header values are single-line by
 * construction (CR and LF removed), so no header can be injected.
 */
final class EmlWriter {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z",
      Locale.ENGLISH);

  private EmlWriter() {}

  static String write(OutgoingMail m, String from) {
    String boundary = "=_doithoai_" + Integer.toHexString(m.id().hashCode());
    StringBuilder sb = new StringBuilder();
    sb.append("From: ").append(address(from)).append("\r\n");
    sb.append("To: ").append(line(m.to())).append("\r\n");
    sb.append("Subject: ").append(encodedWord(m.subject())).append("\r\n");
    sb.append("Date: ").append(DATE.format(m.createdAt().atZone(ZoneId.of("Asia/Ho_Chi_Minh")))).append("\r\n");
    sb.append("Message-ID: <").append(Integer.toHexString(m.id().hashCode())).append('.')
        .append(m.createdAt().toEpochMilli()).append("@doithoai.local>\r\n");
    sb.append("X-Doithoai-Kind: ").append(line(m.kind())).append("\r\n");
    sb.append("MIME-Version: 1.0\r\n");
    sb.append("Content-Type: multipart/alternative; boundary=\"").append(boundary).append("\"\r\n\r\n");
    part(sb, boundary, "text/plain", m.text());
    if (m.html() != null) {
      part(sb, boundary, "text/html", m.html());
    }
    sb.append("--").append(boundary).append("--\r\n");
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
