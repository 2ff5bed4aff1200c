package vn.doithoai.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.intake.IntakeBudget;
import vn.doithoai.core.intake.IntakeBudget.Decision;
import vn.doithoai.core.usage.UsageCounter;

class DynamoIntakeBudgetTest {
  static final Instant T0 = Instant.parse("2026-12-07T03:00:00Z");
  static final IntakeBudget.Rate RATE = new IntakeBudget.Rate(5, Duration.ofSeconds(3));

  @Test
  @DisplayName("commune A flooded is refused (with when to come back) while commune B, at the same instant, is served")
  void oneCommunesFloodLeavesTheOthersServed() {
    DynamoTable table = TestTable.create();
    DynamoIntakeBudget budget = new DynamoIntakeBudget(table);
    for (int i = 0; i < RATE.burst(); i++) {
      assertEquals(new Decision.Taken(true), budget.take("xa-a", IntakeBudget.Bucket.WEBHOOK, RATE, T0), "token " + i);
    }
    Decision refused = budget.take("xa-a", IntakeBudget.Bucket.WEBHOOK, RATE, T0);
    assertEquals(new Decision.Refused(Duration.ofSeconds(3)), refused);
    assertEquals(new Decision.Taken(true), budget.take("xa-b", IntakeBudget.Bucket.WEBHOOK, RATE, T0));
    assertEquals(new Decision.Taken(true), budget.take("xa-a", IntakeBudget.Bucket.FORM, RATE, T0),
        "the hosted form has a bucket of its own");

    // the taken requests were counted by the same writes, the refused one not at all
    var december = new DynamoUsage(table).month(YearMonth.of(2026, 12));
    assertEquals(5L, december.get(0).counts().get(UsageCounter.API_WEBHOOK));
    assertEquals(1L, december.get(0).counts().get(UsageCounter.API_PUBLIC));
    assertEquals(1L, december.get(1).counts().get(UsageCounter.API_WEBHOOK));
  }

  @Test
  @DisplayName("the bucket refills: one token every interval, the whole burst after an idle while")
  void refills() {
    DynamoIntakeBudget budget = new DynamoIntakeBudget(TestTable.create());
    for (int i = 0; i < RATE.burst(); i++) {
      budget.take("xa-a", IntakeBudget.Bucket.WEBHOOK, RATE, T0);
    }
    assertInstanceOf(Decision.Refused.class, budget.take("xa-a", IntakeBudget.Bucket.WEBHOOK, RATE, T0.plusSeconds(2)));
    assertInstanceOf(Decision.Taken.class, budget.take("xa-a", IntakeBudget.Bucket.WEBHOOK, RATE, T0.plusSeconds(3)));
    assertInstanceOf(Decision.Refused.class, budget.take("xa-a", IntakeBudget.Bucket.WEBHOOK, RATE, T0.plusSeconds(3)));
    Instant idle = T0.plusSeconds(60);
    for (int i = 0; i < RATE.burst(); i++) {
      assertInstanceOf(Decision.Taken.class, budget.take("xa-a", IntakeBudget.Bucket.WEBHOOK, RATE, idle), "token " + i);
    }
    assertInstanceOf(Decision.Refused.class, budget.take("xa-a", IntakeBudget.Bucket.WEBHOOK, RATE, idle));
  }

  @Test
  @DisplayName("40 concurrent requests on a bucket of 20: exactly 20 served (conditional updates, no token taken twice)")
  void concurrentRequestsTakeEachTokenOnce() throws Exception {
    DynamoTable table = TestTable.create();
    DynamoIntakeBudget budget = new DynamoIntakeBudget(table);
    IntakeBudget.Rate rate = new IntakeBudget.Rate(20, Duration.ofMinutes(1));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Decision>> all = new ArrayList<>();
    try {
      for (int i = 0; i < 40; i++) {
        all.add(pool.submit(() -> budget.take("xa-a", IntakeBudget.Bucket.WEBHOOK, rate, T0)));
      }
      long taken = 0;
      for (Future<Decision> f : all) {
        taken += f.get() instanceof Decision.Taken ? 1 : 0;
      }
      assertEquals(20, taken);
    } finally {
      pool.shutdown();
    }
    assertEquals(20L, new DynamoUsage(table).month(YearMonth.of(2026, 12)).get(0).counts()
        .get(UsageCounter.API_WEBHOOK));
  }

  @Test
  @DisplayName("an idle commune's request is one conditional UpdateItem of 1 WRU on its usage item")
  void oneWriteUnitWhenIdle() {
    DynamoTable table = TestTable.create();
    RecordingClient client = new RecordingClient(table.client());
    new DynamoIntakeBudget(new DynamoTable(client, table.name())).take("xa-a", IntakeBudget.Bucket.WEBHOOK, RATE, T0);
    assertEquals(List.of(DynamoUsage.monthPk(YearMonth.of(2026, 12), "xa-a") + " C#xa-a"), client.updates);
    assertTrue(client.units <= 1.0, "units " + client.units);
  }

  @Test
  @DisplayName("a request within the burst of a busy bucket: two updates; past the burst: refused after one")
  void busyAndRefusedWrites() {
    DynamoTable table = TestTable.create();
    RecordingClient client = new RecordingClient(table.client());
    DynamoIntakeBudget budget = new DynamoIntakeBudget(new DynamoTable(client, table.name()));
    budget.take("xa-a", IntakeBudget.Bucket.WEBHOOK, RATE, T0);
    client.updates.clear();
    budget.take("xa-a", IntakeBudget.Bucket.WEBHOOK, RATE, T0);
    assertEquals(2, client.updates.size(), "the idle update fails, the busy one takes the token");
    for (int i = 0; i < 3; i++) {
      budget.take("xa-a", IntakeBudget.Bucket.WEBHOOK, RATE, T0);
    }
    client.updates.clear();
    assertInstanceOf(Decision.Refused.class, budget.take("xa-a", IntakeBudget.Bucket.WEBHOOK, RATE, T0));
    assertEquals(1, client.updates.size(), "the failed update returned the bucket: no second write");
  }

  /** DynamoDB Local, recording the keys of updates and their consumed units. */
  static final class RecordingClient implements software.amazon.awssdk.services.dynamodb.DynamoDbClient {
    private final software.amazon.awssdk.services.dynamodb.DynamoDbClient local;
    final List<String> updates = new ArrayList<>();
    double units;

    RecordingClient(software.amazon.awssdk.services.dynamodb.DynamoDbClient local) {
      this.local = local;
    }

    @Override
    public software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse updateItem(
        software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest r) {
      updates.add(r.key().get("pk").s() + " " + r.key().get("sk").s());
      var out = local.updateItem(r.toBuilder().returnConsumedCapacity(
          software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity.TOTAL).build());
      units += out.consumedCapacity().capacityUnits();
      return out;
    }

    @Override
    public String serviceName() {
      return "dynamodb";
    }

    @Override
    public void close() {}
  }
}
