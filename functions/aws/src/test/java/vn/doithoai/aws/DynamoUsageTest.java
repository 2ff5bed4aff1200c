package vn.doithoai.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import vn.doithoai.core.usage.UsageCounter;
import vn.doithoai.core.usage.UsageCounters;

class DynamoUsageTest {
  static final YearMonth DECEMBER = YearMonth.of(2026, 12);

  @Test
  @DisplayName("a counted request costs one write unit: one ADD on USAGE#<month>#<shard> / C#<commune>, no read, no condition")
  void oneWriteUnit() {
    DynamoTable table = TestTable.create();
    UpdateItemRequest r = new DynamoUsage(table).request(DynamoUsage.monthPk(DECEMBER, "demo"), "C#demo",
        Map.of(UsageCounter.API_STAFF, 1L, UsageCounter.OPINIONS, 1L));
    assertEquals("USAGE#2026-12#" + DynamoUsage.shard("demo"), r.key().get("pk").s());
    assertEquals(null, r.conditionExpression());
    for (int i = 0; i < 3; i++) { // the item grows: still under 1 KB, still one unit
      double units = table.client().updateItem(r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
          .build()).consumedCapacity().capacityUnits();
      assertEquals(1.0, units, 0.0001);
    }
  }

  @Test
  @DisplayName("200 adds from 8 threads: none lost; each commune its own row; storage totals run across months")
  void countsAndTotals() throws Exception {
    DynamoUsage usage = new DynamoUsage(TestTable.create());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> adds = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        adds.add(pool.submit(() -> usage.add("demo", DECEMBER, Map.of(UsageCounter.API_PUBLIC, 1L))));
      }
      for (Future<?> f : adds) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    usage.add("demo", DECEMBER.minusMonths(1), Map.of(UsageCounter.STORED_ITEMS, 10L, UsageCounter.STORED_BYTES,
        5000L));
    usage.add("demo", DECEMBER, Map.of(UsageCounter.STORED_ITEMS, -2L, UsageCounter.STORED_BYTES, -800L));
    usage.add("xa-khac", DECEMBER, Map.of(UsageCounter.EMAILS, 3L, UsageCounter.API_STAFF, 0L));

    List<UsageCounters.CommuneUsage> december = usage.month(DECEMBER);
    assertEquals(List.of("demo", "xa-khac"), december.stream().map(UsageCounters.CommuneUsage::communeId).toList());
    UsageCounters.CommuneUsage demo = december.get(0);
    assertEquals(200, demo.get(UsageCounter.API_PUBLIC));
    assertEquals(-2, demo.get(UsageCounter.STORED_ITEMS), "the month's net change");
    assertEquals(8, demo.storedItemsNow(), "what is stored now: every month's changes");
    assertEquals(4200, demo.storedBytesNow());
    assertEquals(3, december.get(1).get(UsageCounter.EMAILS));
    assertEquals(0, december.get(1).storedItemsNow());
  }

  @Test
  @DisplayName("the month's statement adds each commune's shard to what was counted before the shards (USAGE#<month>)")
  void shardsAndTheKeysOfBefore() {
    DynamoTable table = TestTable.create();
    DynamoUsage usage = new DynamoUsage(table);
    table.client().updateItem(usage.request("USAGE#2026-12", "C#demo", Map.of(UsageCounter.API_STAFF, 5L)));
    table.client().updateItem(usage.request("USAGE#TOTAL", "C#demo", Map.of(UsageCounter.STORED_ITEMS, 7L)));
    usage.add("demo", DECEMBER, Map.of(UsageCounter.API_STAFF, 2L, UsageCounter.STORED_ITEMS, 1L));
    UsageCounters.CommuneUsage demo = usage.month(DECEMBER).get(0);
    assertEquals(7, demo.get(UsageCounter.API_STAFF));
    assertEquals(8, demo.storedItemsNow());
  }

  @Test
  @DisplayName("3,321 communes spread over the 16 shards: none holds more than 1.3 times its share")
  void communesSpread() {
    int[] per = new int[DynamoUsage.SHARDS];
    for (int i = 1; i <= 3321; i++) {
      per[DynamoUsage.shard(String.format("xa-%05d", i))]++;
    }
    int busiest = java.util.Arrays.stream(per).max().orElseThrow();
    assertTrue(busiest <= 3321 / DynamoUsage.SHARDS * 1.3, "busiest shard " + busiest);
  }
}
