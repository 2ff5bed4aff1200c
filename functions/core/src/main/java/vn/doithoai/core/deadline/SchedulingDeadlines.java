package vn.doithoai.core.deadline;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import vn.doithoai.core.plan.PlanDeadline;

/**
 * Keeps the schedules in step with a deadline: when it opens, one schedule per future step; when it moves
 * (a new version: reschedule, extension, a calendar change), the old version's schedules are deleted and the
 * new ones created; when it is met or cancelled, its schedules are deleted.
 */
public final class SchedulingDeadlines {
  private final Scheduler scheduler;
  private final Clock clock;

  public SchedulingDeadlines(Scheduler scheduler, Clock clock) {
    this.scheduler = Objects.requireNonNull(scheduler);
    this.clock = Objects.requireNonNull(clock);
  }

  /** A deadline item changed from {@code before} to {@code after} (either may be absent). */
  public void changed(Optional<PlanDeadline> before, Optional<PlanDeadline> after) {
    boolean sameVersion = before.isPresent() && after.isPresent() && before.get().version() == after.get().version()
        && before.get().steps().equals(after.get().steps());
    if (sameVersion) {
      return;
    }
    before.ifPresent(old -> old.steps().forEach(s -> scheduler.delete(ScheduleSpec.of(old, s).name())));
    after.ifPresent(this::ensure);
  }

  /** Creates the schedule of every step still to come. */
  public void ensure(PlanDeadline d) {
    Instant now = clock.instant();
    for (Step s : d.steps()) {
      if (s.at().isAfter(now)) {
        scheduler.create(ScheduleSpec.of(d, s));
      }
    }
  }
}
