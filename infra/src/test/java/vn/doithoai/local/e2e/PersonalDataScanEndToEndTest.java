package vn.doithoai.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import vn.doithoai.core.common.Folding;
import vn.doithoai.core.common.Json;
import vn.doithoai.local.runtime.DemoCommand;

/**
 * Issue #17's promise, checked over the end-to-end flows: seed 000 as the demo runs it, then phone-only and
 * e-mail citizens through acknowledgement, triage, assignment, extension, answer and refusal
 * ({@link PhoneOnlyCitizenEndToEndTest#phoneOnlyFlow}). Nothing the product emits besides the messages
 * themselves — bus events (the archive), the runtime's log lines, dead letters, DynamoDB keys (pk, sk, index
 * keys) and record ids — holds a raiser's name (also unaccented), e-mail or phone (as stored and as people
 * write it). The raisers looked for are those actually stored, read from the table.
 */
class PersonalDataScanEndToEndTest {
  @Test
  @DisplayName("no raiser's name, e-mail or phone in any bus event, log line, dead letter or DynamoDB key or id")
  void noPersonalDataOutsideTheMessages(@TempDir Path data) throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Set<String> personal = new LinkedHashSet<>();
    List<String> keys = new ArrayList<>();
    try (LocalApi api = new LocalApi(data, DemoCommand.START, new PrintStream(log, true, StandardCharsets.UTF_8))) {
      PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
      DemoCommand.scenario(api.running, quiet, Instant.parse("2025-11-25T01:00:00Z")); // seed 000, as the demo runs it
      PhoneOnlyCitizenEndToEndTest.phoneOnlyFlow(api);
      Map<String, AttributeValue> start = null;
      do {
        Map<String, AttributeValue> from = start;
        ScanResponse page = api.running.dynamo().client().scan(b -> b.tableName(System.getProperty("TABLE_NAME"))
            .exclusiveStartKey(from));
        for (Map<String, AttributeValue> item : page.items()) {
          for (String k : List.of("pk", "sk", "gsi1pk", "gsi1sk", "gsi2pk", "gsi2sk")) {
            if (item.containsKey(k)) {
              keys.add(k + "=" + item.get(k).s());
            }
          }
          if (item.containsKey("doc") && item.get("doc").s().startsWith("{")) {
            Map<String, Object> doc = Json.readObject(item.get("doc").s());
            keys.add("id=" + doc.get("id"));
            raisers(doc, personal);
          }
        }
        start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
      } while (start != null);
    }
    assertTrue(personal.containsAll(List.of("Hoàng Văn Dũng", "dung@example.vn", "Lý Thị Mai", "+84987654321",
        "0987654321", "Hà Văn Sơn", "+84912000111")), "the scan looks for the raisers actually stored: " + personal);

    Map<String, String> sources = new java.util.LinkedHashMap<>();
    sources.put("bus events", read(data.resolve("events.jsonl")));
    sources.put("log", log.toString(StandardCharsets.UTF_8));
    sources.put("dead letters", read(data.resolve("dead-letters.jsonl")));
    sources.put("DynamoDB keys and ids", String.join("\n", keys));
    assertTrue(sources.get("bus events").contains("\"MailQueued\""), "the scan has events to read");
    assertTrue(sources.get("log").contains("sms: "), "the scan has the runtime's log to read");
    List<String> hits = new ArrayList<>();
    sources.forEach((where, text) -> {
      String folded = Folding.fold(text);
      for (String p : personal) {
        if (text.contains(p) || text.toLowerCase(Locale.ROOT).contains(p.toLowerCase(Locale.ROOT))
            || (p.contains(" ") && folded.contains(Folding.fold(p)))) {
          int at = text.toLowerCase(Locale.ROOT).indexOf(p.toLowerCase(Locale.ROOT));
          hits.add(where + ": " + p + (at < 0 ? " (unaccented)" : " in …" + text.substring(Math.max(0, at - 80),
              Math.min(text.length(), at + p.length() + 20)).replace('\n', ' ') + "…"));
        }
      }
    });
    assertEquals(List.of(), hits, "personal data outside the messages");
  }

  /** The raisers' names, e-mails and phones (as stored, and as people write them) of an opinion's doc. */
  @SuppressWarnings("unchecked")
  private static void raisers(Map<String, Object> doc, Set<String> out) {
    if (!(doc.get("raisers") instanceof List<?> raisers)) {
      return;
    }
    for (Map<String, Object> r : (List<Map<String, Object>>) raisers) {
      for (String field : List.of("name", "email", "phone")) {
        if (r.get(field) instanceof String v && !v.isBlank()) {
          out.add(v);
          if (field.equals("phone") && v.startsWith("+84")) {
            out.add("0" + v.substring(3));
            out.add(v.substring(3));
            out.add("84" + v.substring(3));
          }
        }
      }
    }
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }
}
