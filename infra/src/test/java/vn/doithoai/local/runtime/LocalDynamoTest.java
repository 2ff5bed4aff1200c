package vn.doithoai.local.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class LocalDynamoTest {
  @Test
  @DisplayName("in memory: the fixture's table with its GSIs, projections and TTL; created once")
  void createsTables() {
    TemplateModel model = TemplateModel.load(TemplateModelTest.fixture());
    try (LocalDynamo dynamo = LocalDynamo.inMemory().start()) {
      assertTrue(dynamo.endpoint().toString().startsWith("http://localhost:"));
      assertEquals(List.of("doithoai-fixture-test"), dynamo.createTables(model));
      TableDescription t = dynamo.client().describeTable(r -> r.tableName("doithoai-fixture-test")).table();
      assertEquals(List.of("pk", "sk"), t.keySchema().stream().map(KeySchemaElement::attributeName).toList());
      assertEquals("PAY_PER_REQUEST", t.billingModeSummary().billingModeAsString());
      Map<String, GlobalSecondaryIndexDescription> gsis = new java.util.HashMap<>();
      t.globalSecondaryIndexes().forEach(g -> gsis.put(g.indexName(), g));
      assertEquals(java.util.Set.of("gsi1", "byDue"), gsis.keySet());
      assertEquals(ProjectionType.ALL, gsis.get("gsi1").projection().projectionType());
      assertEquals(ProjectionType.INCLUDE, gsis.get("byDue").projection().projectionType());
      assertEquals(List.of("title", "owner"), gsis.get("byDue").projection().nonKeyAttributes());
      assertEquals(List.of("gsi1pk", "due"),
          gsis.get("byDue").keySchema().stream().map(KeySchemaElement::attributeName).toList());
      var ttl = dynamo.client().describeTimeToLive(r -> r.tableName("doithoai-fixture-test")).timeToLiveDescription();
      assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
      assertEquals("expiresAt", ttl.attributeName());

      assertEquals(List.of(), dynamo.createTables(model), "existing tables are kept");
      assertTrue(dynamo.tableExists("doithoai-fixture-test"));
    }
  }

  @Test
  @DisplayName("a table name shorter than 3 characters is refused with a clear message")
  void shortName() {
    String yaml = """
        Resources:
          T:
            Type: AWS::DynamoDB::Table
            Properties:
              TableName: ab
              AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
              KeySchema: [{AttributeName: pk, KeyType: HASH}]
        """;
    TemplateModel model = TemplateModel.parse(new java.io.StringReader(yaml), java.nio.file.Path.of("x"), Map.of());
    try (LocalDynamo dynamo = LocalDynamo.inMemory().start()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dynamo.createTables(model));
      assertTrue(e.getMessage().contains("shorter than 3"));
    }
  }
}
