package vn.doithoai.core.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.doithoai.core.common.Role;
import vn.doithoai.core.calendar.BeforeReading;
import vn.doithoai.core.calendar.EntryStatus;

/**
 * Thời hạn: one deadline of a plan, computed. {@code due} is empty while its anchor event has not happened
 * (e.g. answers counted from a conclusion notice not yet issued).
 *
 * @param origin which profile's rule (or the plan's own date) set the due date
 * @param reminders instants to remind the owner, before the due date
 * @param dueAt the instant of the due-day notice
 * @param escalations the overdue ladder with its instants
 * @param extensionLimit for answers, the latest date a written extension may reach
 */
public record Deadline(
    String ruleId,
    String title,
    Role owner,
    Optional<Anchor> anchor,
    Optional<LocalDate> anchorDate,
    Optional<LocalDate> due,
    String explanation,
    Optional<BeforeReading> reading,
    String source,
    EntryStatus sourceStatus,
    String origin,
    String calendarVersion,
    List<Instant> reminders,
    Optional<Instant> dueAt,
    List<ScheduledEscalation> escalations,
    Optional<LocalDate> extensionLimit,
    List<String> warnings) {

  /** An escalation step at its instant. */
  public record ScheduledEscalation(EscalationStep step, LocalDate date, Instant at) {}

  public boolean pending() {
    return due.isEmpty();
  }
}
