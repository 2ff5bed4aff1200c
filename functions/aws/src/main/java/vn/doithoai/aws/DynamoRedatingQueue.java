package vn.doithoai.aws;

import static vn.doithoai.aws.DynamoTable.DOC;
import static vn.doithoai.aws.DynamoTable.communePk;
import static vn.doithoai.aws.DynamoTable.s;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.plan.Redating;
import vn.doithoai.core.plan.RedatingQueue;

/**
 * The work items of a national change: {@code C#{cid} / REDATE#{changeId}}, doc = the change. Each is written
 * into the commune's own partition, so its stream record becomes that commune's {@code CommuneRederive} event
 * ({@link CommuneWorkItems}: 3,321 communes are 133 batches, about 1–3 s of a 15 s API call).
 */
public final class DynamoRedatingQueue implements RedatingQueue {
  static final String SK_PREFIX = "REDATE#";

  private final DynamoTable table;

  public DynamoRedatingQueue(DynamoTable table) {
    this.table = table;
  }

  @Override
  public int queueForEveryCommune(Redating change) {
    return CommuneWorkItems.writeForEveryCommune(table, communeId -> item(change.forCommune(communeId)));
  }

  @Override
  public Optional<Redating> find(String communeId, String changeId) {
    return table.get(communePk(communeId), SK_PREFIX + DynamoTable.part(changeId, "change id"))
        .map(item -> Redating.fromJson(DynamoTable.doc(item)));
  }

  @Override
  public void done(String communeId, String changeId) {
    table.client().deleteItem(b -> b.tableName(table.name())
        .key(DynamoTable.key(communePk(communeId), SK_PREFIX + DynamoTable.part(changeId, "change id"))));
  }

  private static Map<String, AttributeValue> item(Redating r) {
    Map<String, AttributeValue> item = new HashMap<>(DynamoTable.key(communePk(r.communeId()),
        SK_PREFIX + DynamoTable.part(r.changeId(), "change id")));
    item.put(DOC, s(Json.write(r.toJson())));
    return item;
  }
}
