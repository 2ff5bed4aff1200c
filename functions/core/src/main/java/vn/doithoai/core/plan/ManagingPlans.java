package vn.doithoai.core.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.doithoai.core.calendar.VietnameseDates;
import vn.doithoai.core.calendar.WorkingCalendar;
import vn.doithoai.core.common.Role;
import vn.doithoai.core.plan.PlanParts.Meeting;
import vn.doithoai.core.common.Actor;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.Ids;
import vn.doithoai.core.common.Input;
import vn.doithoai.core.common.PageCursor;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.commune.Communes;
import vn.doithoai.core.rules.RuleProfiles;

/**
 * Creating, editing, announcing, cancelling and rescheduling a commune's dialogue plans, and reading them
 * with their deadline schedule. The office and the host manage plans; every staff role of the commune reads
 * them. Another commune's plan is never found.
 */
public final class ManagingPlans {
  /** A plan with its schedule as of {@code today} (in Việt Nam), as the staff API returns it. */
  public record PlanView(Plan plan, List<PlanSchedules.MeetingSchedule> schedules, LocalDate today,
      List<String> warnings) {
    public PlanView {
      warnings = List.copyOf(warnings);
    }

    public PlanView(Plan plan, List<PlanSchedules.MeetingSchedule> schedules, LocalDate today) {
      this(plan, schedules, today, List.of());
    }

    /**
     * Where one deadline of one meeting stands: {@code met} (marked met, or settled by the notice or the
     * report), {@code cancelled} (the plan was cancelled first), {@code overdue} (its due day has passed),
     * {@code open} (due today or later), or {@code pending} (its anchor, e.g. the notice, has not happened).
     */
    public String state(String meetingId, vn.doithoai.core.rules.Deadline d) {
      if (plan.completedDeadlines().contains(plan.deadlineKey(meetingId, d.ruleId()))) {
        return "met";
      }
      if (plan.status() == PlanStatus.CANCELLED) {
        return "cancelled";
      }
      if (d.due().isEmpty()) {
        return "pending";
      }
      return d.due().get().isBefore(today) ? "overdue" : "open";
    }
  }

  private final Plans plans;
  private final Communes communes;
  private final RuleProfiles profiles;
  private final PlanSchedules schedules;
  private final Clock clock;

  public ManagingPlans(Plans plans, Communes communes, RuleProfiles profiles, PlanSchedules schedules,
      Clock clock) {
    this.plans = Objects.requireNonNull(plans);
    this.communes = Objects.requireNonNull(communes);
    this.profiles = Objects.requireNonNull(profiles);
    this.schedules = Objects.requireNonNull(schedules);
    this.clock = Objects.requireNonNull(clock);
  }

  public PlanView create(Actor actor, Input in) {
    requireManager(actor, "lập kế hoạch");
    Commune commune = commune(actor);
    PlanContent content = PlanContent.read(in, profiles, commune.profileId(), today());
    Plan plan = Plan.draft(Ids.newId("p"), commune.id(), content, actor, clock.instant());
    plans.create(plan);
    return view(plan);
  }

  public PlanView update(Actor actor, String planId, Input in) {
    requireManager(actor, "sửa kế hoạch");
    Plan current = load(actor, planId);
    checkVersion(in, current);
    PlanContent content = PlanContent.read(in, profiles, current.content().profileId(), today());
    return save(current.update(content, actor, clock.instant()));
  }

  public PlanView announce(Actor actor, String planId, Input in) {
    requireManager(actor, "công bố kế hoạch");
    Plan current = load(actor, planId);
    checkVersion(in, current);
    PlanView announced = save(current.announce(actor, clock.instant()));
    replaced(actor, announced.plan()).ifPresent(old -> plans.save(old.replacedBy(announced.plan().content()
        .number(), schedules.openDeadlines(old).stream().map(d -> old.deadlineKey(d.meetingId(), d.ruleId()))
        .toList(), actor, clock.instant()), List.of()));
    return warned(announced, announced.plan().content().meetings().stream().map(Meeting::id).toList());
  }

  /**
   * The earlier plan a newly announced one replaces: same issuer, this year or last, its number named in the
   * {@code replaces} text ("66-KH/ĐU ngày 31/01/2026", "Kế hoạch số 66-KH/ĐU"), still open.
   */
  private Optional<Plan> replaced(Actor actor, Plan plan) {
    Optional<String> replaces = plan.content().replaces().map(vn.doithoai.core.common.Folding::fold);
    if (replaces.isEmpty() || replaces.get().isBlank()) {
      return Optional.empty();
    }
    int year = plan.content().year();
    return java.util.stream.Stream.concat(plans.byYear(actor.communeId(), year).stream(),
            plans.byYear(actor.communeId(), year - 1).stream())
        .filter(p -> !p.id().equals(plan.id()) && p.content().issuer() == plan.content().issuer())
        .filter(p -> p.status() != PlanStatus.CLOSED && p.status() != PlanStatus.CANCELLED)
        .filter(p -> {
          String n = vn.doithoai.core.common.Folding.fold(p.content().number());
          return !n.isBlank() && (" " + replaces.get() + " ").contains(" " + n + " ");
        })
        .findFirst();
  }

  public PlanView cancel(Actor actor, String planId, Input in) {
    requireManager(actor, "hủy kế hoạch");
    String reason = in.requiredText("reason", 1000, "lý do hủy");
    in.check();
    Plan current = load(actor, planId);
    checkVersion(in, current);
    return save(current.cancel(reason, actor, clock.instant()));
  }

  /**
   * Fixes or moves the day of a meeting ({@code meetingId}, default the first; {@code date}, {@code venue}); a
   * reason is required only to move a day already fixed. The answer carries warnings, never refusals, for a day
   * past, a day off, or a day too close for the notice the rules require.
   */
  public PlanView reschedule(Actor actor, String planId, Input in) {
    requireManager(actor, "dời lịch đối thoại");
    Plan current = load(actor, planId);
    String meetingId = in.id("meetingId").orElse(current.content().meetings().isEmpty() ? ""
        : current.content().meetings().get(0).id());
    return dateMeeting(actor, current, meetingId, in);
  }

  /** {@code PUT /plans/{planId}/meetings/{meetingId}}: the meeting's day fixed once known (seed 004's window). */
  public PlanView dateMeeting(Actor actor, String planId, String meetingId, Input in) {
    requireManager(actor, "ấn định ngày đối thoại");
    return dateMeeting(actor, load(actor, planId), meetingId, in);
  }

  private PlanView dateMeeting(Actor actor, Plan current, String meetingId, Input in) {
    LocalDate date = in.date("date").orElse(null);
    if (!in.has("date")) {
      in.error("date", "Vui lòng nhập ngày đối thoại.");
    }
    String venue = in.text("venue", 300).orElse(null);
    boolean moving = current.content().meeting(meetingId).flatMap(Meeting::date).isPresent();
    String reason = moving ? in.requiredText("reason", 1000, "lý do dời lịch")
        : in.text("reason", 1000).orElse("");
    in.check();
    checkVersion(in, current);
    return warned(save(current.reschedule(meetingId, date, venue, reason, actor, clock.instant())),
        List.of(meetingId));
  }

  /** The view with the warnings about the given meetings still ahead. */
  private PlanView warned(PlanView v, List<String> meetingIds) {
    List<String> warnings = new java.util.ArrayList<>();
    WorkingCalendar calendar = schedules.calendar(v.plan().communeId());
    for (String id : meetingIds) {
      Meeting m = v.plan().content().meeting(id).filter(Meeting::ahead).orElse(null);
      if (m == null) {
        continue;
      }
      String which = "Cuộc đối thoại " + m.when();
      LocalDate last = m.date().or(m::to).orElse(null);
      if (last != null && last.isBefore(v.today())) {
        warnings.add(which + " đã qua (hôm nay là " + VietnameseDates.format(v.today()) + ").");
      }
      if (m.date().isPresent() && !calendar.isWorkingDay(m.date().get())) {
        warnings.add(which + " rơi vào " + VietnameseDates.withWeekday(m.date().get())
            + ", ngày nghỉ theo lịch ngày làm việc.");
      }
      v.schedules().stream().filter(s -> s.meetingId().equals(id)).flatMap(s -> s.schedule().deadlines().stream())
          .filter(d -> d.ruleId().equals("meeting.notice") && d.due().isPresent())
          .filter(d -> d.due().get().isBefore(v.today()))
          .forEach(d -> warnings.add(which + ": thông báo phải phát hành chậm nhất ngày "
              + VietnameseDates.format(d.due().get()) + " theo quy định, nay không còn đủ thời gian thông báo."));
    }
    return new PlanView(v.plan(), v.schedules(), v.today(), warnings);
  }

  public PlanView hold(Actor actor, String planId, Input in) {
    requireManager(actor, "ghi nhận đã tổ chức đối thoại");
    Plan current = load(actor, planId);
    String meetingId = in.id("meetingId").orElse(current.content().meetings().stream().filter(m -> m.ahead())
        .map(m -> m.id()).findFirst().orElse(""));
    checkVersion(in, current);
    return save(current.hold(meetingId, actor, clock.instant()));
  }

  /** An office marks a deadline met ({@code meetingId}, {@code rule}): its reminders and escalations stop. */
  public PlanView completeDeadline(Actor actor, String planId, Input in) {
    requireManager(actor, "ghi nhận hoàn thành thời hạn");
    String rule = in.requiredText("rule", 80, "mã thời hạn");
    String note = in.text("note", 1000).orElse("");
    Plan current = load(actor, planId);
    String meetingId = in.id("meetingId").orElse(current.content().meetings().isEmpty() ? ""
        : current.content().meetings().get(0).id());
    in.check();
    checkVersion(in, current);
    String key = current.id() + "#" + meetingId + "#" + rule;
    boolean known = schedules.derive(current).stream().filter(s -> s.meetingId().equals(meetingId))
        .flatMap(s -> s.schedule().deadlines().stream()).anyMatch(d -> d.ruleId().equals(rule));
    if (!known) {
      throw DomainException.notFound("thời hạn " + rule + " của cuộc đối thoại " + meetingId);
    }
    return save(current.completeDeadline(key, note, actor, clock.instant()));
  }

  public PlanView get(Actor actor, String planId) {
    requireReader(actor);
    return view(load(actor, planId));
  }

  public List<Plan> list(Actor actor, int year) {
    requireReader(actor);
    return plans.byYear(actor.communeId(), year);
  }

  /** Plans per page by default and at most (a plan's summary is under 1 KB: 200 stay far below 6 MB). */
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  /**
   * A page of a year's plans, newest first: {@code limit} 1–{@value #MAX_LIMIT} (default {@value #DEFAULT_LIMIT}),
   * {@code cursor} from the previous page — refused (400) when it is another commune's or another year's.
   */
  public Plans.YearPage page(Actor actor, int year, Input in) {
    requireReader(actor);
    int limit = in.integer("limit", 1, MAX_LIMIT).orElse(DEFAULT_LIMIT);
    Optional<String> cursor = in.text("cursor", 400);
    in.check();
    String listing = actor.communeId() + "\n" + year;
    Optional<String> after = Optional.empty();
    if (cursor.isPresent()) {
      after = PageCursor.read(cursor.get(), listing);
      if (after.isEmpty()) {
        in.error("cursor", "Con trỏ trang không thuộc danh sách này (khác xã hoặc khác năm); hãy tải lại danh sách.");
        in.check();
      }
    }
    Plans.YearPage p = plans.byYear(actor.communeId(), year, after, limit);
    return new Plans.YearPage(p.plans(), p.next().map(k -> PageCursor.write(listing, k)));
  }

  /**
   * The rule profiles a plan may name, for the plan form: the commune's own first (a plan that names none takes
   * it), then the others by name, the legacy ones (kept for old plans) last.
   */
  public List<vn.doithoai.core.rules.RuleProfile> profiles(Actor actor) {
    requireReader(actor);
    String own = communes.find(actor.communeId()).map(Commune::profileId).orElse("");
    return profiles.ids().stream().map(profiles::get).sorted(java.util.Comparator
        .comparing((vn.doithoai.core.rules.RuleProfile p) -> !p.id().equals(own))
        .thenComparing(vn.doithoai.core.rules.RuleProfile::legacy)
        .thenComparing(vn.doithoai.core.rules.RuleProfile::name)).toList();
  }

  private PlanView save(Plan next) {
    plans.save(next, schedules.openDeadlines(next));
    return view(next);
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), vn.doithoai.core.rules.DeadlineScheduling.VIETNAM);
  }

  private PlanView view(Plan plan) {
    return new PlanView(plan, schedules.derive(plan), today());
  }

  private Plan load(Actor actor, String planId) {
    return plans.find(actor.communeId(), planId).orElseThrow(() -> DomainException.notFound("kế hoạch"));
  }

  private Commune commune(Actor actor) {
    return communes.find(actor.communeId()).orElseThrow(() -> DomainException.notFound("xã " + actor.communeId()));
  }

  private static void checkVersion(Input in, Plan current) {
    long expected = in.integer("version", 1, Integer.MAX_VALUE).map(Integer::longValue).orElse(current.version());
    in.check();
    if (expected != current.version()) {
      throw DomainException.staleVersion();
    }
  }

  static void requireManager(Actor actor, String action) {
    if (!actor.hasAny(Role.OFFICE, Role.HOST)) {
      throw DomainException.forbidden(action);
    }
  }

  static void requireReader(Actor actor) {
    if (actor.roles().isEmpty()) {
      throw DomainException.forbidden("xem kế hoạch");
    }
  }
}
