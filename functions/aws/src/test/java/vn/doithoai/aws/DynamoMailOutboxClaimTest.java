package vn.doithoai.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.doithoai.core.mail.MailSender;
import vn.doithoai.core.mail.OutgoingMail;
import vn.doithoai.core.mail.SendingMail;

/** The claim / release / mark cycle of {@link DynamoMailOutbox} as {@link vn.doithoai.core.mail.MailOutbox}. */
class DynamoMailOutboxClaimTest {
  static final Instant AT = Instant.parse("2025-10-20T02:20:00Z");

  private DynamoTable table;
  private DynamoMailOutbox outbox;

  @BeforeEach
  void setUp() {
    table = TestTable.create();
    outbox = new DynamoMailOutbox(table);
  }

  private OutgoingMail stored(String id) {
    OutgoingMail m = Fixtures.mail(id, Fixtures.T0);
    table.client().putItem(b -> b.tableName(table.name()).item(DynamoMailOutbox.mailItem(m)));
    return m;
  }

  private Map<String, AttributeValue> item(String id) {
    return TestTable.scan(table, "MAIL#" + id).get(0);
  }

  @Test
  void claimTakesAPendingMailOnceAndKeepsItListedUntilSent() {
    OutgoingMail m = stored("mail-1");

    assertEquals(Optional.of(m), outbox.claim("mail-1", AT));
    assertEquals(Optional.empty(), outbox.claim("mail-1", AT.plusSeconds(1)), "claimed already");
    assertEquals(Optional.empty(), outbox.claim("mail-khong-co", AT));
    assertEquals(Optional.of("SENDING"), outbox.status("mail-1"));
    assertEquals("2025-10-20T02:20:00Z", item("mail-1").get("claimedAt").s());
    assertEquals(List.of(m), outbox.pending(10), "a claimed mail stays findable in case its sender dies");

    outbox.markSent("mail-1", AT.plusSeconds(2), "0100019a-ses-id");

    Map<String, AttributeValue> sent = item("mail-1");
    assertEquals("SENT", sent.get("status").s());
    assertEquals("0100019a-ses-id", sent.get("messageId").s());
    assertEquals(AT.plusSeconds(2).toString(), sent.get("sentAt").s());
    assertFalse(sent.containsKey("gsi2pk"));
    assertFalse(sent.containsKey("claimedAt"));
    assertEquals(List.of(), outbox.pending(10));
    assertEquals(Optional.empty(), outbox.claim("mail-1", AT.plusSeconds(3)));
    outbox.markSent("mail-1", AT.plusSeconds(9), "other-id");
    assertEquals("0100019a-ses-id", item("mail-1").get("messageId").s(), "a second mark is a no-op");
    assertFalse(outbox.markSent("mail-1", AT.plusSeconds(9)));
  }

  @Test
  void releasePutsAClaimBackForTheRetry() {
    OutgoingMail m = stored("mail-2");
    outbox.claim("mail-2", AT);

    outbox.release("mail-2");

    assertEquals(Optional.of("PENDING"), outbox.status("mail-2"));
    assertFalse(item("mail-2").containsKey("claimedAt"));
    outbox.release("mail-2"); // not claimed: nothing to undo
    outbox.release("mail-khong-co");
    assertEquals(Optional.of(m), outbox.claim("mail-2", AT.plusSeconds(30)));
    outbox.markSent("mail-2", AT.plusSeconds(31), "id-2");
    outbox.release("mail-2");
    assertEquals(Optional.of("SENT"), outbox.status("mail-2"), "a sent mail is never released");
  }

  @Test
  void suppressedIsFinal() {
    stored("mail-3");
    outbox.claim("mail-3", AT);

    outbox.markSuppressed("mail-3", AT.plusSeconds(1), "suppressed");

    Map<String, AttributeValue> item = item("mail-3");
    assertEquals("SUPPRESSED", item.get("status").s());
    assertEquals(AT.plusSeconds(1).toString(), item.get("suppressedAt").s());
    assertFalse(item.containsKey("gsi2pk"));
    assertFalse(item.containsKey("gsi2sk"));
    assertEquals(List.of(), outbox.pending(10));
    assertEquals(Optional.empty(), outbox.claim("mail-3", AT.plusSeconds(2)));
    outbox.markSent("mail-3", AT.plusSeconds(3), "late");
    assertEquals(Optional.of("SUPPRESSED"), outbox.status("mail-3"));
  }

  @Test
  void aStaleClaimCanBeReleasedAndTheLocalDrainStillMarksIt() {
    stored("mail-4");
    stored("mail-5");
    outbox.claim("mail-4", AT);
    outbox.claim("mail-5", AT);

    assertFalse(outbox.releaseIfClaimedBefore("mail-4", AT), "claimed at that second, not before it");
    assertTrue(outbox.releaseIfClaimedBefore("mail-4", AT.plusSeconds(900)));
    assertEquals(Optional.of("PENDING"), outbox.status("mail-4"));
    assertFalse(outbox.releaseIfClaimedBefore("mail-4", AT.plusSeconds(900)), "pending already");
    // the local runtime's drain lists the stuck claim and marks it sent
    assertTrue(outbox.markSent("mail-5", AT.plusSeconds(5)));
    assertEquals(Optional.of("SENT"), outbox.status("mail-5"));
  }

  @Test
  void onlyOneOfManySendersClaims() throws Exception {
    stored("mail-6");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Optional<OutgoingMail>>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> {
          go.await();
          return outbox.claim("mail-6", AT);
        }));
      }
      go.countDown();
      int claimed = 0;
      for (Future<Optional<OutgoingMail>> f : results) {
        claimed += f.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
      }
      assertEquals(1, claimed);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theCoreSendingFlowOverTheTable() {
    stored("mail-7");
    DynamoSuppressions suppressions = new DynamoSuppressions(table);
    List<String> sentTo = new ArrayList<>();
    MailSender ok = m -> {
      sentTo.add(m.to());
      return "ses-" + sentTo.size();
    };
    SendingMail sending = new SendingMail(outbox, suppressions, ok, Clock.fixed(AT, ZoneOffset.UTC));

    assertEquals(SendingMail.Outcome.SENT, sending.send("mail-7"));
    assertEquals(SendingMail.Outcome.NOT_PENDING, sending.send("mail-7"), "a repeated event sends nothing");
    assertEquals(List.of("duc.lv@example.vn"), sentTo);
    assertEquals("ses-1", item("mail-7").get("messageId").s());

    stored("mail-8");
    MailSender failing = m -> {
      throw new IllegalStateException("SES throttled");
    };
    try {
      new SendingMail(outbox, suppressions, failing, Clock.fixed(AT, ZoneOffset.UTC)).send("mail-8");
    } catch (IllegalStateException expected) {
      // released for the retry
    }
    assertEquals(Optional.of("PENDING"), outbox.status("mail-8"));

    suppressions.suppress("Duc.LV@example.vn", "bounce", AT);
    assertEquals(SendingMail.Outcome.SUPPRESSED, sending.send("mail-8"));
    assertEquals(Optional.of("SUPPRESSED"), outbox.status("mail-8"));
    assertEquals(1, sentTo.size());
  }
}
