package vn.doithoai.aws;

import static vn.doithoai.aws.DynamoTable.DOC;
import static vn.doithoai.aws.DynamoTable.GSI2PK;
import static vn.doithoai.aws.DynamoTable.GSI2SK;
import static vn.doithoai.aws.DynamoTable.iso;
import static vn.doithoai.aws.DynamoTable.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.mail.MailOutbox;
import vn.doithoai.core.mail.OutgoingMail;

/**
 * The e-mail outbox: {@code MAIL#{id} / MAIL}, doc, {@code status} PENDING, then SENDING while a sender holds
 * it ({@code claimedAt}), then SENT ({@code sentAt}, {@code messageId}) or SUPPRESSED ({@code suppressedAt});
 * until it is sent or suppressed, gsi2 {@code MAIL#PENDING / {createdAt}#{id}}. Mails are written by the
 * repositories in the same transaction as the change they report; a sender claims one, sends it and marks it
 * sent, once ({@link MailOutbox}: the SES mailer), or lists the pending ones and marks each sent (the local
 * runtime's .eml writer).
 *
 * <p>A claimed mail keeps its gsi2 entry, so one whose sender died between claim and mark is still listed by
 * {@link #pending} (with status SENDING) and can be sent by the local drain or put back by
 * {@link #releaseIfClaimedBefore}: the sweep ({@link vn.doithoai.core.mail.SweepingMailOutbox}) reads
 * {@link #waiting} and does so. In AWS, gsi2 is eventually consistent: a mail just marked sent may still be
 * listed for a moment, which is why {@link #markSent(String, Instant)} says whether this call was the one that
 * marked it.
 */
public final class DynamoMailOutbox implements MailOutbox {
  static final String PENDING_PK = "MAIL#PENDING";
  public static final String PENDING = "PENDING";
  public static final String SENDING = "SENDING";
  public static final String SENT = "SENT";
  public static final String SUPPRESSED = "SUPPRESSED";

  private final DynamoTable table;

  public DynamoMailOutbox(DynamoTable table) {
    this.table = table;
  }

  /** The writes that queue {@code mails}, each only once, for the transaction of the change they report. */
  static List<TransactWriteItem> queued(DynamoTable table, List<OutgoingMail> mails) {
    List<TransactWriteItem> out = new ArrayList<>(mails.size());
    for (OutgoingMail m : mails) {
      out.add(table.putNew(mailItem(m)));
    }
    return out;
  }

  /** E-mails not yet sent nor suppressed (pending, or claimed and not finished), oldest first. */
  public List<OutgoingMail> pending(int limit) {
    List<OutgoingMail> out = new ArrayList<>();
    for (Map<String, AttributeValue> item : unfinished(null, limit)) {
      out.add(OutgoingMail.fromJson(DynamoTable.doc(item)));
    }
    return out;
  }

  /** For the sweep: e-mails queued before {@code queuedBefore}, not yet sent nor suppressed, oldest first. */
  @Override
  public List<Waiting> waiting(Instant queuedBefore, int limit) {
    List<Waiting> out = new ArrayList<>();
    for (Map<String, AttributeValue> item : unfinished(queuedBefore, limit)) {
      String claimedAt = DynamoTable.str(item, "claimedAt");
      out.add(new Waiting(item.get(DynamoTable.PK).s().substring("MAIL#".length()),
          SENDING.equals(DynamoTable.str(item, "status")) && claimedAt != null
              ? Optional.of(Instant.parse(claimedAt)) : Optional.empty()));
    }
    return out;
  }

  /**
   * The one query of the unfinished e-mails (gsi2 {@code MAIL#PENDING}, oldest first), those queued before
   * {@code queuedBefore} when it is given. The sort key starts with the queuing instant, so the bound is a
   * key condition: a sweep reads only what it may act on.
   */
  private List<Map<String, AttributeValue>> unfinished(Instant queuedBefore, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":p", s(PENDING_PK));
    String key = "gsi2pk = :p";
    if (queuedBefore != null) {
      key += " AND gsi2sk < :before";
      values.put(":before", s(iso(queuedBefore)));
    }
    return table.query(QueryRequest.builder().indexName(DynamoTable.GSI2).keyConditionExpression(key)
        .expressionAttributeValues(values).scanIndexForward(true), limit);
  }

  /** One e-mail by id, whatever its status (strongly consistent). */
  public Optional<OutgoingMail> find(String mailId) {
    return table.get(pk(mailId), "MAIL").map(item -> OutgoingMail.fromJson(DynamoTable.doc(item)));
  }

  /** The stored status ({@code PENDING}, {@code SENDING}, {@code SENT}, {@code SUPPRESSED}), if it exists. */
  public Optional<String> status(String mailId) {
    return table.get(pk(mailId), "MAIL").map(item -> DynamoTable.str(item, "status"));
  }

  /**
   * Marks an e-mail sent at {@code at} (pending, or claimed by a sender that did not finish) and takes it off
   * the pending index. True if this call did it; false if it was already sent or suppressed (or does not
   * exist): a second call is a no-op.
   */
  public boolean markSent(String mailId, Instant at) {
    return finish(mailId, SENT, "sentAt", at, null);
  }

  /** Pending → sending, conditionally; the e-mail, or empty if it is not pending (taken, sent, unknown). */
  @Override
  public Optional<OutgoingMail> claim(String mailId, Instant now) {
    try {
      UpdateItemResponse r = table.client().updateItem(b -> b.tableName(table.name())
          .key(DynamoTable.key(pk(mailId), "MAIL"))
          .updateExpression("SET #s = :sending, claimedAt = :now")
          .conditionExpression("#s = :pending")
          .expressionAttributeNames(Map.of("#s", "status"))
          .expressionAttributeValues(Map.of(":sending", s(SENDING), ":now", s(iso(now)),
              ":pending", s(PENDING)))
          .returnValues(ReturnValue.ALL_NEW));
      return Optional.of(OutgoingMail.fromJson(DynamoTable.doc(r.attributes())));
    } catch (ConditionalCheckFailedException e) {
      return Optional.empty();
    }
  }

  /** Sent with the service's message id; a no-op for one already sent or suppressed. */
  @Override
  public void markSent(String mailId, Instant at, String messageId) {
    finish(mailId, SENT, "sentAt", at, messageId);
  }

  /** Not sent, every recipient suppressed: never again; a no-op for one already sent or suppressed. */
  @Override
  public void markSuppressed(String mailId, Instant at) {
    finish(mailId, SUPPRESSED, "suppressedAt", at, null);
  }

  /** Sending → pending, so that a retry claims it again; a no-op unless it is claimed. */
  @Override
  public void release(String mailId) {
    try {
      table.client().updateItem(b -> b.tableName(table.name()).key(DynamoTable.key(pk(mailId), "MAIL"))
          .updateExpression("SET #s = :pending REMOVE claimedAt")
          .conditionExpression("#s = :sending")
          .expressionAttributeNames(Map.of("#s", "status"))
          .expressionAttributeValues(Map.of(":pending", s(PENDING), ":sending", s(SENDING))));
    } catch (ConditionalCheckFailedException e) {
      // not claimed (sent, suppressed, released already, or unknown): nothing to undo
    }
  }

  /**
   * Puts back an e-mail claimed before {@code claimedBefore} whose sender never finished (a crash between claim
   * and mark): true if this call released it. For the sweep ({@link vn.doithoai.core.mail.SweepingMailOutbox}).
   */
  @Override
  public boolean releaseIfClaimedBefore(String mailId, Instant claimedBefore) {
    try {
      table.client().updateItem(b -> b.tableName(table.name()).key(DynamoTable.key(pk(mailId), "MAIL"))
          .updateExpression("SET #s = :pending REMOVE claimedAt")
          .conditionExpression("#s = :sending AND claimedAt < :before")
          .expressionAttributeNames(Map.of("#s", "status"))
          .expressionAttributeValues(Map.of(":pending", s(PENDING), ":sending", s(SENDING),
              ":before", s(iso(claimedBefore)))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /** The pending index's sort key moved to {@code now} (the back of the line), counting the attempt. */
  @Override
  public void requeue(String mailId, Instant now) {
    try {
      table.client().updateItem(b -> b.tableName(table.name()).key(DynamoTable.key(pk(mailId), "MAIL"))
          .updateExpression("SET gsi2sk = :sk ADD attempts :one")
          .conditionExpression("#s = :pending")
          .expressionAttributeNames(Map.of("#s", "status"))
          .expressionAttributeValues(Map.of(":sk", s(iso(now) + "#" + mailId), ":one", DynamoTable.n(1),
              ":pending", s(PENDING))));
    } catch (ConditionalCheckFailedException e) {
      // sent or claimed meanwhile: nothing to move
    }
  }

  /** Pending or sending → {@code status}, with its instant, off the pending index; false if it was not. */
  private boolean finish(String mailId, String status, String instantAttribute, Instant at, String messageId) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":status", s(status));
    values.put(":at", s(at.toString()));
    values.put(":pending", s(PENDING));
    values.put(":sending", s(SENDING));
    String set = "SET #s = :status, " + instantAttribute + " = :at";
    if (messageId != null) {
      set += ", messageId = :mid";
      values.put(":mid", s(messageId));
    }
    String update = set + " REMOVE gsi2pk, gsi2sk, claimedAt";
    try {
      table.client().updateItem(b -> b.tableName(table.name()).key(DynamoTable.key(pk(mailId), "MAIL"))
          .updateExpression(update)
          .conditionExpression("#s IN (:pending, :sending)")
          .expressionAttributeNames(Map.of("#s", "status"))
          .expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  static String pk(String mailId) {
    return "MAIL#" + mailId;
  }

  /** The item a repository puts (with {@code attribute_not_exists(pk)}) in the transaction of its change. */
  static Map<String, AttributeValue> mailItem(OutgoingMail m) {
    Map<String, AttributeValue> item = new HashMap<>(DynamoTable.key(pk(m.id()), "MAIL"));
    item.put(DOC, s(Json.write(m.toJson())));
    item.put("status", s(PENDING));
    item.put(GSI2PK, s(PENDING_PK));
    item.put(GSI2SK, s(iso(m.createdAt()) + "#" + m.id()));
    return item;
  }
}
