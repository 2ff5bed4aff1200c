package vn.doithoai.core.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.doithoai.core.calendar.WorkingCalendar;
import vn.doithoai.core.rules.Deadline;
import vn.doithoai.core.rules.DeadlineScheduling;
import vn.doithoai.core.rules.EscalationStep;
import vn.doithoai.core.rules.Recipient;
import vn.doithoai.core.rules.RuleProfile;

/** The steps of a deadline: reminders (earliest first), the due-day notice, then the overdue ladder. */
public final class DeadlineSteps {
  private DeadlineSteps() {}

  /** From a computed plan deadline, which already carries its instants. */
  public static List<Step> of(Deadline d) {
    List<Step> steps = new ArrayList<>();
    List<Instant> reminders = new ArrayList<>(d.reminders());
    reminders.sort(null);
    for (int i = 0; i < reminders.size(); i++) {
      steps.add(new Step("reminder-" + (i + 1), Step.Kind.REMINDER, reminders.get(i), List.of(Recipient.OWNER_HEAD),
          List.of()));
    }
    d.dueAt().ifPresent(at -> steps.add(new Step("due", Step.Kind.DUE, at, List.of(Recipient.OWNER_HEAD),
        List.of())));
    for (int i = 0; i < d.escalations().size(); i++) {
      Deadline.ScheduledEscalation e = d.escalations().get(i);
      steps.add(new Step("escalation-" + (i + 1), Step.Kind.ESCALATION, e.at(), e.step().to(), e.step().cc()));
    }
    return steps;
  }

  /** For an assignment due on {@code due}: the profile's default reminders and ladder. */
  public static List<Step> forAssignment(RuleProfile profile, WorkingCalendar calendar, LocalDate due) {
    List<Step> steps = new ArrayList<>();
    List<Integer> days = new ArrayList<>(profile.defaultReminders());
    days.sort(java.util.Comparator.reverseOrder());
    for (int i = 0; i < days.size(); i++) {
      steps.add(new Step("reminder-" + (i + 1), Step.Kind.REMINDER,
          at(profile, calendar.subtractWorkingDays(due, days.get(i))), List.of(Recipient.OWNER_HEAD), List.of()));
    }
    steps.add(new Step("due", Step.Kind.DUE, at(profile, due), List.of(Recipient.OWNER_HEAD), List.of()));
    for (int i = 0; i < profile.defaultEscalation().size(); i++) {
      EscalationStep e = profile.defaultEscalation().get(i);
      steps.add(new Step("escalation-" + (i + 1), Step.Kind.ESCALATION,
          at(profile, calendar.addWorkingDays(due, e.afterWorkingDays())), e.to(), e.cc()));
    }
    return steps;
  }

  static Instant at(RuleProfile profile, LocalDate date) {
    return date.atTime(profile.reminderTime()).atZone(DeadlineScheduling.VIETNAM).toInstant();
  }
}
