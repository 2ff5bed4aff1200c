package vn.doithoai.aws;

import static vn.doithoai.aws.DynamoTable.s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * One work item for every registered commune, each written into that commune's own partition so that its
 * stream record becomes that commune's own bus event (a national re-dating, the daily reconcile). The registry
 * (gsi1 {@code COMMUNES}) is paged to its end (no cap) and the items written 25 to a BatchWriteItem (DynamoDB's
 * limit per call), its unprocessed items retried with a backoff: 3,321 communes are 133 batches, about 1–3 s.
 * See https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html
 */
final class CommuneWorkItems {
  private static final int BATCH = 25;
  private static final int MAX_ROUNDS = 8;

  private CommuneWorkItems() {}

  /**
   * Writes {@code item.apply(communeId)} for every registered commune.
   *
   * @return how many communes were written
   */
  static int writeForEveryCommune(DynamoTable table, Function<String, Map<String, AttributeValue>> item) {
    List<Map<String, AttributeValue>> communes = table.query(QueryRequest.builder().indexName(DynamoTable.GSI1)
        .keyConditionExpression("gsi1pk = :p")
        .expressionAttributeValues(Map.of(":p", s(DynamoCommunes.REGISTRY)))
        .projectionExpression("gsi1sk"), 0);
    List<WriteRequest> batch = new ArrayList<>();
    for (Map<String, AttributeValue> c : communes) {
      batch.add(WriteRequest.builder().putRequest(PutRequest.builder()
          .item(item.apply(c.get(DynamoTable.GSI1SK).s())).build()).build());
      if (batch.size() == BATCH) {
        write(table, batch);
        batch = new ArrayList<>();
      }
    }
    if (!batch.isEmpty()) {
      write(table, batch);
    }
    return communes.size();
  }

  private static void write(DynamoTable table, List<WriteRequest> requests) {
    Map<String, List<WriteRequest>> pending = Map.of(table.name(), requests);
    for (int round = 0; !pending.isEmpty(); round++) {
      if (round == MAX_ROUNDS) {
        throw new IllegalStateException("DynamoDB left " + pending.get(table.name()).size()
            + " work items unprocessed after " + MAX_ROUNDS + " rounds");
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
}
