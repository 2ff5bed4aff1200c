package vn.doithoai.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.intake.IntakeResult;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.OpinionField;
import vn.doithoai.core.opinion.OpinionParts;

/** The two races, with real threads started together. */
class ConcurrencyTest {
  private static ExecutorService pool;

  @BeforeAll
  static void startPool() {
    pool = Executors.newFixedThreadPool(50);
  }

  @AfterAll
  static void stopPool() {
    pool.shutdownNow();
  }

  /** Runs every task on its own thread, all released at once; returns their outcomes (value or exception). */
  private static <T> List<Object> together(List<Callable<T>> tasks) throws Exception {
    CountDownLatch ready = new CountDownLatch(tasks.size());
    CountDownLatch go = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> task : tasks) {
      futures.add(pool.submit(() -> {
        ready.countDown();
        go.await();
        return task.call();
      }));
    }
    assertTrue(ready.await(10, TimeUnit.SECONDS));
    go.countDown();
    List<Object> out = new ArrayList<>();
    for (Future<T> f : futures) {
      try {
        out.add(f.get(30, TimeUnit.SECONDS));
      } catch (java.util.concurrent.ExecutionException e) {
        out.add(e.getCause());
      }
    }
    return out;
  }

  @Test
  void fiftyConcurrentDeliveriesOfOneWebhookCreateOneOpinion() throws Exception {
    DynamoTable table = TestTable.create();
    DynamoOpinions opinions = new DynamoOpinions(table);
    DynamoMailOutbox outbox = new DynamoMailOutbox(table);
    List<Callable<IntakeResult>> tasks = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      // each delivery is handled as the intake function would: the opinion's key follows from the webhook id
      tasks.add(() -> opinions.intake(Fixtures.inbox("msg_2f9c", "sha256-same-body"), Fixtures.delivered("msg_2f9c")));
    }
    List<Object> results = together(tasks);

    List<IntakeResult.Created> created = results.stream().filter(IntakeResult.Created.class::isInstance)
        .map(IntakeResult.Created.class::cast).toList();
    assertEquals(1, created.size(), results.toString());
    String code = created.get(0).trackingCode();
    long duplicates = results.stream().filter(r -> r.equals(new IntakeResult.Duplicate(code))).count();
    assertEquals(49, duplicates, results.toString());

    List<Opinion> stored = opinions.byPlan(Fixtures.CID, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty());
    assertEquals(1, stored.size());
    assertEquals(code, stored.get(0).trackingCode());
    assertEquals(0, TestTable.scan(table, "TRACK#").size());
    assertEquals(0, TestTable.scan(table, "INBOX#").size());
    assertEquals(List.of(), outbox.pending(100), "the acknowledgement is queued from the stream");
    assertEquals(Optional.of(stored.get(0)), opinions.findByTrackingCode(Fixtures.CID, code));

    // the same webhook id with another body
    assertInstanceOf(IntakeResult.Mismatch.class, opinions.intake(
        Fixtures.inbox("msg_2f9c", "sha256-another-body"), Fixtures.delivered("msg_2f9c")));
    assertEquals(1, opinions.all(Fixtures.CID).size());
  }

  @Test
  void twoConflictingSavesOfOneVersionOneWins() throws Exception {
    DynamoTable table = TestTable.create();
    DynamoOpinions opinions = new DynamoOpinions(table);
    for (int round = 0; round < 10; round++) {
      Opinion o = Fixtures.opinion("o_race" + round, Optional.of("p_a1"), OpinionField.LAND, Fixtures.T0);
      opinions.create(List.of(o), List.of());
      Opinion accepted = o.accept(Optional.empty(), OpinionField.LAND, Fixtures.OFFICE, Fixtures.T0.plusSeconds(60));
      Opinion refused = o.refuse(OpinionParts.RefusalReason.CONDUCT, "Gây mất trật tự tại hội nghị",
          Fixtures.OFFICE, Fixtures.T0.plusSeconds(60));
      List<Object> results = together(List.of(
          () -> { opinions.save(List.of(accepted), List.of(Fixtures.mail(o.id() + "-accepted", Fixtures.T0)));
            return accepted; },
          () -> { opinions.save(List.of(refused), List.of(Fixtures.mail(o.id() + "-refused", Fixtures.T0)));
            return refused; }));

      List<Object> wins = results.stream().filter(Opinion.class::isInstance).toList();
      List<Object> losses = results.stream().filter(DomainException.class::isInstance).toList();
      assertEquals(1, wins.size(), results.toString());
      assertEquals(1, losses.size(), results.toString());
      assertEquals("version_conflict", ((DomainException) losses.get(0)).code());
      assertEquals(wins.get(0), opinions.find(Fixtures.CID, o.id()).orElseThrow());
    }
    // only the winners' mails were written
    assertEquals(10, new DynamoMailOutbox(table).pending(100).size());
  }
}
