package vn.doithoai.core.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.doithoai.core.common.Role;
import vn.doithoai.core.common.Actor;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.Download;
import vn.doithoai.core.common.Input;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.commune.Communes;
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

  /** A document of a plan, and the stem of its file name. */
  public record Named(String fileStem, vn.doithoai.core.document.OfficialDocument document) {}

  public Exporting(Plans plans, Opinions opinions, Communes communes,
      vn.doithoai.core.conclusion.Conclusions conclusions, FollowingUp followingUp, String uidDomain, Clock clock) {
    this.plans = Objects.requireNonNull(plans);
    this.opinions = Objects.requireNonNull(opinions);
    this.communes = Objects.requireNonNull(communes);
    this.conclusions = Objects.requireNonNull(conclusions);
    this.followingUp = Objects.requireNonNull(followingUp);
    this.uidDomain = uidDomain == null || uidDomain.isBlank() ? "doithoai.local" : uidDomain;
    this.clock = Objects.requireNonNull(clock);
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

  /** {@code table}: opinions or assignments; query {@code format} csv (default) or xlsx, {@code contacts} true. */
  public Download export(Actor actor, String planId, String table, Input query) {
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
    List<Opinion> list = ofPlan(actor.communeId(), planId);
    OpinionExport export = new OpinionExport(contacts);
    LocalDate today = today();
    boolean xlsx = format.equals("xlsx");
    byte[] bytes = table.equals("opinions")
        ? xlsx ? export.opinionsXlsx(list, today) : export.opinionsCsv(list, today)
        : xlsx ? export.assignmentsXlsx(list, today) : export.assignmentsCsv(list, today);
    String name = (table.equals("opinions") ? "y-kien-" : "giao-viec-") + fileStem(plan) + "." + format;
    return new Download(name, xlsx ? Download.XLSX : Download.CSV, bytes);
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
