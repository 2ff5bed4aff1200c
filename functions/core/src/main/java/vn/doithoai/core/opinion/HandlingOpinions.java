package vn.doithoai.core.opinion;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.doithoai.core.common.Role;
import vn.doithoai.core.common.Actor;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.Ids;
import vn.doithoai.core.common.Input;
import vn.doithoai.core.commune.Agency;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.commune.Communes;
import vn.doithoai.core.mail.AgencyMails;
import vn.doithoai.core.mail.CitizenMails;
import vn.doithoai.core.mail.OutgoingMail;
import vn.doithoai.core.opinion.OpinionParts.Answer;
import vn.doithoai.core.opinion.OpinionParts.Compiled;
import vn.doithoai.core.opinion.OpinionParts.Evidence;
import vn.doithoai.core.opinion.OpinionParts.Raiser;
import vn.doithoai.core.mail.RaiserLetter;
import vn.doithoai.core.plan.Plan;
import vn.doithoai.core.plan.Plans;
import vn.doithoai.core.rules.DeadlineScheduling;

/**
 * Staff work on opinions: entering one on behalf of a citizen or a compiled list from the Front, a union or
 * a village; triage (accept, redirect as a complaint or denunciation, forward upward, refuse, merge); assign
 * to an agency; answer; extend; close. The office and the host triage and assign; an agency sees and
 * answers only what is assigned to it; the Front reads everything and enters compiled lists.
 */
public final class HandlingOpinions {
  private final Opinions opinions;
  private final Communes communes;
  private final Plans plans;
  private final AssignmentDeadlines deadlines;
  private final CitizenMails mails;
  private final AgencyMails agencyMails;
  private final Clock clock;
  private final vn.doithoai.core.plan.PlanSchedules schedules;

  public HandlingOpinions(Opinions opinions, Communes communes, Plans plans, AssignmentDeadlines deadlines,
      CitizenMails mails, AgencyMails agencyMails, vn.doithoai.core.plan.PlanSchedules schedules, Clock clock) {
    this.schedules = Objects.requireNonNull(schedules);
    this.opinions = Objects.requireNonNull(opinions);
    this.communes = Objects.requireNonNull(communes);
    this.plans = Objects.requireNonNull(plans);
    this.deadlines = Objects.requireNonNull(deadlines);
    this.mails = Objects.requireNonNull(mails);
    this.agencyMails = Objects.requireNonNull(agencyMails);
    this.clock = Objects.requireNonNull(clock);
  }

  /** Only the hosted form says an opinion came through it (and whether its proof of work was solved). */
  private static void notHostedForm(Input in, Channel channel) {
    if (channel == Channel.PUBLIC_FORM || channel == Channel.PUBLIC_FORM_UNVERIFIED) {
      in.error("channel", "Kênh này chỉ dành cho ý kiến gửi qua biểu mẫu trên trang công khai; chọn kênh tiếp nhận khác.");
    }
  }

  /** An opinion entered by staff for a citizen (at the office, from a question card, spoken at the meeting). */
  public Opinion enter(Actor actor, Input in) {
    actor.require("nhập ý kiến", Role.OFFICE, Role.HOST, Role.FRONT);
    Commune commune = commune(actor);
    Optional<String> planId = plan(actor, in);
    Channel channel = in.choice("channel", Channel.class).orElse(Channel.STAFF_ENTRY);
    notHostedForm(in, channel);
    String content = in.requiredText("content", 5000, "nội dung ý kiến");
    OpinionField field = in.choice("field", OpinionField.class).orElse(OpinionField.OTHER);
    List<Raiser> raisers = in.objects("raisers", 50, HandlingOpinions::raiser);
    if (raisers.isEmpty()) {
      in.error("raisers", "Cần ít nhất một người nêu ý kiến.");
    }
    in.check();
    Instant now = clock.instant();
    // the opinion's key is its tracking code (Ids.opinionIdFor); a code already taken in the commune (about
    // N / 2^40 for N opinions) fails the conditional put, and a fresh code is drawn
    for (int attempt = 0; ; attempt++) {
      String code = Ids.trackingCode();
      Opinion o = Opinion.received(Ids.opinionIdFor(code), commune.id(), planId, code, content, field, channel,
          raisers, Optional.empty(), now, actor);
      try {
        opinions.create(List.of(o), List.of()); // its acknowledgement follows from the table's stream
        return o;
      } catch (DomainException e) {
        if (attempt >= 2 || !"already_exists".equals(e.code())) {
          throw e;
        }
      }
    }
  }

  /** A list compiled by the Front, a union, a village or a party cell: each item one matter with its count. */
  public List<Opinion> enterCompiled(Actor actor, Input in) {
    actor.require("nhập danh sách tổng hợp", Role.OFFICE, Role.HOST, Role.FRONT);
    Commune commune = commune(actor);
    Optional<String> planId = plan(actor, in);
    String organisation = in.requiredText("organisation", 200, "tổ chức tổng hợp");
    Channel channel = in.choice("channel", Channel.class).orElse(Channel.FRONT);
    notHostedForm(in, channel);
    Instant now = clock.instant();
    List<Opinion> list = in.objects("items", 300, item -> {
      String content = item.requiredText("content", 5000, "nội dung ý kiến");
      OpinionField field = item.choice("field", OpinionField.class).orElse(OpinionField.OTHER);
      int count = item.integer("count", 1, 1_000_000).orElse(1);
      List<Raiser> raisers = item.objects("raisers", 50, HandlingOpinions::raiser);
      String code = Ids.trackingCode();
      return Opinion.received(Ids.opinionIdFor(code), commune.id(), planId, code, content, field, channel,
          raisers, Optional.of(new Compiled(organisation, Math.max(count, raisers.size()))), now, actor);
    });
    if (list.isEmpty() && in.has("items")) {
      in.error("items", "Danh sách tổng hợp trống.");
    } else if (!in.has("items")) {
      in.error("items", "Vui lòng nhập các ý kiến đã tổng hợp.");
    }
    in.check();
    opinions.create(list, List.of()); // each acknowledgement follows from the table's stream
    return list;
  }

  /** Triage: accept for the dialogue, redirect (complaint or denunciation), forward upward, or refuse. */
  public Opinion triage(Actor actor, String opinionId, Input in) {
    actor.require("phân loại ý kiến", Role.OFFICE, Role.HOST);
    String decision = in.requiredText("decision", 20, "quyết định phân loại (accept, redirect, forward, refuse)");
    in.check();
    return switch (decision) {
      case "accept" -> accept(actor, opinionId, in);
      case "redirect" -> redirect(actor, opinionId, in);
      case "forward" -> forward(actor, opinionId, in);
      case "refuse" -> refuse(actor, opinionId, in);
      default -> throw DomainException.invalid(List.of(new vn.doithoai.core.common.FieldError("decision",
          "Chọn một trong: accept, redirect, forward, refuse.")));
    };
  }

  public Opinion accept(Actor actor, String opinionId, Input in) {
    actor.require("đưa ý kiến vào đối thoại", Role.OFFICE, Role.HOST);
    Optional<String> planId = plan(actor, in);
    Optional<OpinionField> field = in.choice("field", OpinionField.class);
    in.check();
    Opinion o = load(actor, opinionId);
    checkVersion(in, o);
    Opinion next = o.accept(planId, field.orElse(o.field()), actor, clock.instant());
    persist(actor, List.of(next), List.of());
    return next;
  }

  public Opinion redirect(Actor actor, String opinionId, Input in) {
    actor.require("hướng dẫn khiếu nại, tố cáo", Role.OFFICE, Role.HOST);
    OpinionParts.RedirectKind kind = in.choice("kind", OpinionParts.RedirectKind.class).orElse(null);
    if (!in.has("kind")) {
      in.error("kind", "Chọn complaint (khiếu nại) hoặc denunciation (tố cáo).");
    }
    Optional<String> guidance = in.text("guidance", 3000);
    Optional<String> planId = plan(actor, in);
    in.check();
    Opinion o = load(actor, opinionId);
    checkVersion(in, o);
    if (o.status() == OpinionStatus.REDIRECTED) {
      return attached(actor, o, planId);
    }
    return saveAndTell(actor, o.redirect(planId, kind, guidance.orElse(kind.defaultGuidance()), actor,
        clock.instant()), "redirected");
  }

  public Opinion forward(Actor actor, String opinionId, Input in) {
    actor.require("chuyển ý kiến lên cấp trên", Role.OFFICE, Role.HOST);
    String body = in.requiredText("body", 300, "cơ quan cấp trên nhận chuyển");
    String note = in.text("note", 2000).orElse("");
    Optional<String> planId = plan(actor, in);
    in.check();
    Opinion o = load(actor, opinionId);
    checkVersion(in, o);
    if (o.status() == OpinionStatus.FORWARDED) {
      return attached(actor, o, planId);
    }
    return saveAndTell(actor, o.forward(planId, "Ý kiến đã được chuyển đến " + body + " để xem xét, giải quyết theo "
        + "thẩm quyền.", note, actor, clock.instant()), "forwarded");
  }

  /** The same decision sent again with a plan attaches a forwarded or redirected opinion that has none. */
  private Opinion attached(Actor actor, Opinion o, Optional<String> planId) {
    if (planId.isEmpty()) {
      throw DomainException.invalid(List.of(new vn.doithoai.core.common.FieldError("plan",
          "Ý kiến đã được xử lý theo quyết định này; chỉ gửi lại kèm kế hoạch (plan) để gắn ý kiến vào kế "
              + "hoạch.")));
    }
    Opinion next = o.attach(planId.get(), actor, clock.instant());
    persist(actor, List.of(next), List.of());
    return next;
  }

  public Opinion refuse(Actor actor, String opinionId, Input in) {
    actor.require("từ chối ý kiến", Role.OFFICE, Role.HOST);
    OpinionParts.RefusalReason reason = in.choice("reason", OpinionParts.RefusalReason.class).orElse(null);
    if (!in.has("reason")) {
      in.error("reason", "Chọn lý do: " + vn.doithoai.core.common.Input.choices(OpinionParts.RefusalReason.class)
          + ".");
    }
    String note = in.text("note", 2000).orElse("");
    in.check();
    Opinion o = load(actor, opinionId);
    checkVersion(in, o);
    return saveAndTell(actor, o.refuse(reason, note, actor, clock.instant()), "refused");
  }

  /** Gộp: the same concern raised again is one matter with many raisers. */
  public Opinion merge(Actor actor, String opinionId, Input in) {
    actor.require("gộp ý kiến", Role.OFFICE, Role.HOST);
    String into = in.requiredId("into", "ý kiến đích");
    in.check();
    Opinion o = load(actor, opinionId);
    checkVersion(in, o);
    for (int attempt = 0; ; attempt++) {
      Opinion target = load(actor, into);
      Instant now = clock.instant();
      Opinion merged = o.mergeInto(target, actor, now);
      Opinion absorbed = target.absorb(o, actor, now);
      try {
        opinions.merge(merged, absorbed, MergedRaisers.of(target, o, now, actor));
        return absorbed;
      } catch (DomainException e) {
        // another merge into the same matter went first: merges commute, so read the matter again and retry
        Opinion source = load(actor, opinionId);
        if (attempt >= 4 || !e.code().equals("version_conflict") || source.version() != o.version()) {
          throw e;
        }
      }
    }
  }

  public Opinion assign(Actor actor, String opinionId, Input in) {
    actor.require("giao cơ quan giải quyết", Role.OFFICE, Role.HOST);
    String agencyId = in.requiredText("agency", 40, "cơ quan được giao");
    Optional<LocalDate> requested = in.date("due");
    boolean preview = in.bool("preview").orElse(false);
    in.check();
    Opinion o = load(actor, opinionId);
    checkVersion(in, o);
    Commune commune = commune(actor);
    Agency agency = commune.agency(agencyId).orElseThrow(() -> DomainException.invalid(List.of(
        new vn.doithoai.core.common.FieldError("agency", "Xã chưa khai báo cơ quan '" + agencyId + "'."))));
    LocalDate today = LocalDate.ofInstant(clock.instant(), DeadlineScheduling.VIETNAM);
    Optional<Plan> plan = o.planId().flatMap(p -> plans.find(commune.id(), p));
    String profile = plan.map(p -> p.content().profileId()).orElse(commune.profileId());
    AssignmentDeadlines.Dates dates = deadlines.forAssignment(commune.id(), profile, plan, today);
    LocalDate due = dates.due();
    if (requested.isPresent()) {
      if (requested.get().isAfter(dates.due()) || requested.get().isBefore(today)) {
        throw DomainException.invalid(List.of(new vn.doithoai.core.common.FieldError("due",
            "Hạn giao phải từ hôm nay đến chậm nhất "
                + vn.doithoai.core.calendar.VietnameseDates.format(dates.due()) + " theo bộ quy tắc " + profile + ".")));
      }
      due = requested.get();
    }
    Opinion next = o.assign(agency.id(), agency.name(), due, dates.cap(), actor, clock.instant());
    if (preview) {
      return next; // the due date and cap shown before the user confirms: nothing is stored
    }
    persist(commune, List.of(next), agencyMails.assigned(commune, next, plan, clock.instant()));
    return next;
  }

  public Opinion answer(Actor actor, String opinionId, Input in) {
    actor.require("trả lời ý kiến", Role.OFFICE, Role.HOST, Role.AGENCY);
    String text = in.requiredText("text", 10000, "nội dung trả lời");
    String mode = in.text("mode", 20).orElse("written");
    if (!mode.equals("written") && !mode.equals("at-meeting")) {
      in.error("mode", "Chọn written (bằng văn bản) hoặc at-meeting (tại hội nghị).");
    }
    List<Evidence> evidence = in.objects("evidence", 20, e -> {
      String url = e.requiredText("url", 1000, "đường dẫn tài liệu");
      if (!url.isEmpty() && !url.startsWith("https://") && !url.startsWith("http://")) {
        e.error("url", "Đường dẫn phải bắt đầu bằng https://.");
      }
      return new Evidence(e.requiredText("name", 300, "tên tài liệu"), url);
    });
    in.check();
    Opinion o = load(actor, opinionId);
    requireOwnAssignment(actor, o);
    checkVersion(in, o);
    Answer a = new Answer(text, mode.equals("at-meeting"), evidence, clock.instant(), actor.id());
    Opinion answered = saveAndTell(actor, o.answer(a, actor, clock.instant()), "answered");
    answered.planId().flatMap(p -> plans.find(actor.communeId(), p)).ifPresent(p -> answersSettled(actor, p,
        answered.id()));
    return answered;
  }

  private static final java.util.Set<OpinionStatus> WAITING = java.util.EnumSet.of(OpinionStatus.RECEIVED,
      OpinionStatus.ACCEPTED, OpinionStatus.ASSIGNED);

  /**
   * When no opinion of the plan is left waiting for an answer (received, accepted, assigned; {@code justChanged}
   * is not counted, whatever a lagging index says of it), the answer deadlines ({@code opinion.…}) of its meetings
   * whose notice is out are met (audit {@code plan.met-nothing-to-answer}): the last answer, or a notice with
   * nothing to answer, settles them. The plan as saved.
   */
  public Plan answersSettled(Actor actor, Plan plan, String justChanged) {
    boolean waiting = opinions.byPlan(actor.communeId(), Optional.of(plan.id()), Optional.empty(), Optional.empty(),
        Optional.empty()).stream().anyMatch(o -> !o.id().equals(justChanged) && WAITING.contains(o.status()));
    if (waiting) {
      return plan;
    }
    List<String> concluded = plan.content().meetings().stream()
        .filter(m -> m.state() == vn.doithoai.core.plan.PlanParts.MeetingState.CONCLUDED).map(m -> m.id()).toList();
    List<String> keys = concluded.stream().flatMap(m -> schedules.answerDeadlines(plan, m).stream()).toList();
    Plan met = plan.metBy("plan.met-nothing-to-answer", String.join(", ", concluded), keys, actor, clock.instant());
    if (met != plan) {
      plans.save(met, schedules.openDeadlines(met));
    }
    return met;
  }

  public Opinion extend(Actor actor, String opinionId, Input in) {
    actor.require("gia hạn giải quyết", Role.OFFICE, Role.HOST, Role.AGENCY);
    LocalDate until = in.date("until").orElse(null);
    if (!in.has("until")) {
      in.error("until", "Vui lòng nhập hạn mới.");
    }
    String reason = in.requiredText("reason", 2000, "lý do gia hạn (bằng văn bản)");
    in.check();
    Opinion o = load(actor, opinionId);
    requireOwnAssignment(actor, o);
    checkVersion(in, o);
    Opinion next = o.extend(until, reason, actor, clock.instant());
    Commune commune = commune(actor);
    Optional<Plan> plan = next.planId().flatMap(p -> plans.find(commune.id(), p));
    List<OutgoingMail> out = new ArrayList<>(agencyMails.extended(commune, next, plan, clock.instant()));
    RaiserLetter letter = mails.extensionLetter(commune, next, clock.instant());
    out.addAll(letter.to(next.raisers()));
    persist(commune, List.of(next), out, next.hasMergedRaisers() ? List.of(letter) : List.of());
    return next;
  }

  public Opinion close(Actor actor, String opinionId, Input in) {
    actor.require("kết thúc ý kiến", Role.OFFICE, Role.HOST);
    String note = in.text("note", 2000).orElse("");
    in.check();
    Opinion o = load(actor, opinionId);
    checkVersion(in, o);
    Opinion next = o.close(note, actor, clock.instant());
    persist(actor, List.of(next), List.of());
    return next;
  }

  /**
   * The opinions the minutes record as answered at the meeting: accepted into the dialogue if they were not yet,
   * answered with the chair's answer, and their raisers told. One already answered is left as it is, so
   * recording the meeting again changes nothing.
   */
  public void answeredAtMeeting(Actor actor, String planId, List<vn.doithoai.core.meeting.MeetingRecord.Raised>
      raised) {
    Commune commune = commune(actor);
    Instant now = clock.instant();
    List<Opinion> changed = new ArrayList<>();
    List<OutgoingMail> out = new ArrayList<>();
    List<RaiserLetter> letters = new ArrayList<>();
    for (vn.doithoai.core.meeting.MeetingRecord.Raised r : raised) {
      if (!r.answeredAtMeeting()) {
        continue;
      }
      Opinion o = load(actor, r.opinionId());
      if (!o.status().open()) {
        continue;
      }
      Opinion answered = o.answerAtMeeting(planId, new Answer(r.answer(), true, List.of(), now, actor.id()), actor,
          now);
      changed.add(answered);
      RaiserLetter letter = mails.outcomeLetter(commune, answered, "answered", now);
      out.addAll(letter.to(answered.raisers()));
      if (answered.hasMergedRaisers()) {
        letters.add(letter);
      }
    }
    if (!changed.isEmpty()) {
      persist(commune, changed, out, letters);
    }
  }

  /**
   * The assignments among {@code opinionIds} whose answer clock now runs from the conclusion notice of
   * {@code concluded}, re-dated but not saved (see {@link #saveRecounted}); those already on the notice's dates,
   * or no longer assigned, are left out, so a retry finds nothing more to do.
   */
  public List<Opinion> recountedFromNotice(Actor actor, Plan concluded, List<String> opinionIds) {
    String profile = concluded.content().profileId();
    Optional<AssignmentDeadlines.Dates> dates = deadlines.fromNotice(concluded.communeId(), profile, concluded);
    if (dates.isEmpty()) {
      return List.of();
    }
    List<Opinion> out = new java.util.ArrayList<>();
    for (String id : opinionIds) {
      opinions.find(concluded.communeId(), id)
          .filter(o -> o.status() == OpinionStatus.ASSIGNED && o.assignment().isPresent())
          .filter(o -> !o.assignment().get().due().equals(dates.get().due())
              || !o.assignment().get().cap().equals(dates.get().cap()))
          .ifPresent(o -> out.add(o.recount(dates.get().due(), dates.get().cap(),
              "Tính từ ngày ban hành thông báo kết luận "
                  + vn.doithoai.core.calendar.VietnameseDates.format(concluded.conclusionDate().get()) + " (" + dates.get()
                  .ruleId() + ")", actor, clock.instant())));
    }
    return out;
  }

  /** Saves re-dated assignments with their moved deadlines (the schedules follow), all or nothing. */
  public void saveRecounted(Actor actor, List<Opinion> recounted) {
    if (!recounted.isEmpty()) {
      persist(commune(actor), recounted, List.of());
    }
  }

  /** Records of merged raisers shown with one opinion, a page at a time. */
  public static final int RAISERS_SHOWN = 50;

  /**
   * The raisers merged into {@code o} (already read by {@link #get} or returned by a change, so the viewer may see
   * it), a page of {@value #RAISERS_SHOWN} records from {@code after}: an opinion's view lists them with its own.
   */
  public MergedRaisers.Page mergedRaisers(Opinion o, Optional<String> after) {
    if (!o.hasMergedRaisers()) {
      return new MergedRaisers.Page(List.of(), Optional.empty());
    }
    return opinions.mergedRaisers(o.communeId(), o.id(), after, RAISERS_SHOWN);
  }

  public Opinion get(Actor actor, String opinionId) {
    actor.require("xem ý kiến", Role.OFFICE, Role.HOST, Role.FRONT, Role.AGENCY, Role.ADMIN);
    Opinion o = load(actor, opinionId);
    if (onlyAgency(actor) && !assignedTo(o, actor)) {
      throw DomainException.notFound("ý kiến");
    }
    return o;
  }

  /** Filters: plan (or none for unattached), status, field, agency. An agency sees only its own. */
  public List<Opinion> list(Actor actor, Input in) {
    actor.require("xem ý kiến", Role.OFFICE, Role.HOST, Role.FRONT, Role.AGENCY, Role.ADMIN);
    Optional<String> planId = in.id("plan");
    Optional<OpinionStatus> status = in.choice("status", OpinionStatus.class);
    Optional<OpinionField> field = in.choice("field", OpinionField.class);
    Optional<String> agency = in.id("agency");
    in.check();
    return listed(actor, planId, status, field, agency);
  }

  private List<Opinion> listed(Actor actor, Optional<String> planId, Optional<OpinionStatus> status,
      Optional<OpinionField> field, Optional<String> agency) {
    if (onlyAgency(actor)) {
      String own = actor.agencyId().orElseThrow(() -> DomainException.forbidden("xem ý kiến (thiếu mã cơ quan)"));
      if (agency.isPresent() && !agency.get().equals(own)) {
        throw DomainException.forbidden("xem ý kiến giao cho cơ quan khác");
      }
      return opinions.byAgency(actor.communeId(), own).stream()
          .filter(o -> planId.isEmpty() || o.planId().equals(planId))
          .filter(o -> status.isEmpty() || o.status() == status.get())
          .filter(o -> field.isEmpty() || o.field() == field.get()).toList();
    }
    if (agency.isPresent() && planId.isEmpty() && status.isEmpty() && field.isEmpty()) {
      return opinions.byAgency(actor.communeId(), agency.get());
    }
    return opinions.byPlan(actor.communeId(), planId, status, field, agency);
  }

  /**
   * A page of the list, read page by page from the store ({@link OpinionPaging}). Filters: {@code plan} (an id,
   * {@code *} for every plan of this year and last year with the unattached, absent for the unattached),
   * {@code status}, {@code field}, {@code agency}, {@code overdue=true}, {@code dueWithin=N} working days — all
   * applied by the store; {@code channel} and {@code q} (searched in the tracking code, content and raisers'
   * names without diacritics) applied to what is read, so such a page may hold fewer than {@code limit}
   * opinions while {@code next} continues. {@code sort=newest|due} (due: the assigned opinions, by agency; an
   * agency's own list is always by due date). {@code limit} 1–{@value OpinionPaging#MAX_LIMIT} (default
   * {@value OpinionPaging#DEFAULT_LIMIT}); {@code cursor} from the previous page, refused (400) when it belongs
   * to another commune or another query. {@code similarTo=<id>}: open opinions most like that one first — same
   * words in any order, diacritics aside, the same plan weighing more — one page ranked among the
   * {@value OpinionPaging#READ_BUDGET} newest open ones, for choosing a merge target.
   */
  public OpinionPage page(Actor actor, Input in) {
    actor.require("xem ý kiến", Role.OFFICE, Role.HOST, Role.FRONT, Role.AGENCY, Role.ADMIN);
    Optional<String> planId = in.text("plan", 40);
    boolean everyPlan = planId.filter("*"::equals).isPresent();
    Optional<OpinionStatus> status = in.choice("status", OpinionStatus.class);
    Optional<OpinionField> field = in.choice("field", OpinionField.class);
    Optional<String> agency = in.text("agency", 40);
    Optional<Channel> channel = in.choice("channel", Channel.class);
    boolean overdue = in.bool("overdue").orElse(false);
    Optional<Integer> dueWithin = in.integer("dueWithin", 0, 60);
    Optional<String> query = in.text("q", 200);
    OpinionPaging.Sort sort = in.choice("sort", OpinionPaging.Sort.class).orElse(OpinionPaging.Sort.NEWEST);
    int limit = in.integer("limit", 1, OpinionPaging.MAX_LIMIT).orElse(OpinionPaging.DEFAULT_LIMIT);
    // only the runs still going are in it (~60 characters each); an HTTP API takes 10,240 bytes of request line
    // and headers (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html)
    Optional<String> cursorText = in.text("cursor", 6000);
    Optional<String> similarTo = in.text("similarTo", 40);
    in.check();
    if (onlyAgency(actor)) {
      String own = actor.agencyId().orElseThrow(() -> DomainException.forbidden("xem ý kiến (thiếu mã cơ quan)"));
      if (agency.isPresent() && !agency.get().equals(own)) {
        throw DomainException.forbidden("xem ý kiến giao cho cơ quan khác");
      }
      agency = Optional.of(own);
      sort = OpinionPaging.Sort.DUE; // an agency's work: the gsi of its assignments, soonest due first
    }
    String communeId = actor.communeId();
    LocalDate today = LocalDate.ofInstant(clock.instant(), DeadlineScheduling.VIETNAM);
    Optional<AssignmentDeadlines.DueRange> due = overdue || dueWithin.isPresent()
        ? Optional.of(deadlines.dueRange(communeId, today, overdue ? Optional.empty() : Optional.of(0),
            overdue ? -1 : dueWithin.get()))
        : Optional.empty();
    if (overdue && dueWithin.isPresent()) {
      due = Optional.of(new AssignmentDeadlines.DueRange(deadlines.dueRange(communeId, today, Optional.of(0),
          dueWithin.get()).from(), due.get().before())); // both: an empty range
    }
    Optional<String> onePlan = planId.filter(p -> !everyPlan);
    List<Opinions.Run> runs = new ArrayList<>();
    Opinions.Narrowing narrowing;
    if (sort == OpinionPaging.Sort.DUE) {
      List<String> agencies = agency.map(List::of).orElseGet(() -> commune(actor).agencies().stream()
          .map(Agency::id).toList());
      agencies.forEach(a -> runs.add(new Opinions.Run.OfAgency(a)));
      narrowing = new Opinions.Narrowing(field, Optional.empty(), onePlan, due.isPresent()
          ? Optional.of(OpinionStatus.ASSIGNED).filter(s -> status.isEmpty() || status.get() == s) : status,
          due.flatMap(AssignmentDeadlines.DueRange::from), due.map(AssignmentDeadlines.DueRange::before));
      if (due.isPresent() && status.isPresent() && status.get() != OpinionStatus.ASSIGNED) {
        runs.clear(); // only an assigned opinion has days left
      }
    } else {
      List<Optional<String>> planScope = new ArrayList<>();
      planScope.add(everyPlan ? Optional.empty() : onePlan);
      if (everyPlan) {
        for (int y = today.getYear() - 1; y <= today.getYear(); y++) {
          plans.byYear(communeId, y).forEach(p -> planScope.add(Optional.of(p.id())));
        }
      }
      List<OpinionStatus> statuses = due.isPresent() ? List.of(OpinionStatus.ASSIGNED)
          : status.map(List::of).orElse(List.of(OpinionStatus.values()));
      for (Optional<String> p : planScope.stream().distinct().toList()) {
        for (OpinionStatus st : statuses) {
          if (status.isEmpty() || status.get() == st) {
            runs.add(new Opinions.Run.OfPlan(p, st));
          }
        }
      }
      narrowing = new Opinions.Narrowing(field, agency, Optional.empty(), Optional.empty(),
          due.flatMap(AssignmentDeadlines.DueRange::from), due.map(AssignmentDeadlines.DueRange::before));
    }
    java.util.function.Predicate<Opinion> keep = o -> (channel.isEmpty() || o.channel() == channel.get())
        && (query.isEmpty() || OpinionPaging.found(o, query.get()));
    java.util.Map<String, Optional<Integer>> left = new java.util.HashMap<>();
    java.util.function.Function<Opinion, Optional<Integer>> daysLeft =
        o -> left.computeIfAbsent(o.id(), id -> deadlines.workingDaysLeft(o, today));
    if (similarTo.isPresent()) {
      // merge candidates: open opinions, the most similar first (same words in any order, diacritics aside)
      Opinion to = get(actor, similarTo.get());
      List<Opinions.Run> open = runs.stream().filter(r -> !(r instanceof Opinions.Run.OfPlan p) || p.status().open())
          .toList();
      List<Opinion> candidates = OpinionPaging.page(opinions, communeId, "", open, narrowing, sort,
          o -> keep.test(o) && !o.id().equals(to.id()) && o.status().open(), Optional.empty(),
          OpinionPaging.READ_BUDGET, OpinionPaging.READ_BUDGET).opinions();
      List<OpinionPage.Entry> ranked = candidates.stream()
          .sorted(java.util.Comparator.comparingDouble((Opinion o) -> -likeness(to, o))
              .thenComparing(OpinionPaging.order(sort))).limit(limit)
          .map(o -> new OpinionPage.Entry(o, daysLeft.apply(o))).toList();
      return new OpinionPage(ranked, Optional.empty(), Optional.empty());
    }
    String listing = OpinionPaging.listing(communeId, sort, String.join("|", planId.orElse(""),
        status.map(Enum::name).orElse(""), field.map(Enum::name).orElse(""), agency.orElse(""),
        channel.map(Enum::name).orElse(""), Boolean.toString(overdue), dueWithin.map(String::valueOf).orElse(""),
        query.orElse(""), actor.agencyId().orElse("")));
    Optional<OpinionPaging.Cursor> cursor = Optional.empty();
    if (cursorText.isPresent()) {
      cursor = OpinionPaging.Cursor.decode(cursorText.get()).filter(c -> c.listing().equals(listing));
      if (cursor.isEmpty()) {
        in.error("cursor", "Con trỏ trang không thuộc danh sách này (khác xã hoặc khác bộ lọc); hãy tải lại danh sách.");
        in.check();
      }
    }
    OpinionPaging.Result r = OpinionPaging.page(opinions, communeId, listing, runs, narrowing, sort, keep, cursor,
        limit, OpinionPaging.READ_BUDGET);
    Optional<Long> total = cursor.isPresent() || channel.isPresent() || query.isPresent() ? Optional.empty()
        : Optional.of(runs.stream().mapToLong(run -> opinions.count(communeId, run, narrowing)).sum());
    return new OpinionPage(r.opinions().stream().map(o -> new OpinionPage.Entry(o, daysLeft.apply(o))).toList(),
        r.next(), total);
  }

  /** How like {@code to} an opinion is: its words' similarity, and a quarter more within the same plan. */
  private static double likeness(Opinion to, Opinion o) {
    return vn.doithoai.core.common.Folding.similarity(to.content(), o.content())
        + (o.planId().equals(to.planId()) ? 0.25 : 0);
  }

  /** The working days left before an assigned opinion's answer is due (negative: overdue). */
  public Optional<Integer> workingDaysLeft(Opinion o) {
    return deadlines.workingDaysLeft(o, LocalDate.ofInstant(clock.instant(), DeadlineScheduling.VIETNAM));
  }

  private Opinion saveAndTell(Actor actor, Opinion next, String event) {
    Commune commune = commune(actor);
    RaiserLetter letter = mails.outcomeLetter(commune, next, event, clock.instant());
    persist(commune, List.of(next), letter.to(next.raisers()), next.hasMergedRaisers() ? List.of(letter) : List.of());
    return next;
  }

  /** Saves opinions with their e-mails and, in the same write, their assignments' open deadlines. */
  private void persist(Actor actor, List<Opinion> changed, List<OutgoingMail> out) {
    if (changed.stream().allMatch(o -> o.assignment().isEmpty())) {
      opinions.save(changed, out, java.util.Map.of());
      return;
    }
    persist(commune(actor), changed, out);
  }

  private void persist(Commune commune, List<Opinion> changed, List<OutgoingMail> out) {
    persist(commune, changed, out, List.of());
  }

  /** {@code letters}: to the raisers of opinions merged into a changed one, sent page by page after the save. */
  private void persist(Commune commune, List<Opinion> changed, List<OutgoingMail> out, List<RaiserLetter> letters) {
    java.util.Map<String, Optional<vn.doithoai.core.plan.PlanDeadline>> tracked = new java.util.HashMap<>();
    for (Opinion o : changed) {
      if (o.assignment().isEmpty()) {
        continue; // never assigned: there is no deadline to write or remove
      }
      Optional<Plan> plan = o.planId().flatMap(p -> plans.find(commune.id(), p));
      String profile = plan.map(p -> p.content().profileId()).orElse(commune.profileId());
      tracked.put(o.id(), deadlines.tracked(o, profile, plan.map(p -> p.content().issuer())));
    }
    opinions.save(changed, out, tracked, letters);
  }

  private Optional<String> plan(Actor actor, Input in) {
    Optional<String> planId = in.id("plan");
    if (planId.isPresent() && plans.find(actor.communeId(), planId.get()).isEmpty()) {
      in.error("plan", "Không tìm thấy kế hoạch này trong xã.");
      return Optional.empty();
    }
    return planId;
  }

  static Raiser raiser(Input r) {
    String email = r.email("email", false).orElse(null);
    return new Raiser(r.requiredText("name", 120, "họ và tên"), r.phone("phone").orElse(null), email,
        r.text("address", 300).orElse(null), r.text("village", 120).orElse(null),
        r.bool("consentToPublish").orElse(false));
  }

  private Opinion load(Actor actor, String opinionId) {
    return opinions.find(actor.communeId(), opinionId).orElseThrow(() -> DomainException.notFound("ý kiến"));
  }

  private Commune commune(Actor actor) {
    return communes.find(actor.communeId()).orElseThrow(() -> DomainException.notFound("xã"));
  }

  private static void checkVersion(Input in, Opinion o) {
    long expected = in.integer("version", 1, Integer.MAX_VALUE).map(Integer::longValue).orElse(o.version());
    in.check();
    if (expected != o.version()) {
      throw DomainException.staleVersion();
    }
  }

  private static boolean onlyAgency(Actor actor) {
    return actor.has(Role.AGENCY) && !actor.hasAny(Role.OFFICE, Role.HOST, Role.FRONT, Role.ADMIN);
  }

  private static boolean assignedTo(Opinion o, Actor actor) {
    return o.assignment().isPresent() && actor.agencyId().isPresent()
        && o.assignment().get().agencyId().equals(actor.agencyId().get());
  }

  private static void requireOwnAssignment(Actor actor, Opinion o) {
    if (onlyAgency(actor) && !assignedTo(o, actor)) {
      throw DomainException.notFound("ý kiến");
    }
  }

}
