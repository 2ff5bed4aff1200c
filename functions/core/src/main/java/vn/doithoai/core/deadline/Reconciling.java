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
 * recreate any missing schedule of a step still to come; and send each office its morning digest of what is
 * due this week and what is overdue, once a working day.
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

  /** Port: the once-a-day digest e-mail, written once per commune and day. */
  public interface Digests {
    boolean send(Commune commune, LocalDate day, String subject, String text, String html);
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
      if (latestPassed.isPresent()
          && firing.fire(d.communeId(), d.id(), latestPassed.get().name(), d.version())
          == FiringDeadlines.Outcome.FIRED) {
        fired++;
      }
      for (Step s : d.steps()) {
        if (s.at().isAfter(now)) {
          ScheduleSpec spec = ScheduleSpec.of(d, s);
          if (!scheduler.exists(spec.name())) {
            scheduler.create(spec);
            created++;
          }
        }
      }
    }
    int sent = 0;
    LocalDate weekEnd = today.with(TemporalAdjusters.nextOrSame(java.time.DayOfWeek.SUNDAY));
    for (Map.Entry<String, List<PlanDeadline>> e : byCommune.entrySet()) {
      List<PlanDeadline> overdue = e.getValue().stream().filter(d -> d.due().isBefore(today)).toList();
      List<PlanDeadline> thisWeek = e.getValue().stream()
          .filter(d -> !d.due().isBefore(today) && !d.due().isAfter(weekEnd)).toList();
      Optional<Commune> commune = communes.find(e.getKey());
      if ((overdue.isEmpty() && thisWeek.isEmpty()) || commune.isEmpty()
          || !calendars.forCommune(e.getKey()).isWorkingDay(today)) {
        continue; // nothing to say, or a day off: the office reads it on the next working day
      }
      if (digest(commune.get(), today, thisWeek, overdue)) {
        sent++;
      }
    }
    return new Report(open.size(), fired, created, sent);
  }

  private boolean digest(Commune c, LocalDate today, List<PlanDeadline> thisWeek, List<PlanDeadline> overdue) {
    String subject = "[" + c.name() + "] Thời hạn trong tuần (" + VietnameseDates.format(today) + "): "
        + thisWeek.size() + " sắp đến hạn, " + overdue.size() + " quá hạn";
    // addressed to the office(s) that run the plans listed: a Party plan's deadlines are the Party office's
    java.util.Set<String> offices = new java.util.TreeSet<>();
    java.util.stream.Stream.concat(overdue.stream(), thisWeek.stream())
        .forEach(d -> offices.add(vn.doithoai.core.mail.DeadlineMails.office(c, d)));
    StringBuilder text = new StringBuilder("Kính gửi " + String.join(", ", offices) + ",\n\n");
    StringBuilder html = new StringBuilder("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>"
        + Html.escape(subject) + "</title></head><body>");
    section(c, text, html, "Quá hạn", overdue);
    section(c, text, html, "Đến hạn trong tuần này", thisWeek);
    text.append("\n").append(c.name()).append(" — hệ thống Đối thoại\n");
    html.append("<p>").append(Html.escape(c.name())).append(" — hệ thống Đối thoại</p></body></html>");
    return digests.send(c, today, subject, text.toString(), html.toString());
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
