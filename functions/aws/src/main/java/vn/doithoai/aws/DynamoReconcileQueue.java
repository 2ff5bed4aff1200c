package vn.doithoai.aws;

import static vn.doithoai.aws.DynamoTable.DOC;
import static vn.doithoai.aws.DynamoTable.communePk;
import static vn.doithoai.aws.DynamoTable.n;
import static vn.doithoai.aws.DynamoTable.s;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.deadline.ReconcileQueue;
import vn.doithoai.core.deadline.ReconcileWork;

/**
 * The daily reconcile's work items: {@code C#{cid} / RECONCILE#{workId}} ({@code 2026-05-11}, a continuation
 * {@code 2026-05-11.1}), doc = the work. Each is written into the commune's own partition, so its INSERT becomes
 * that commune's {@code CommuneReconcile} event ({@link CommuneWorkItems}); a rewrite of an existing item (the cron
 * retried) is a MODIFY and tells nothing again. An item left behind (its event in the dead-letter queue) expires
 * by TTL a week after its day; its removal tells nothing either.
 */
public final class DynamoReconcileQueue implements ReconcileQueue {
  static final String SK_PREFIX = "RECONCILE#";
  static final int KEPT_DAYS = 7;

  private final DynamoTable table;

  public DynamoReconcileQueue(DynamoTable table) {
    this.table = table;
  }

  @Override
  public int queueForEveryCommune(LocalDate day) {
    return CommuneWorkItems.writeForEveryCommune(table, communeId -> item(ReconcileWork.first(communeId, day)));
  }

  @Override
  public Optional<ReconcileWork> find(String communeId, String workId) {
    return table.get(communePk(communeId), SK_PREFIX + DynamoTable.part(workId, "work id"))
        .map(item -> ReconcileWork.fromJson(DynamoTable.doc(item)));
  }

  /** One TransactWriteItems: the next unit's item and the deletion of the one it continues. */
  @Override
  public void continueWith(ReconcileWork next, String doneWorkId) {
    List<TransactWriteItem> items = new ArrayList<>();
    items.add(table.put(item(next), null, null, null));
    if (doneWorkId != null) {
      items.add(table.delete(communePk(next.communeId()), SK_PREFIX + DynamoTable.part(doneWorkId, "work id")));
    }
    DynamoTable.Outcome o = table.transact(items);
    if (!o.committed()) {
      throw DynamoTable.unexpected(o);
    }
  }

  @Override
  public void done(String communeId, String workId) {
    table.client().deleteItem(b -> b.tableName(table.name())
        .key(DynamoTable.key(communePk(communeId), SK_PREFIX + DynamoTable.part(workId, "work id"))));
  }

  static Map<String, AttributeValue> item(ReconcileWork w) {
    Map<String, AttributeValue> item = new HashMap<>(DynamoTable.key(communePk(w.communeId()),
        SK_PREFIX + DynamoTable.part(w.workId(), "work id")));
    item.put(DOC, s(Json.write(w.toJson())));
    item.put(DynamoTable.EXPIRES_AT, n(w.day().plusDays(KEPT_DAYS).atStartOfDay().toEpochSecond(ZoneOffset.UTC)));
    return item;
  }
}
