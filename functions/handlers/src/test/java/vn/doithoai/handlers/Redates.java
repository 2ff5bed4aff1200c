package vn.doithoai.handlers;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.doithoai.aws.DynamoTable;

/** Test helper: the re-dating work items waiting in a commune's partition, and their delivery to the redate function. */
final class Redates {
  private Redates() {}

  /** The change ids of the commune's waiting work items ({@code C#{cid} / REDATE#{changeId}}). */
  static List<String> waiting(DynamoTable table, String commune) {
    return table.client().query(b -> b.tableName(table.name()).keyConditionExpression("pk = :pk AND begins_with(sk, :r)")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("C#" + commune), ":r",
            AttributeValue.fromS("REDATE#")))).items().stream().map(i -> i.get("sk").s().substring(7)).toList();
  }

  /** The commune's {@code CommuneRederive} as the bus delivers it; how many plans moved. */
  static int deliver(RedateHandler h, String commune, String changeId) {
    return h.handleRequest(Map.of("detail", Map.of("version", 1, "commune", commune, "changeId", changeId,
        "reason", "calendar")), null);
  }
}
