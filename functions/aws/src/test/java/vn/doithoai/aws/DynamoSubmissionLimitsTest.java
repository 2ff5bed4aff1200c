package vn.doithoai.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

class DynamoSubmissionLimitsTest {
  static final LocalDate DAY = LocalDate.of(2026, 12, 7);

  @Test
  @DisplayName("one conditional UpdateItem per count: ADD n if n < limit, TTL two days after the day, key hashed")
  void requestShape() {
    DynamoTable table = TestTable.create();
    UpdateItemRequest r = new DynamoSubmissionLimits(table).request("demo", "contact", "ab12", DAY, 5);
    assertEquals("C#demo#LIMIT#contact#ab12", r.key().get("pk").s());
    assertEquals("2026-12-07", r.key().get("sk").s());
    assertEquals("ADD n :one SET expiresAt = :exp", r.updateExpression());
    assertEquals("attribute_not_exists(n) OR n < :limit", r.conditionExpression());
    assertEquals("5", r.expressionAttributeValues().get(":limit").n());
    assertEquals(Long.toString(DAY.plusDays(2).atStartOfDay(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toEpochSecond()),
        r.expressionAttributeValues().get(":exp").n());
  }

  @Test
  @DisplayName("the limit holds under 8 threads racing for 20 counts; another key and another day count apart")
  void limitUnderRace() throws Exception {
    DynamoSubmissionLimits limits = new DynamoSubmissionLimits(TestTable.create());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> tries = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        tries.add(pool.submit(() -> limits.tryCount("demo", "address", "k1", DAY, 5)));
      }
      int counted = 0;
      for (Future<Boolean> f : tries) {
        counted += f.get() ? 1 : 0;
      }
      assertEquals(5, counted);
    } finally {
      pool.shutdown();
    }
    assertFalse(limits.tryCount("demo", "address", "k1", DAY, 5));
    assertTrue(limits.tryCount("demo", "address", "k2", DAY, 5));
    assertTrue(limits.tryCount("demo", "address", "k1", DAY.plusDays(1), 5));
  }
}
