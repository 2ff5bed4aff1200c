package vn.doithoai.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.doithoai.core.common.Role;
import vn.doithoai.core.deadline.Fired;
import vn.doithoai.core.deadline.Step;
import vn.doithoai.core.mail.OutgoingMail;
import vn.doithoai.core.plan.PlanDeadline;
import vn.doithoai.core.rules.Recipient;

class DynamoDeadlineStoreTest {
  static final Instant DUE = Instant.parse("2025-11-10T01:00:00Z");

  private DynamoTable table;
  private DynamoDeadlineStore store;
  private DynamoMailOutbox outbox;

  @BeforeEach
  void setUp() {
    table = TestTable.create();
    store = new DynamoDeadlineStore(table);
    outbox = new DynamoMailOutbox(table);
  }

  static PlanDeadline deadline(String planId, String rule, Instant dueAt, long version) {
    List<Step> steps = List.of(
        new Step("reminder-1", Step.Kind.REMINDER, dueAt.minusSeconds(2 * 86400), List.of(Recipient.OWNER_HEAD),
            List.of()),
        new Step("due", Step.Kind.DUE, dueAt.minusSeconds(7 * 3600), List.of(Recipient.OWNER_HEAD), List.of()),
        new Step("escalation-1", Step.Kind.ESCALATION, dueAt.plusSeconds(86400), List.of(Recipient.HOST),
            List.of(Recipient.FRONT)));
    return new PlanDeadline(planId, "m1", rule, "Thông báo công khai thời gian, địa điểm đối thoại", Role.OFFICE,
        LocalDate.of(2025, 11, 10), dueAt, "vn-2025.3", version, Fixtures.CID, "Kế hoạch đối thoại năm 2025",
        Optional.empty(), steps);
  }

  private void open(PlanDeadline d) {
    table.client().putItem(b -> b.tableName(table.name()).item(DynamoPlans.deadlineItem(Fixtures.CID, d)));
  }

  static OutgoingMail mail(Fired f, String to) {
    return new OutgoingMail("mail#" + f.key() + "#" + to, Fixtures.CID, to,
        "[Xã Tân Thành] Nhắc hạn 10/11/2025: Thông báo công khai", "Kính gửi đồng chí,\nXin nhắc: việc dưới đây…",
        "<p>Kính gửi đồng chí,</p>", "deadline.reminder", f.at(), List.of("mttq@tanthanh.gov.vn"));
  }

  @Test
  void findsAnOpenDeadlineWithItsSteps() {
    PlanDeadline d = deadline("p_01", "notice", DUE, 3);
    open(d);

    assertEquals(Optional.of(d), store.find(Fixtures.CID, "p_01#m1#notice"));
    assertEquals(Optional.empty(), store.find(Fixtures.CID, "p_01#m1#results"));
    assertEquals(Optional.empty(), store.find("xa-khac", "p_01#m1#notice"), "another commune's key");
    assertThrows(IllegalArgumentException.class, () -> store.find("xa#tan", "p_01#m1#notice"));
  }

  @Test
  void aStepFiredTwiceWritesOneRecordAndOneSetOfMails() {
    Fired f = new Fired(Fixtures.CID, "p_01#m1#notice", "reminder-1", 3, Instant.parse("2025-11-08T01:00:00Z"),
        Instant.parse("2025-11-08T01:00:05Z"));
    List<OutgoingMail> mails = List.of(mail(f, "vanphong@tanthanh.gov.vn"), mail(f, "chutich@tanthanh.gov.vn"));
    assertFalse(store.wasFired(f));

    assertTrue(store.recordFired(f, mails));
    assertTrue(store.wasFired(f));
    // the schedule delivered again a minute later, with mails made at that time
    Fired again = new Fired(f.communeId(), f.deadlineId(), f.step(), f.version(), f.stepAt(), f.at().plusSeconds(60));
    assertFalse(store.recordFired(again, List.of(mail(again, "vanphong@tanthanh.gov.vn"),
        mail(again, "hoa@tanthanh.gov.vn"))));

    assertEquals(java.util.Set.copyOf(mails), java.util.Set.copyOf(outbox.pending(10)));
    assertEquals(2, outbox.pending(10).size());
    List<Map<String, AttributeValue>> fires = TestTable.scan(table, "FIRE#");
    assertEquals(1, fires.size());
    Map<String, AttributeValue> fire = fires.get(0);
    assertEquals("FIRE#xa-tan-thanh#p_01#m1#notice#reminder-1@" + f.stepAt().getEpochSecond(), fire.get("pk").s());
    assertEquals("FIRE", fire.get("sk").s());
    assertEquals(Fixtures.CID, fire.get("commune").s());
    assertEquals("p_01#m1#notice", fire.get("deadlineId").s());
    assertEquals("reminder-1", fire.get("step").s());
    assertEquals("3", fire.get("version").n());
    assertEquals(f.at().toString(), fire.get("at").s());

    // a new version that leaves the step at the same instant is the same step: never sent twice
    Fired v4 = new Fired(f.communeId(), f.deadlineId(), f.step(), 4, f.stepAt(), f.at());
    assertTrue(store.wasFired(v4));
    // a step moved to another instant (the deadline moved) is another record
    Fired moved = new Fired(f.communeId(), f.deadlineId(), f.step(), 4, f.stepAt().plusSeconds(86400), f.at());
    assertFalse(store.wasFired(moved));
    assertTrue(store.recordFired(moved, List.of()));
  }

  @Test
  void racingFiresHaveOneEffect() throws Exception {
    Fired f = new Fired(Fixtures.CID, "p_01#m1#notice", "due", 3, Instant.parse("2025-11-09T18:00:00Z"),
        Instant.parse("2025-11-09T18:00:00Z"));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        int n = i;
        Callable<Boolean> task = () -> {
          go.await();
          Fired mine = new Fired(f.communeId(), f.deadlineId(), f.step(), f.version(), f.stepAt(),
              f.at().plusMillis(n));
          return store.recordFired(mine, List.of(mail(mine, "vanphong@tanthanh.gov.vn"),
              mail(mine, "chutich@tanthanh.gov.vn")));
        };
        results.add(pool.submit(task));
      }
      go.countDown();
      int won = 0;
      for (Future<Boolean> r : results) {
        won += r.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertEquals(1, won);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, TestTable.scan(table, "FIRE#").size());
    assertEquals(2, TestTable.scan(table, "MAIL#").size());
  }

  @Test
  void repeatedOrAlreadyStoredMailsDoNotBlockTheRecord() {
    Fired f = new Fired(Fixtures.CID, "p_01#m1#notice", "due", 3, Instant.parse("2025-11-09T18:00:00Z"),
        Instant.parse("2025-11-09T18:00:00Z"));
    OutgoingMail office = mail(f, "vanphong@tanthanh.gov.vn");
    OutgoingMail host = mail(f, "chutich@tanthanh.gov.vn");
    // an e-mail of that id already in the outbox (written by other means): kept, not doubled
    table.client().putItem(b -> b.tableName(table.name()).item(DynamoMailOutbox.mailItem(host)));
    outbox.markSent(host.id(), f.at());

    assertTrue(store.recordFired(f, List.of(office, office, host)));

    assertEquals(List.of(office), outbox.pending(10));
    assertEquals(Optional.of("SENT"), outbox.status(host.id()));
  }

  @Test
  void atMostNinetyNineMailsFitBesideTheRecord() {
    Fired f = new Fired(Fixtures.CID, "p_01#m1#notice", "due", 3, Instant.parse("2025-11-09T18:00:00Z"),
        Instant.parse("2025-11-09T18:00:00Z"));
    List<OutgoingMail> many = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      many.add(mail(f, "nguoi" + i + "@tanthanh.gov.vn"));
    }
    assertThrows(IllegalArgumentException.class, () -> store.recordFired(f, many));
    assertFalse(store.wasFired(f));
  }

  @Test
  void openDeadlinesOfOneCommune() {
    PlanDeadline early = deadline("p_01", "notice", DUE, 1);
    PlanDeadline late = deadline("p_01", "results", Instant.parse("2025-12-01T10:00:00Z"), 1);
    PlanDeadline other = deadline("p_02", "notice", Instant.parse("2025-11-20T01:00:00Z"), 2);
    open(late);
    open(early);
    open(other);
    table.client().putItem(b -> b.tableName(table.name()).item(DynamoPlans.deadlineItem("xa-khac", early)));

    assertEquals(List.of(early, late, other), store.openOf(Fixtures.CID), "its partition only, in key order");
    assertEquals(List.of(early.id()), store.openOf("xa-khac").stream().map(PlanDeadline::id).toList());
    assertEquals("xa-khac", store.openOf("xa-khac").get(0).communeId());
  }
}
