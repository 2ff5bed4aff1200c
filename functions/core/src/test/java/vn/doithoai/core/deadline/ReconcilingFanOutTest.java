package vn.doithoai.core.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.calendar.Calendars;
import vn.doithoai.core.calendar.WorkingCalendar;
import vn.doithoai.core.common.Role;
import vn.doithoai.core.mail.DeadlineMails;
import vn.doithoai.core.plan.PlanDeadline;
import vn.doithoai.core.rules.RuleProfiles;

/** Issue #18: the daily reconcile as one unit of work per commune, each bounded, continued rather than cut. */
class ReconcilingFanOutTest {
  private final InMemory.Store store = new InMemory.Store();
  private final InMemory.Schedules scheduler = new InMemory.Schedules();
  private final InMemory.OneCommune communes = new InMemory.OneCommune(DeadlinesInMotionTest.COMMUNE);
  private final InMemory.MovingClock clock = new InMemory.MovingClock(Instant.parse("2025-12-29T00:00:00Z"));
  private final InMemory.Queue queue = new InMemory.Queue("demo", "xa-khac");
  private final List<String> digests = new ArrayList<>();
  private final FiringDeadlines firing = new FiringDeadlines(store, communes,
      new DeadlineMails("https://doithoai.example.vn"), clock);

  private Reconciling reconciling(int perUnit) {
    return new Reconciling(store, queue, scheduler, firing, communes,
        (c, u, to, day, s, t, h) -> digests.add(day + " " + to), Calendars.fixed(WorkingCalendar.vietnam()), clock,
        perUnit);
  }

  /** Deadline {@code n} of {@code commune}: an answer due on 29/12/2025 (its due-day step passed at 08:00). */
  private static PlanDeadline answer(String commune, int n) {
    LocalDate due = LocalDate.of(2025, 12, 29);
    List<Step> steps = DeadlineSteps.forAssignment(RuleProfiles.shipped().get("lang-son-320"),
        WorkingCalendar.vietnam(), due);
    Instant dueAt = steps.stream().filter(s -> s.name().equals("due")).findFirst().orElseThrow().at();
    return new PlanDeadline(PlanDeadline.ASSIGNMENTS, "o_" + n, "answer", "Trả lời ý kiến", Role.AGENCY, due, dueAt,
        "vn-test", 1, commune, "DT-AAAA-BBBB (Hạ tầng, giao thông)", Optional.of("phong-kinh-te"), steps,
        Optional.empty(), Optional.empty());
  }

  private void seed(int n) {
    for (int i = 0; i < n; i++) {
      store.put(answer("demo", i));
    }
    store.put(answer("xa-khac", 99));
    clock.set(Instant.parse("2025-12-29T02:00:00Z")); // 09:00 in Vietnam: the due-day step of each passed
  }

  /** Delivers every queued item (as the stream and the bus would) until none is left. */
  private List<Reconciling.Report> drain(Reconciling r, java.util.function.BooleanSupplier outOfTime) {
    List<Reconciling.Report> reports = new ArrayList<>();
    for (int round = 0; !queue.items.isEmpty(); round++) {
      assertTrue(round < 100, "the units never ended");
      ReconcileWork w = queue.items.values().iterator().next();
      reports.add(r.reconcile(w.communeId(), w.workId(), outOfTime).orElseThrow());
    }
    return reports;
  }

  @Test
  @DisplayName("the cron queues one work item per registered commune for today (Vietnam's date)")
  void cronQueuesEveryCommune() {
    clock.set(Instant.parse("2025-12-28T23:30:00Z")); // 06:30 on 29/12 in Vietnam
    assertEquals(2, reconciling(500).queueEveryCommune());
    assertEquals(List.of("demo/2025-12-29", "xa-khac/2025-12-29"), List.copyOf(queue.items.keySet()));
    assertEquals(0, store.partitionReads, "the cron reads no deadline");
  }

  @Test
  @DisplayName("a commune's unit reads only its own partition, fires what was missed, sends its digest, deletes its item; a second delivery does nothing")
  void oneCommune() {
    seed(3);
    Reconciling r = reconciling(500);
    r.queueEveryCommune();
    Reconciling.Report report = r.reconcile("demo", "2025-12-29", () -> false).orElseThrow();
    assertEquals(new Reconciling.Report(3, 3, 6, 1, Reconciling.Cap.NONE), report);
    assertEquals(1, store.partitionReads);
    assertTrue(store.fired.values().stream().allMatch(f -> f.communeId().equals("demo")), "the other commune's "
        + "deadline was not touched");
    assertEquals(List.of("xa-khac/2025-12-29"), List.copyOf(queue.items.keySet()), "its work item is gone");
    assertEquals(Optional.empty(), r.reconcile("demo", "2025-12-29", () -> false), "a second delivery: done");
    assertEquals(3, store.mails.size());
    assertEquals(1, digests.size());
  }

  @Test
  @DisplayName("a commune beyond the bound goes on in continuation units, each deadline once, the digest in the last")
  void continuation() {
    seed(7);
    Reconciling r = reconciling(3);
    r.queueEveryCommune();
    Reconciling.Report first = r.reconcile("demo", "2025-12-29", () -> false).orElseThrow();
    assertEquals(new Reconciling.Report(3, 3, 6, 0, Reconciling.Cap.DEADLINES), first);
    ReconcileWork next = queue.find("demo", "2025-12-29.1").orElseThrow();
    assertEquals(answer("demo", 2).id(), next.after(), "the cursor: the last deadline done");
    assertEquals(Optional.empty(), queue.find("demo", "2025-12-29"), "the unit it continues is gone");

    List<Reconciling.Report> rest = drain(r, () -> false);
    assertEquals(List.of(Reconciling.Cap.NONE, Reconciling.Cap.DEADLINES, Reconciling.Cap.NONE),
        rest.stream().map(Reconciling.Report::cap).toList(), "the other commune, then demo's 3 + 1");
    assertEquals(8, first.deadlines() + rest.stream().mapToInt(Reconciling.Report::deadlines).sum());
    // the other commune is not in this test's registry of communes: its step is not fired (stale)
    assertEquals(7, store.mails.size(), "each of demo's deadlines fired once");
    assertEquals(7, store.fired.size());
    assertEquals(1, digests.size(), "demo's one digest, in its last unit");
    assertEquals(List.of("2025-12-29", "2025-12-29.1", "2025-12-29.2"), queue.written.stream()
        .filter(w -> w.communeId().equals("demo")).map(ReconcileWork::workId).toList());
  }

  @Test
  @DisplayName("a unit short of time stops after the deadline under way and continues; at least one per unit")
  void timeBound() {
    seed(3);
    Reconciling r = reconciling(500);
    r.queueEveryCommune();
    List<Reconciling.Report> reports = drain(r, () -> true);
    assertEquals(Reconciling.Cap.TIME, reports.get(0).cap());
    assertEquals(1, reports.get(0).deadlines(), "progress even when time is short");
    assertEquals(2, reports.stream().filter(x -> x.cap() == Reconciling.Cap.NONE).count(),
        "demo's last unit, and the other commune's (one deadline each, no cap)");
    assertEquals(3, store.fired.size(), "each of demo's deadlines once");
    assertEquals(3, store.mails.size());
    assertTrue(queue.items.isEmpty());
  }

  @Test
  @DisplayName("reconcileCommune (the benchmark's entry): the same unit without a work item; beyond the bound it queues the rest")
  void reconcileCommuneDirectly() {
    seed(4);
    Reconciling.Report report = reconciling(3).reconcileCommune("demo");
    assertEquals(Reconciling.Cap.DEADLINES, report.cap());
    assertEquals(3, report.deadlines());
    assertEquals(List.of("demo/2025-12-29.1"), List.copyOf(queue.items.keySet()));
    assertEquals(Reconciling.Report.class, reconciling(500).reconcileCommune("demo").getClass());
    assertEquals(4, store.fired.size(), "a second run fired nothing again");
    assertEquals(4, store.fired.values().stream().map(Fired::deadlineId).collect(Collectors.toSet()).size());
  }
}
