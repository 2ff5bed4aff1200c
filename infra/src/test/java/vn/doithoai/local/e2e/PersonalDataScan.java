package vn.doithoai.local.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import vn.doithoai.core.common.Folding;
import vn.doithoai.core.common.Json;
import vn.doithoai.local.runtime.ServeCommand;

/**
 * Issue #17's promise over a run of the local runtime: nothing the product emits besides the messages themselves
 * — bus events (the archive), the runtime's log lines, dead letters, DynamoDB keys (pk, sk, index keys) and record
 * ids — holds a raiser's name (also unaccented), e-mail or phone (as stored and as people write it). The raisers
 * looked for are those actually stored, read from the table. {@link LocalApi#close()} runs it after every
 * end-to-end test class, so every flow those tests drive is scanned.
 */
final class PersonalDataScan {
  /** What one scan read: the personal data looked for, and where it was found. */
  record Result(Set<String> personal, Map<String, String> sources, List<String> hits) {}

  private PersonalDataScan() {}

  static Result run(ServeCommand.Running running, Path data, String log) throws IOException {
    Set<String> personal = new LinkedHashSet<>();
    List<String> keys = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      ScanResponse page = running.dynamo().client().scan(b -> b.tableName(System.getProperty("TABLE_NAME"))
          .exclusiveStartKey(from));
      for (Map<String, AttributeValue> item : page.items()) {
        for (String k : List.of("pk", "sk", "gsi1pk", "gsi1sk", "gsi2pk", "gsi2sk")) {
          if (item.containsKey(k)) {
            keys.add(k + "=" + item.get(k).s());
          }
        }
        if (item.containsKey("doc") && item.get("doc").s() != null && item.get("doc").s().startsWith("{")) {
          Map<String, Object> doc = Json.readObject(item.get("doc").s());
          keys.add("id=" + doc.get("id"));
          raisers(doc, personal);
        }
      }
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);

    Map<String, String> sources = new LinkedHashMap<>();
    sources.put("bus events", read(data.resolve("events.jsonl")));
    sources.put("log", log);
    sources.put("dead letters", read(data.resolve("dead-letters.jsonl")));
    sources.put("DynamoDB keys and ids", String.join("\n", keys));
    List<String> hits = new ArrayList<>();
    sources.forEach((where, text) -> {
      String folded = Folding.fold(text);
      String lower = text.toLowerCase(Locale.ROOT);
      for (String p : personal) {
        if (text.contains(p) || lower.contains(p.toLowerCase(Locale.ROOT))
            || (p.contains(" ") && folded.contains(Folding.fold(p)))) {
          int at = lower.indexOf(p.toLowerCase(Locale.ROOT));
          hits.add(where + ": " + p + (at < 0 ? " (unaccented)" : " in …" + text.substring(Math.max(0, at - 80),
              Math.min(text.length(), at + p.length() + 20)).replace('\n', ' ') + "…"));
        }
      }
    });
    return new Result(personal, sources, hits);
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
