package vn.doithoai.local.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code .eml} of the outbox, read back: its headers (unfolded, RFC 2047 encoded words decoded), the
 * date it was sent, and its text part — for the demo's timeline, the outbox page and tests.
 */
public record OutboxMail(Path file, Instant date, String from, String to, String cc, String subject, String kind,
    String text) {
  private static final Pattern WORD = Pattern.compile("=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?=");
  private static final Pattern BETWEEN_WORDS = Pattern.compile("(\\?=)\\s+(=\\?)");

  /** Every {@code .eml} of {@code dir}, in the order they were sent. */
  public static List<OutboxMail> readAll(Path dir) {
    List<OutboxMail> mails = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return mails;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.eml")) {
      for (Path f : files) {
        mails.add(read(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    // by the minute sent, then by file name (the SES stand-in's names sort in sending order)
    mails.sort(Comparator.comparing((OutboxMail m) -> m.date() == null ? null
        : m.date().truncatedTo(java.time.temporal.ChronoUnit.MINUTES), Comparator.nullsFirst(
        Comparator.naturalOrder())).thenComparing(m -> m.file().getFileName().toString()));
    return mails;
  }

  public static OutboxMail read(Path file) {
    String eml;
    try {
      eml = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    int end = eml.indexOf("\r\n\r\n");
    String head = end < 0 ? eml : eml.substring(0, end);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line : head.replaceAll("\r\n[ \t]", " ").split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), decode(line.substring(colon + 1)
            .strip()));
      }
    }
    Instant date = null;
    try {
      date = headers.containsKey("date")
          ? ZonedDateTime.parse(headers.get("date"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant() : null;
    } catch (RuntimeException e) {
      // an unreadable date sorts first
    }
    return new OutboxMail(file, date, headers.get("from"), headers.get("to"), headers.get("cc"),
        headers.getOrDefault("subject", ""), headers.get("x-doithoai-kind"), textPart(eml));
  }

  /** RFC 2047: encoded words decoded, the blanks between two adjacent ones dropped. */
  public static String decode(String value) {
    String joined = BETWEEN_WORDS.matcher(value).replaceAll("$1$2");
    Matcher m = WORD.matcher(joined);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      Charset cs;
      try {
        cs = Charset.forName(m.group(1));
      } catch (RuntimeException e) {
        cs = StandardCharsets.UTF_8;
      }
      byte[] bytes = m.group(2).equalsIgnoreCase("B") ? Base64.getDecoder().decode(m.group(3)) : q(m.group(3));
      m.appendReplacement(sb, Matcher.quoteReplacement(new String(bytes, cs)));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static byte[] q(String s) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '_') {
        out.write(' ');
      } else if (c == '=' && i + 2 < s.length()) {
        out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.write(c);
      }
    }
    return out.toByteArray();
  }

  /** The first text/plain part, base64-decoded (as EmlWriter writes it); null if none. */
  private static String textPart(String eml) {
    int type = eml.indexOf("Content-Type: text/plain");
    if (type < 0) {
      return null;
    }
    int start = eml.indexOf("\r\n\r\n", type);
    int end = eml.indexOf("\r\n--", start);
    if (start < 0 || end < 0) {
      return null;
    }
    try {
      return new String(Base64.getMimeDecoder().decode(eml.substring(start + 4, end)), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return eml.substring(start + 4, end);
    }
  }
}
