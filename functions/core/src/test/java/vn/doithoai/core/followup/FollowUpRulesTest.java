package vn.doithoai.core.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.common.Role;
import vn.doithoai.core.common.Actor;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.Input;
import vn.doithoai.core.opinion.Channel;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.OpinionField;
import vn.doithoai.core.opinion.OpinionParts;
import vn.doithoai.core.opinion.OpinionStatus;
import vn.doithoai.core.stats.Timeliness;
import vn.doithoai.core.plan.Plan;
import vn.doithoai.core.plan.PlanContent;
import vn.doithoai.core.rules.RuleProfiles;

/** The rules under the follow-up: on time or not, the answer clock from the notice, carry-over, reports met. */
class FollowUpRulesTest {
  static final Instant NOW = Instant.parse("2025-11-24T02:00:00Z");
  static final Actor OFFICE = new Actor("u1", "VP", "demo", Set.of(Role.OFFICE), Optional.empty());
  static final LocalDate DUE = LocalDate.of(2025, 12, 22);

  static Opinion assigned() {
    return Opinion.received("o1", "demo", Optional.of("p1"), "DT-AAAA-0001", "Đường hỏng", OpinionField.INFRASTRUCTURE,
        Channel.WEBSITE, List.of(), Optional.empty(), NOW, OFFICE)
        .accept(Optional.of("p1"), OpinionField.INFRASTRUCTURE, OFFICE, NOW)
        .assign("phong-kinh-te", "Phòng Kinh tế", DUE, LocalDate.of(2026, 1, 7), OFFICE, NOW);
  }

  static Opinion answeredOn(Opinion o, String vietnamDayAt9) {
    Instant at = Instant.parse(vietnamDayAt9 + "T02:00:00Z");
    return o.answer(new OpinionParts.Answer("Đã sửa.", false, List.of(), at, "u2"), OFFICE, at);
  }

  @Test
  @DisplayName("on the due day is on time, the day after is late; unanswered past due is overdue")
  void timeliness() {
    assertEquals(Optional.of(Timeliness.ON_TIME), Timeliness.of(answeredOn(assigned(), "2025-12-22"), DUE));
    assertEquals(Optional.of(Timeliness.LATE), Timeliness.of(answeredOn(assigned(), "2025-12-23"), DUE));
    assertEquals(Optional.of(Timeliness.IN_PROGRESS), Timeliness.of(assigned(), DUE));
    assertEquals(Optional.of(Timeliness.OVERDUE), Timeliness.of(assigned(), DUE.plusDays(1)));
    Opinion extended = assigned().extend(LocalDate.of(2025, 12, 29), "Chờ ý kiến cấp huyện", OFFICE, NOW);
    assertEquals(Optional.of(Timeliness.ON_TIME), Timeliness.of(answeredOn(extended, "2025-12-24"), DUE),
        "an extension within the cap moves the yardstick");
    assertEquals(Optional.empty(), Timeliness.of(Opinion.received("o2", "demo", Optional.empty(), "DT-AAAA-0002",
        "x", OpinionField.OTHER, Channel.WEBSITE, List.of(), Optional.empty(), NOW, OFFICE), DUE));
  }

  @Test
  @DisplayName("recounting from the notice keeps an extension only if it still fits the new dates")
  void recount() {
    Opinion extended = assigned().extend(LocalDate.of(2025, 12, 29), "lý do", OFFICE, NOW);
    Opinion kept = extended.recount(LocalDate.of(2025, 12, 23), LocalDate.of(2026, 1, 8), "từ thông báo", OFFICE, NOW);
    assertEquals(LocalDate.of(2025, 12, 29), kept.assignment().get().currentDue());
    Opinion dropped = extended.recount(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 20), "từ thông báo", OFFICE,
        NOW);
    assertEquals(LocalDate.of(2026, 1, 5), dropped.assignment().get().currentDue());
    assertEquals(extended.version() + 1, dropped.version());
  }

  @Test
  @DisplayName("a question answered at the meeting is taken into the dialogue and answered in one step")
  void answeredAtMeeting() {
    Opinion card = Opinion.received("o3", "demo", Optional.empty(), "DT-AAAA-0003", "Đèn đường", OpinionField.OTHER,
        Channel.MEETING_CARD, List.of(), Optional.empty(), NOW, OFFICE);
    Opinion answered = card.answerAtMeeting("p1", new OpinionParts.Answer("Xã lắp đèn.", true, List.of(), NOW, "u1"),
        OFFICE, NOW);
    assertEquals(OpinionStatus.ANSWERED, answered.status());
    assertEquals(Optional.of("p1"), answered.planId());
    assertEquals(card.version() + 1, answered.version(), "one write");
  }

  static Plan plan() {
    PlanContent content = PlanContent.read(new Input(Map.of("year", 2026, "issuer", "party-committee", "title",
        "Kế hoạch", "audience", "Nhân dân xã", "hosts", List.of(Map.of("position", "Bí thư Đảng ủy")), "meetings", List.of(Map.of("id", "m1",
            "date", "2026-06-18")), "profile", "lang-son-320")), RuleProfiles.shipped(), "lang-son-320", java.time.LocalDate.MIN);
    return Plan.draft("p2", "demo", content, OFFICE, NOW);
  }

  @Test
  @DisplayName("carry-over keeps each item once and only before the meeting")
  void carryOver() {
    Plan.Carried d = new Plan.Carried("o4", "p1", "DT-AAAA-0004", true);
    Plan once = plan().carryOver("p1", List.of(d), OFFICE, NOW);
    Plan twice = once.carryOver("p1", List.of(d), OFFICE, NOW);
    assertEquals(List.of(d), twice.carriedOver());
    assertEquals(twice, Plan.fromJson(twice.toJson()), "stored and read back");
    assertThrows(DomainException.class, () -> plan().carryOver("p2", List.of(d), OFFICE, NOW), "not from itself");
    Plan held = plan().announce(OFFICE, NOW).hold("m1", OFFICE, NOW);
    assertThrows(DomainException.class, () -> held.carryOver("p1", List.of(d), OFFICE, NOW));
  }

  @Test
  @DisplayName("publishing the notice meets its deadline; sending the report meets the report's")
  void deadlinesMet() {
    Plan held = plan().announce(OFFICE, NOW).hold("m1", OFFICE, NOW);
    Plan concluded = held.conclude(LocalDate.of(2026, 6, 22), "m1", OFFICE, NOW);
    assertTrue(concluded.completedDeadlines().contains("p2#m1#conclusion.notice"));
    assertEquals(Optional.of(LocalDate.of(2026, 6, 22)), concluded.conclusionDate());
    assertSame(concluded, concluded.conclude(LocalDate.of(2026, 6, 30), "m1", OFFICE, NOW), "a retry changes nothing");
    assertTrue(concluded.reported("Số 01-BC/ĐU", OFFICE, NOW).completedDeadlines().contains("p2#m1#results.report"));
  }
}
