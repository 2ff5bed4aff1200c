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
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.plan.Redating;
import vn.doithoai.core.plan.RedatingQueue;

/**
 * The work items of a national change: {@code C#{cid} / REDATE#{changeId}}, doc = the change. Each is written
 * into the commune's own partition, so its stream record becomes that commune's {@code CommuneRederive} event.
 * The registry (gsi1 {@code COMMUNES}) is paged to its end and the items written 25 to a BatchWriteItem, its
 * unprocessed items retried: 3,321 communes are 133 batches, about 1–3 s of a 15 s API call.
 */
public final class DynamoRedatingQueue implements RedatingQueue {
  static final String SK_PREFIX = "REDATE#";
  private static final int BATCH = 25;
  private static final int MAX_ROUNDS = 8;

  private final DynamoTable table;

  public DynamoRedatingQueue(DynamoTable table) {
    this.table = table;
  }

  @Override
  public int queueForEveryCommune(Redating change) {
    List<Map<String, AttributeValue>> communes = table.query(QueryRequest.builder().indexName(DynamoTable.GSI1)
        .keyConditionExpression("gsi1pk = :p")
        .expressionAttributeValues(Map.of(":p", s(DynamoCommunes.REGISTRY)))
        .projectionExpression("gsi1sk"), 0);
    List<WriteRequest> batch = new ArrayList<>();
    for (Map<String, AttributeValue> c : communes) {
      Map<String, AttributeValue> item = item(change.forCommune(c.get(DynamoTable.GSI1SK).s()));
      batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
      if (batch.size() == BATCH) {
        write(batch);
        batch = new ArrayList<>();
      }
    }
    if (!batch.isEmpty()) {
      write(batch);
    }
    return communes.size();
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

  private void write(List<WriteRequest> requests) {
    Map<String, List<WriteRequest>> pending = Map.of(table.name(), requests);
    for (int round = 0; !pending.isEmpty(); round++) {
      if (round == MAX_ROUNDS) {
        throw new IllegalStateException("DynamoDB left " + pending.get(table.name()).size()
            + " re-dating work items unprocessed after " + MAX_ROUNDS + " rounds");
      }
      if (round > 0) {
        sleep(50L << round);
      }
      Map<String, List<WriteRequest>> request = pending;
      BatchWriteItemResponse r = table.client().batchWriteItem(b -> b.requestItems(request));
      pending = r.hasUnprocessedItems() ? r.unprocessedItems() : Map.of();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, AttributeValue> item(Redating r) {
    Map<String, AttributeValue> item = new HashMap<>(DynamoTable.key(communePk(r.communeId()),
        SK_PREFIX + DynamoTable.part(r.changeId(), "change id")));
    item.put(DOC, s(Json.write(r.toJson())));
    return item;
  }
}
