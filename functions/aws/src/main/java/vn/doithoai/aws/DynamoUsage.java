package vn.doithoai.aws;

import static vn.doithoai.aws.DynamoTable.n;
import static vn.doithoai.aws.DynamoTable.s;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import vn.doithoai.core.usage.UsageCounter;
import vn.doithoai.core.usage.UsageCounters;

/**
 * The usage counters: {@code USAGE#<yyyy-mm>} / {@code C#<commune>}, one item a commune a month, so that a month's
 * statement for every commune is one Query (no scan), and {@code USAGE#TOTAL} / {@code C#<commune>} for the running
 * totals of storage. Each {@link #add} is one {@code UpdateItem ADD} (1 WRU, the item stays under 1 KB), with a
 * second one on the total only when storage changed (the relay's, once per commune per stream batch).
 */
public final class DynamoUsage implements UsageCounters {
  static final String TOTAL = "USAGE#TOTAL";
  private final DynamoTable table;

  public DynamoUsage(DynamoTable table) {
    this.table = table;
  }

  static String monthPk(YearMonth month) {
    return "USAGE#" + month;
  }

  @Override
  public void add(String communeId, YearMonth month, Map<UsageCounter, Long> counts) {
    Map<UsageCounter, Long> month1 = new EnumMap<>(UsageCounter.class);
    counts.forEach((k, v) -> {
      if (v != 0) {
        month1.put(k, v);
      }
    });
    if (month1.isEmpty()) {
      return;
    }
    String sk = DynamoTable.communePk(communeId);
    add(monthPk(month), sk, month1);
    Map<UsageCounter, Long> stored = new EnumMap<>(UsageCounter.class);
    for (UsageCounter k : List.of(UsageCounter.STORED_ITEMS, UsageCounter.STORED_BYTES)) {
      if (month1.containsKey(k)) {
        stored.put(k, month1.get(k));
      }
    }
    if (!stored.isEmpty()) {
      add(TOTAL, sk, stored);
    }
  }

  private void add(String pk, String sk, Map<UsageCounter, Long> counts) {
    table.client().updateItem(request(pk, sk, counts));
  }

  /** {@code ADD #c0 :v0, #c1 :v1 …} on one item: atomic, no read, no condition. */
  UpdateItemRequest request(String pk, String sk, Map<UsageCounter, Long> counts) {
    StringBuilder expression = new StringBuilder("ADD ");
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    int i = 0;
    for (Map.Entry<UsageCounter, Long> e : counts.entrySet()) {
      expression.append(i == 0 ? "" : ", ").append("#c").append(i).append(" :v").append(i);
      names.put("#c" + i, e.getKey().code());
      values.put(":v" + i, n(e.getValue()));
      i++;
    }
    return UpdateItemRequest.builder().tableName(table.name()).key(DynamoTable.key(pk, sk))
        .updateExpression(expression.toString()).expressionAttributeNames(names).expressionAttributeValues(values)
        .build();
  }

  @Override
  public List<CommuneUsage> month(YearMonth month) {
    Map<String, Map<String, AttributeValue>> totals = new HashMap<>();
    for (Map<String, AttributeValue> item : items(TOTAL)) {
      totals.put(item.get(DynamoTable.SK).s(), item);
    }
    List<CommuneUsage> out = new ArrayList<>();
    for (Map<String, AttributeValue> item : items(monthPk(month))) {
      String sk = item.get(DynamoTable.SK).s();
      Map<UsageCounter, Long> counts = new EnumMap<>(UsageCounter.class);
      for (UsageCounter k : UsageCounter.values()) {
        counts.put(k, number(item, k));
      }
      Map<String, AttributeValue> total = totals.getOrDefault(sk, Map.of());
      out.add(new CommuneUsage(sk.substring("C#".length()), counts, number(total, UsageCounter.STORED_ITEMS),
          number(total, UsageCounter.STORED_BYTES)));
    }
    return out;
  }

  private List<Map<String, AttributeValue>> items(String pk) {
    return table.query(QueryRequest.builder().keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", s(pk))), 0);
  }

  private static long number(Map<String, AttributeValue> item, UsageCounter k) {
    AttributeValue v = item.get(k.code());
    return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
  }
}
