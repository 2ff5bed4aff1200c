package vn.doithoai.aws;

import static vn.doithoai.aws.DynamoTable.n;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import vn.doithoai.core.intake.IntakeBudget;
import vn.doithoai.core.rules.DeadlineScheduling;
import vn.doithoai.core.usage.UsageCounter;

/**
 * Each commune's intake budget, kept on its usage item of the month ({@code USAGE#<yyyy-mm>#<shard> / C#<commune>},
 * see {@link DynamoUsage}), so that taking a token and counting the request are ONE conditional UpdateItem
 * (1 WRU: the item stays under 1 KB). The bucket is GCRA, the token bucket as one number: {@code tat_<counter>},
 * the instant (epoch ms) at which the bucket would be full again. A request at {@code now} is served when
 * {@code tat - now <= (burst - 1) × interval}, and moves {@code tat} to {@code max(tat, now) + interval}.
 *
 * <p>DynamoDB's update expressions have no {@code max}, so the two cases are two conditional updates: an idle
 * bucket ({@code tat <= now}, the usual case: one write) is set to {@code now + interval}; a busy one is advanced
 * by {@code interval} if that stays within the burst (a second write, after the first's condition failed and
 * returned the stored item, {@code ReturnValuesOnConditionCheckFailure}). A bucket already past its burst is
 * refused after the first write's failure (1 WRU: a failed condition is billed as a write). Every update is
 * conditional on the value it reasons about, so concurrent requests never take the same token.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ConditionExpressions.html
 */
public final class DynamoIntakeBudget implements IntakeBudget {
  private final DynamoTable table;

  public DynamoIntakeBudget(DynamoTable table) {
    this.table = table;
  }

  /** The usage counter a bucket's requests are counted in. */
  static UsageCounter requests(Bucket bucket) {
    return switch (bucket) {
      case WEBHOOK -> UsageCounter.API_WEBHOOK;
      case FORM -> UsageCounter.API_PUBLIC;
    };
  }

  static String attribute(Bucket bucket) {
    return "tat_" + requests(bucket).code();
  }

  @Override
  public Decision take(String communeId, Bucket bucket, Rate rate, Instant now) {
    Map<String, AttributeValue> key = DynamoTable.key(
        DynamoUsage.monthPk(YearMonth.from(now.atZone(DeadlineScheduling.VIETNAM)), communeId),
        DynamoTable.communePk(communeId));
    long t = now.toEpochMilli();
    long interval = rate.interval().toMillis();
    long tau = (rate.burst() - 1) * interval;
    Map<String, String> names = Map.of("#tat", attribute(bucket), "#n", requests(bucket).code());
    Long stored;
    try {
      update(key, "SET #tat = :next ADD #n :one", "attribute_not_exists(#tat) OR #tat <= :now", names,
          Map.of(":next", n(t + interval), ":one", n(1), ":now", n(t)));
      return new Decision.Taken(true);
    } catch (ConditionalCheckFailedException e) {
      stored = tat(e, names.get("#tat"));
    }
    if (stored != null && stored - t > tau) {
      return new Decision.Refused(Duration.ofMillis(stored - tau - t));
    }
    try {
      update(key, "SET #tat = #tat + :interval ADD #n :one", "#tat <= :limit", names,
          Map.of(":interval", n(interval), ":one", n(1), ":limit", n(t + tau)));
      return new Decision.Taken(true);
    } catch (ConditionalCheckFailedException e) {
      // others took the last tokens meanwhile
      Long now2 = tat(e, names.get("#tat"));
      return new Decision.Refused(Duration.ofMillis(now2 == null ? interval : Math.max(1, now2 - tau - t)));
    }
  }

  private void update(Map<String, AttributeValue> key, String expression, String condition,
      Map<String, String> names, Map<String, AttributeValue> values) {
    table.client().updateItem(b -> b.tableName(table.name()).key(key).updateExpression(expression)
        .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
  }

  private static Long tat(ConditionalCheckFailedException e, String attribute) {
    AttributeValue v = e.hasItem() ? e.item().get(attribute) : null;
    return v == null || v.n() == null ? null : Long.valueOf(v.n());
  }
}
