package vn.doithoai.aws;

import static vn.doithoai.aws.DynamoTable.DOC;
import static vn.doithoai.aws.DynamoTable.communePk;
import static vn.doithoai.aws.DynamoTable.s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.rights.PrivacyRequests;

/**
 * Citizens' requests and retention settings in the single table:
 * <ul>
 *   <li>Request: {@code C#{cid} / PRIVACY#{contactHash}#{at}#{id}}, doc (no contact, no name: the hash only);
 *   <li>Setting: {@code C#{cid} / PRIVACY#SETTINGS}, {@code retentionMonths};
 *   <li>Sweep cursor: {@code PRIVACY#RETENTION / CURSOR}, {@code cursor}.
 * </ul>
 */
public final class DynamoPrivacyRequests implements PrivacyRequests {
  private static final String SETTINGS = "PRIVACY#SETTINGS";
  private static final String SWEEP = "PRIVACY#RETENTION";

  private final DynamoTable table;

  public DynamoPrivacyRequests(DynamoTable table) {
    this.table = table;
  }

  @Override
  public void record(Request r) {
    Map<String, AttributeValue> item = new HashMap<>(DynamoTable.key(communePk(r.communeId()),
        "PRIVACY#" + r.contactHash() + "#" + DynamoTable.iso(r.at()) + "#" + r.id()));
    item.put(DOC, s(Json.write(r.toJson())));
    table.client().putItem(PutItemRequest.builder().tableName(table.name()).item(item)
        .conditionExpression(DynamoTable.NOT_EXISTS).build());
  }

  @Override
  public List<Request> about(String communeId, String contactHash) {
    List<Request> out = new ArrayList<>();
    for (Map<String, AttributeValue> item : table.query(QueryRequest.builder()
        .keyConditionExpression("pk = :p AND begins_with(sk, :h)")
        .expressionAttributeValues(Map.of(":p", s(communePk(communeId)), ":h", s("PRIVACY#" + contactHash + "#"))),
        0)) {
      out.add(Request.fromJson(DynamoTable.doc(item)));
    }
    return out;
  }

  @Override
  public Optional<Integer> retentionMonths(String communeId) {
    return table.get(communePk(communeId), SETTINGS).map(i -> Integer.parseInt(i.get("retentionMonths").n()));
  }

  @Override
  public void setRetentionMonths(String communeId, int months) {
    Map<String, AttributeValue> item = new HashMap<>(DynamoTable.key(communePk(communeId), SETTINGS));
    item.put("retentionMonths", DynamoTable.n(months));
    table.client().putItem(PutItemRequest.builder().tableName(table.name()).item(item).build());
  }

  @Override
  public Optional<String> sweepCursor() {
    return table.get(SWEEP, "CURSOR").map(i -> DynamoTable.str(i, "cursor")).filter(c -> !c.isEmpty());
  }

  @Override
  public void setSweepCursor(Optional<String> cursor) {
    Map<String, AttributeValue> item = new HashMap<>(DynamoTable.key(SWEEP, "CURSOR"));
    item.put("cursor", s(cursor.orElse("")));
    table.client().putItem(PutItemRequest.builder().tableName(table.name()).item(item).build());
  }
}
