package vn.doithoai.aws;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.rules.RuleConfirmation;
import vn.doithoai.core.rules.RuleConfirmations;

/**
 * Confirmed instruments in the table, platform-wide: pk {@code RULES#CONFIRMED}, sk {@code RULE#<instrument>},
 * the confirmation (citation, who, when) as one JSON document, put once ({@code attribute_not_exists(pk)}).
 */
public final class DynamoRuleConfirmations implements RuleConfirmations {
  static final String PK = "RULES#CONFIRMED";
  static final String SK_PREFIX = "RULE#";

  private final DynamoTable table;

  public DynamoRuleConfirmations(DynamoTable table) {
    this.table = table;
  }

  @Override
  public List<RuleConfirmation> all() {
    return table.query(QueryRequest.builder().keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", DynamoTable.s(PK))).consistentRead(true), 0)
        .stream().map(i -> RuleConfirmation.fromJson(DynamoTable.doc(i))).toList();
  }

  @Override
  public void add(RuleConfirmation c) {
    try {
      table.client().putItem(request(c));
    } catch (ConditionalCheckFailedException e) {
      throw DomainException.conflict("rule_already_confirmed", "Văn bản căn cứ này đã được xác nhận.");
    }
  }

  /** One PutItem, only if no confirmation of the instrument exists. */
  PutItemRequest request(RuleConfirmation c) {
    Map<String, AttributeValue> item = new HashMap<>(DynamoTable.key(PK, SK_PREFIX + c.instrumentId()));
    item.put(DynamoTable.DOC, DynamoTable.s(Json.write(c.toJson())));
    return PutItemRequest.builder().tableName(table.name()).item(item).conditionExpression(DynamoTable.NOT_EXISTS)
        .build();
  }
}
