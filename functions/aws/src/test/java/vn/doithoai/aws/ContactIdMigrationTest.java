package vn.doithoai.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.doithoai.core.mail.ContactIds;
import vn.doithoai.core.mail.OutgoingMail;

/** Records keyed by an address before issue #17, re-keyed by the opaque id once, statuses kept. */
class ContactIdMigrationTest {
  static final String TO = "duc.lv@example.vn";
  static final Instant AT = Fixtures.T0;

  private DynamoTable table;
  private DynamoMailOutbox outbox;

  @BeforeEach
  void setUp() {
    table = TestTable.create();
    outbox = new DynamoMailOutbox(table);
  }

  private void old(String id) {
    Map<String, AttributeValue> item = new HashMap<>(DynamoMailOutbox.mailItem(Fixtures.mail(id, AT)));
    item.remove("contact"); // written before the opaque ids
    table.client().putItem(b -> b.tableName(table.name()).item(item));
  }

  private static String newId(String prefix) {
    return prefix + "#" + ContactIds.of(TO);
  }

  @Test
  void pendingAndSentMessagesMoveToTheOpaqueIdWithTheirStatusAndAnotherRunMovesNothing() {
    old("mail#o_1#ack#v1#" + TO);
    old("mail#o_1#answered#v5#Duc.LV@example.vn");
    outbox.markSent("mail#o_1#answered#v5#Duc.LV@example.vn", AT, "ses-1");
    old("mail#digest#xa-tan-thanh#2025-11-05"); // an id that never held an address

    ContactIdMigration.Report r = new ContactIdMigration(table).run();

    assertEquals(new ContactIdMigration.Report(2, 0, 0, 0), r);
    assertEquals(Optional.of("PENDING"), outbox.status(newId("mail#o_1#ack#v1")));
    assertEquals(Optional.of("SENT"), outbox.status(newId("mail#o_1#answered#v5")));
    assertEquals(Optional.empty(), outbox.status("mail#o_1#ack#v1#" + TO));
    OutgoingMail moved = outbox.find(newId("mail#o_1#ack#v1")).orElseThrow();
    assertEquals(newId("mail#o_1#ack#v1"), moved.id());
    assertEquals(List.of("mail#digest#xa-tan-thanh#2025-11-05", newId("mail#o_1#ack#v1")),
        outbox.waiting(AT.plusSeconds(1), 10).stream().map(w -> w.mailId()).sorted().toList(),
        "the pending index names the new id");
    for (Map<String, AttributeValue> item : TestTable.scan(table, "MAIL#")) {
      assertFalse(item.toString().replace(item.get("doc").s(), "").contains("@"), "no address outside the doc");
    }
    assertEquals(new ContactIdMigration.Report(0, 0, 0, 0), new ContactIdMigration(table).run());
  }

  @Test
  void aMessageHeldByASenderIsLeftForALaterRun() {
    old("mail#o_2#ack#v1#" + TO);
    outbox.claim("mail#o_2#ack#v1#" + TO, AT);

    assertEquals(new ContactIdMigration.Report(0, 0, 0, 1), new ContactIdMigration(table).run());

    outbox.markSent("mail#o_2#ack#v1#" + TO, AT, "ses-2");
    assertEquals(new ContactIdMigration.Report(1, 0, 0, 0), new ContactIdMigration(table).run());
    assertEquals(Optional.of("SENT"), outbox.status(newId("mail#o_2#ack#v1")));
  }

  @Test
  void aSuppressionKeyedByItsAddressIsFoundAgainUnderItsOpaqueId() {
    table.client().putItem(b -> b.tableName(table.name()).item(Map.of("pk", AttributeValue.fromS("SUPPRESS#" + TO),
        "sk", AttributeValue.fromS("SUPPRESS"), "address", AttributeValue.fromS(TO),
        "reason", AttributeValue.fromS("bounce"), "at", AttributeValue.fromS(AT.toString()))));
    DynamoSuppressions suppressions = new DynamoSuppressions(table);
    assertFalse(suppressions.suppressed(TO), "before the migration the old key is not read");

    assertEquals(new ContactIdMigration.Report(0, 1, 0, 0), new ContactIdMigration(table).run());

    assertTrue(suppressions.suppressed(TO));
    assertEquals(List.of("SUPPRESS#" + ContactIds.of(TO)),
        TestTable.scan(table, "SUPPRESS#").stream().map(i -> i.get("pk").s()).toList());
  }

  @Test
  void aFanOutsWaitingEmailsGetTheirNewIds() {
    List<OutgoingMail> mails = List.of(Fixtures.mail("mail#o_3#ack#v1#" + TO, AT));
    Map<String, AttributeValue> fanOut = DynamoMailOutbox.fanOutItems(mails, "fanout#o_3#v1#opinion.received").get(0);
    table.client().putItem(b -> b.tableName(table.name()).item(fanOut));

    assertEquals(new ContactIdMigration.Report(0, 0, 1, 0), new ContactIdMigration(table).run());

    assertEquals(1, outbox.expand("fanout#o_3#v1#opinion.received#00"));
    assertEquals(Optional.of("PENDING"), outbox.status(newId("mail#o_3#ack#v1")));
  }
}
