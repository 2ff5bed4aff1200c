package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.usage.UsageCounter;
import vn.doithoai.handlers.observability.Invocation;

/**
 * What each commune stores, from the table's stream: an insert adds an item, a removal takes one away, and each
 * change adds the difference of the item's sizes (DynamoDB's rule: every attribute's name and value, in bytes).
 * No extra read: the stream carries both images. The usage counters' own items are not counted (nor relayed).
 */
final class StoredUsage {
  private StoredUsage() {}

  static void count(DynamodbEvent.DynamodbStreamRecord r, Invocation invocation) {
    var ddb = r.getDynamodb();
    String pk = ddb.getKeys().get("pk").getS();
    if (pk.startsWith("USAGE#")) {
      return;
    }
    Map<String, AttributeValue> after = ddb.getNewImage();
    Map<String, AttributeValue> before = ddb.getOldImage();
    String commune = commune(pk, after != null ? after : before);
    if (commune == null) {
      return; // a platform record (suppressions, calendar overrides): nobody's in particular
    }
    long items = "INSERT".equals(r.getEventName()) ? 1 : "REMOVE".equals(r.getEventName()) ? -1 : 0;
    invocation.usage(commune, UsageCounter.STORED_ITEMS, items)
        .usage(commune, UsageCounter.STORED_BYTES, size(after) - size(before));
  }

  /**
   * The commune a key or an item belongs to: {@code C#<c>}, {@code TRACK#<c>#…}, {@code INBOX#<c>#…}, else the
   * item's {@code commune} attribute or its document's.
   */
  static String commune(String pk, Map<String, AttributeValue> image) {
    String[] parts = pk.split("#", 3);
    if (parts.length >= 2 && List.of("C", "TRACK", "INBOX").contains(parts[0])) {
      return parts[1];
    }
    if (image == null) {
      return null;
    }
    AttributeValue own = image.get("commune");
    if (own != null && own.getS() != null) {
      return own.getS();
    }
    AttributeValue doc = image.get("doc");
    if (doc != null && doc.getS() != null && doc.getS().startsWith("{")) {
      Object c = Json.readObject(doc.getS()).get("commune");
      return c instanceof String s ? s : null;
    }
    return null;
  }

  static long size(Map<String, AttributeValue> item) {
    if (item == null) {
      return 0;
    }
    long n = 0;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      n += utf8(e.getKey()) + size(e.getValue());
    }
    return n;
  }

  private static long size(AttributeValue v) {
    if (v.getS() != null) {
      return utf8(v.getS());
    }
    if (v.getN() != null) {
      return v.getN().length() / 2 + 1; // about one byte per two digits, plus one
    }
    if (v.getB() != null) {
      return v.getB().remaining();
    }
    if (v.getM() != null) {
      return 3 + size(v.getM());
    }
    if (v.getL() != null) {
      return 3 + v.getL().stream().mapToLong(StoredUsage::size).sum() + v.getL().size();
    }
    if (v.getSS() != null) {
      return v.getSS().stream().mapToLong(StoredUsage::utf8).sum();
    }
    if (v.getNS() != null) {
      return v.getNS().stream().mapToLong(x -> x.length() / 2 + 1).sum();
    }
    return 1; // BOOL, NULL
  }

  private static long utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
