package vn.doithoai.core.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import vn.doithoai.core.common.Role;
import vn.doithoai.core.common.Actor;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.FieldError;
import vn.doithoai.core.common.Input;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.commune.Communes;
import vn.doithoai.core.conclusion.ConclusionStatus;
import vn.doithoai.core.conclusion.Conclusions;
import vn.doithoai.core.conclusion.DocumentNumber;
import vn.doithoai.core.mail.OutgoingMail;
import vn.doithoai.core.meeting.MeetingRecord;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.OpinionStatus;
import vn.doithoai.core.opinion.Opinions;
import vn.doithoai.core.stats.DialogueStatistics;
import vn.doithoai.core.stats.Outcome;
import vn.doithoai.core.stats.Timeliness;
import vn.doithoai.core.plan.Plan;
import vn.doithoai.core.plan.PlanParts;
import vn.doithoai.core.plan.PlanSchedules;
import vn.doithoai.core.plan.Plans;
import vn.doithoai.core.rules.DeadlineScheduling;

/**
 * After the conclusion notice: the results report (what became of every matter, on time or not, and of the
 * items carried over), sent numbered to the standing committee and the Front; and the carry-over of a
 * previous dialogue's open and overdue items into a new plan.
 */
public final class FollowingUp {
  private final Plans plans;
  private final Opinions opinions;
  private final Conclusions conclusions;
  private final Reports reports;
  private final Communes communes;
  private final PlanSchedules schedules;
  private final ReportRenderer renderHtml;
  private final Clock clock;

  /** The report as HTML for the e-mail's HTML part (the official document). */
  @FunctionalInterface
  public interface ReportRenderer {
    String html(ResultsReport report, Plan plan, Commune commune);
  }

  public FollowingUp(Plans plans, Opinions opinions, Conclusions conclusions, Reports reports, Communes communes,
      PlanSchedules schedules, ReportRenderer renderHtml, Clock clock) {
    this.plans = Objects.requireNonNull(plans);
    this.opinions = Objects.requireNonNull(opinions);
    this.conclusions = Objects.requireNonNull(conclusions);
    this.reports = Objects.requireNonNull(reports);
    this.communes = Objects.requireNonNull(communes);
    this.schedules = Objects.requireNonNull(schedules);
    this.renderHtml = Objects.requireNonNull(renderHtml);
    this.clock = Objects.requireNonNull(clock);
  }

  /** The report as of today, not numbered (a draft the office reads before sending). */
  public ResultsReport report(Actor actor, String planId) {
    actor.require("xem báo cáo kết quả", Role.OFFICE, Role.HOST, Role.FRONT, Role.ADMIN);
    return build(plan(actor, planId), today());
  }

  /**
   * Numbers the report ({@code Số: 3/BC-UBND}, {@code Số 3-BC/ĐU}), stores it as sent with its e-mails to the
   * host (for the standing committee) and the Front, copied to the office, and marks the plan's results-report
   * deadline met.
   */
  public ResultsReport send(Actor actor, String planId, Input in) {
    actor.require("gửi báo cáo kết quả", Role.OFFICE, Role.HOST);
    Plan plan = plan(actor, planId);
    LocalDate on = in.date("date").orElse(today());
    in.check();
    if (plan.conclusionDate().isEmpty()) {
      throw DomainException.conflict("plan_not_concluded",
          "Cần ban hành thông báo kết luận trước khi báo cáo kết quả đối thoại.");
    }
    Commune commune = communes.find(actor.communeId()).orElseThrow(() -> DomainException.notFound("xã"));
    Set<String> to = new LinkedHashSet<>();
    for (String a : new String[] {commune.hostEmail(), commune.frontEmail()}) {
      if (a != null && !a.isBlank()) {
        to.add(a);
      }
    }
    if (to.isEmpty()) {
      throw DomainException.invalid(List.of(new FieldError("commune",
          "Xã chưa khai báo địa chỉ e-mail của người chủ trì hoặc Ủy ban MTTQ để gửi báo cáo.")));
    }
    int seq = conclusions.next(actor.communeId(), DocumentNumber.counter(plan.content().issuer(), "BC",
        on.getYear()));
    ResultsReport numbered = build(plan, on).numbered(new DocumentNumber(plan.content().issuer(), "BC", seq), on);
    reports.save(numbered, mails(commune, plan, numbered, to, clock.instant()));
    Plan reported = plan.reported(numbered.number().get().inSentence("Báo cáo"), actor, clock.instant());
    plans.save(reported, schedules.openDeadlines(reported));
    return numbered;
  }

  public List<ResultsReport> sent(Actor actor, String planId) {
    actor.require("xem báo cáo kết quả", Role.OFFICE, Role.HOST, Role.FRONT, Role.ADMIN);
    plan(actor, planId);
    return reports.byPlan(actor.communeId(), planId);
  }

  /**
   * Takes the open and overdue items of an earlier dialogue (and those it had itself carried and are still
   * open) into this plan, whose results report then says what became of them.
   */
  public Plan carryOver(Actor actor, String planId, Input in) {
    actor.require("chuyển nội dung từ kỳ đối thoại trước", Role.OFFICE, Role.HOST);
    Plan plan = plan(actor, planId);
    String from = in.requiredText("from", 40, "kế hoạch kỳ trước");
    in.check();
    Plan previous = plans.find(actor.communeId(), from).orElseThrow(() -> DomainException.invalid(List.of(
        new FieldError("from", "Không tìm thấy kế hoạch kỳ trước trong xã."))));
    LocalDate today = today();
    List<Plan.Carried> items = new ArrayList<>();
    for (Opinion o : opinions.byPlan(actor.communeId(), Optional.of(from), Optional.empty(), Optional.empty(),
        Optional.empty())) {
      if (o.status() == OpinionStatus.ACCEPTED || o.status() == OpinionStatus.ASSIGNED) {
        items.add(new Plan.Carried(o.id(), from, o.trackingCode(),
            Timeliness.of(o, today).filter(t -> t == Timeliness.OVERDUE).isPresent()));
      }
    }
    for (Plan.Carried c : previous.carriedOver()) {
      opinions.find(actor.communeId(), c.opinionId()).filter(o -> o.status() == OpinionStatus.ACCEPTED
          || o.status() == OpinionStatus.ASSIGNED).ifPresent(o -> items.add(new Plan.Carried(o.id(),
          c.fromPlanId(), o.trackingCode(), Timeliness.of(o, today).filter(t -> t == Timeliness.OVERDUE)
              .isPresent())));
    }
    Plan next = plan.carryOver(from, items, actor, clock.instant());
    plans.save(next, schedules.openDeadlines(next));
    return next;
  }

  ResultsReport build(Plan plan, LocalDate asOf) {
    List<ResultsReport.MeetingLine> meetings = new ArrayList<>();
    for (PlanParts.Meeting m : plan.content().meetings()) {
      Optional<MeetingRecord> r = conclusions.record(plan.communeId(), plan.id(), m.id());
      if (r.isPresent()) {
        meetings.add(new ResultsReport.MeetingLine(m.id(), m.date().orElse(null), m.venue(), r.get().attendees()));
      }
    }
    List<String> notices = conclusions.byPlan(plan.communeId(), plan.id()).stream()
        .filter(c -> c.status() == ConclusionStatus.PUBLISHED)
        .map(c -> c.number().map(n -> n.inSentence("Thông báo")).orElse("Thông báo") + " ngày "
            + c.issuedOn().map(vn.doithoai.core.calendar.VietnameseDates::format).orElse(""))
        .toList();
    List<Opinion> all = opinions.byPlan(plan.communeId(), Optional.of(plan.id()), Optional.empty(),
        Optional.empty(), Optional.empty());
    List<ResultsReport.Line> lines = all.stream().filter(o -> o.status() != OpinionStatus.MERGED)
        .map(o -> line(o, asOf, null)).toList();
    List<ResultsReport.Line> carried = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Plan.Carried c : plan.carriedOver()) {
      if (seen.add(c.opinionId())) {
        opinions.find(plan.communeId(), c.opinionId()).ifPresent(o -> carried.add(line(o, asOf, c.fromPlanId())));
      }
    }
    // the same counting as the statistics, so a report and the statistics page never disagree
    DialogueStatistics stats = DialogueStatistics.forPlan(plan.id(), all, asOf);
    DialogueStatistics.Answers a = stats.answers();
    ResultsReport.Counts counts = new ResultsReport.Counts(stats.opinions(), count(stats, Outcome.ANSWERED_AT_MEETING),
        a.assigned(), a.onTime(), a.late(), a.overdueUnanswered(), a.inProgress(), count(stats, Outcome.FORWARDED),
        count(stats, Outcome.REDIRECTED), count(stats, Outcome.REFUSED));
    return new ResultsReport(plan.communeId(), plan.id(), plan.content().issuer(), plan.content().number(),
        plan.content().title(), asOf, Optional.empty(), meetings, notices, counts, lines, carried)
        .bounded(ResultsReport.DETAIL_MAX, "y-kien-" + Exporting.fileStem(plan) + ".xlsx");
  }

  private static int count(DialogueStatistics stats, Outcome outcome) {
    return stats.byOutcome().stream().filter(c -> c.code().equals(outcome.code())).mapToInt(
        DialogueStatistics.Count::opinions).sum();
  }

  private static ResultsReport.Line line(Opinion o, LocalDate asOf, String fromPlanId) {
    return new ResultsReport.Line(o.id(), o.trackingCode(), o.content(), o.status().vietnamese(),
        o.assignment().map(a -> a.agencyName()).orElse(null), o.assignment().map(a -> a.currentDue()).orElse(null),
        Timeliness.of(o, asOf).map(Timeliness::code).orElse(null), o.answer().map(Timeliness::answeredOn).orElse(null),
        o.answer().map(a -> a.text()).orElse(null), fromPlanId);
  }

  private List<OutgoingMail> mails(Commune commune, Plan plan, ResultsReport r, Set<String> to, Instant now) {
    String report = r.number().map(n -> n.inSentence("Báo cáo")).orElse("Báo cáo");
    String subject = "[" + commune.name() + "] " + report + " kết quả đối thoại: " + r.planTitle();
    ResultsReport.Counts c = r.counts();
    StringBuilder text = new StringBuilder("Kính gửi Thường trực Đảng ủy và Ủy ban Mặt trận Tổ quốc Việt Nam ")
        .append(commune.name().replaceFirst("^(Xã|Phường)\\s+", "xã ")).append(",\n\n").append(commune.name())
        .append(" báo cáo kết quả đối thoại theo ").append(planInSentence(r.planNumber())).append(" (").append(report)
        .append(", ngày ").append(vn.doithoai.core.calendar.VietnameseDates.format(r.asOf())).append("):\n")
        .append("- Tổng số ý kiến, kiến nghị: ").append(c.total()).append("\n")
        .append("- Trả lời tại hội nghị: ").append(c.atMeeting()).append("\n")
        .append("- Giao cơ quan giải quyết: ").append(c.assigned()).append(" (đúng hạn ").append(c.onTime())
        .append(", trễ hạn ").append(c.late()).append(", quá hạn chưa trả lời ").append(c.overdue())
        .append(", đang giải quyết ").append(c.inProgress()).append(")\n")
        .append("- Chuyển cơ quan cấp trên: ").append(c.forwarded()).append("; hướng dẫn khiếu nại, tố cáo: ")
        .append(c.redirected()).append("\n")
        .append("- Nội dung chuyển từ kỳ trước: ").append(r.carried().size()).append("\n");
    if (!r.overdue().isEmpty()) {
      text.append("\nCác nội dung quá hạn chưa trả lời:\n");
      r.overdue().forEach(l -> text.append("- ").append(l.trackingCode()).append(" (").append(l.agency())
          .append(", hạn ").append(l.due() == null ? "" : vn.doithoai.core.calendar.VietnameseDates.format(l.due()))
          .append(")\n"));
    }
    text.append("\nToàn văn báo cáo ở phần HTML của thư này.\n\nTrân trọng,\n").append(commune.name());
    String html = renderHtml.html(r, plan, commune);
    List<String> cc = commune.officeEmail() == null || commune.officeEmail().isBlank() ? List.of()
        : List.of(commune.officeEmail());
    List<OutgoingMail> out = new ArrayList<>();
    for (String address : to) {
      out.add(new OutgoingMail(vn.doithoai.core.mail.ContactIds.messageId("mail#report#" + r.planId() + "#"
          + r.number().get().sequence(), address),
          commune.id(), address, subject, text.toString(), html, "report.sent", now, cc));
    }
    return out;
  }

  /** "Kế hoạch số 12-KH/ĐU" from the number as the office typed it; "Kế hoạch" alone when it has none. */
  static String planInSentence(String planNumber) {
    return DocumentNumber.inSentence("Kế hoạch", planNumber);
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), DeadlineScheduling.VIETNAM);
  }

  private Plan plan(Actor actor, String planId) {
    return plans.find(actor.communeId(), planId).orElseThrow(() -> DomainException.notFound("kế hoạch"));
  }

}
