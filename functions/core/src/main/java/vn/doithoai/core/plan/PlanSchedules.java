package vn.doithoai.core.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import vn.doithoai.core.deadline.DeadlineSteps;
import vn.doithoai.core.plan.PlanParts.Meeting;
import vn.doithoai.core.plan.PlanParts.Task;
import vn.doithoai.core.rules.Authority;
import vn.doithoai.core.rules.Deadline;
import vn.doithoai.core.rules.DeadlineSchedule;
import vn.doithoai.core.rules.DeadlineScheduling;
import vn.doithoai.core.rules.Instruments;
import vn.doithoai.core.rules.PlanAnchors;
import vn.doithoai.core.rules.PlanDeclaration;
import vn.doithoai.core.rules.PlanOverrides;
import vn.doithoai.core.rules.RuleProfiles;

/** A plan's deadline schedule: one per meeting with a day or a window, from its profile, the floor and its own task dates. */
public final class PlanSchedules {
  /** The schedule of one meeting. */
  public record MeetingSchedule(String meetingId, DeadlineSchedule schedule) {}

  private final RuleProfiles profiles;
  private final vn.doithoai.core.calendar.Calendars calendars;
  private final Supplier<Instruments> instruments;

  /** With the shipped instruments only: no administrator's confirmation (tests, the CLI). */
  public PlanSchedules(RuleProfiles profiles, vn.doithoai.core.calendar.Calendars calendars) {
    this(profiles, calendars, Instruments::shipped);
  }

  /** With the instruments as confirmed now ({@link vn.doithoai.core.rules.ConfirmedInstruments}). */
  public PlanSchedules(RuleProfiles profiles, vn.doithoai.core.calendar.Calendars calendars,
      Supplier<Instruments> instruments) {
    this.profiles = profiles;
    this.calendars = calendars;
    this.instruments = instruments;
  }

  /** The working-day calendar the commune's deadlines are counted on. */
  public vn.doithoai.core.calendar.WorkingCalendar calendar(String communeId) {
    return calendars.forCommune(communeId);
  }

  public List<MeetingSchedule> derive(Plan plan) {
    DeadlineScheduling scheduling = new DeadlineScheduling(profiles, calendars.forCommune(plan.communeId()),
        instruments.get());
    List<MeetingSchedule> list = new ArrayList<>();
    boolean first = true;
    for (Meeting m : plan.content().meetings()) {
      if (m.anchor().isEmpty()) {
        continue;
      }
      // a meeting known by its window counts from the window's first day (PlanParts.Meeting)
      PlanAnchors anchors = PlanAnchors.meetingOn(m.anchor().get());
      if (m.concludedOn().isPresent() && !m.concludedOn().get().isBefore(m.anchor().get())) {
        anchors = anchors.concludedOn(m.concludedOn().get());
      }
      // the plan's own dated tasks belong to the plan, so they are listed once, with its first meeting
      List<PlanOverrides.Task> tasks = new ArrayList<>();
      if (first) {
        for (Task t : plan.content().tasks()) {
          t.due().ifPresent(d -> tasks.add(new PlanOverrides.Task(t.id(), t.description(), t.owner(),
              new PlanOverrides.FixedDate(d, t.dueExclusive(), null), t.unit())));
        }
      }
      Map<String, PlanOverrides.FixedDate> fixed = new HashMap<>();
      PlanOverrides overrides = new PlanOverrides(plan.content().reading(), fixed, tasks);
      list.add(new MeetingSchedule(m.id(), scheduling.schedule(plan.content().profileId(), anchors, overrides,
          declaration(plan))));
      first = false;
    }
    return list;
  }

  /** Who issues the plan and what it declares it carries out: which rules bind it. */
  static PlanDeclaration declaration(Plan plan) {
    Authority issuer = plan.content().issuer() == Issuer.PARTY_COMMITTEE ? Authority.PARTY_COMMITTEE
        : Authority.PEOPLES_COMMITTEE;
    return PlanDeclaration.of(issuer, plan.content().legalBasis());
  }

  /** The unit a plan task names (the task's deadline carries the task's id); empty for a rule's deadline. */
  private static Optional<String> taskUnit(Plan plan, String ruleId) {
    return plan.content().tasks().stream().filter(t -> t.id().equals(ruleId)).map(Task::unit)
        .filter(u -> u != null && !u.isBlank()).findFirst();
  }

  /**
   * The keys of the open deadlines a held meeting fulfils: that meeting's, due on or before its date (the notice,
   * the invitations, the Front's compilation, the tasks that prepare it).
   */
  public List<String> fulfilledByMeeting(Plan plan, String meetingId) {
    Optional<java.time.LocalDate> date = plan.content().meeting(meetingId).flatMap(Meeting::anchor);
    if (date.isEmpty()) {
      return List.of();
    }
    return openDeadlines(plan).stream().filter(d -> d.meetingId().equals(meetingId))
        .filter(d -> !d.due().isAfter(date.get())).map(d -> plan.deadlineKey(d.meetingId(), d.ruleId())).toList();
  }

  /** The keys of one meeting's open answer deadlines ({@code opinion.…}: written reply, resolution). */
  public List<String> answerDeadlines(Plan plan, String meetingId) {
    return openDeadlines(plan).stream().filter(d -> d.meetingId().equals(meetingId))
        .filter(d -> d.ruleId().startsWith("opinion.")).map(d -> plan.deadlineKey(d.meetingId(), d.ruleId()))
        .toList();
  }

  /** The deadlines to keep open in storage: every computed one of an announced plan not yet met. */
  public List<PlanDeadline> openDeadlines(Plan plan) {
    if (plan.status() != PlanStatus.ANNOUNCED && plan.status() != PlanStatus.HELD
        && plan.status() != PlanStatus.CONCLUDED) {
      return List.of();
    }
    List<PlanDeadline> list = new ArrayList<>();
    for (MeetingSchedule ms : derive(plan)) {
      for (Deadline d : ms.schedule().deadlines()) {
        if (d.due().isPresent() && d.dueAt().isPresent()) {
          String key = plan.deadlineKey(ms.meetingId(), d.ruleId());
          if (!plan.completedDeadlines().contains(key)) {
            list.add(new PlanDeadline(plan.id(), ms.meetingId(), d.ruleId(), d.title(), d.owner(), d.due().get(),
                d.dueAt().get(), d.calendarVersion(), plan.version(), plan.communeId(), plan.content().title(),
                Optional.empty(), DeadlineSteps.of(d), Optional.of(plan.content().issuer()), taskUnit(plan, d.ruleId())));
          }
        }
      }
    }
    return list;
  }
}
