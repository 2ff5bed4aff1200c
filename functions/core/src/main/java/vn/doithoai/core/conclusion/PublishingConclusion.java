package vn.doithoai.core.conclusion;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import vn.doithoai.core.common.Role;
import vn.doithoai.core.common.Actor;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.Html;
import vn.doithoai.core.common.Ids;
import vn.doithoai.core.common.Input;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.commune.Communes;
import vn.doithoai.core.mail.AgencyMails;
import vn.doithoai.core.mail.OutgoingMail;
import vn.doithoai.core.meeting.MeetingRecord;
import vn.doithoai.core.opinion.HandlingOpinions;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.Opinions;
import vn.doithoai.core.plan.Plan;
import vn.doithoai.core.plan.PlanSchedules;
import vn.doithoai.core.plan.PlanStatus;
import vn.doithoai.core.plan.Plans;
import vn.doithoai.core.rules.DeadlineScheduling;

/**
 * From the meeting to the published conclusion notice: record the meeting (the plan is held), draft the
 * notice from its outcomes, edit, approve (the host), publish — numbered from the issuer's counter, stored
 * immutable, e-mailed to the commune's offices and to every raiser of an included opinion, shown on the public
 * page and feed; the plan is concluded, so the answers' deadlines now count from the notice. A correction is a
 * new edition.
 */
public final class PublishingConclusion {
  private final Conclusions conclusions;
  private final Plans plans;
  private final Opinions opinions;
  private final HandlingOpinions handling;
  private final Communes communes;
  private final PlanSchedules schedules;
  private final String publicBaseUrl;
  private final AgencyMails agencyMails;
  private final Clock clock;

  public PublishingConclusion(Conclusions conclusions, Plans plans, Opinions opinions, HandlingOpinions handling,
      Communes communes, PlanSchedules schedules, String publicBaseUrl, Clock clock) {
    this.conclusions = Objects.requireNonNull(conclusions);
    this.plans = Objects.requireNonNull(plans);
    this.opinions = Objects.requireNonNull(opinions);
    this.handling = Objects.requireNonNull(handling);
    this.communes = Objects.requireNonNull(communes);
    this.schedules = Objects.requireNonNull(schedules);
    this.publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.replaceAll("/+$", "");
    this.agencyMails = new AgencyMails(this.publicBaseUrl);
    this.clock = Objects.requireNonNull(clock);
  }

  /** Biên bản: the meeting's record; the plan is held. */
  public MeetingRecord recordMeeting(Actor actor, String planId, String meetingId, Input in) {
    actor.require("ghi biên bản hội nghị", Role.OFFICE, Role.HOST);
    Plan plan = plan(actor, planId);
    if (plan.content().meeting(meetingId).isEmpty()) {
      throw DomainException.notFound("cuộc đối thoại " + meetingId);
    }
    MeetingRecord record = MeetingRecord.read(meetingId, in);
    for (MeetingRecord.Raised r : record.raised()) {
      if (opinions.find(actor.communeId(), r.opinionId()).isEmpty()) {
        throw DomainException.invalid(List.of(new vn.doithoai.core.common.FieldError("raised",
            "Không tìm thấy ý kiến " + r.opinionId() + " trong xã.")));
      }
    }
    conclusions.saveRecord(actor.communeId(), planId, record);
    handling.answeredAtMeeting(actor, planId, record.raised());
    Plan held = plan;
    if (plan.status() == PlanStatus.ANNOUNCED && plan.content().meeting(meetingId).get().ahead()) {
      held = plan.hold(meetingId, actor, clock.instant());
      plans.save(held, schedules.openDeadlines(held));
    }
    // a second write: a retry of the record after a crash here meets them then
    Plan met = held.metByMeeting(meetingId, schedules.fulfilledByMeeting(held, meetingId), actor, clock.instant());
    if (met != held) {
      plans.save(met, schedules.openDeadlines(met));
    }
    return record;
  }

  public Conclusion draft(Actor actor, String planId, String meetingId) {
    actor.require("dự thảo thông báo kết luận", Role.OFFICE, Role.HOST);
    Plan plan = plan(actor, planId);
    MeetingRecord record = conclusions.record(actor.communeId(), planId, meetingId).orElseThrow(() ->
        DomainException.conflict("meeting_not_recorded", "Cần ghi biên bản hội nghị trước khi dự thảo kết luận."));
    List<Opinion> ofPlan = opinions.byPlan(actor.communeId(), Optional.of(planId), Optional.empty(),
        Optional.empty(), Optional.empty());
    Conclusion c = DraftingConclusion.draft(Ids.newId("c"), plan, record, ofPlan, actor, clock.instant());
    conclusions.create(c);
    return c;
  }

  public Conclusion edit(Actor actor, String id, Input in) {
    actor.require("sửa dự thảo kết luận", Role.OFFICE, Role.HOST);
    Conclusion c = load(actor, id);
    Conclusion.Content old = c.content();
    Conclusion.Signer s = old.signer();
    if (in.has("signerName") && in.text("signerName", 120).filter(x -> !x.isBlank()).isEmpty()) {
      in.error("signerName", "Nhập họ tên người ký thông báo.");
    }
    if (in.has("signerPosition") && in.text("signerPosition", 100).filter(x -> !x.isBlank()).isEmpty()) {
      in.error("signerPosition", "Nhập chức vụ người ký (ví dụ: Bí thư, Chủ tịch).");
    }
    Conclusion.Signer signer = new Conclusion.Signer(s.mode(), s.authority(),
        in.text("signerPosition", 100).orElse(s.position()), in.text("signerName", 120).orElse(s.name()));
    String mode = in.text("signerMode", 10).orElse(signer.mode());
    if (!List.of("TM.", "KT.", "TL.", "T/M", "K/T", "T/L").contains(mode)) {
      in.error("signerMode", "Chọn TM., KT. hoặc TL. (văn bản nhà nước); T/M, K/T hoặc T/L (văn bản của Đảng).");
    }
    List<String> distribution = in.has("distribution") ? in.texts("distribution", 60, 300) : old.distribution();
    List<List<Conclusion.Item>> items = ConclusionItems.read(in, old);
    Conclusion.Content next = new Conclusion.Content(in.text("title", 500).orElse(old.title()),
        in.text("discussed", 20_000).orElse(old.discussed()), items.get(0), items.get(1), items.get(2),
        items.get(3), in.text("closing", 5000).orElse(old.closing()),
        new Conclusion.Signer(mode, signer.authority(), signer.position(), signer.name()), distribution);
    in.check();
    checkVersion(in, c);
    Conclusion edited = c.edit(next, actor, clock.instant());
    conclusions.save(edited, List.of());
    return edited;
  }

  /**
   * Before publishing: removes {@code phrase} from the matters' texts, or with {@code notPersonal: true}
   * confirms that a flagged phrase is not a person's data. Either is audited without the phrase.
   */
  public Conclusion redact(Actor actor, String id, Input in) {
    actor.require("ẩn thông tin cá nhân trong thông báo kết luận", Role.OFFICE, Role.HOST);
    Conclusion c = load(actor, id);
    String phrase = in.requiredText("phrase", 500, "cụm từ cần ẩn");
    boolean notPersonal = in.bool("notPersonal").orElse(false);
    in.check();
    checkVersion(in, c);
    if (notPersonal && PersonalDataReview.open(c).stream().noneMatch(f -> f.text().equals(phrase))) {
      throw DomainException.invalid(List.of(new vn.doithoai.core.common.FieldError("phrase",
          "Cụm từ này không nằm trong các cụm được đánh dấu là thông tin cá nhân.")));
    }
    Conclusion next = notPersonal ? c.markNotPersonal(phrase, actor, clock.instant())
        : c.redact(phrase, actor, clock.instant());
    conclusions.save(next, List.of());
    return next;
  }

  public Conclusion approve(Actor actor, String id, Input in) {
    actor.require("duyệt thông báo kết luận", Role.HOST);
    Conclusion c = load(actor, id);
    checkVersion(in, c);
    Conclusion approved = c.approve(actor, clock.instant());
    conclusions.save(approved, List.of());
    return approved;
  }

  /**
   * Numbers and publishes an approved notice (one write with its e-mails), then settles what follows from it:
   * the plan is concluded and the assignments whose answer clock runs from the notice are re-dated (their
   * schedules move). Publishing a notice that is already published only settles, so a retry after a crash
   * between the writes completes the work and never numbers twice.
   */
  public Conclusion publish(Actor actor, String id, Input in) {
    actor.require("ban hành thông báo kết luận", Role.OFFICE, Role.HOST);
    Instant now = clock.instant();
    LocalDate on = in.date("date").orElse(LocalDate.ofInstant(now, DeadlineScheduling.VIETNAM));
    in.check();
    Conclusion c = load(actor, id);
    Plan plan = plan(actor, c.planId());
    if (c.status() == ConclusionStatus.PUBLISHED && c.issuedOn().isPresent()) {
      Plan concluded = plan.conclude(c.issuedOn().get(), c.meetingId(), actor, now);
      settle(actor, concluded, plan, handling.recountedFromNotice(actor, concluded, assignedIds(c)));
      return c;
    }
    checkVersion(in, c);
    if (c.status() != ConclusionStatus.APPROVED) {
      throw DomainException.conflict("conclusion_not_approved",
          "Thông báo kết luận phải được người chủ trì duyệt trước khi ban hành.");
    }
    PersonalDataReview.requireResolved(c);
    Commune commune = communes.find(actor.communeId()).orElseThrow(() -> DomainException.notFound("xã"));
    Plan concluded = plan.conclude(on, c.meetingId(), actor, now);
    List<Opinion> recounted = handling.recountedFromNotice(actor, concluded, assignedIds(c));
    int seq = conclusions.next(actor.communeId(), DocumentNumber.counter(c.issuer(), "TB", on.getYear()));
    Conclusion published = c.withAssignedDue(recounted).publish(new DocumentNumber(c.issuer(), "TB", seq), on,
        actor, now);
    List<OutgoingMail> out = new ArrayList<>(mails(commune, published, now));
    out.addAll(agencyMails.noticeItems(commune, published, concluded, assigned(c, recounted), now));
    conclusions.save(published, out);
    settle(actor, concluded, plan, recounted);
    return published;
  }

  /**
   * After the notice: the plan concluded (saved), the answers re-dated; and when no opinion of the plan is left
   * waiting for an answer (none was raised, or all were answered at the meeting, forwarded or redirected), the
   * meeting's own answer deadlines ({@code opinion.…}) are met, so nobody is reminded to answer nothing.
   */
  private void settle(Actor actor, Plan concluded, Plan plan, List<Opinion> recounted) {
    if (concluded != plan) {
      plans.save(concluded, schedules.openDeadlines(concluded));
    }
    // a second write, as recording a meeting does: a retried publish meets them then
    handling.answersSettled(actor, concluded, "");
    handling.saveRecounted(actor, recounted);
  }

  /** The notice's assigned opinions as they stand once re-dated from the notice, by id. */
  private Map<String, Opinion> assigned(Conclusion c, List<Opinion> recounted) {
    Map<String, Opinion> byId = new LinkedHashMap<>();
    for (String id : assignedIds(c)) {
      opinions.find(c.communeId(), id).ifPresent(o -> byId.put(id, o));
    }
    recounted.forEach(o -> byId.put(o.id(), o));
    return byId;
  }

  private static List<String> assignedIds(Conclusion c) {
    return c.content().assigned().stream().map(Conclusion.Item::opinionId).filter(Objects::nonNull).toList();
  }

  public Conclusion correct(Actor actor, String id) {
    actor.require("đính chính thông báo kết luận", Role.OFFICE, Role.HOST);
    Conclusion correction = load(actor, id).correction(Ids.newId("c"), actor, clock.instant());
    conclusions.create(correction);
    return correction;
  }

  public Conclusion get(Actor actor, String id) {
    actor.require("xem thông báo kết luận", Role.OFFICE, Role.HOST, Role.FRONT, Role.AGENCY, Role.ADMIN);
    return load(actor, id);
  }

  public List<Conclusion> ofPlan(Actor actor, String planId) {
    actor.require("xem thông báo kết luận", Role.OFFICE, Role.HOST, Role.FRONT, Role.AGENCY, Role.ADMIN);
    plan(actor, planId);
    return conclusions.byPlan(actor.communeId(), planId);
  }

  /** A published notice for the public page; drafts are not public. */
  public Conclusion published(String communeId, String id) {
    return conclusions.find(communeId, id).filter(c -> c.status() == ConclusionStatus.PUBLISHED)
        .orElseThrow(() -> DomainException.notFound("thông báo kết luận"));
  }

  public List<Conclusion> feed(String communeId) {
    return conclusions.published(communeId, 50);
  }

  public String publicUrl(Conclusion c) {
    return publicBaseUrl + "/public/" + c.communeId() + "/conclusions/" + c.id();
  }

  /** To the commune's offices and the Front, and to every raiser (with an e-mail) of an included opinion. */
  private List<OutgoingMail> mails(Commune commune, Conclusion c, Instant now) {
    // officials are "đồng chí"; a citizen is "Ông"/"Bà" as they gave their name, else "Công dân"
    java.util.Map<String, String> to = new java.util.LinkedHashMap<>();
    for (String a : new String[] {commune.officeEmail(), commune.hostEmail(), commune.frontEmail()}) {
      if (a != null && !a.isBlank()) {
        to.putIfAbsent(a, "Kính gửi đồng chí,");
      }
    }
    List<Conclusion.Item> items = new ArrayList<>();
    items.addAll(c.content().resolved());
    items.addAll(c.content().assigned());
    items.addAll(c.content().forwarded());
    items.addAll(c.content().redirected());
    for (Conclusion.Item i : items) {
      if (i.opinionId() != null) {
        opinions.find(c.communeId(), i.opinionId()).ifPresent(o -> opinions.forEachRaiser(o, r -> {
          if (r.email() != null && !r.email().isBlank()) {
            to.putIfAbsent(r.email().strip().toLowerCase(java.util.Locale.ROOT),
                vn.doithoai.core.common.Addressing.dearCitizen(r.name()));
          }
        }));
      }
    }
    String notice = c.number().map(n -> n.inSentence("Thông báo")).orElse("Thông báo");
    String subject = "[" + commune.name() + "] " + notice + ": " + c.content().title();
    String link = publicUrl(c);
    String issuer = c.issuer().vietnamese() + " " + vn.doithoai.core.common.Addressing.communeInSentence(
        commune.name());
    List<OutgoingMail> out = new ArrayList<>();
    for (java.util.Map.Entry<String, String> a : to.entrySet()) {
      String dear = a.getValue();
      String text = dear + "\n\n" + issuer + " đã ban hành " + notice + " về " + c.content().title()
          + ".\n\nToàn văn thông báo: " + link + "\n\nTrân trọng,\n" + commune.name();
      String html = "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + Html.escape(subject)
          + "</title></head><body><p>" + Html.escape(dear) + "</p><p>" + Html.escape(issuer) + " đã ban hành "
          + Html.escape(notice) + " về " + Html.escape(c.content().title()) + ".</p><p><a href=\"" + Html.escape(link)
          + "\">Xem toàn văn thông báo</a></p><p>Trân trọng,<br>" + Html.escape(commune.name()) + "</p></body></html>";
      out.add(new OutgoingMail(vn.doithoai.core.mail.ContactIds.messageId("mail#" + c.id() + "#published", a.getKey()),
          commune.id(), a.getKey(), subject, text, html, "conclusion.published", now));
    }
    return out;
  }

  private Plan plan(Actor actor, String planId) {
    return plans.find(actor.communeId(), planId).orElseThrow(() -> DomainException.notFound("kế hoạch"));
  }

  private Conclusion load(Actor actor, String id) {
    return conclusions.find(actor.communeId(), id).orElseThrow(() -> DomainException.notFound("thông báo kết luận"));
  }

  private static void checkVersion(Input in, Conclusion c) {
    long expected = in.integer("version", 1, Integer.MAX_VALUE).map(Integer::longValue).orElse(c.version());
    in.check();
    if (expected != c.version()) {
      throw DomainException.staleVersion();
    }
  }

}
