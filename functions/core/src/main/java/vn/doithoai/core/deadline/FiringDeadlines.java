package vn.doithoai.core.deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.commune.Communes;
import vn.doithoai.core.mail.DeadlineMails;
import vn.doithoai.core.mail.OutgoingMail;
import vn.doithoai.core.plan.PlanDeadline;
import vn.doithoai.core.rules.DeadlineScheduling;

/**
 * A schedule fired (or the reconciler found a step missed): re-read the deadline; if it is still open, of the
 * same version, and the step's instant has come, record the step and its e-mails — once per (deadline, step,
 * version), by a conditional write. Schedules are an optimisation; this state is the truth.
 */
public final class FiringDeadlines {
  /** What a fire did. */
  public enum Outcome {
    /** The step had its effect now. */
    FIRED,
    /** The step had already had its effect (a repeated delivery). */
    DUPLICATE,
    /** The deadline is met, moved to another version, or gone: nothing to do. */
    STALE,
    /** Delivered before its instant (clock skew or a wrong schedule): nothing to do now. */
    EARLY
  }

  private final DeadlineStore store;
  private final Communes communes;
  private final DeadlineMails mails;
  private final Clock clock;

  public FiringDeadlines(DeadlineStore store, Communes communes, DeadlineMails mails, Clock clock) {
    this.store = Objects.requireNonNull(store);
    this.communes = Objects.requireNonNull(communes);
    this.mails = Objects.requireNonNull(mails);
    this.clock = Objects.requireNonNull(clock);
  }

  public Outcome fire(String communeId, String deadlineId, String stepName, long version) {
    Optional<PlanDeadline> found = store.find(communeId, deadlineId);
    if (found.isEmpty() || found.get().version() != version) {
      return Outcome.STALE;
    }
    PlanDeadline d = found.get();
    Optional<Step> step = d.step(stepName);
    if (step.isEmpty()) {
      return Outcome.STALE;
    }
    Instant now = clock.instant();
    // Scheduler fires at minute precision; a minute of tolerance keeps a punctual fire from looking early
    if (step.get().at().isAfter(now.plusSeconds(60))) {
      return Outcome.EARLY;
    }
    Fired fired = record(d, step.get(), now);
    // one read answers a repeated delivery before any mail is rendered; the conditional write below still
    // decides a race between two deliveries of the same step
    if (store.wasFired(fired)) {
      return Outcome.DUPLICATE;
    }
    Optional<Commune> commune = communes.find(communeId);
    if (commune.isEmpty()) {
      return Outcome.STALE;
    }
    LocalDate today = LocalDate.ofInstant(now, DeadlineScheduling.VIETNAM);
    List<OutgoingMail> out = mails.forStep(commune.get(), d, step.get(), now, today);
    return store.recordFired(fired, out) ? Outcome.FIRED : Outcome.DUPLICATE;
  }

  /** The once-only record of {@code step} of {@code d} having its effect at {@code now}. */
  static Fired record(PlanDeadline d, Step step, Instant now) {
    return new Fired(d.communeId(), d.id(), step.name(), d.version(), step.at(), now);
  }
}
