package vn.doithoai.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.doithoai.core.deadline.ReconcileWork;

/** Issue #18: the daily reconcile's work items, one per registered commune, in each commune's own partition. */
class DynamoReconcileQueueTest {
  private static final LocalDate DAY = LocalDate.of(2026, 5, 11);
  private final DynamoTable table = TestTable.create();
  private final DynamoReconcileQueue queue = new DynamoReconcileQueue(table);

  private List<Map<String, AttributeValue>> workItems() {
    return TestTable.scan(table, "C#").stream().filter(i -> i.get("sk").s().startsWith("RECONCILE#")).toList();
  }

  @Test
  void oneItemPerRegisteredCommuneInItsOwnPartitionPagedAndBatched() {
    DynamoCommunes communes = new DynamoCommunes(table);
    int n = 60; // three BatchWriteItem calls of at most 25
    for (int i = 0; i < n; i++) {
      communes.create(Fixtures.commune(String.format("xa-%03d", i)), List.of());
    }
    assertEquals(n, queue.queueForEveryCommune(DAY));
    List<Map<String, AttributeValue>> items = workItems();
    assertEquals(n, items.size());
    for (Map<String, AttributeValue> item : items) {
      String cid = item.get("pk").s().substring(2);
      assertEquals("RECONCILE#2026-05-11", item.get("sk").s());
      assertEquals(Optional.of(ReconcileWork.first(cid, DAY)), queue.find(cid, "2026-05-11"));
      assertEquals(String.valueOf(DAY.plusDays(7).atStartOfDay().toEpochSecond(java.time.ZoneOffset.UTC)),
          item.get("expiresAt").n(), "left behind, it expires a week after its day");
      assertTrue(!item.containsKey("gsi1pk") && !item.containsKey("gsi2pk"), "on no index");
    }
    assertEquals(n, queue.queueForEveryCommune(DAY), "a retried cron rewrites the same items");
    assertEquals(n, workItems().size());
  }

  @Test
  void aContinuationReplacesItsUnitInOneWriteAndDoneDeletes() {
    new DynamoCommunes(table).create(Fixtures.commune(Fixtures.CID), List.of());
    queue.queueForEveryCommune(DAY);
    ReconcileWork next = ReconcileWork.first(Fixtures.CID, DAY).next("p_01#m1#notice");
    queue.continueWith(next, "2026-05-11");
    assertEquals(Optional.empty(), queue.find(Fixtures.CID, "2026-05-11"));
    assertEquals(Optional.of(next), queue.find(Fixtures.CID, "2026-05-11.1"));
    assertEquals("p_01#m1#notice", queue.find(Fixtures.CID, "2026-05-11.1").orElseThrow().after());

    queue.continueWith(next.next("p_02#m1#notice"), null); // a unit without a work item (the benchmark's)
    assertEquals(2, workItems().size());
    queue.done(Fixtures.CID, "2026-05-11.1");
    queue.done(Fixtures.CID, "2026-05-11.2");
    assertEquals(List.of(), workItems());
    queue.done(Fixtures.CID, "2026-05-11.2"); // a second delivery's delete: nothing to delete, no error
  }
}
