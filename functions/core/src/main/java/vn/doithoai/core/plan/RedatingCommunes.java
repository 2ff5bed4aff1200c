package vn.doithoai.core.plan;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import vn.doithoai.core.calendar.Calendars;
import vn.doithoai.core.common.Actor;
import vn.doithoai.core.rules.ConfirmedInstruments;

/**
 * Re-dating after a change: a commune's own change at once (its partition only); a national change (the platform
 * administrator's calendar override, a confirmed rule) as one work item per registered commune, each re-dated by
 * its own {@code CommuneRederive} event, so no API call loops over the country. Re-dating a commune is idempotent
 * (a plan already derived again is not saved again; a done work item is gone) and resumable (a work item stays
 * until its commune is done).
 */
public final class RedatingCommunes {
  private final RederivingPlans rederiving;
  private final RedatingQueue queue;
  private final Calendars calendars;
  private final ConfirmedInstruments instruments;
  private final Clock clock;

  public RedatingCommunes(RederivingPlans rederiving, RedatingQueue queue, Calendars calendars,
      ConfirmedInstruments instruments, Clock clock) {
    this.rederiving = Objects.requireNonNull(rederiving);
    this.queue = Objects.requireNonNull(queue);
    this.calendars = Objects.requireNonNull(calendars);
    this.instruments = Objects.requireNonNull(instruments);
    this.clock = Objects.requireNonNull(clock);
  }

  /** A commune's own calendar override: its plans re-dated now. */
  public List<String> redateNow(String communeId, Actor actor) {
    return rederiving.rederive(communeId, mark(new Redating("-", communeId, Redating.Reason.CALENDAR, "", actor,
        clock.instant())));
  }

  /**
   * A national change queued for every registered commune.
   *
   * @return how many communes were queued
   */
  public int queueNational(Redating.Reason reason, String subject, Actor actor) {
    String changeId = reason.code() + "-" + clock.instant().toEpochMilli()
        + (subject == null || subject.isEmpty() ? "" : "-" + subject);
    return queue.queueForEveryCommune(new Redating(changeId, "-", reason, subject, actor, clock.instant()));
  }

  /**
   * One unit of work: the commune's plans re-dated for the change, then its work item deleted. A change already
   * done (the item gone) moves nothing.
   */
  public List<String> redate(String communeId, String changeId) {
    Optional<Redating> work = queue.find(communeId, changeId);
    if (work.isEmpty()) {
      return List.of();
    }
    // this instance may hold the calendar or the confirmations from before the change (a one-minute cache)
    calendars.refresh(communeId);
    instruments.refresh();
    List<String> moved = rederiving.rederive(communeId, mark(work.get()));
    queue.done(communeId, changeId);
    return moved;
  }

  private UnaryOperator<Plan> mark(Redating r) {
    return switch (r.reason()) {
      case CALENDAR -> p -> p.recalculated(calendars.forCommune(p.communeId()).version(), r.actor(), clock.instant());
      case RULE -> p -> p.ruleConfirmed(r.subject(), r.actor(), clock.instant());
    };
  }
}
