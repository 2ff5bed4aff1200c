package vn.doithoai.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.doithoai.core.mail.ContactIds;
import vn.doithoai.core.mail.MailOutbox;
import vn.doithoai.core.mail.OutgoingMail;

/** Issue #18: the pending-mail index sharded, so that 08:00's national burst has no hot partition. */
class DynamoMailOutboxShardsTest {
  private final DynamoTable table = TestTable.create();
  private final DynamoMailOutbox outbox = new DynamoMailOutbox(table);

  private void queue(List<OutgoingMail> mails) {
    assertTrue(table.transact(DynamoMailOutbox.queued(table, mails)).committed());
  }

  @Test
  void mailsSpreadOverTheShardsAndAreReadFromAllOfThemAndTheLegacyKeyOldestFirst() {
    List<OutgoingMail> mails = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      mails.add(Fixtures.mail(String.format("mail-%02d", i), Fixtures.T0.plusSeconds(i)));
    }
    List<OutgoingMail> firstHalf = new ArrayList<>(mails.subList(0, 20));
    java.util.Collections.reverse(firstHalf);
    queue(firstHalf);
    queue(mails.subList(20, 40));
    // queued before the deploy: on the one legacy partition
    OutgoingMail legacy = Fixtures.mail("mail-legacy", Fixtures.T0.minusSeconds(60));
    Map<String, AttributeValue> old = new HashMap<>(DynamoMailOutbox.mailItem(legacy));
    old.put("gsi2pk", AttributeValue.fromS("MAIL#PENDING"));
    table.client().putItem(b -> b.tableName(table.name()).item(old));

    Map<String, Integer> byShard = new TreeMap<>();
    for (OutgoingMail m : mails) {
      String pk = TestTable.scan(table, "MAIL#" + m.id()).get(0).get("gsi2pk").s();
      assertEquals(DynamoMailOutbox.pendingPk(m.id()), pk);
      assertTrue(pk.matches("MAIL#PENDING#([0-9]|1[0-5])"), pk);
      byShard.merge(pk, 1, Integer::sum);
    }
    assertTrue(byShard.size() >= 10, "40 mails over at least 10 of the 16 shards: " + byShard);

    List<OutgoingMail> all = new ArrayList<>();
    all.add(legacy);
    all.addAll(mails);
    assertEquals(all, outbox.pending(100), "every shard and the legacy key, oldest first overall");
    assertEquals(all.subList(0, 5), outbox.pending(5));
    assertEquals(List.of("mail-legacy", "mail-00", "mail-01", "mail-02"), outbox.waiting(
        Fixtures.T0.plusSeconds(3), 100).stream().map(MailOutbox.Waiting::mailId).toList());

    assertTrue(outbox.markSent("mail-legacy", Fixtures.T0));
    assertTrue(outbox.markSent("mail-07", Fixtures.T0));
    assertFalse(outbox.pending(100).contains(legacy), "sent: off the legacy key");
    assertEquals(39, outbox.pending(100).size());
    outbox.requeue("mail-03", Fixtures.T0.plusSeconds(3600));
    List<OutgoingMail> after = outbox.pending(100);
    assertEquals("mail-03", after.get(after.size() - 1).id(), "requeued: the back of the line, same shard");
  }

  @Test
  void theBusiestShardAt0800StaysBelowThirtyPercentOfAPartition() {
    // 9,000 reminder mails in ≈ 10 s, ≈ 2 index writes each (put, then removal once sent), ids as DeadlineMails
    // makes them
    int mails = 9_000;
    Map<String, Integer> byShard = new TreeMap<>();
    for (int i = 0; i < mails; i++) {
      String id = ContactIds.messageId("mail#xa-" + (i % 3_321) + "#p_" + i + "#m1#meeting.notice#due#v1",
          "vanphong" + (i % 3_321) + "@xa.gov.vn");
      byShard.merge(DynamoMailOutbox.pendingPk(id), 1, Integer::sum);
    }
    int busiest = byShard.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
    double wcuPerSecond = busiest * 2 / 10.0;
    System.out.printf("08:00 burst: %d mails over %d shards, busiest %d (%.0f WCU/s at 1 KB an index entry, %.1f %%"
        + " of 1,000)%n", mails, byShard.size(), busiest, wcuPerSecond, wcuPerSecond / 10);
    assertEquals(DynamoMailOutbox.SHARDS, byShard.size());
    assertTrue(wcuPerSecond <= 150, "busiest shard at most 15 % of a partition (the goal: 30 %, room for 2 KB "
        + "entries): " + byShard);
  }
}
