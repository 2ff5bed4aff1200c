package vn.doithoai.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;
import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;

/**
 * DynamoDB Local embedded in this JVM (in memory, one instance for every test class), and a fresh table per
 * call with the template's keys: pk/sk, gsi1 and gsi2 (projection ALL), on demand, TTL on expiresAt.
 */
final class TestTable {
  private static final AmazonDynamoDBLocal LOCAL = DynamoDBEmbedded.create();
  private static final DynamoDbClient CLIENT = LOCAL.dynamoDbClient();
  private static final AtomicInteger COUNTER = new AtomicInteger();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(LOCAL::shutdown));
  }

  private TestTable() {}

  static DynamoDbClient client() {
    return CLIENT;
  }

  /** A new, empty table (names need 3+ characters in DynamoDB Local). */
  static DynamoTable create() {
    String name = "doithoai-test-" + COUNTER.incrementAndGet();
    CLIENT.createTable(b -> b.tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(attr("pk"), attr("sk"), attr("gsi1pk"), attr("gsi1sk"), attr("gsi2pk"), attr("gsi2sk"))
        .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
        .globalSecondaryIndexes(gsi("gsi1"), gsi("gsi2")));
    CLIENT.updateTimeToLive(b -> b.tableName(name)
        .timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(true)));
    return new DynamoTable(CLIENT, name);
  }

  /** Every item whose pk starts with {@code prefix}: a Scan, for assertions only (never in the code under test). */
  static List<Map<String, AttributeValue>> scan(DynamoTable table, String prefix) {
    List<Map<String, AttributeValue>> out = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      ScanResponse r = CLIENT.scan(b -> b.tableName(table.name()).consistentRead(true)
          .filterExpression("begins_with(pk, :p)")
          .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(prefix))).exclusiveStartKey(from));
      out.addAll(r.items());
      start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
    } while (start != null);
    return out;
  }

  private static AttributeDefinition attr(String name) {
    return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  private static GlobalSecondaryIndex gsi(String name) {
    return GlobalSecondaryIndex.builder().indexName(name)
        .keySchema(key(name + "pk", KeyType.HASH), key(name + "sk", KeyType.RANGE))
        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
        .build();
  }
}
