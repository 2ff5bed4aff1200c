package vn.doithoai.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.common.Role;
import vn.doithoai.core.calendar.BeforeReading;
import vn.doithoai.core.calendar.WorkingCalendar;

/** A plan's deadline schedule from its anchors: each seed's rules, the floor, and the plan's own dates. */
class DeadlineSchedulingTest {
  private final DeadlineScheduling scheduling = new DeadlineScheduling(RuleProfiles.shipped(),
      WorkingCalendar.vietnam());

  private static Deadline find(DeadlineSchedule s, String ruleId) {
    return s.deadlines().stream().filter(d -> d.ruleId().equals(ruleId)).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("seed 000, Lạng Sơn: meeting Thu 20/11/2025, conclusion 1/12/2025")
  void langSon() {
    DeadlineSchedule s = scheduling.schedule("lang-son-320",
        PlanAnchors.meetingOn(LocalDate.of(2025, 11, 20)).concludedOn(LocalDate.of(2025, 12, 1)),
        PlanOverrides.none());

    // 7 working days before, strict: the 8th working day before 20/11 (stricter than the floor's 7 days)
    Deadline notice = find(s, "meeting.notice");
    assertEquals(LocalDate.of(2025, 11, 10), notice.due().orElseThrow());
    assertEquals("lang-son-320", notice.origin());
    assertEquals(Optional.of(BeforeReading.STRICT), notice.reading());

    // Front: 10 days before, strict → Sunday 9/11 → the office day before, Friday 7/11
    assertEquals(LocalDate.of(2025, 11, 7), find(s, "front.opinions-compiled").due().orElseThrow());
    assertEquals(Role.FRONT, find(s, "front.opinions-compiled").owner());

    // 10 working days (4/12) is looser than the law's 10 days (30/11 → Mon 1/12): the floor wins, with a warning
    Deadline conclusion = find(s, "conclusion.notice");
    assertEquals(LocalDate.of(2025, 12, 1), conclusion.due().orElseThrow());
    assertEquals("national-floor", conclusion.origin());
    assertEquals(1, conclusion.warnings().size());
    assertTrue(s.warnings().get(0).contains("lỏng hơn mức sàn"), s.warnings().get(0));

    // answers: 20 working days after the conclusion notice; at most 30 with a written reason,
    // across New Year 2026 (1/1 holiday, 2/1 swapped off) and the make-up Saturday 10/1/2026
    Deadline answers = find(s, "opinion.resolution");
    assertEquals(LocalDate.of(2025, 12, 29), answers.due().orElseThrow());
    assertEquals(Optional.of(LocalDate.of(2026, 1, 13)), answers.extensionLimit());
    assertEquals(Role.AGENCY, answers.owner());

    assertEquals(WorkingCalendar.vietnam().version(), s.calendarVersion());
    s.deadlines().forEach(d -> assertEquals(s.calendarVersion(), d.calendarVersion()));
  }

  @Test
  @DisplayName("reminders fall on working days before the due date at 08:00 in Hanoi; escalations after it")
  void remindersAndEscalation() {
    DeadlineSchedule s = scheduling.schedule("lang-son-320",
        PlanAnchors.meetingOn(LocalDate.of(2025, 11, 20)).concludedOn(LocalDate.of(2025, 12, 1)),
        PlanOverrides.none());
    Deadline answers = find(s, "opinion.resolution");
    // due Mon 29/12/2025: 3 and 1 working days before are Wed 24/12 and Fri 26/12
    assertEquals(List.of(Instant.parse("2025-12-24T01:00:00Z"), Instant.parse("2025-12-26T01:00:00Z")),
        answers.reminders());
    assertEquals(Optional.of(Instant.parse("2025-12-29T01:00:00Z")), answers.dueAt());
    // overdue ladder: +1 working day (Tue 30/12) to the unit head; +3 (Mon 5/1/2026, after 1/1 and 2/1) to the host
    assertEquals(LocalDate.of(2025, 12, 30), answers.escalations().get(0).date());
    assertEquals(List.of(Recipient.OWNER_HEAD), answers.escalations().get(0).step().to());
    assertEquals(LocalDate.of(2026, 1, 5), answers.escalations().get(1).date());
    assertEquals(List.of(Recipient.FRONT), answers.escalations().get(1).step().cc());
  }

  @Test
  @DisplayName("before the conclusion notice exists, deadlines counted from it are pending")
  void pendingUntilTheAnchorHappens() {
    DeadlineSchedule s = scheduling.schedule("lang-son-320", PlanAnchors.meetingOn(LocalDate.of(2025, 11, 20)),
        PlanOverrides.none());
    Deadline answers = find(s, "opinion.resolution");
    assertTrue(answers.pending());
    assertTrue(answers.reminders().isEmpty());
    assertEquals(answers, s.deadlines().get(s.deadlines().size() - 1), "pending deadlines sort last");
  }

  @Test
  @DisplayName("the plan may choose the inclusive reading; it is recorded on each deadline")
  void inclusiveReading() {
    DeadlineSchedule s = scheduling.schedule("lang-son-320", PlanAnchors.meetingOn(LocalDate.of(2025, 11, 20)),
        PlanOverrides.none().withReading(BeforeReading.INCLUSIVE));
    Deadline notice = find(s, "meeting.notice");
    assertEquals(LocalDate.of(2025, 11, 11), notice.due().orElseThrow());
    assertEquals(Optional.of(BeforeReading.INCLUSIVE), notice.reading());
  }

  @Test
  @DisplayName("seed 002, Hải Dương (legacy): meeting Thu 28/10/2021")
  void haiDuong() {
    DeadlineSchedule s = scheduling.schedule("hai-duong-03", PlanAnchors.meetingOn(LocalDate.of(2021, 10, 28)),
        PlanOverrides.none());
    assertEquals(LocalDate.of(2021, 10, 20), find(s, "meeting.notice").due().orElseThrow());
    // 5 days after ends on Tue 2/11
    assertEquals(LocalDate.of(2021, 11, 2), find(s, "meeting.evaluation").due().orElseThrow());
    assertEquals(LocalDate.of(2021, 11, 18), find(s, "opinion.resolution").due().orElseThrow());
    assertTrue(s.warnings().stream().anyMatch(w -> w.contains("bộ cũ")));
  }

  @Test
  @DisplayName("seed 003, national-2025: the art. 43 floor plus a report upward within 10 working days")
  void national2025() {
    DeadlineSchedule s = scheduling.schedule("national-2025", PlanAnchors.meetingOn(LocalDate.of(2026, 6, 18)),
        PlanOverrides.none());
    assertEquals(LocalDate.of(2026, 6, 10), find(s, "meeting.notice").due().orElseThrow());
    assertEquals(LocalDate.of(2026, 6, 29), find(s, "conclusion.notice").due().orElseThrow());
    assertEquals(LocalDate.of(2026, 7, 2), find(s, "results.report").due().orElseThrow());
    assertEquals(List.of(), s.warnings());
  }

  @Test
  @DisplayName("seed 004: the plan's fixed dates 'trước ngày 05/11, 07/11, 10/11/2025' become deadlines")
  void fixedDatesFromThePlan() {
    PlanOverrides overrides = new PlanOverrides(BeforeReading.STRICT,
        Map.of("meeting.notice", new PlanOverrides.FixedDate(LocalDate.of(2025, 11, 10), true, null)),
        List.of(
            new PlanOverrides.Task("front.opinions", "MTTQ, đoàn thể gửi tổng hợp ý kiến về Ban Xây dựng Đảng",
                Role.FRONT, new PlanOverrides.FixedDate(LocalDate.of(2025, 11, 5), true, null), "mục IV.4"),
            new PlanOverrides.Task("party-building.compile", "Tổng hợp ý kiến của cơ sở", Role.OFFICE,
                new PlanOverrides.FixedDate(LocalDate.of(2025, 11, 7), true, null), "mục IV.1")));
    DeadlineSchedule s = scheduling.schedule("national-2025", PlanAnchors.meetingOn(LocalDate.of(2025, 11, 20)),
        overrides);
    assertEquals(LocalDate.of(2025, 11, 4), find(s, "front.opinions").due().orElseThrow());
    assertEquals(LocalDate.of(2025, 11, 6), find(s, "party-building.compile").due().orElseThrow());
    Deadline notice = find(s, "meeting.notice");
    assertEquals(LocalDate.of(2025, 11, 7), notice.due().orElseThrow());
    assertEquals("kế hoạch", notice.origin());
    assertEquals("front.opinions", s.deadlines().get(0).ruleId());
  }

  @Test
  @DisplayName("a plan's fixed date looser than the floor is overruled by the floor, with a warning")
  void fixedDateLooserThanTheFloor() {
    PlanOverrides overrides = new PlanOverrides(BeforeReading.STRICT,
        Map.of("meeting.notice", new PlanOverrides.FixedDate(LocalDate.of(2025, 11, 18), false, null)), List.of());
    DeadlineSchedule s = scheduling.schedule("bac-ninh-08", PlanAnchors.meetingOn(LocalDate.of(2025, 11, 20)),
        overrides);
    assertEquals(LocalDate.of(2025, 11, 12), find(s, "meeting.notice").due().orElseThrow());
    assertEquals(1, s.warnings().size());
  }
}
