package vn.doithoai.core.followup;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.doithoai.core.common.Role;
import vn.doithoai.core.common.Actor;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.Download;
import vn.doithoai.core.common.Input;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.commune.Communes;
import vn.doithoai.core.export.ExportFiles;
import vn.doithoai.core.export.ExportJob;
import vn.doithoai.core.export.ExportJobs;
import vn.doithoai.core.export.MeetingCalendar;
import vn.doithoai.core.export.OpinionExport;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.Opinions;
import vn.doithoai.core.plan.Plan;
import vn.doithoai.core.plan.Plans;
import vn.doithoai.core.rules.DeadlineScheduling;
import vn.doithoai.core.stats.DialogueStatistics;

/**
 * What the office takes away: statistics per plan and per year, the opinions and assignments as CSV or XLSX
 * (raisers' contacts only on request, for the roles {@link vn.doithoai.core.access.Contacts} allows), and a meeting as an iCalendar file.
 */
public final class Exporting {
  private final Plans plans;
  private final Opinions opinions;
  private final Communes communes;
  private final vn.doithoai.core.conclusion.Conclusions conclusions;
  private final FollowingUp followingUp;
  private final String uidDomain;
  private final Clock clock;
  private final ExportJobs jobs;
  private final ExportFiles files;

  /** A document of a plan, and the stem of its file name. */
  public record Named(String fileStem, vn.doithoai.core.document.OfficialDocument document) {}

  public Exporting(Plans plans, Opinions opinions, Communes communes,
      vn.doithoai.core.conclusion.Conclusions conclusions, FollowingUp followingUp, String uidDomain, Clock clock,
      ExportJobs jobs, ExportFiles files) {
    this.plans = Objects.requireNonNull(plans);
    this.opinions = Objects.requireNonNull(opinions);
    this.communes = Objects.requireNonNull(communes);
    this.conclusions = Objects.requireNonNull(conclusions);
    this.followingUp = Objects.requireNonNull(followingUp);
    this.uidDomain = uidDomain == null || uidDomain.isBlank() ? "doithoai.local" : uidDomain;
    this.clock = Objects.requireNonNull(clock);
    this.jobs = Objects.requireNonNull(jobs);
    this.files = Objects.requireNonNull(files);
  }

  public DialogueStatistics ofPlan(Actor actor, String planId) {
    actor.require("xem thống kê", Role.OFFICE, Role.HOST, Role.FRONT, Role.ADMIN);
    plan(actor, planId);
    DialogueStatistics.Tally tally = new DialogueStatistics.Tally(today());
    opinions.eachOfPlan(actor.communeId(), Optional.of(planId), tally::add);
    return tally.result(new vn.doithoai.core.stats.StatisticsScope.OfPlan(planId));
  }

  /** Every opinion of the year's plans, and those never attached to a plan that were received in the year. */
  public DialogueStatistics ofYear(Actor actor, int year) {
    actor.require("xem thống kê", Role.OFFICE, Role.HOST, Role.FRONT, Role.ADMIN);
    if (year < 2020 || year > 2100) {
      throw DomainException.invalid(List.of(new vn.doithoai.core.common.FieldError("year",
          "Năm phải từ 2020 đến 2100.")));
    }
    // read page by page and counted as read: the memory is the tally's, not the year's opinions
    DialogueStatistics.Tally tally = new DialogueStatistics.Tally(today());
    for (Plan p : plans.byYear(actor.communeId(), year)) {
      opinions.eachOfPlan(actor.communeId(), Optional.of(p.id()), tally::add);
    }
    opinions.eachOfPlan(actor.communeId(), Optional.empty(), o -> {
      if (o.receivedAt().atZone(DeadlineScheduling.VIETNAM).getYear() == year) {
        tally.add(o);
      }
    });
    return tally.result(new vn.doithoai.core.stats.StatisticsScope.OfYear(year));
  }

  /**
   * At most this many rows are answered inline, as the file itself; above, the export is a job whose file goes
   * to S3. API Gateway answers at most 6 MB, and a file goes base64 (4/3), so at most ~4.4 MB of file
   * (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html, "Invocation payload (request and
   * response) 6 MB each for synchronous"). Measured ({@code ExportSizeTest}, infra/docs/exports.md): a long
   * Vietnamese opinion (1,500 characters of content, a 700-character written answer, one raiser, contacts on) is
   * ~3.3 KB a row in CSV and ~0.7 KB in XLSX (a zip); the CSV decides: 4.4 MB / 3.3 KB ≈ 1,320 rows. With a
   * safety factor of about 2.6 the threshold is 500 rows (500 such rows: 1.66 MB of CSV): contents run to 5,000
   * characters and answers to 10,000 (the longest rows allowed: ~20.6 KB of CSV each). So beside the rows, a
   * bound of bytes: the rows bound keeps the API from building big files at all, the bytes bound catches the
   * rare file of very long rows, which goes to S3 as well.
   */
  public static final int INLINE_MAX_ROWS = 500;

  /** A file built inline but larger than this goes to S3 after all (4 MB < ~4.4 MB that fit, base64, in 6 MB). */
  public static final int INLINE_MAX_BYTES = 4_000_000;

  /** A job still queued this long after its request is taken as lost (its worker's retries exhausted). */
  static final Duration JOB_STALE_AFTER = Duration.ofMinutes(15);

  /** How long a link to a finished file works. */
  public static final Duration LINK_VALID_FOR = Duration.ofMinutes(15);

  /** What an export request gives: the file itself, or a job making it. */
  public sealed interface Exported {}

  /** The file, small enough to answer inline. */
  public record Inline(Download file) implements Exported {}

  /** The job that makes the file (new, or the one already running for the same request). */
  public record Queued(ExportJob job) implements Exported {}

  /** A job as its requester sees it, with a link to the file once it is ready. */
  public record JobView(ExportJob job, Optional<URI> link) {
    public Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("job", job.id());
      m.put("status", job.status().code());
      m.put("planId", job.planId());
      m.put("table", job.table());
      m.put("format", job.format());
      m.put("rows", job.rows());
      m.put("fileName", job.fileName());
      m.put("requestedAt", job.requestedAt().toString());
      job.finishedAt().ifPresent(f -> m.put("finishedAt", f.toString()));
      if (job.status() == ExportJob.Status.READY) {
        m.put("bytes", job.bytes());
      }
      link.ifPresent(l -> {
        m.put("url", l.toString());
        m.put("validMinutes", LINK_VALID_FOR.toMinutes());
      });
      job.failure().ifPresent(f -> m.put("message", f));
      if (job.status() == ExportJob.Status.QUEUED) {
        m.put("message", "Đang tạo tệp " + job.fileName() + " (" + job.rows() + " dòng)…");
      }
      return m;
    }
  }

  /**
   * {@code table}: opinions or assignments; query {@code format} csv (default) or xlsx, {@code contacts} true. Up
   * to {@link #INLINE_MAX_ROWS} rows (and {@link #INLINE_MAX_BYTES}) the file itself; above, a job.
   */
  public Exported export(Actor actor, String planId, String table, Input query) {
    actor.require("xuất danh sách ý kiến", Role.OFFICE, Role.HOST, Role.FRONT, Role.ADMIN);
    Plan plan = plan(actor, planId);
    String format = query.text("format", 10).orElse("csv");
    boolean contacts = query.bool("contacts").orElse(false);
    if (!format.equals("csv") && !format.equals("xlsx")) {
      query.error("format", "Chọn csv hoặc xlsx.");
    }
    query.check();
    if (!table.equals("opinions") && !table.equals("assignments")) {
      throw DomainException.notFound("danh sách " + table);
    }
    if (contacts && !vn.doithoai.core.access.Contacts.visibleTo(actor)) {
      throw DomainException.forbidden("xuất thông tin liên hệ của người nêu ý kiến");
    }
    String name = fileName(plan, table, format);
    int rows = opinions.countByPlan(actor.communeId(), planId); // an upper bound of the assignments' rows too
    if (rows <= INLINE_MAX_ROWS) {
      Download file = build(actor.communeId(), planId, table, format, contacts, name);
      if (file.bytes().length <= INLINE_MAX_BYTES) {
        return new Inline(file);
      }
    }
    Instant now = clock.instant();
    return new Queued(jobs.request(ExportJob.queued(actor.communeId(), planId, table, format, contacts, rows, name,
        now), now.minus(JOB_STALE_AFTER)));
  }

  /** An export job of the actor's commune (another commune's is not found), with its link once ready. */
  public JobView job(Actor actor, String jobId) {
    actor.require("xuất danh sách ý kiến", Role.OFFICE, Role.HOST, Role.FRONT, Role.ADMIN);
    ExportJob job = jobs.find(actor.communeId(), jobId).orElseThrow(() -> DomainException.notFound("tệp xuất "
        + jobId));
    if (job.contacts() && !vn.doithoai.core.access.Contacts.visibleTo(actor)) {
      throw DomainException.forbidden("xuất thông tin liên hệ của người nêu ý kiến");
    }
    Optional<URI> link = job.status() == ExportJob.Status.READY
        ? Optional.of(files.link(job.key().orElseThrow(), job.fileName(), LINK_VALID_FOR)) : Optional.empty();
    return new JobView(job, link);
  }

  /**
   * The worker: makes the file of a queued job, puts it in S3 and marks the job ready. A job already finished,
   * replaced or gone is left alone (a second delivery does nothing); a plan gone since is a failed job.
   * @return the finished job, or empty when there was nothing to do
   */
  public Optional<ExportJob> produce(String communeId, String jobId, Instant requestedAt) {
    Optional<ExportJob> found = jobs.find(communeId, jobId);
    if (found.isEmpty() || found.get().status() != ExportJob.Status.QUEUED
        || requestedAt != null && !found.get().requestedAt().equals(requestedAt)) {
      return Optional.empty();
    }
    ExportJob job = found.get();
    ExportJob finished;
    if (plans.find(communeId, job.planId()).isEmpty()) {
      finished = job.failed("Kế hoạch không còn, không tạo được tệp.", clock.instant());
    } else {
      Download file = build(communeId, job.planId(), job.table(), job.format(), job.contacts(), job.fileName());
      String key = job.objectKey();
      files.put(key, file);
      finished = job.ready(key, file.bytes().length, clock.instant());
    }
    return jobs.finish(finished) ? Optional.of(finished) : Optional.empty();
  }

  private Download build(String communeId, String planId, String table, String format, boolean contacts,
      String name) {
    List<Opinion> list = ofPlan(communeId, planId);
    OpinionExport export = new OpinionExport(contacts);
    LocalDate today = today();
    boolean xlsx = format.equals("xlsx");
    byte[] bytes = table.equals("opinions")
        ? xlsx ? export.opinionsXlsx(list, today) : export.opinionsCsv(list, today)
        : xlsx ? export.assignmentsXlsx(list, today) : export.assignmentsCsv(list, today);
    return new Download(name, xlsx ? Download.XLSX : Download.CSV, bytes);
  }

  private static String fileName(Plan plan, String table, String format) {
    return (table.equals("opinions") ? "y-kien-" : "giao-viec-") + fileStem(plan) + "." + format;
  }

  public Download meetingCalendar(Actor actor, String planId, String meetingId) {
    actor.require("tải lịch hội nghị", Role.OFFICE, Role.HOST, Role.FRONT, Role.AGENCY, Role.ADMIN);
    Plan plan = plan(actor, planId);
    var meeting = plan.content().meeting(meetingId).orElseThrow(() -> DomainException.notFound(
        "cuộc đối thoại " + meetingId));
    Commune commune = communes.find(actor.communeId()).orElseThrow(() -> DomainException.notFound("xã"));
    return new Download("hoi-nghi-doi-thoai-" + fileStem(plan) + "-" + meetingId + ".ics", Download.ICS,
        MeetingCalendar.ics(plan, meeting, commune, uidDomain, clock.instant()));
  }

  /**
   * A plan's documents in the official layout: {@code plan}, {@code notice} and {@code invitation} (query
   * {@code meeting}, default the first; {@code invitee}), {@code minutes} (the meeting's record), {@code report}
   * (the last one sent, else today's draft).
   */
  public Named document(Actor actor, String planId, String kind, Input query) {
    boolean internal = kind.equals("minutes") || kind.equals("report");
    if (internal) {
      actor.require("xem biên bản, báo cáo", Role.OFFICE, Role.HOST, Role.FRONT, Role.ADMIN);
    } else {
      actor.require("xem văn bản của kế hoạch", Role.OFFICE, Role.HOST, Role.FRONT, Role.AGENCY, Role.ADMIN);
    }
    Plan plan = plan(actor, planId);
    Commune commune = communes.find(actor.communeId()).orElseThrow(() -> DomainException.notFound("xã"));
    Optional<String> meetingId = query.id("meeting");
    String invitee = query.text("invitee", 300).orElse("Ông (bà) đại biểu");
    query.check();
    var meeting = meetingId.isPresent() ? plan.content().meeting(meetingId.get()).orElseThrow(() ->
        DomainException.notFound("cuộc đối thoại " + meetingId.get())) : plan.content().meetings().stream()
        .findFirst().orElseThrow(() -> DomainException.conflict("plan_without_meeting", "Kế hoạch chưa có cuộc đối thoại."));
    String stem = fileStem(plan);
    return switch (kind) {
      case "plan" -> new Named("ke-hoach-" + stem, vn.doithoai.core.document.PlanDocument.of(plan, commune));
      case "notice" -> new Named("thong-bao-hoi-nghi-" + stem + "-" + meeting.id(),
          vn.doithoai.core.document.MeetingNoticeDocument.of(plan, meeting, commune));
      case "invitation" -> new Named("giay-moi-" + stem + "-" + meeting.id(),
          vn.doithoai.core.document.InvitationDocument.of(plan, meeting, commune, invitee));
      case "minutes" -> new Named("bien-ban-" + stem + "-" + meeting.id(), vn.doithoai.core.document.MinutesDocument
          .of(plan, conclusions.record(actor.communeId(), planId, meeting.id()).orElseThrow(() ->
              DomainException.conflict("meeting_not_recorded", "Chưa ghi biên bản cuộc đối thoại này.")),
              ofPlan(actor.communeId(), planId), commune));
      case "report" -> {
        List<ResultsReport> sent = followingUp.sent(actor, planId);
        ResultsReport r = sent.isEmpty() ? followingUp.report(actor, planId) : sent.get(sent.size() - 1);
        yield new Named("bao-cao-" + stem, vn.doithoai.core.document.ResultsReportDocument.of(r, plan, commune));
      }
      default -> throw DomainException.notFound("văn bản " + kind);
    };
  }

  private List<Opinion> ofPlan(String communeId, String planId) {
    return opinions.byPlan(communeId, Optional.of(planId), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** The plan's number as a file-name stem: "12-KH/ĐU" → "12-KH-DU". */
  static String fileStem(Plan plan) {
    return Download.ascii(plan.content().number().isBlank() ? plan.id() : plan.content().number())
        .replaceAll("(^-+|-+$)", "");
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), DeadlineScheduling.VIETNAM);
  }

  private Plan plan(Actor actor, String planId) {
    return plans.find(actor.communeId(), planId).orElseThrow(() -> DomainException.notFound("kế hoạch"));
  }

}
