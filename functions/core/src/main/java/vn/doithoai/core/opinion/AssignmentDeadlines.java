package vn.doithoai.core.opinion;

import java.time.LocalDate;
import java.util.Optional;
import vn.doithoai.core.calendar.PeriodCounter;
import vn.doithoai.core.calendar.WorkingCalendar;
import vn.doithoai.core.plan.Plan;
import vn.doithoai.core.rules.DeadlineRule;
import vn.doithoai.core.rules.RuleProfile;
import vn.doithoai.core.rules.RuleProfiles;

/**
 * The due date and extension cap of an assignment, from the profile: the answer rule
 * ({@code opinion.resolution}, else the floor's {@code opinion.written-reply}) counted from its anchor in the
 * plan (the meeting or the conclusion notice); from the assignment day while that anchor has not happened.
 * The cap is the rule's extension cap; without one, 10 working days beyond the due date (a product default).
 */
public final class AssignmentDeadlines {
  static final int DEFAULT_EXTENSION_WORKING_DAYS = 10;

  /** Due date and cap, and the rule they come from. */
  public record Dates(LocalDate due, LocalDate cap, String ruleId) {}

  private final RuleProfiles profiles;
  private final vn.doithoai.core.calendar.Calendars calendars;

  public AssignmentDeadlines(RuleProfiles profiles, vn.doithoai.core.calendar.Calendars calendars) {
    this.profiles = profiles;
    this.calendars = calendars;
  }

  /**
   * The current due dates, as [from, before), of the assigned opinions whose working days left ({@link
   * #workingDaysLeft}) lie between {@code min} and {@code max}: so that a store can keep exactly the overdue
   * ({@code max = -1}, no lower bound) or the soon due ones with a key condition. Working days left only grow
   * with the due date, so the range is found by stepping from today a day at a time (about N days).
   */
  public DueRange dueRange(String communeId, LocalDate today, Optional<Integer> min, int max) {
    WorkingCalendar c = calendars.forCommune(communeId);
    Optional<LocalDate> from = min.map(m -> {
      LocalDate d = today;
      if (m <= 0) {
        while (c.countWorkingDays(today, d.minusDays(1)) >= m) {
          d = d.minusDays(1);
        }
      } else {
        while (c.countWorkingDays(today, d) < m) {
          d = d.plusDays(1);
        }
      }
      return d;
    });
    LocalDate before = today;
    if (max < 0) {
      while (c.countWorkingDays(today, before.minusDays(1)) > max) {
        before = before.minusDays(1);
      }
    } else {
      while (c.countWorkingDays(today, before) <= max) {
        before = before.plusDays(1);
      }
    }
    return new DueRange(from, before);
  }

  /** Due dates from {@code from} (empty: any) to the day before {@code before}. */
  public record DueRange(Optional<LocalDate> from, LocalDate before) {}

  /**
   * Working days from {@code today} to the assigned opinion's current due date: 0 on the due day, negative
   * when overdue (quá hạn n ngày làm việc); empty when it is not waiting for an agency's answer.
   */
  public Optional<Integer> workingDaysLeft(Opinion o, LocalDate today) {
    if (o.status() != OpinionStatus.ASSIGNED || o.assignment().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(calendars.forCommune(o.communeId()).countWorkingDays(today, o.assignment().get().currentDue()));
  }

  /**
   * The open deadline of an assigned opinion — its agency's answer — with the profile's reminders and ladder;
   * empty once the opinion is answered, closed or otherwise no longer assigned.
   */
  public Optional<vn.doithoai.core.plan.PlanDeadline> tracked(Opinion o, String profileId,
      Optional<vn.doithoai.core.plan.Issuer> issuer) {
    if (o.status() != OpinionStatus.ASSIGNED || o.assignment().isEmpty()) {
      return Optional.empty();
    }
    OpinionParts.Assignment a = o.assignment().get();
    RuleProfile profile = profiles.get(profileId);
    WorkingCalendar calendar = calendars.forCommune(o.communeId());
    java.util.List<vn.doithoai.core.deadline.Step> steps = vn.doithoai.core.deadline.DeadlineSteps.forAssignment(
        profile, calendar, a.currentDue());
    java.time.Instant dueAt = steps.stream().filter(s -> s.name().equals("due")).findFirst().orElseThrow().at();
    return Optional.of(new vn.doithoai.core.plan.PlanDeadline(vn.doithoai.core.plan.PlanDeadline.ASSIGNMENTS,
        o.id(), "answer", "Trả lời ý kiến, kiến nghị của Nhân dân", vn.doithoai.core.common.Role.AGENCY,
        a.currentDue(), dueAt, calendar.version(), o.version(), o.communeId(),
        o.trackingCode() + " (" + o.field().vietnamese() + ")", Optional.of(a.agencyId()), steps, issuer));
  }

  /**
   * For a plan whose conclusion notice is out, and a profile whose answer rule counts from that notice: the
   * due date and cap from the notice (20 working days, at most 30, in Lạng Sơn). Empty when the rule counts
   * from the meeting: then assignments keep the dates they were given.
   */
  public Optional<Dates> fromNotice(String communeId, String profileId, Plan concluded) {
    if (concluded.conclusionDate().isEmpty() || answerRule(profileId).anchor() != vn.doithoai.core.rules.Anchor
        .CONCLUSION_NOTICE) {
      return Optional.empty();
    }
    return Optional.of(forAssignment(communeId, profileId, Optional.of(concluded), concluded.conclusionDate().get()));
  }

  private DeadlineRule answerRule(String profileId) {
    return profiles.get(profileId).rule("opinion.resolution")
        .or(() -> profiles.floor().rule("opinion.resolution"))
        .or(() -> profiles.floor().rule("opinion.written-reply"))
        .orElseThrow(() -> new IllegalStateException("no answer rule in " + profileId + " or the floor"));
  }

  public Dates forAssignment(String communeId, String profileId, Optional<Plan> plan, LocalDate today) {
    WorkingCalendar calendar = calendars.forCommune(communeId);
    DeadlineRule rule = answerRule(profileId);
    LocalDate anchor = plan.flatMap(p -> switch (rule.anchor()) {
      case MEETING -> p.content().meetings().stream().flatMap(m -> m.date().stream()).sorted().findFirst();
      case CONCLUSION_NOTICE -> p.conclusionDate();
    }).orElse(today);
    LocalDate due = new PeriodCounter(calendar).after(anchor, rule.offset(), rule.unit()).date();
    LocalDate cap = rule.extensionCap().map(c -> calendar.addWorkingDays(anchor, c))
        .orElseGet(() -> calendar.addWorkingDays(due, DEFAULT_EXTENSION_WORKING_DAYS));
    return new Dates(due, cap, rule.id());
  }
}
