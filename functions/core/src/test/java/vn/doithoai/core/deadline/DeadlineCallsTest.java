package vn.doithoai.core.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.calendar.Calendars;
import vn.doithoai.core.calendar.WorkingCalendar;
import vn.doithoai.core.common.Role;
import vn.doithoai.core.mail.DeadlineMails;
import vn.doithoai.core.plan.PlanDeadline;
import vn.doithoai.core.rules.RuleProfiles;

/**
 * Issue #18: the AWS calls each deadline path makes, counted on the ports (a Scheduler call is one Scheduler
 * API call, a DeadlineStore call one DynamoDB request). Before this change: a fire of a fired step read the
 * deadline and the commune, rendered its e-mails and ran a transaction that was cancelled; the reconcile asked
 * GetSchedule for every future step and ran that cancelled transaction for every overdue deadline, every day.
 */
class DeadlineCallsTest {
  private final InMemory.Store store = new InMemory.Store();
  private final InMemory.Schedules scheduler = new InMemory.Schedules();
  private final InMemory.OneCommune communes = new InMemory.OneCommune(DeadlinesInMotionTest.COMMUNE);
  private final InMemory.MovingClock clock = new InMemory.MovingClock(Instant.parse("2025-12-01T00:00:00Z"));
  private final FiringDeadlines firing = new FiringDeadlines(store, communes,
      new DeadlineMails("https://doithoai.example.vn"), clock);
  private final SchedulingDeadlines scheduling = new SchedulingDeadlines(scheduler, clock);

  /** Deadline {@code n} of the commune: an answer due on {@code due}, with the profile's five steps. */
  private static PlanDeadline answer(int n, LocalDate due) {
    List<Step> steps = DeadlineSteps.forAssignment(RuleProfiles.shipped().get("lang-son-320"),
        WorkingCalendar.vietnam(), due);
    Instant dueAt = steps.stream().filter(s -> s.name().equals("due")).findFirst().orElseThrow().at();
    return new PlanDeadline(PlanDeadline.ASSIGNMENTS, "o_" + n, "answer", "Trả lời ý kiến", Role.AGENCY,
        due, dueAt, "vn-test", 1, "demo", "DT-AAAA-BBBB (Hạ tầng, giao thông)", Optional.of("phong-kinh-te"), steps,
        Optional.empty(), Optional.empty());
  }

  private void resetCounts() {
    store.finds = 0;
    store.firedReads = 0;
    store.recordTransactions = 0;
    scheduler.creates = 0;
    communes.finds = 0;
  }

  @Test
  @DisplayName("scheduling N deadlines: one CreateSchedule per future step, nothing read before it")
  void schedulingAPlan() {
    int n = 6;
    for (int i = 0; i < n; i++) {
      scheduling.changed(Optional.empty(), Optional.of(answer(i, LocalDate.of(2025, 12, 29))));
    }
    assertEquals(5 * n, scheduler.creates, "5 steps each, CreateSchedule only (the Scheduler port has no read)");
    assertEquals(5 * n, scheduler.live.size());
    // the same deadlines again (a retried stream batch): the name answers, still no read
    resetCounts();
    for (int i = 0; i < n; i++) {
      scheduling.ensure(answer(i, LocalDate.of(2025, 12, 29)));
    }
    assertEquals(5 * n, scheduler.creates);
    assertEquals(5 * n, scheduler.live.size(), "nothing created twice");
  }

  @Test
  @DisplayName("a fire of a step already fired: the deadline and the fired record read, no mail rendered, no transaction")
  void fireOfAFiredStep() {
    PlanDeadline d = answer(1, LocalDate.of(2025, 12, 29));
    store.put(d);
    clock.set(Instant.parse("2025-12-24T01:00:10Z"));
    assertEquals(FiringDeadlines.Outcome.FIRED, firing.fire("demo", d.id(), "reminder-1", 1));
    resetCounts();
    assertEquals(FiringDeadlines.Outcome.DUPLICATE, firing.fire("demo", d.id(), "reminder-1", 1));
    assertEquals(1, store.finds);
    assertEquals(1, store.firedReads);
    assertEquals(0, communes.finds, "the commune is not read: no e-mail is rendered");
    assertEquals(0, store.recordTransactions, "no transaction that would be cancelled");
    assertEquals(1, store.mails.size());
  }

  @Test
  @DisplayName("the daily reconcile over K deadlines, some already fired: one read each, no GetSchedule, no cancelled transaction")
  void reconcile() {
    int overdueFired = 4;
    int overdueNew = 2;
    int future = 4;
    for (int i = 0; i < overdueFired + overdueNew; i++) {
      store.put(answer(i, LocalDate.of(2025, 12, 29)));
    }
    for (int i = 0; i < future; i++) {
      PlanDeadline d = answer(100 + i, LocalDate.of(2026, 1, 26));
      store.put(d);
      scheduling.ensure(d);
    }
    scheduler.live.remove(scheduler.live.keySet().iterator().next()); // one schedule lost
    Reconciling reconciling = new Reconciling(store, new InMemory.Queue("demo"), scheduler, firing, communes,
        (c, u, to, day, s, t, h) -> true, Calendars.fixed(WorkingCalendar.vietnam()), clock);
    clock.set(Instant.parse("2025-12-29T02:00:00Z")); // the due-day step passed for the first six
    for (int i = 0; i < overdueFired; i++) {
      firing.fire("demo", answer(i, LocalDate.of(2025, 12, 29)).id(), "due", 1);
    }
    resetCounts();
    Reconciling.Report r = reconciling.reconcileCommune("demo");

    int futureSteps = overdueFired * 2 + overdueNew * 2 + future * 5; // the two escalations of the overdue ones
    assertEquals(overdueNew, r.fired());
    assertEquals(overdueFired + overdueNew + overdueNew, store.firedReads,
        "one read per overdue deadline, and the fire's own for the unfired ones");
    assertEquals(overdueNew, store.finds, "only an unfired step re-reads its deadline");
    assertEquals(overdueNew, store.recordTransactions, "a transaction only for a step that fires now");
    assertEquals(futureSteps, scheduler.creates, "one CreateSchedule per future step, answered by its name");
    assertEquals((overdueFired + overdueNew) * 2 + 1, r.schedulesCreated(),
        "the escalations never scheduled here, and the lost schedule");
    System.out.printf("reconcile of %d deadlines: %d deadline reads, %d fired-record reads, %d commune reads,"
        + " %d transactions, %d CreateSchedule, 0 GetSchedule%n", overdueFired + overdueNew + future, store.finds,
        store.firedReads, communes.finds, store.recordTransactions, scheduler.creates);
  }
}
