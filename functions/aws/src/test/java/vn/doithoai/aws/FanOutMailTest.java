package vn.doithoai.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.doithoai.core.calendar.Calendars;
import vn.doithoai.core.calendar.WorkingCalendar;
import vn.doithoai.core.common.Input;
import vn.doithoai.core.mail.CitizenMails;
import vn.doithoai.core.mail.MailSender;
import vn.doithoai.core.mail.OutgoingMail;
import vn.doithoai.core.mail.SendingMail;
import vn.doithoai.core.mail.Suppressions;
import vn.doithoai.core.mail.SweepingMailOutbox;
import vn.doithoai.core.opinion.AssignmentDeadlines;
import vn.doithoai.core.opinion.HandlingOpinions;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.OpinionField;
import vn.doithoai.core.opinion.OpinionParts.Raiser;
import vn.doithoai.core.opinion.OpinionStatus;
import vn.doithoai.core.rules.RuleProfiles;

/**
 * A state change of a matter with more raisers than one transaction holds e-mails (DynamoDB's 100 items):
 * the change and its fan-out record in one transaction, then the e-mails written from it (by its event, or
 * by the sweep when its expander died), each once, and sent.
 */
class FanOutMailTest {
  private static final int RAISERS = 300;

  private DynamoTable table;
  private DynamoOpinions opinions;
  private DynamoMailOutbox outbox;
  private MutableClock clock;
  private HandlingOpinions handling;
  private final List<OutgoingMail> sent = new ArrayList<>();
  private SweepingMailOutbox sweeping;
  private SendingMail sending;

  static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @BeforeEach
  void setUp() {
    table = TestTable.create();
    opinions = new DynamoOpinions(table);
    outbox = new DynamoMailOutbox(table);
    clock = new MutableClock(Fixtures.T0.plus(Duration.ofDays(2)));
    new DynamoCommunes(table).create(Fixtures.commune(Fixtures.CID), List.of());
    Calendars calendars = new Calendars(WorkingCalendar::vietnam, new DynamoCalendarOverrides(table), clock);
    handling = new HandlingOpinions(opinions, new DynamoCommunes(table), new DynamoPlans(table),
        new AssignmentDeadlines(RuleProfiles.shipped(), calendars), new CitizenMails("https://doithoai.example.vn"),
        new vn.doithoai.core.mail.AgencyMails("https://doithoai.example.vn"),
        new vn.doithoai.core.plan.PlanSchedules(RuleProfiles.shipped(), calendars), clock);
    MailSender recording = m -> {
      synchronized (sent) {
        sent.add(m);
        return "ses-" + sent.size();
      }
    };
    Suppressions none = new Suppressions() {
      @Override
      public boolean suppressed(String address) {
        return false;
      }

      @Override
      public void suppress(String address, String reason, Instant at) {
        throw new UnsupportedOperationException();
      }
    };
    sending = new SendingMail(outbox, none, recording, clock);
    sweeping = new SweepingMailOutbox(outbox, sending, clock);
  }

  private static Opinion citizen(int i) {
    // no name: every raiser is "Công dân", so the answer's e-mails share one body and fit one fan-out record
    Raiser r = new Raiser(null, "0912 " + String.format("%06d", i), "Cong.Dan" + i
        + "@example.vn", "Số " + i + ", đường Hùng Vương", "Thôn Nà Pàn", false);
    Opinion o = Fixtures.opinion("o_" + i, Optional.empty(), OpinionField.INFRASTRUCTURE,
        Fixtures.T0.plusSeconds(i));
    return new Opinion(o.id(), o.communeId(), o.planId(), o.trackingCode(), o.content(), o.field(), o.channel(),
        List.of(r), o.compiled(), o.receivedAt(), o.status(), o.decision(), o.mergedInto(), o.mergedFrom(),
        o.assignment(), o.answer(), o.version(), o.audit());
  }

  /**
   * A matter raised by {@code n} citizens with distinct addresses, every raiser inline (as merges made them
   * before raisers were kept apart), accepted into the dialogue and stored.
   */
  private void storeMatter(int n) {
    Instant at = Fixtures.T0.plusSeconds(RAISERS + 60);
    List<Opinion> merged = new java.util.ArrayList<>();
    for (int i = 1; i < n; i++) {
      merged.add(citizen(i));
    }
    // stored the old way (every raiser inline): the fan-out records of a save's e-mails still serve such matters
    Opinion target = Fixtures.legacyMatter(citizen(0), merged, at);
    target = target.accept(Optional.empty(), OpinionField.INFRASTRUCTURE, Fixtures.OFFICE, at.plusSeconds(1));
    opinions.create(List.of(target), List.of());
  }

  private Opinion answer() {
    return handling.answer(Fixtures.OFFICE, "o_0", new Input(Map.of("text",
        "Ủy ban nhân dân xã đã bố trí kinh phí sửa chữa đoạn đường liên thôn, hoàn thành trong quý I năm sau.",
        "mode", "at-meeting")));
  }

  private List<Map<String, AttributeValue>> items(String sk) {
    return TestTable.scan(table, "MAIL#").stream().filter(i -> i.get("sk").s().equals(sk)).toList();
  }

  private List<String> mailIds() {
    return items("MAIL").stream().map(i -> i.get("pk").s()).toList();
  }

  /** Sweeps (the 5-minute schedule, clock moved past the pending age) until nothing is left to do. */
  private void sweepUntilQuiet() {
    for (int run = 0; run < 20; run++) {
      clock.now = clock.now.plus(Duration.ofMinutes(6));
      SweepingMailOutbox.Report r = sweeping.sweep(SweepingMailOutbox.PENDING_AGE,
          SweepingMailOutbox.SEND_TIMEOUT, 1_000);
      if (r.waiting() == 0) {
        return;
      }
    }
    throw new AssertionError("the outbox never settled");
  }

  @Test
  @DisplayName(RAISERS + " raisers: the answer commits with one fan-out record; expanded, " + RAISERS
      + " distinct e-mails queued and sent, each once")
  void aLargeMatterIsAnsweredAndEveryRaiserTold() {
    storeMatter(RAISERS);

    Opinion answered = answer();

    assertEquals(OpinionStatus.ANSWERED, opinions.find(Fixtures.CID, "o_0").orElseThrow().status());
    assertEquals(answered.version(), opinions.find(Fixtures.CID, "o_0").orElseThrow().version());
    List<Map<String, AttributeValue>> fanOuts = items(DynamoMailOutbox.FANOUT_SK);
    assertEquals(1, fanOuts.size(), "one fan-out record in the answer's transaction");
    String fanOutId = fanOuts.get(0).get("pk").s().substring("MAIL#".length());
    assertEquals("fanout#o_0#v" + answered.version() + "#opinion.answered#00", fanOutId);
    assertFalse(fanOutId.contains("@"), "no address in the id");
    assertEquals(List.of(), mailIds(), "no e-mail record before expansion");
    assertTrue(fanOuts.get(0).get("doc").s().getBytes(StandardCharsets.UTF_8).length < 60_000,
        "the body once, not " + RAISERS + " times");

    // its MailFanOutQueued event: the mailer expands it
    assertEquals(RAISERS, sweeping.expand(fanOutId));
    assertEquals(0, sweeping.expand(fanOutId), "a repeated event writes nothing");
    List<String> ids = mailIds();
    assertEquals(RAISERS, ids.size());
    assertEquals(RAISERS, new HashSet<>(ids).size());
    Map<String, AttributeValue> done = items(DynamoMailOutbox.FANOUT_SK).get(0);
    assertFalse(done.containsKey("gsi2pk"), "done: off the pending index");
    assertEquals(Long.toString(RAISERS), done.get("cursor").n());
    assertTrue(done.containsKey("expiresAt"), "done: removed by TTL later");

    // each e-mail's MailQueued event (here: the sweep, which sends through the same claim)
    for (String pk : ids) {
      sweeping.expand(pk.substring("MAIL#".length())); // not a fan-out: a no-op
    }
    sweepUntilQuiet();
    assertEquals(RAISERS, sent.size());
    Set<String> to = new HashSet<>();
    for (OutgoingMail m : sent) {
      to.add(m.to());
      assertTrue(m.text().contains("bố trí kinh phí"), "the answer in every e-mail");
      assertEquals("opinion.answered", m.kind());
    }
    assertEquals(RAISERS, to.size(), "one e-mail per raiser address");
    assertTrue(to.contains("cong.dan299@example.vn"));
    assertEquals(List.of(), outbox.waiting(clock.now.plusSeconds(1), 1_000));
  }

  @Test
  @DisplayName("the expander killed between batches: the sweep completes the fan-out, no e-mail written or sent "
      + "twice")
  void theSweepCompletesAnExpansionKilledMidway() {
    storeMatter(RAISERS);
    answer();
    String fanOutId = items(DynamoMailOutbox.FANOUT_SK).get(0).get("pk").s().substring("MAIL#".length());

    // a mailer that dies at its third transaction: two batches (2 × 99 e-mails) written
    DynamoMailOutbox dying = new DynamoMailOutbox(new DynamoTable(dyingAt(3), table.name()));
    assertThrows(IllegalStateException.class, () -> dying.expand(fanOutId));
    assertEquals(2 * DynamoMailOutbox.EXPAND_BATCH, mailIds().size(), "whole batches only");
    assertEquals(Long.toString(2 * DynamoMailOutbox.EXPAND_BATCH),
        items(DynamoMailOutbox.FANOUT_SK).get(0).get("cursor").n());

    // the e-mails written meanwhile are sent by their own events
    for (String pk : mailIds()) {
      assertEquals(SendingMail.Outcome.SENT, sending.send(pk.substring("MAIL#".length())));
    }
    assertEquals(2 * DynamoMailOutbox.EXPAND_BATCH, sent.size());

    // the sweep finds the fan-out still on the pending index and takes it up where it stopped
    clock.now = clock.now.plus(Duration.ofMinutes(6));
    SweepingMailOutbox.Report first = sweeping.sweep();
    assertEquals(RAISERS - 2 * DynamoMailOutbox.EXPAND_BATCH, first.expanded());
    assertEquals(0, outbox.expand(fanOutId), "a late event or racing sweep writes nothing");
    sweepUntilQuiet();

    List<String> ids = mailIds();
    assertEquals(RAISERS, ids.size());
    assertEquals(RAISERS, new HashSet<>(ids).size(), "no duplicate e-mail record");
    assertEquals(RAISERS, sent.size(), "each sent once");
    assertEquals(RAISERS, sent.stream().map(OutgoingMail::to).distinct().count());
  }

  @Test
  @DisplayName("an e-mail already written (a racing expander's) is left out of its batch, the rest written")
  void anEmailAlreadyThereIsNotWrittenAgain() {
    storeMatter(RAISERS);
    answer();
    Map<String, AttributeValue> record = items(DynamoMailOutbox.FANOUT_SK).get(0);
    String fanOutId = record.get("pk").s().substring("MAIL#".length());
    OutgoingMail one = DynamoMailOutbox.fanOutMails(record).get(150);
    table.client().putItem(b -> b.tableName(table.name()).item(DynamoMailOutbox.mailItem(one)));
    assertTrue(outbox.claim(one.id(), clock.now).isPresent());

    assertEquals(RAISERS - 1, outbox.expand(fanOutId));
    assertEquals(RAISERS, mailIds().size());
    assertEquals(Optional.of(DynamoMailOutbox.SENDING), outbox.status(one.id()), "its claim untouched");
  }

  @Test
  @DisplayName("two expanders racing on one fan-out (an event and a sweep): every e-mail written once between them")
  void racingExpandersWriteEachEmailOnce() throws Exception {
    storeMatter(RAISERS);
    answer();
    String fanOutId = items(DynamoMailOutbox.FANOUT_SK).get(0).get("pk").s().substring("MAIL#".length());
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var a = pool.submit(() -> new DynamoMailOutbox(table).expand(fanOutId));
      var b = pool.submit(() -> new DynamoMailOutbox(table).expand(fanOutId));
      assertEquals(RAISERS, a.get() + b.get(), "written: " + a.get() + " + " + b.get());
    } finally {
      pool.shutdown();
    }
    assertEquals(RAISERS, mailIds().size());
  }

  @Test
  @DisplayName("a small matter (its e-mails fit the transaction) writes its e-mails inline, as before")
  void aSmallMatterWritesItsMailsInline() {
    storeMatter(40);
    answer();
    assertEquals(40, mailIds().size());
    assertEquals(List.of(), items(DynamoMailOutbox.FANOUT_SK));
  }

  @Test
  @DisplayName("5,000 recipients and the longest answer: several fan-out records, each far below 400 KB, read "
      + "back as written")
  void fiveThousandRecipientsChunked() {
    String text = "Nội dung trả lời rất dài. ".repeat(400);
    List<OutgoingMail> mails = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      String to = "nguoi.dan.co.dia.chi.thu.dien.tu.kha.dai." + i + "@mot-ten-mien-cua-xa.langson.gov.vn";
      mails.add(new OutgoingMail("mail#o_0#answered#v7#" + to, Fixtures.CID, to, "Kết quả", text,
          "<p>" + text + "</p>", "opinion.answered", Fixtures.T0));
    }
    List<Map<String, AttributeValue>> records = DynamoMailOutbox.fanOutItems(mails, "fanout#o_0#v7#opinion.answered");
    assertTrue(records.size() > 1 && records.size() < 20, "records: " + records.size());
    List<OutgoingMail> back = new ArrayList<>();
    for (Map<String, AttributeValue> r : records) {
      int size = r.get("doc").s().getBytes(StandardCharsets.UTF_8).length;
      assertTrue(size <= DynamoMailOutbox.FANOUT_MAX_BYTES, "record of " + size + " B");
      back.addAll(DynamoMailOutbox.fanOutMails(r));
    }
    assertEquals(mails, back);
    System.out.println("fan-out: 5000 recipients in " + records.size() + " records");
  }

  /** The table's client, failing every TransactWriteItems from the {@code n}-th on: a mailer killed there. */
  private static DynamoDbClient dyingAt(int n) {
    DynamoDbClient real = TestTable.client();
    AtomicInteger transactions = new AtomicInteger();
    return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
        new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
          if (method.getName().equals("transactWriteItems") && transactions.incrementAndGet() >= n) {
            throw new IllegalStateException("killed");
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
