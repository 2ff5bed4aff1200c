package vn.doithoai.aws;

import static vn.doithoai.aws.DynamoTable.DOC;
import static vn.doithoai.aws.DynamoTable.GSI1PK;
import static vn.doithoai.aws.DynamoTable.GSI1SK;
import static vn.doithoai.aws.DynamoTable.GSI2PK;
import static vn.doithoai.aws.DynamoTable.GSI2SK;
import static vn.doithoai.aws.DynamoTable.VERSION;
import static vn.doithoai.aws.DynamoTable.communePk;
import static vn.doithoai.aws.DynamoTable.n;
import static vn.doithoai.aws.DynamoTable.s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.conclusion.Conclusion;
import vn.doithoai.core.conclusion.ConclusionStatus;
import vn.doithoai.core.conclusion.Conclusions;
import vn.doithoai.core.mail.OutgoingMail;
import vn.doithoai.core.meeting.MeetingRecord;

/**
 * Meeting records ({@code MEET#<plan>#<meeting>}), conclusion notices ({@code CONC#<id>}; gsi1 by plan, gsi2
 * the commune's published feed by issue date) and document counters ({@code CTR#<counter>}, an atomic ADD).
 */
public final class DynamoConclusions implements Conclusions {
  private final DynamoTable table;

  public DynamoConclusions(DynamoTable table) {
    this.table = table;
  }

  @Override
  public void saveRecord(String communeId, String planId, MeetingRecord record) {
    Map<String, AttributeValue> item = new HashMap<>(DynamoTable.key(communePk(communeId), "MEET#" + planId + "#"
        + record.meetingId()));
    item.put(DOC, s(Json.write(record.toJson())));
    table.client().putItem(b -> b.tableName(table.name()).item(item));
  }

  @Override
  public Optional<MeetingRecord> record(String communeId, String planId, String meetingId) {
    return table.get(communePk(communeId), "MEET#" + planId + "#" + meetingId)
        .map(i -> MeetingRecord.fromJson(DynamoTable.doc(i)));
  }

  @Override
  public void create(Conclusion c) {
    DynamoTable.Outcome o = table.transact(List.of(table.putNew(item(c))));
    if (!o.committed()) {
      throw DomainException.conflict("already_exists", "Thông báo kết luận đã tồn tại.");
    }
  }

  @Override
  public Optional<Conclusion> find(String communeId, String id) {
    return table.get(communePk(communeId), "CONC#" + id).map(i -> Conclusion.fromJson(DynamoTable.doc(i)));
  }

  @Override
  public void save(Conclusion c, List<OutgoingMail> mails) {
    List<TransactWriteItem> items = new ArrayList<>();
    items.add(table.putIfVersion(item(c), c.version() - 1));
    items.addAll(DynamoMailOutbox.queued(table, mails));
    DynamoTable.Outcome o = table.transact(items);
    if (o.committed()) {
      return;
    }
    if (o.conditionFailed(0)) {
      throw DomainException.staleVersion();
    }
    throw DynamoTable.unexpected(o);
  }

  @Override
  public List<Conclusion> byPlan(String communeId, String planId) {
    return table.query(QueryRequest.builder().indexName(DynamoTable.GSI1).keyConditionExpression("gsi1pk = :p")
        .expressionAttributeValues(Map.of(":p", s(communePk(communeId) + "#PLAN#" + planId + "#CONC"))), 0)
        .stream().map(i -> Conclusion.fromJson(DynamoTable.doc(i))).toList();
  }

  @Override
  public List<Conclusion> published(String communeId, int limit) {
    return table.query(QueryRequest.builder().indexName(DynamoTable.GSI2).keyConditionExpression("gsi2pk = :p")
        .expressionAttributeValues(Map.of(":p", s(communePk(communeId) + "#CONC#PUBLISHED"))).scanIndexForward(false),
        limit).stream().map(i -> Conclusion.fromJson(DynamoTable.doc(i))).toList();
  }

  @Override
  public int next(String communeId, String counter) {
    return Integer.parseInt(table.client().updateItem(b -> b.tableName(table.name())
        .key(DynamoTable.key(communePk(communeId), "CTR#" + counter)).updateExpression("ADD #s :one")
        .expressionAttributeNames(Map.of("#s", "seq")).expressionAttributeValues(Map.of(":one", n(1)))
        .returnValues(ReturnValue.UPDATED_NEW)).attributes().get("seq").n());
  }

  private static Map<String, AttributeValue> item(Conclusion c) {
    Map<String, AttributeValue> item = new HashMap<>(DynamoTable.key(communePk(c.communeId()), "CONC#" + c.id()));
    item.put(GSI1PK, s(communePk(c.communeId()) + "#PLAN#" + c.planId() + "#CONC"));
    item.put(GSI1SK, s(String.format("%04d", c.edition()) + "#" + c.id()));
    if (c.status() == ConclusionStatus.PUBLISHED) {
      item.put(GSI2PK, s(communePk(c.communeId()) + "#CONC#PUBLISHED"));
      item.put(GSI2SK, s(c.issuedOn().orElseThrow() + "#" + c.id()));
    }
    item.put(DOC, s(Json.write(c.toJson())));
    item.put(VERSION, n(c.version()));
    return item;
  }
}
