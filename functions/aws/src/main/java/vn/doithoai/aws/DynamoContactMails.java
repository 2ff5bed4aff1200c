package vn.doithoai.aws;

import static vn.doithoai.aws.DynamoTable.DOC;
import static vn.doithoai.aws.DynamoTable.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.mail.MailOutbox;
import vn.doithoai.core.rights.ContactMails;

/**
 * The e-mail records ({@code MAIL#… / MAIL}, and fan-out records {@code MAIL#… / FANOUT}) that hold a contact.
 * Their keys do not say whom they went to (and must not: ids carry no address), so they are found by a paged
 * Scan filtered on the stored text ({@code begins_with(pk, "MAIL#") AND contains(doc, :contact)}): a whole-table
 * read, acceptable for a citizen's request (rare, done by the office) and the daily sweep, never in a citizen's
 * or a clerk's everyday path. A record is rewritten with its stored text anonymised, on condition that the text
 * is still what was read; one not yet sent is marked suppressed through the outbox, so it never goes out.
 */
public final class DynamoContactMails implements ContactMails {
  private static final int PAGE = 1000;

  private final DynamoTable table;
  private final MailOutbox outbox;

  public DynamoContactMails(DynamoTable table, MailOutbox outbox) {
    this.table = table;
    this.outbox = outbox;
  }

  @Override
  public List<MailRecord> holding(String communeId, Set<String> contacts) {
    List<MailRecord> out = new ArrayList<>();
    if (contacts.isEmpty()) {
      return out;
    }
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":m", s("MAIL#"));
    List<String> any = new ArrayList<>();
    int i = 0;
    for (String c : contacts) {
      values.put(":c" + i, s(c));
      any.add("contains(#d, :c" + i++ + ")");
    }
    ScanRequest.Builder scan = ScanRequest.builder().tableName(table.name()).limit(PAGE)
        .filterExpression("begins_with(pk, :m) AND (" + String.join(" OR ", any) + ")")
        .expressionAttributeNames(Map.of("#d", DOC)).expressionAttributeValues(values);
    Map<String, AttributeValue> start = null;
    do {
      ScanResponse page = table.client().scan(scan.exclusiveStartKey(start).build());
      for (Map<String, AttributeValue> item : page.items()) {
        Map<String, Object> doc = DynamoTable.doc(item);
        if (!communeId.equals(doc.get("commune"))) {
          continue;
        }
        String createdAt = (String) doc.get("createdAt");
        out.add(new MailRecord(item.get(DynamoTable.PK).s().substring("MAIL#".length()),
            String.valueOf(doc.getOrDefault("subject", "")), String.valueOf(doc.get("kind")),
            createdAt == null ? Instant.EPOCH : Instant.parse(createdAt), status(item),
            Optional.ofNullable(item.get("sentAt")).map(a -> Instant.parse(a.s()))));
      }
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    out.sort(java.util.Comparator.comparing(MailRecord::createdAt));
    return out;
  }

  @Override
  public boolean erase(String mailId, Set<String> personalData, String replacement, Instant now) {
    String pk = "MAIL#" + mailId;
    for (String sk : new String[] {"MAIL", "FANOUT"}) {
      Optional<Map<String, AttributeValue>> found = table.get(pk, sk);
      if (found.isEmpty()) {
        continue;
      }
      Map<String, AttributeValue> item = found.get();
      String before = item.get(DOC).s();
      String after = Json.write(replace(Json.readObject(before), personalData, replacement));
      if (after.equals(before)) {
        return false;
      }
      if (sk.equals("MAIL") && (status(item).equals("PENDING") || status(item).equals("SENDING"))) {
        outbox.markSuppressed(mailId, now, "erased"); // the citizen asked for erasure: never sent
        item = table.get(pk, sk).orElse(item);
      }
      Map<String, AttributeValue> next = new HashMap<>(item);
      next.put(DOC, s(after));
      String newId = (String) replace(mailId, personalData, replacement);
      if (!newId.equals(mailId)) {
        // an id that carries the address (records queued before ids were made opaque) moves to one that does not
        next.put(DynamoTable.PK, s("MAIL#" + newId));
        DynamoTable.Outcome o = table.transact(List.of(table.delete(pk, sk), table.putNew(next)));
        if (!o.committed() && o.conditionFailed(1)) {
          // erased before under the same new id (the same e-mail, erased twice at once): the old one goes
          table.client().deleteItem(b -> b.tableName(table.name()).key(DynamoTable.key(pk, sk)));
        } else if (!o.committed()) {
          throw DynamoTable.unexpected(o);
        }
        return true;
      }
      try {
        table.client().putItem(PutItemRequest.builder().tableName(table.name()).item(next)
            .conditionExpression("#d = :before").expressionAttributeNames(Map.of("#d", DOC))
            .expressionAttributeValues(Map.of(":before", s(before))).build());
      } catch (ConditionalCheckFailedException e) {
        return erase(mailId, personalData, replacement, now); // changed meanwhile (sent, expanded): read again
      }
      return true;
    }
    return false;
  }

  private static String status(Map<String, AttributeValue> item) {
    AttributeValue v = item.get("status");
    return v == null || v.s() == null ? "" : v.s();
  }

  /** Every string in the JSON value (keys aside), with each of {@code personal} replaced. */
  @SuppressWarnings("unchecked")
  static Object replace(Object value, Set<String> personal, String replacement) {
    if (value instanceof String str) {
      String out = str;
      for (String p : personal) {
        out = out.replace(p, replacement);
      }
      return out;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<String, Object>) map).forEach((k, v) -> out.put(k, replace(v, personal, replacement)));
      return out;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(v -> replace(v, personal, replacement)).toList();
    }
    return value;
  }
}
