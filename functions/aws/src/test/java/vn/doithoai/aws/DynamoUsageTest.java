package vn.doithoai.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
  @DisplayName("a counted request costs one write unit: one ADD on USAGE#<month> / C#<commune>, no read, no condition")
  void oneWriteUnit() {
    DynamoTable table = TestTable.create();
    UpdateItemRequest r = new DynamoUsage(table).request(DynamoUsage.monthPk(DECEMBER), "C#demo",
        Map.of(UsageCounter.API_STAFF, 1L, UsageCounter.OPINIONS, 1L));
    assertEquals("USAGE#2026-12", r.key().get("pk").s());
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
}
