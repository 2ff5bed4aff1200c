package vn.doithoai.core.deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.doithoai.core.calendar.VietnameseDates;
import vn.doithoai.core.common.Html;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.commune.Communes;
import vn.doithoai.core.plan.PlanDeadline;
import vn.doithoai.core.rules.DeadlineScheduling;

/**
 * The daily safety net (a cron in Asia/Ho_Chi_Minh): for every open deadline, fire the latest step whose
 * instant has passed if it never had its effect (a missed fire) — earlier missed reminders are not sent late;
 * recreate any missing schedule of a step still to come; and send each unit its digest of what fell overdue since
 * its previous one and what is due this week, daily, weekly or never as the unit is set.
 */
public final class Reconciling {
  static final int MAX_DEADLINES = 5000;

  /** What a run did, for the log. */
  public record Report(int deadlines, int fired, int schedulesCreated, int digests) {}

  private final DeadlineStore store;
  private final Scheduler scheduler;
  private final FiringDeadlines firing;
  private final Communes communes;
  private final Digests digests;
  private final vn.doithoai.core.calendar.Calendars calendars;
  private final Clock clock;

  /**
   * Port: a digest e-mail to the address of the units keyed {@code unitKey}, written once per commune, unit and
   * day; false when that one was written before.
   */
  public interface Digests {
    boolean send(Commune commune, String unitKey, String to, LocalDate day, String subject, String text,
        String html);
  }

  public Reconciling(DeadlineStore store, Scheduler scheduler, FiringDeadlines firing, Communes communes,
      Digests digests, vn.doithoai.core.calendar.Calendars calendars, Clock clock) {
    this.calendars = Objects.requireNonNull(calendars);
    this.store = Objects.requireNonNull(store);
    this.scheduler = Objects.requireNonNull(scheduler);
    this.firing = Objects.requireNonNull(firing);
    this.communes = Objects.requireNonNull(communes);
    this.digests = Objects.requireNonNull(digests);
    this.clock = Objects.requireNonNull(clock);
  }

  public Report run() {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, DeadlineScheduling.VIETNAM);
    List<PlanDeadline> open = store.openDueBefore(Instant.MAX, MAX_DEADLINES);
    int fired = 0;
    int created = 0;
    Map<String, List<PlanDeadline>> byCommune = new LinkedHashMap<>();
    for (PlanDeadline d : open) {
      byCommune.computeIfAbsent(d.communeId(), k -> new ArrayList<>()).add(d);
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
    }
    int sent = 0;
    for (Map.Entry<String, List<PlanDeadline>> e : byCommune.entrySet()) {
      Optional<Commune> commune = communes.find(e.getKey());
      vn.doithoai.core.calendar.WorkingCalendar calendar = calendars.forCommune(e.getKey());
      if (commune.isEmpty() || !calendar.isWorkingDay(today)) {
        continue; // a day off: the units read it on the next working day
      }
      sent += digests(commune.get(), calendar, today, e.getValue());
    }
    return new Report(open.size(), fired, created, sent);
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
