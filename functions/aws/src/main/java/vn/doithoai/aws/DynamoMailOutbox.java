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
import vn.doithoai.core.common.Json;
import vn.doithoai.core.mail.OutgoingMail;

/**
 * The e-mail outbox: {@code MAIL#{id} / MAIL}, doc, {@code status} PENDING then SENT, and while pending gsi2
 * {@code MAIL#PENDING / {createdAt}#{id}}. Mails are written by the repositories in the same transaction as
 * the change they report; a sender (the local runtime's .eml writer, later SES) lists the pending ones and
 * marks each sent, once.
 *
 * <p>In AWS, gsi2 is eventually consistent: a mail just marked sent may still be listed for a moment, which
 * is why {@link #markSent} says whether this call was the one that marked it. Claim before sending, or accept
 * that a crash between sending and marking sends again.
 */
public final class DynamoMailOutbox {
  static final String PENDING_PK = "MAIL#PENDING";
  public static final String PENDING = "PENDING";
  public static final String SENT = "SENT";

  private final DynamoTable table;

  public DynamoMailOutbox(DynamoTable table) {
    this.table = table;
  }

  /** Pending e-mails, oldest first. */
  public List<OutgoingMail> pending(int limit) {
    if (limit <= 0) {
      return List.of();
    }
    List<OutgoingMail> out = new ArrayList<>();
    for (Map<String, AttributeValue> item : table.query(QueryRequest.builder().indexName(DynamoTable.GSI2)
        .keyConditionExpression("gsi2pk = :p")
        .expressionAttributeValues(Map.of(":p", s(PENDING_PK)))
        .scanIndexForward(true), limit)) {
      out.add(OutgoingMail.fromJson(DynamoTable.doc(item)));
    }
    return out;
  }

  /** One e-mail by id, whatever its status (strongly consistent). */
  public Optional<OutgoingMail> find(String mailId) {
    return table.get(pk(mailId), "MAIL").map(item -> OutgoingMail.fromJson(DynamoTable.doc(item)));
  }

  /** The stored status ({@code PENDING} or {@code SENT}), if the e-mail exists. */
  public Optional<String> status(String mailId) {
    return table.get(pk(mailId), "MAIL").map(item -> DynamoTable.str(item, "status"));
  }

  /**
   * Marks a pending e-mail sent at {@code at} and takes it off the pending index. True if this call did it;
   * false if it was already sent (or does not exist): a second call is a no-op.
   */
  public boolean markSent(String mailId, Instant at) {
    try {
      table.client().updateItem(b -> b.tableName(table.name()).key(DynamoTable.key(pk(mailId), "MAIL"))
          .updateExpression("SET #s = :sent, sentAt = :at REMOVE gsi2pk, gsi2sk")
          .conditionExpression("#s = :pending")
          .expressionAttributeNames(Map.of("#s", "status"))
          .expressionAttributeValues(Map.of(":sent", s(SENT), ":at", s(at.toString()), ":pending", s(PENDING))));
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
