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
 * The usage counters: {@code USAGE#<yyyy-mm>#<shard>} / {@code C#<commune>}, one item a commune a month, so that a
 * month's statement for every commune is {@value #SHARDS} Queries (no scan), and {@code USAGE#TOTAL#<shard>} /
 * {@code C#<commune>} for the running totals of storage. The shard is the CRC-32 of the commune id mod
 * {@value #SHARDS}: every API request and every sent e-mail adds to its commune's item, and at the 08:00 reminder
 * burst of 3,321 communes one unsharded month partition took ≈ 570 writes a second ({@code bench scale}), 57 % of
 * a partition's 1,000 WCU/s (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html);
 * 16 shards put the busiest near 4 %. Items written before the shards ({@code USAGE#<yyyy-mm>}, {@code USAGE#TOTAL})
 * are still read and added in, so a month that spans the change is whole. Each {@link #add} is one {@code UpdateItem ADD} (1 WRU, the item stays under 1 KB), with a
 * second one on the total only when storage changed (the relay's, once per commune per stream batch).
 */
public final class DynamoUsage implements UsageCounters {
  static final String TOTAL = "USAGE#TOTAL";
  private final DynamoTable table;

  public DynamoUsage(DynamoTable table) {
    this.table = table;
  }

  static final int SHARDS = 16;

  /** The partition of a commune's counters of {@code month}. */
  public static String monthPk(YearMonth month, String communeId) {
    return "USAGE#" + month + "#" + shard(communeId);
  }

  static String totalPk(String communeId) {
    return TOTAL + "#" + shard(communeId);
  }

  static int shard(String communeId) {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(communeId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return (int) (crc.getValue() % SHARDS);
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
    add(monthPk(month, communeId), sk, month1);
    Map<UsageCounter, Long> stored = new EnumMap<>(UsageCounter.class);
    for (UsageCounter k : List.of(UsageCounter.STORED_ITEMS, UsageCounter.STORED_BYTES)) {
      if (month1.containsKey(k)) {
        stored.put(k, month1.get(k));
      }
    }
    if (!stored.isEmpty()) {
      add(totalPk(communeId), sk, stored);
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
    Map<String, Map<UsageCounter, Long>> totals = sums(TOTAL);
    List<CommuneUsage> out = new ArrayList<>();
    sums("USAGE#" + month).forEach((sk, counts) -> {
      Map<UsageCounter, Long> total = totals.getOrDefault(sk, Map.of());
      out.add(new CommuneUsage(sk.substring("C#".length()), counts,
          total.getOrDefault(UsageCounter.STORED_ITEMS, 0L), total.getOrDefault(UsageCounter.STORED_BYTES, 0L)));
    });
    return out;
  }

  /** Each commune's counters under {@code base}: its shards and the unsharded key of before, added up. */
  private Map<String, Map<UsageCounter, Long>> sums(String base) {
    Map<String, Map<UsageCounter, Long>> out = new java.util.TreeMap<>();
    List<String> keys = new ArrayList<>();
    keys.add(base);
    for (int i = 0; i < SHARDS; i++) {
      keys.add(base + "#" + i);
    }
    for (String pk : keys) {
      for (Map<String, AttributeValue> item : table.query(QueryRequest.builder().keyConditionExpression("pk = :p")
          .expressionAttributeValues(Map.of(":p", s(pk))), 0)) {
        Map<UsageCounter, Long> counts = out.computeIfAbsent(item.get(DynamoTable.SK).s(),
            k -> new EnumMap<>(UsageCounter.class));
        for (UsageCounter k : UsageCounter.values()) {
          counts.merge(k, number(item, k), Long::sum);
        }
      }
    }
    return out;
  }

  private static long number(Map<String, AttributeValue> item, UsageCounter k) {
    AttributeValue v = item.get(k.code());
    return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
  }
}
