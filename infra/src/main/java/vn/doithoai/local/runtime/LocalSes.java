package vn.doithoai.local.runtime;

import static vn.doithoai.local.runtime.AwsHttp.list;
import static vn.doithoai.local.runtime.AwsHttp.map;
import static vn.doithoai.local.runtime.AwsHttp.string;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.doithoai.local.EmlWriter;

/**
 * Amazon SES v2, locally: {@code SendEmail} ({@code POST /v2/email/outbound-emails}) writes the message to
 * {@code <data>/outbox/<time>-<n>-<MessageId>.eml} and answers {@code {"MessageId":"local-…"}}. A Simple message
 * becomes a UTF-8 .eml by {@link EmlWriter} (From, To, Cc — never Bcc —, the subject RFC 2047-encoded, the
 * text and HTML parts, the Date from the local clock, the message's own {@code Headers}); a Raw message is
 * written as it is. {@code X-Doithoai-Kind} comes from a header of that name or else an {@code EmailTags} tag
 * named {@code kind}. An unknown {@code ConfigurationSetName} answers 404 {@code NotFoundException}, a
 * message without content, sender or recipient 400 {@code BadRequestException}, as SES does. Every call
 * writes a new file: a message sent twice is two files, as it would be two e-mails.
 */
final class LocalSes {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS")
      .withZone(ZoneOffset.UTC);
  private final java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();

  private final Path outbox;
  private final LocalClock clock;
  private final Set<String> configurationSets;
  private final PrintStream log;

  LocalSes(TemplateModel model, Path outbox, LocalClock clock, PrintStream log) {
    this.outbox = outbox;
    this.clock = clock;
    this.configurationSets = new LinkedHashSet<>(model.configurationSets());
    this.log = log;
  }

  Object handle(AwsHttp.Request r) {
    if (!r.method().equals("POST") || !r.path().equals("/v2/email/outbound-emails")) {
      throw new AwsHttp.Failure(404, "NotFoundException", "message", "Operation " + r.method() + " " + r.path()
          + " is not supported locally.");
    }
    Map<String, Object> body = r.json("BadRequestException", "message");
    String set = string(body.get("ConfigurationSetName"));
    if (set != null && !configurationSets.contains(set)) {
      throw new AwsHttp.Failure(404, "NotFoundException", "message", "Configuration set <" + set
          + "> does not exist.");
    }
    Map<String, Object> content = map(body.get("Content"));
    Map<String, Object> destination = map(body.get("Destination"));
    Instant now = clock.instant();
    String messageId = "local-" + UUID.randomUUID();
    String eml;
    String to;
    if (!map(content.get("Raw")).isEmpty()) {
      String data = string(map(content.get("Raw")).get("Data"));
      if (data == null) {
        throw bad("Raw message data is missing.");
      }
      eml = new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8);
      to = String.join(", ", strings(destination.get("ToAddresses")));
    } else if (!map(content.get("Simple")).isEmpty()) {
      Map<String, Object> simple = map(content.get("Simple"));
      String from = string(body.get("FromEmailAddress"));
      List<String> toList = strings(destination.get("ToAddresses"));
      List<String> cc = strings(destination.get("CcAddresses"));
      if (from == null || from.isBlank()) {
        throw bad("Missing required field FromEmailAddress.");
      }
      if (toList.isEmpty() && cc.isEmpty() && strings(destination.get("BccAddresses")).isEmpty()) {
        throw bad("Destination must have at least one address.");
      }
      String subject = string(map(simple.get("Subject")).get("Data"));
      Map<String, Object> b = map(simple.get("Body"));
      String text = string(map(b.get("Text")).get("Data"));
      String html = string(map(b.get("Html")).get("Data"));
      if (subject == null || text == null && html == null) {
        throw bad("The message must have a subject and a body.");
      }
      String kind = null;
      List<Map.Entry<String, String>> headers = new ArrayList<>();
      for (Object o : list(simple.get("Headers"))) {
        String name = string(map(o).get("Name"));
        String value = string(map(o).get("Value"));
        if ("X-Doithoai-Kind".equalsIgnoreCase(name)) {
          kind = value;
        } else if (name != null) {
          headers.add(Map.entry(name, value == null ? "" : value));
        }
      }
      for (Object o : list(body.get("EmailTags"))) {
        if (kind == null && "kind".equals(string(map(o).get("Name")))) {
          kind = string(map(o).get("Value"));
        }
      }
      if (set != null) {
        headers.add(Map.entry("X-SES-Configuration-Set", set));
      }
      eml = EmlWriter.write(new EmlWriter.Message(from, toList, cc, subject, text, html, now,
          messageId + "@email.amazonses.com", kind, headers));
      to = String.join(", ", toList);
    } else {
      throw bad(content.containsKey("Template") ? "Templated messages are not supported locally."
          : "Content must contain a Simple or a Raw message.");
    }
    store(now, messageId + ".eml", eml);
    // no address in the log: the runtime's output is scanned for personal data like the product's
    log.println("ses: " + messageId + " → " + (to.isEmpty() ? 0 : to.split(", ").length) + " người nhận");
    return Map.of("MessageId", messageId);
  }

  /**
   * Writes a message to the outbox folder as {@code <time>-<n>-<name>}: the name sorts in sending order, the
   * time to the millisecond, then a counter for the same millisecond (shared with {@link LocalSms}).
   */
  void store(Instant now, String name, String eml) {
    write(STAMP.format(now) + "-" + String.format("%04d", sequence.incrementAndGet() % 10000) + "-" + name, eml);
  }

  private void write(String name, String eml) {
    try {
      Files.createDirectories(outbox);
      Path tmp = outbox.resolve(name + ".tmp");
      Files.writeString(tmp, eml, StandardCharsets.UTF_8);
      Files.move(tmp, outbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + outbox, e);
    }
  }

  private static List<String> strings(Object o) {
    List<String> out = new ArrayList<>();
    for (Object x : list(o)) {
      if (x != null) {
        out.add(String.valueOf(x));
      }
    }
    return out;
  }

  private static AwsHttp.Failure bad(String message) {
    return new AwsHttp.Failure(400, "BadRequestException", "message", message);
  }
}
