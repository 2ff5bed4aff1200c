package vn.doithoai.core.deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import vn.doithoai.core.calendar.VietnameseDates;
import vn.doithoai.core.common.Html;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.commune.Communes;
import vn.doithoai.core.plan.PlanDeadline;
import vn.doithoai.core.rules.DeadlineScheduling;

/**
 * The daily safety net (a cron in Asia/Ho_Chi_Minh), fanned out per commune: the cron only queues one work item
 * per registered commune ({@link #queueEveryCommune}); each becomes that commune's {@code CommuneReconcile} event,
 * and {@link #reconcile} does that one commune from one paged read of its own partition: for every open deadline,
 * fire the latest step whose instant has passed if it never had its effect (a missed fire) — earlier missed
 * reminders are not sent late; recreate any missing schedule of a step still to come; then send each unit its
 * digest of what fell overdue since its previous one and what is due this week, daily, weekly or never as the
 * unit is set; then delete the work item.
 *
 * <p>Idempotent: a fire and a digest happen once whatever the deliveries, a schedule is created by its
 * deterministic name. Resumable: the work item stays until its unit is done (the bus retries, then the
 * dead-letter queue). Bounded, with no silent cap: a unit handles at most {@link #DEADLINES_PER_UNIT} deadlines
 * and stops early when its time runs short; either way it queues the next unit with a cursor (the last deadline
 * id it did), and its {@link Report#cap()} says which bound was reached, for the log, the metric and its alarm.
 */
public final class Reconciling {
  /**
   * Deadlines per unit of work: ≈ 20–100 ms each against AWS (a fired-record read, a CreateSchedule per future
   * step), so 500 take 10–50 s of the function's 300 s; a commune has ≈ 25 open deadlines (issue #18).
   */
  public static final int DEADLINES_PER_UNIT = 500;

  /** A bound a unit reached (it went on in a new unit): none, the count of deadlines, or the time left. */
  public enum Cap { NONE, DEADLINES, TIME }

  /**
   * What a unit did, for the log: deadlines looked at, steps fired, schedules created, digests sent, and the bound
   * it reached (then a continuation was queued and the digests wait for the commune's last unit).
   */
  public record Report(int deadlines, int fired, int schedulesCreated, int digests, Cap cap) {
    public Report {
      java.util.Objects.requireNonNull(cap);
    }

    public Report(int deadlines, int fired, int schedulesCreated, int digests) {
      this(deadlines, fired, schedulesCreated, digests, Cap.NONE);
    }
  }

  private final DeadlineStore store;
  private final ReconcileQueue queue;
  private final Scheduler scheduler;
  private final FiringDeadlines firing;
  private final Communes communes;
  private final Digests digests;
  private final vn.doithoai.core.calendar.Calendars calendars;
  private final Clock clock;
  private final int perUnit;

  /**
   * Port: a digest e-mail to the address of the units keyed {@code unitKey}, written once per commune, unit and
   * day; false when that one was written before.
   */
  public interface Digests {
    boolean send(Commune commune, String unitKey, String to, LocalDate day, String subject, String text,
        String html);
  }

  public Reconciling(DeadlineStore store, ReconcileQueue queue, Scheduler scheduler, FiringDeadlines firing,
      Communes communes, Digests digests, vn.doithoai.core.calendar.Calendars calendars, Clock clock) {
    this(store, queue, scheduler, firing, communes, digests, calendars, clock, DEADLINES_PER_UNIT);
  }

  Reconciling(DeadlineStore store, ReconcileQueue queue, Scheduler scheduler, FiringDeadlines firing,
      Communes communes, Digests digests, vn.doithoai.core.calendar.Calendars calendars, Clock clock,
      int perUnit) {
    this.calendars = Objects.requireNonNull(calendars);
    this.store = Objects.requireNonNull(store);
    this.queue = Objects.requireNonNull(queue);
    this.scheduler = Objects.requireNonNull(scheduler);
    this.firing = Objects.requireNonNull(firing);
    this.communes = Objects.requireNonNull(communes);
    this.digests = Objects.requireNonNull(digests);
    this.clock = Objects.requireNonNull(clock);
    if (perUnit < 1) {
      throw new IllegalArgumentException("a unit handles at least one deadline: " + perUnit);
    }
    this.perUnit = perUnit;
  }

  /**
   * The daily cron: today's first work item for every registered commune (each becomes its own event).
   *
   * @return how many communes were queued
   */
  public int queueEveryCommune() {
    return queue.queueForEveryCommune(LocalDate.ofInstant(clock.instant(), DeadlineScheduling.VIETNAM));
  }

  /**
   * One commune from its first deadline, bounded by the count only (no work item read or deleted): what the
   * scale benchmark times. A commune beyond the bound goes on in a queued continuation, as {@link #reconcile}.
   */
  public Report reconcileCommune(String communeId) {
    ReconcileWork work = ReconcileWork.first(communeId, LocalDate.ofInstant(clock.instant(),
        DeadlineScheduling.VIETNAM));
    return unit(work, () -> false, false);
  }

  /**
   * One unit of work from the bus: its work item read (gone = already done: nothing happens), the unit done
   * until {@code outOfTime} says stop or the count bound is reached, then its item deleted (or replaced by the
   * next unit's).
   */
  public Optional<Report> reconcile(String communeId, String workId, BooleanSupplier outOfTime) {
    return queue.find(communeId, workId).map(work -> unit(work, outOfTime, true));
  }

  private Report unit(ReconcileWork work, BooleanSupplier outOfTime, boolean fromQueue) {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, DeadlineScheduling.VIETNAM);
    List<PlanDeadline> open = new ArrayList<>(store.openOf(work.communeId()));
    open.sort(Comparator.comparing(PlanDeadline::id)); // the cursor's order
    int done = 0;
    int fired = 0;
    int created = 0;
    Cap cap = Cap.NONE;
    String last = work.after();
    for (PlanDeadline d : open) {
      if (!work.after().isEmpty() && d.id().compareTo(work.after()) <= 0) {
        continue; // an earlier unit of the day did it
      }
      if (done == perUnit) {
        cap = Cap.DEADLINES;
        break;
      }
      if (done > 0 && outOfTime.getAsBoolean()) {
        cap = Cap.TIME;
        break;
      }
      Optional<Step> latestPassed = d.steps().stream().filter(s -> !s.at().isAfter(now))
          .reduce((a, b) -> b);
      // one read answers "already fired" for an overdue step (every day until it is met): no re-read, no
      // rendering, no cancelled transaction; an unfired one goes through the fire's own checks
      if (latestPassed.isPresent()
          && !store.wasFired(FiringDeadlines.record(d, latestPassed.get(), now))
          && firing.fire(d.communeId(), d.id(), latestPassed.get().name(), d.version())
          == FiringDeadlines.Outcome.FIRED) {
        fired++;
      }
      // a missing schedule is recreated by creating it under its deterministic name: an existing one answers
      // ConflictException, which the adapter takes as "already there" (no GetSchedule per step)
      for (Step s : d.steps()) {
        if (s.at().isAfter(now) && scheduler.create(ScheduleSpec.of(d, s))) {
          created++;
        }
      }
      done++;
      last = d.id();
    }
    if (cap != Cap.NONE) {
      queue.continueWith(work.next(last), fromQueue ? work.workId() : null);
      return new Report(done, fired, created, 0, cap);
    }
    int sent = 0;
    if (!open.isEmpty()) {
      Optional<Commune> commune = communes.find(work.communeId());
      vn.doithoai.core.calendar.WorkingCalendar calendar = calendars.forCommune(work.communeId());
      // a day off: the units read it on the next working day
      if (commune.isPresent() && calendar.isWorkingDay(today)) {
        // soonest first in each digest, as the office reads it
        List<PlanDeadline> bySoonest = new ArrayList<>(open);
        bySoonest.sort(Comparator.comparing(PlanDeadline::dueAt).thenComparing(PlanDeadline::id));
        sent = digests(commune.get(), calendar, today, bySoonest);
      }
    }
    if (fromQueue) {
      queue.done(work.communeId(), work.workId());
    }
    return new Report(done, fired, created, sent, Cap.NONE);
  }

  /**
   * Each address's digest, for the units it serves (two offices often share one): only what changed since its
   * previous digest (what fell overdue since then) and what is due this week; nothing when there is neither. A
   * daily unit's previous digest was on the previous working day; a weekly unit's, a week ago, and it gets its
   * digest on the week's first working day; a unit set to off gets none.
   */
  private int digests(Commune c, vn.doithoai.core.calendar.WorkingCalendar calendar, LocalDate today,
      List<PlanDeadline> open) {
    LocalDate weekEnd = today.with(TemporalAdjusters.nextOrSame(java.time.DayOfWeek.SUNDAY));
    boolean firstOfWeek = calendar.subtractWorkingDays(today, 1)
        .isBefore(today.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)));
    Map<String, List<PlanDeadline>> byAddress = new LinkedHashMap<>();
    Map<String, java.util.SortedMap<String, vn.doithoai.core.commune.Unit>> units = new LinkedHashMap<>();
    for (PlanDeadline d : open) {
      vn.doithoai.core.commune.Unit u = vn.doithoai.core.mail.DeadlineMails.unitOf(c, d);
      if (u.email() == null || u.email().isBlank()) {
        continue;
      }
      String to = u.email().trim().toLowerCase(java.util.Locale.ROOT);
      byAddress.computeIfAbsent(to, k -> new ArrayList<>()).add(d);
      units.computeIfAbsent(to, k -> new java.util.TreeMap<>()).put(u.id(), u);
    }
    int sent = 0;
    for (Map.Entry<String, List<PlanDeadline>> e : byAddress.entrySet()) {
      java.util.Collection<vn.doithoai.core.commune.Unit> served = units.get(e.getKey()).values();
      vn.doithoai.core.commune.DigestFrequency often = served.stream()
          .map(vn.doithoai.core.commune.Unit::digestFrequency).min(java.util.Comparator.naturalOrder()).orElseThrow();
      if (often == vn.doithoai.core.commune.DigestFrequency.OFF
          || (often == vn.doithoai.core.commune.DigestFrequency.WEEKLY && !firstOfWeek)) {
        continue;
      }
      LocalDate since = often == vn.doithoai.core.commune.DigestFrequency.DAILY
          ? calendar.subtractWorkingDays(today, 1) : today.minusDays(7);
      List<PlanDeadline> overdue = e.getValue().stream()
          .filter(d -> d.due().isBefore(today) && !d.due().isBefore(since)).toList();
      List<PlanDeadline> thisWeek = e.getValue().stream()
          .filter(d -> !d.due().isBefore(today) && !d.due().isAfter(weekEnd)).toList();
      if (overdue.isEmpty() && thisWeek.isEmpty()) {
        continue;
      }
      String key = served.iterator().next().id();
      String names = String.join(", ", served.stream().map(vn.doithoai.core.commune.Unit::name).toList());
      if (digest(c, key, e.getKey(), names, today, thisWeek, overdue)) {
        sent++;
      }
    }
    return sent;
  }

  private boolean digest(Commune c, String unitKey, String to, String names, LocalDate today,
      List<PlanDeadline> thisWeek, List<PlanDeadline> overdue) {
    String subject = "[" + c.name() + "] Thời hạn trong tuần (" + VietnameseDates.format(today) + "): "
        + thisWeek.size() + " sắp đến hạn, " + overdue.size() + " mới quá hạn";
    StringBuilder text = new StringBuilder("Kính gửi " + names + ",\n\n");
    StringBuilder html = new StringBuilder("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>"
        + Html.escape(subject) + "</title></head><body><p>Kính gửi " + Html.escape(names) + ",</p>");
    section(c, text, html, "Mới quá hạn", overdue);
    section(c, text, html, "Đến hạn trong tuần này", thisWeek);
    text.append("\n").append(c.name()).append(" — hệ thống Đối thoại\n");
    html.append("<p>").append(Html.escape(c.name())).append(" — hệ thống Đối thoại</p></body></html>");
    return digests.send(c, unitKey, to, today, subject, text.toString(), html.toString());
  }

  private static void section(Commune c, StringBuilder text, StringBuilder html, String title, List<PlanDeadline> list) {
    if (list.isEmpty()) {
      return;
    }
    text.append(title).append(":\n");
    html.append("<h2>").append(Html.escape(title)).append("</h2><ul>");
    for (PlanDeadline d : list) {
      String line = VietnameseDates.withWeekday(d.due()) + " — " + d.title() + " (" + d.subject() + ") — "
          + vn.doithoai.core.mail.DeadlineMails.owner(c, d);
      text.append("- ").append(line).append('\n');
      html.append("<li>").append(Html.escape(line)).append("</li>");
    }
    html.append("</ul>");
    text.append('\n');
  }
}
