package vn.doithoai.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.mail.MailSender;
import vn.doithoai.core.mail.OutgoingMail;
import vn.doithoai.core.mail.SendingMail;
import vn.doithoai.core.mail.SweepingMailOutbox;

/**
 * The outbox keeps its promise when the mailer dies: the real outbox, claim, sending and sweep against DynamoDB
 * Local; only the network edge (SES) is a double, which records what it accepted and can kill the mailer at a
 * chosen phase. A kill is an {@link Error} no code of ours catches: nothing after it runs, as when the process
 * is gone.
 */
class OutboxSweepKillTest {
  static final Instant T0 = Instant.parse("2025-11-20T01:00:00Z");

  /** Where the first attempt at an e-mail dies. */
  enum Phase {
    /** Delivered and sent normally. */
    NONE,
    /** Its bus event is lost (or ran out of retries): the mailer never hears of it. */
    EVENT_LOST,
    /** The mailer dies after the claim, before calling SES. */
    AFTER_CLAIM,
    /** The mailer dies after SES accepted it, before marking it sent. */
    AFTER_SEND,
    /** SES refuses it once (throttled) and the event's retries are exhausted. */
    SEND_FAILED
  }

  static final class Killed extends Error {
    Killed() {
      super("killed", null, false, false);
    }
  }

  /** SES, as seen from the mailer: what it accepted (mail id → times), and a kill switch per mail. */
  static final class Edge implements MailSender {
    final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    final Map<String, Phase> firstAttempt = new ConcurrentHashMap<>();

    @Override
    public String send(OutgoingMail m) {
      Phase p = firstAttempt.remove(m.id());
      if (p == Phase.AFTER_CLAIM) {
        throw new Killed();
      }
      if (p == Phase.SEND_FAILED) {
        throw new IllegalStateException("Throttling");
      }
      int n = accepted.computeIfAbsent(m.id(), k -> new AtomicInteger()).incrementAndGet();
      if (p == Phase.AFTER_SEND) {
        throw new Killed();
      }
      return "ses-" + m.id().hashCode() + "-" + n;
    }
  }

  private final AtomicReference<Instant> now = new AtomicReference<>(T0);
  private final Clock clock = new Clock() {
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
      return now.get();
    }
  };
  private DynamoTable table;
  private DynamoMailOutbox outbox;
  private Edge edge;
  private SendingMail sending;
  private SweepingMailOutbox sweeping;

  @BeforeEach
  void setUp() {
    table = TestTable.create();
    outbox = new DynamoMailOutbox(table);
    edge = new Edge();
    sending = new SendingMail(outbox, new DynamoSuppressions(table), edge, clock);
    sweeping = new SweepingMailOutbox(outbox, sending, clock);
  }

  private List<String> queue(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      OutgoingMail m = Fixtures.mail("mail-" + i, T0);
      table.client().putItem(b -> b.tableName(table.name()).item(DynamoMailOutbox.mailItem(m)));
      ids.add(m.id());
    }
    return ids;
  }

  /** One bus delivery to the mailer: what it returned, or that it died or failed. */
  private String deliver(String mailId) {
    try {
      return sending.send(mailId).name();
    } catch (Killed k) {
      return "KILLED";
    } catch (RuntimeException e) {
      return "FAILED";
    }
  }

  @Test
  @DisplayName("120 e-mails, the mailer killed in every phase and events dropped: all sent, each once "
      + "(twice, same id, only when SES took it and the mailer died before marking it)")
  void everyMailIsSentAfterKillsInEveryPhase() throws Exception {
    List<String> ids = queue(120);
    Phase[] phases = Phase.values();
    Map<String, Phase> phaseOf = new ConcurrentHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      phaseOf.put(ids.get(i), phases[i % phases.length]);
      edge.firstAttempt.put(ids.get(i), phases[i % phases.length]);
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> first = new ArrayList<>();
      for (String id : ids) {
        if (phaseOf.get(id) != Phase.EVENT_LOST) {
          first.add(pool.submit(() -> deliver(id)));
        }
      }
      for (Future<String> f : first) {
        f.get();
      }
      // the mailer's deliveries ran out; 24 e-mails were never delivered, 24 are held by dead senders
      assertEquals(24, edge.accepted.size() - count(phaseOf, Phase.AFTER_SEND), "sent at once: the NONE ones");
      assertEquals(48, outbox.waiting(T0.plusSeconds(1), 1000).stream()
          .filter(w -> w.claimedAt().isEmpty()).count(), "EVENT_LOST and SEND_FAILED wait, pending");

      now.set(T0.plus(Duration.ofMinutes(1)));
      assertEquals(new SweepingMailOutbox.Report(0, 0, 0, 0, 0), sweeping.sweep(), "too young: still in flight");

      now.set(T0.plus(Duration.ofMinutes(6)));
      SweepingMailOutbox.Report pendingSweep = sweeping.sweep(SweepingMailOutbox.PENDING_AGE,
          SweepingMailOutbox.SEND_TIMEOUT, 1000);
      assertEquals(96, pendingSweep.waiting());
      assertEquals(0, pendingSweep.released(), "claims younger than the send timeout belong to live senders");
      assertEquals(48, pendingSweep.sent());

      now.set(T0.plus(Duration.ofMinutes(16)));
      // the stale claims, swept by two sweepers at once while late bus deliveries of every e-mail arrive
      List<Future<?>> racing = new ArrayList<>();
      List<SweepingMailOutbox.Report> reports = new java.util.concurrent.CopyOnWriteArrayList<>();
      for (int s = 0; s < 2; s++) {
        racing.add(pool.submit(() -> reports.add(sweeping.sweep(SweepingMailOutbox.PENDING_AGE,
            SweepingMailOutbox.SEND_TIMEOUT, 1000))));
      }
      for (String id : ids) {
        racing.add(pool.submit(() -> deliver(id)));
      }
      for (Future<?> f : racing) {
        f.get();
      }
      assertEquals(48, reports.stream().mapToInt(SweepingMailOutbox.Report::released).sum(),
          "each dead claim put back once");
    } finally {
      pool.shutdownNow();
    }

    assertEquals(List.of(), outbox.waiting(now.get().plusSeconds(1), 1000), "nothing left unsent");
    for (String id : ids) {
      assertEquals(Optional.of(DynamoMailOutbox.SENT), outbox.status(id), id);
      int expected = phaseOf.get(id) == Phase.AFTER_SEND ? 2 : 1;
      assertEquals(expected, edge.accepted.get(id).get(), id + " (" + phaseOf.get(id) + ") accepted by SES");
    }
    assertEquals(120, edge.accepted.size(), "every e-mail reached SES: none lost");
  }

  @Test
  @DisplayName("the sweep leaves a live sender's claim and a fresh e-mail alone")
  void aLiveClaimAndAFreshMailAreLeftAlone() {
    queue(2);
    outbox.claim("mail-0", T0.plus(Duration.ofMinutes(10)));
    now.set(T0.plus(Duration.ofMinutes(20)));
    table.client().putItem(b -> b.tableName(table.name())
        .item(DynamoMailOutbox.mailItem(Fixtures.mail("mail-fresh", now.get().minusSeconds(60)))));

    SweepingMailOutbox.Report r = sweeping.sweep();

    assertEquals(new SweepingMailOutbox.Report(2, 0, 1, 0, 0), r, "mail-1 sent; mail-0 claimed 10 min ago");
    assertEquals(Optional.of(DynamoMailOutbox.SENDING), outbox.status("mail-0"));
    assertEquals(Optional.of(DynamoMailOutbox.PENDING), outbox.status("mail-fresh"));
    assertTrue(edge.accepted.containsKey("mail-1"));
    assertEquals(1, edge.accepted.size());
  }

  @Test
  @DisplayName("a send that fails during the sweep is put back for the next run")
  void aFailedSendWaitsForTheNextRun() {
    queue(1);
    edge.firstAttempt.put("mail-0", Phase.SEND_FAILED);
    now.set(T0.plus(Duration.ofMinutes(6)));

    assertEquals(new SweepingMailOutbox.Report(1, 0, 0, 0, 1), sweeping.sweep());
    assertEquals(Optional.of(DynamoMailOutbox.PENDING), outbox.status("mail-0"));
    assertEquals(new SweepingMailOutbox.Report(0, 0, 0, 0, 0), sweeping.sweep(), "requeued: not again at once");
    now.set(T0.plus(Duration.ofMinutes(12)));
    assertEquals(new SweepingMailOutbox.Report(1, 0, 1, 0, 0), sweeping.sweep());
    assertEquals(Optional.of(DynamoMailOutbox.SENT), outbox.status("mail-0"));
  }

  @Test
  @DisplayName("e-mails that always fail go to the back of the line: a later good one is still sent")
  void failingMailsDoNotBlockTheOthers() {
    List<String> poisoned = queue(SweepingMailOutbox.PER_RUN + 10);
    OutgoingMail good = Fixtures.mail("mail-good", T0.plusSeconds(1));
    table.client().putItem(b -> b.tableName(table.name()).item(DynamoMailOutbox.mailItem(good)));
    MailSender refusing = m -> {
      if (m.id().equals("mail-good")) {
        return edge.send(m);
      }
      throw new IllegalStateException("MessageRejected");
    };
    SweepingMailOutbox sweep = new SweepingMailOutbox(outbox,
        new SendingMail(outbox, new DynamoSuppressions(table), refusing, clock), clock);

    now.set(T0.plus(Duration.ofMinutes(6)));
    assertEquals(new SweepingMailOutbox.Report(SweepingMailOutbox.PER_RUN, 0, 0, 0, SweepingMailOutbox.PER_RUN),
        sweep.sweep());
    now.set(T0.plus(Duration.ofMinutes(12)));
    SweepingMailOutbox.Report second = sweep.sweep();

    assertEquals(1, second.sent(), "the good one, behind 10 failing ones and ahead of the 50 requeued");
    assertEquals(Optional.of(DynamoMailOutbox.SENT), outbox.status("mail-good"));
    assertEquals(Optional.of(DynamoMailOutbox.PENDING), outbox.status(poisoned.get(0)), "still waiting, never lost");
  }

  private static long count(Map<String, Phase> phaseOf, Phase p) {
    return phaseOf.values().stream().filter(p::equals).count();
  }
}
