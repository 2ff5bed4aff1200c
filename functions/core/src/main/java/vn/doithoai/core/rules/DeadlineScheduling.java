package vn.doithoai.core.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import vn.doithoai.core.calendar.BeforeReading;
import vn.doithoai.core.calendar.CountedDate;
import vn.doithoai.core.calendar.EntryStatus;
import vn.doithoai.core.calendar.PeriodCounter;
import vn.doithoai.core.calendar.VietnameseDates;
import vn.doithoai.core.calendar.WorkingCalendar;

/**
 * Derives a plan's deadline schedule from its anchor events: each rule of its profile combined with the
 * national floor (the stricter date wins, a looser provincial rule is warned about), the plan's fixed dates
 * and tasks, and for each deadline its reminder instants and overdue ladder.
 */
public final class DeadlineScheduling {
  public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private final RuleProfiles profiles;
  private final WorkingCalendar calendar;
  private final PeriodCounter counter;
  private final Instruments instruments;

  public DeadlineScheduling(RuleProfiles profiles, WorkingCalendar calendar) {
    this(profiles, calendar, Instruments.shipped());
  }

  public DeadlineScheduling(RuleProfiles profiles, WorkingCalendar calendar, Instruments instruments) {
    this.profiles = Objects.requireNonNull(profiles, "profiles");
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    this.counter = new PeriodCounter(calendar);
    this.instruments = Objects.requireNonNull(instruments, "instruments");
  }

  /** The what-if without a plan: every rule whose instrument is in force on the meeting day. */
  public DeadlineSchedule schedule(String profileId, PlanAnchors anchors, PlanOverrides overrides) {
    return schedule(profiles.get(profileId), anchors, overrides, PlanDeclaration.any());
  }

  public DeadlineSchedule schedule(String profileId, PlanAnchors anchors, PlanOverrides overrides,
      PlanDeclaration plan) {
    return schedule(profiles.get(profileId), anchors, overrides, plan);
  }

  public DeadlineSchedule schedule(RuleProfile profile, PlanAnchors anchors, PlanOverrides overrides) {
    return schedule(profile, anchors, overrides, PlanDeclaration.any());
  }

  /**
   * Only the rules that bind this plan count (Rules bind by instrument): a rule whose instrument is not in force
   * on the meeting day, or binds neither the plan's issuer nor is declared in its legal basis, is left out and
   * said so in {@link DeadlineSchedule#notApplied()}; among the rules left, the stricter date wins.
   */
  public DeadlineSchedule schedule(RuleProfile profile, PlanAnchors anchors, PlanOverrides overrides,
      PlanDeclaration plan) {
    RuleProfile floor = profiles.floor();
    boolean combine = !profile.floor();
    List<String> warnings = new ArrayList<>();
    if (profile.legacy()) {
      warnings.add("Bộ quy tắc " + profile.id() + " là bộ cũ, chỉ dùng cho kế hoạch cũ: " + profile.note());
    }
    Set<String> ids = new LinkedHashSet<>();
    profile.rules().forEach(r -> ids.add(r.id()));
    if (combine) {
      floor.rules().forEach(r -> ids.add(r.id()));
    }
    List<Deadline> deadlines = new ArrayList<>();
    java.util.Map<String, RuleBasis> bases = new java.util.LinkedHashMap<>();
    List<String> notApplied = new ArrayList<>();
    for (String id : ids) {
      Optional<Instruments.Decision> ownWhy = profile.rule(id)
          .flatMap(r -> instruments.decide(profile.id(), id, plan, anchors.meeting()));
      Optional<Instruments.Decision> floorWhy = combine ? floor.rule(id)
          .flatMap(r -> instruments.decide(floor.id(), id, plan, anchors.meeting())) : Optional.empty();
      Optional<DeadlineRule> own = profile.rule(id).filter(r -> ownWhy.map(Instruments.Decision::applies).orElse(true));
      Optional<DeadlineRule> floorRule = (combine ? floor.rule(id) : Optional.<DeadlineRule>empty())
          .filter(r -> floorWhy.map(Instruments.Decision::applies).orElse(true));
      ownWhy.filter(w -> !w.applies()).ifPresent(w -> notApplied.add(profile.rule(id).get().title() + ": " + w.why()));
      floorWhy.filter(w -> !w.applies()).ifPresent(w -> notApplied.add(floor.rule(id).get().title() + ": " + w.why()));
      if (own.isEmpty() && floorRule.isEmpty()) {
        continue;
      }
      Deadline d = deadline(profile, floor, own, floorRule, anchors, overrides);
      Optional<Instruments.Decision> why = d.origin().equals(floor.id()) && combine ? floorWhy : ownWhy;
      RuleBasis basis = basis(why, d);
      if (!basis.escalates() && !d.escalations().isEmpty()) {
        d = new Deadline(d.ruleId(), d.title(), d.owner(), d.anchor(), d.anchorDate(), d.due(), d.explanation(),
            d.reading(), d.source(), d.sourceStatus(), d.origin(), d.calendarVersion(), d.reminders(), d.dueAt(),
            List.of(), d.extensionLimit(), d.warnings());
      }
      bases.put(d.ruleId(), basis);
      deadlines.add(d);
      warnings.addAll(d.warnings());
    }
    for (PlanOverrides.Task task : overrides.tasks()) {
      Deadline t = task(profile, task);
      bases.put(t.ruleId(), new RuleBasis("plan", "Kế hoạch đối thoại", "cơ quan, đơn vị được giao trong kế hoạch",
          anchors.meeting(), Optional.empty(), EntryStatus.OFFICIAL, "Nhiệm vụ có hạn do chính kế hoạch giao.", true));
      deadlines.add(t);
    }
    deadlines.sort(Comparator.comparing((Deadline d) -> d.due().orElse(LocalDate.MAX))
        .thenComparing(Deadline::ruleId));
    return new DeadlineSchedule(profile.id(), combine ? floor.id() : profile.id(), calendar.version(), anchors,
        List.copyOf(deadlines), List.copyOf(warnings), java.util.Map.copyOf(bases), List.copyOf(notApplied),
        calendarStatus(deadlines, anchors));
  }

  /** The weakest status of the calendar years between each deadline's anchor (or the meeting) and its due date. */
  private java.util.Map<String, EntryStatus> calendarStatus(List<Deadline> deadlines, PlanAnchors anchors) {
    java.util.Map<String, EntryStatus> out = new java.util.HashMap<>();
    for (Deadline d : deadlines) {
      if (d.due().isEmpty()) {
        continue;
      }
      LocalDate from = d.anchorDate().orElse(anchors.meeting());
      LocalDate to = d.due().get();
      EntryStatus status = EntryStatus.OFFICIAL;
      for (int y = Math.min(from.getYear(), to.getYear()); y <= Math.max(from.getYear(), to.getYear()); y++) {
        status = status.weakest(calendar.info(y).status());
      }
      out.put(d.ruleId(), status);
    }
    return out;
  }

  /** The deadline's basis; a deadline from an unconfirmed source (rule or instrument) reminds but never escalates. */
  private RuleBasis basis(Optional<Instruments.Decision> why, Deadline d) {
    boolean unconfirmedRule = d.sourceStatus() == EntryStatus.UNCONFIRMED;
    if (why.isEmpty()) {
      return new RuleBasis("", d.source(), "", d.anchorDate().orElse(LocalDate.MIN), Optional.empty(),
          d.sourceStatus(), "Quy tắc chưa gắn văn bản căn cứ.", !unconfirmedRule);
    }
    Instrument x = why.get().instrument();
    EntryStatus status = instruments.confirmedByAdmin(x.id()) ? EntryStatus.OFFICIAL
        : x.status().weakest(d.sourceStatus());
    boolean escalates = status != EntryStatus.UNCONFIRMED;
    String text = why.get().why() + (escalates ? ""
        : " Nguồn chưa được xác nhận: chỉ nhắc hạn, không báo quá hạn cho đến khi quản trị viên xác nhận.");
    return new RuleBasis(x.id(), x.name(), x.bindsVietnamese(), x.from(), x.until(), status, text, escalates);
  }

  /** One obligation: the profile's rule (or the plan's fixed date) against the floor's, stricter wins. */
  private Deadline deadline(RuleProfile profile, RuleProfile floor, Optional<DeadlineRule> own,
      Optional<DeadlineRule> floorRule, PlanAnchors anchors, PlanOverrides overrides) {
    DeadlineRule rule = own.or(() -> floorRule).orElseThrow();
    Optional<Counted> mine = Optional.empty();
    Optional<PlanOverrides.FixedDate> fixed = overrides.fixed(rule.id());
    if (fixed.isPresent()) {
      mine = Optional.of(fixed(fixed.get(), "kế hoạch"));
    } else if (own.isPresent()) {
      mine = count(own.get(), anchors, overrides.reading()).map(c -> new Counted(c, own.get(), profile.id()));
    }
    Optional<Counted> theirs = floorRule.flatMap(f -> count(f, anchors, overrides.reading())
        .map(c -> new Counted(c, f, floor.id())));

    List<String> warnings = new ArrayList<>();
    Counted chosen;
    if (mine.isPresent() && theirs.isPresent()) {
      boolean looser = theirs.get().date.date().isBefore(mine.get().date.date());
      chosen = looser ? theirs.get() : mine.get();
      if (looser) {
        warnings.add("«" + rule.title() + "»: " + mine.get().origin + " ("
            + mine.get().describe() + ", hạn " + VietnameseDates.format(mine.get().date.date())
            + ") lỏng hơn mức sàn (" + theirs.get().rule.describe() + ", hạn "
            + VietnameseDates.format(theirs.get().date.date()) + "); áp dụng mức sàn.");
      }
    } else {
      chosen = mine.or(() -> theirs).orElse(null);
    }
    if (chosen == null) {
      Anchor anchor = rule.anchor();
      return new Deadline(rule.id(), rule.title(), rule.owner(), Optional.of(anchor), Optional.empty(),
          Optional.empty(), "chờ " + anchor.vietnamese() + " (" + rule.describe() + ")", Optional.empty(),
          rule.source(), rule.sourceStatus(), own.isPresent() ? profile.id() : floor.id(), calendar.version(),
          List.of(), Optional.empty(), List.of(), Optional.empty(), List.copyOf(warnings));
    }
    DeadlineRule used = chosen.rule == null ? rule : chosen.rule;
    LocalDate due = chosen.date.date();
    Optional<LocalDate> anchorDate = chosen.rule == null ? Optional.empty() : anchors.of(used.anchor());
    Optional<LocalDate> extension = used.extensionCap()
        .flatMap(cap -> anchorDate.map(a -> calendar.addWorkingDays(a, cap)));
    return new Deadline(used.id(), used.title(), used.owner(),
        chosen.rule == null ? Optional.empty() : Optional.of(used.anchor()), anchorDate, Optional.of(due),
        chosen.date.explanation(), Optional.ofNullable(chosen.date.reading()),
        chosen.rule == null ? chosen.origin + ": " + fixed.map(PlanOverrides.FixedDate::wording).orElse("")
            : used.source(),
        chosen.rule == null ? EntryStatus.OFFICIAL : used.sourceStatus(), chosen.origin, calendar.version(),
        reminders(profile, used.reminders(), due), Optional.of(at(profile, due)),
        escalations(profile, used.escalation(), due), extension, List.copyOf(warnings));
  }

  private Deadline task(RuleProfile profile, PlanOverrides.Task task) {
    Counted c = fixed(task.due(), "kế hoạch");
    LocalDate due = c.date.date();
    return new Deadline(task.id(), task.title(), task.owner(), Optional.empty(), Optional.empty(),
        Optional.of(due), c.date.explanation(), Optional.empty(),
        task.source().isEmpty() ? "kế hoạch: " + task.due().wording() : task.source(), EntryStatus.OFFICIAL,
        "kế hoạch", calendar.version(), reminders(profile, profile.defaultReminders(), due),
        Optional.of(at(profile, due)), escalations(profile, profile.defaultEscalation(), due), Optional.empty(),
        List.of());
  }

  private Optional<CountedDate> count(DeadlineRule rule, PlanAnchors anchors, BeforeReading planReading) {
    return anchors.of(rule.anchor()).map(a -> rule.direction() == Direction.AFTER
        ? counter.after(a, rule.offset(), rule.unit())
        : counter.before(a, rule.offset(), rule.unit(), rule.reading().orElse(planReading)));
  }

  private Counted fixed(PlanOverrides.FixedDate fixed, String origin) {
    LocalDate due;
    String why;
    if (fixed.exclusive()) {
      due = calendar.subtractWorkingDays(fixed.date(), 1);
      why = fixed.wording() + ": ngày làm việc cuối cùng trước " + VietnameseDates.format(fixed.date());
    } else {
      due = calendar.workingDayOnOrAfter(fixed.date());
      why = fixed.wording() + (due.equals(fixed.date()) ? ""
          : "; " + VietnameseDates.format(fixed.date()) + " là ngày nghỉ nên hạn là ngày làm việc tiếp theo");
    }
    return new Counted(new CountedDate(due, why, null, calendar.version()), null, origin);
  }

  private List<Instant> reminders(RuleProfile profile, List<Integer> daysBefore, LocalDate due) {
    List<Instant> list = new ArrayList<>();
    for (int k : daysBefore) {
      list.add(at(profile, calendar.subtractWorkingDays(due, k)));
    }
    return list;
  }

  private List<Deadline.ScheduledEscalation> escalations(RuleProfile profile, List<EscalationStep> steps,
      LocalDate due) {
    List<Deadline.ScheduledEscalation> list = new ArrayList<>();
    for (EscalationStep s : steps) {
      LocalDate d = calendar.addWorkingDays(due, s.afterWorkingDays());
      list.add(new Deadline.ScheduledEscalation(s, d, at(profile, d)));
    }
    return list;
  }

  private static Instant at(RuleProfile profile, LocalDate date) {
    return date.atTime(profile.reminderTime()).atZone(VIETNAM).toInstant();
  }

  /** A counted date with the rule and profile it came from; no rule for a plan's fixed date. */
  private record Counted(CountedDate date, DeadlineRule rule, String origin) {
    String describe() {
      return rule == null ? "ngày cố định" : rule.describe();
    }
  }
}
