package vn.doithoai.aws;

import static vn.doithoai.aws.DynamoTable.DOC;
import static vn.doithoai.aws.DynamoTable.GSI2SK;
import static vn.doithoai.aws.DynamoTable.s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.mail.ContactIds;

/**
 * One-off: the records whose key held a contact (issue #17) re-keyed by its opaque id ({@link ContactIds}) —
 * each outbox message {@code MAIL#…#<address>} becomes {@code MAIL#…#<opaque id>} whatever its status, each
 * suppression {@code SUPPRESS#<address>} becomes {@code SUPPRESS#<opaque id>}, and the e-mails waiting in a
 * fan-out record get their new ids. Run once after deploying the opaque ids ({@code admin migrate-contact-ids}),
 * again as often as wanted: a record already re-keyed is left alone.
 *
 * <p>Why a migration and not re-keying on read: the old ids are keys, and every pending one still has to
 * travel in a {@code MailQueued} event and perhaps a dead letter; re-keying on read would leave the addresses
 * there until each was sent. Why it keeps exactly-once: a message is moved by one transaction that puts the new
 * record (if absent) and deletes the old one on condition that its status has not changed, so a message claimed
 * by a live sender in between is not moved (it is counted as {@code busy}; run again later). A pending message
 * moved is then sent under its new id only: its new record's stream insert queues it, and an old event still in
 * flight finds nothing to claim. A message already sent is moved as sent; its new insert's event claims nothing.
 * The new id is what a retried change now computes, so a retry after the migration queues nothing twice.
 */
public final class ContactIdMigration {
  /** What a run did. */
  public record Report(int messages, int suppressions, int fanOuts, int busy) {}

  private final DynamoTable table;

  public ContactIdMigration(DynamoTable table) {
    this.table = table;
  }

  /** A scan of the whole table: a one-off operator's run, never in a request path. */
  public Report run() {
    int messages = 0;
    int suppressions = 0;
    int fanOuts = 0;
    int busy = 0;
    Map<String, AttributeValue> start = null;
    do {
      ScanResponse page = table.client().scan(ScanRequest.builder().tableName(table.name())
          .filterExpression("begins_with(pk, :m) OR begins_with(pk, :s)")
          .expressionAttributeValues(Map.of(":m", s("MAIL#"), ":s", s("SUPPRESS#")))
          .exclusiveStartKey(start).consistentRead(true).build());
      for (Map<String, AttributeValue> item : page.items()) {
        String pk = item.get(DynamoTable.PK).s();
        String sk = item.get(DynamoTable.SK).s();
        if (pk.startsWith("SUPPRESS#")) {
          suppressions += rekeySuppression(item) ? 1 : 0;
        } else if ("MAIL".equals(sk)) {
          switch (rekeyMessage(item)) {
            case MOVED -> messages++;
            case BUSY -> busy++;
            case KEPT -> { }
          }
        } else if (DynamoMailOutbox.FANOUT_SK.equals(sk)) {
          fanOuts += rewriteFanOut(item) ? 1 : 0;
        }
      }
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return new Report(messages, suppressions, fanOuts, busy);
  }

  /**
   * The id with its trailing contact replaced by the contact's opaque id, or null when it holds none (already
   * opaque, or an id that never held one: a digest's).
   */
  static String opaque(String id, String to) {
    if (id == null || to == null || to.isBlank()) {
      return null;
    }
    String suffix = "#" + to.strip().toLowerCase(Locale.ROOT);
    if (!id.toLowerCase(Locale.ROOT).endsWith(suffix)) {
      return null;
    }
    return ContactIds.messageId(id.substring(0, id.length() - suffix.length()), to);
  }

  private enum Moved { MOVED, BUSY, KEPT }

  private Moved rekeyMessage(Map<String, AttributeValue> item) {
    Map<String, Object> doc = DynamoTable.doc(item);
    String oldId = (String) doc.get("id");
    String newId = opaque(oldId, (String) doc.get("to"));
    if (newId == null) {
      return Moved.KEPT;
    }
    doc.put("id", newId);
    Map<String, AttributeValue> moved = new HashMap<>(item);
    moved.putAll(DynamoTable.key(DynamoMailOutbox.pk(newId), "MAIL"));
    moved.put(DOC, s(Json.write(doc)));
    moved.put("contact", s(ContactIds.of((String) doc.get("to"))));
    if (item.containsKey(GSI2SK)) {
      String sk = item.get(GSI2SK).s();
      moved.put(GSI2SK, s(sk.substring(0, sk.length() - oldId.length()) + newId));
      moved.put(DynamoTable.GSI2PK, s(DynamoMailOutbox.pendingPk(newId))); // its new id's shard
    }
    String status = DynamoTable.str(item, "status");
    if (DynamoMailOutbox.SENDING.equals(status)) {
      return Moved.BUSY; // a sender holds it: moved on a later run, once it is sent or put back
    }
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(table.putNew(moved));
    writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table.name())
        .key(DynamoTable.key(item.get(DynamoTable.PK).s(), "MAIL")).conditionExpression("#s = :s")
        .expressionAttributeNames(Map.of("#s", "status")).expressionAttributeValues(Map.of(":s", s(status)))
        .build()).build());
    return table.transactOnce(writes).committed() ? Moved.MOVED : Moved.BUSY;
  }

  private boolean rekeySuppression(Map<String, AttributeValue> item) {
    String pk = item.get(DynamoTable.PK).s();
    String address = DynamoTable.str(item, "address");
    if (address == null || !pk.equals("SUPPRESS#" + address)) {
      return false; // already keyed by the opaque id
    }
    Map<String, AttributeValue> moved = new HashMap<>(item);
    moved.putAll(DynamoTable.key(DynamoSuppressions.pk(address), item.get(DynamoTable.SK).s()));
    List<TransactWriteItem> writes = List.of(table.putNew(moved), table.delete(pk, item.get(DynamoTable.SK).s()));
    return table.transactOnce(writes).committed();
  }

  /** The fan-out's e-mails renamed in its doc, on condition that its doc has not changed meanwhile. */
  @SuppressWarnings("unchecked")
  private boolean rewriteFanOut(Map<String, AttributeValue> item) {
    Map<String, Object> doc = DynamoTable.doc(item);
    if (doc.get("mails") == null) {
      return false; // a letter to a matter's merged raisers: it holds no address
    }
    boolean changed = false;
    for (Map<String, Object> e : (List<Map<String, Object>>) doc.get("mails")) {
      String newId = opaque((String) e.get("id"), (String) e.get("to"));
      if (newId != null) {
        e.put("id", newId);
        changed = true;
      }
    }
    if (!changed) {
      return false;
    }
    try {
      table.client().updateItem(b -> b.tableName(table.name()).key(DynamoTable.key(item.get(DynamoTable.PK).s(),
              DynamoMailOutbox.FANOUT_SK)).updateExpression("SET #d = :new").conditionExpression("#d = :old")
          .expressionAttributeNames(Map.of("#d", DOC))
          .expressionAttributeValues(Map.of(":new", s(Json.write(doc)), ":old", item.get(DOC))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false; // expanded meanwhile: its e-mails are records now, moved by the next run
    }
  }
}
