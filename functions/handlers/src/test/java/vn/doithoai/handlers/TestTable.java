package vn.doithoai.handlers;

import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;
import vn.doithoai.aws.DynamoTable;

/** The single table in DynamoDB Local, embedded in the test JVM (the template's keys and indexes). */
final class TestTable {
  private TestTable() {}

  static final String NAME = "doithoai-test";

  static DynamoTable create() {
    DynamoDbClient client = DynamoDBEmbedded.create().dynamoDbClient();
    create(client, NAME, b -> { });
    return new DynamoTable(client, NAME);
  }

  /** Creates the table in any DynamoDB, with {@code more} (a stream, say) added to the request. */
  static void create(DynamoDbClient client, String name, Consumer<CreateTableRequest.Builder> more) {
    client.createTable(b -> {
      b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(attr("pk"), attr("sk"), attr("gsi1pk"), attr("gsi1sk"), attr("gsi2pk"),
              attr("gsi2sk"))
          .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
          .globalSecondaryIndexes(index("gsi1"), index("gsi2"));
      more.accept(b);
    });
  }

  private static AttributeDefinition attr(String n) {
    return AttributeDefinition.builder().attributeName(n).attributeType(ScalarAttributeType.S).build();
  }

  private static KeySchemaElement key(String n, KeyType t) {
    return KeySchemaElement.builder().attributeName(n).keyType(t).build();
  }

  private static GlobalSecondaryIndex index(String n) {
    return GlobalSecondaryIndex.builder().indexName(n).keySchema(List.of(key(n + "pk", KeyType.HASH),
        key(n + "sk", KeyType.RANGE))).projection(Projection.builder().projectionType(ProjectionType.ALL).build())
        .build();
  }
}
