package vn.doithoai.aws;

import static vn.doithoai.aws.DynamoTable.n;

import java.time.LocalDate;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import vn.doithoai.core.intake.SubmissionLimits;
import vn.doithoai.core.rules.DeadlineScheduling;

/**
 * A day's counter per hashed key: {@code C#{commune}#LIMIT#{kind}#{hash} / {yyyy-mm-dd}}, one conditional
 * UpdateItem ({@code ADD n 1} if {@code n < limit}) — one write unit per count, the item under 100 bytes — with
 * {@code expiresAt} two days later so TTL removes it at no cost.
 */
public final class DynamoSubmissionLimits implements SubmissionLimits {
  private final DynamoTable table;

  public DynamoSubmissionLimits(DynamoTable table) {
    this.table = table;
  }

  @Override
  public boolean tryCount(String communeId, String kind, String key, LocalDate day, int limit) {
    try {
      table.client().updateItem(request(communeId, kind, key, day, limit));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  UpdateItemRequest request(String communeId, String kind, String key, LocalDate day, int limit) {
    long expires = day.plusDays(2).atStartOfDay(DeadlineScheduling.VIETNAM).toEpochSecond();
    return UpdateItemRequest.builder().tableName(table.name())
        .key(DynamoTable.key(DynamoTable.communePk(communeId) + "#LIMIT#" + DynamoTable.part(kind, "kind") + "#"
            + DynamoTable.part(key, "key"), day.toString()))
        .updateExpression("ADD n :one SET expiresAt = :exp")
        .conditionExpression("attribute_not_exists(n) OR n < :limit")
        .expressionAttributeValues(Map.of(":one", n(1), ":exp", n(expires), ":limit", n(limit)))
        .build();
  }
}
