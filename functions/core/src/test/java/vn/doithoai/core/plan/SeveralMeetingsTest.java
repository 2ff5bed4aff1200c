package vn.doithoai.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.calendar.BeforeReading;
import vn.doithoai.core.common.Actor;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.common.Role;
import vn.doithoai.core.plan.PlanParts.Meeting;
import vn.doithoai.core.plan.PlanParts.MeetingState;

/** Seed 001: June's meeting with the unions, October's with the enterprises, each known first by its month. */
class SeveralMeetingsTest {
  static final Actor OFFICE = new Actor("u1", "Văn phòng", "demo", Set.of(Role.OFFICE), Optional.empty());
  static final Instant NOW = Instant.parse("2026-05-11T02:00:00Z");

  static Meeting month(String id, int month, String audience) {
    LocalDate from = LocalDate.of(2026, month, 1);
    return new Meeting(id, Optional.empty(), Optional.of(from), Optional.of(from.plusMonths(1).minusDays(1)),
        "Phòng họp tầng 3 - Nhà Hội thảo xã", List.of(), "", audience, null, Optional.empty());
  }

  static Plan seed001() {
    return Plan.draft("p1", "demo", new PlanContent(2026, Issuer.PARTY_COMMITTEE, "70-KH/ĐU", "Kế hoạch 2026",
        List.of(new PlanParts.Host("Bí thư Đảng ủy", null)), Optional.empty(), "Nhân dân xã", List.of(), "", "",
        List.of(month("m-jun", 6, "MTTQ, các đoàn thể"), month("m-oct", 10, "Doanh nghiệp")), List.of(), List.of(),
        List.of(), List.of(), Optional.empty(), "bac-ninh-08", BeforeReading.STRICT), OFFICE, NOW);
  }

  @Test
  @DisplayName("the plan stays announced while October remains: dated after June's notice, then concluded")
  void octoberAfterJunesNotice() {
    Plan p = seed001().announce(OFFICE, NOW)
        .reschedule("m-jun", LocalDate.of(2026, 6, 18), null, "", OFFICE, NOW)
        .hold("m-jun", OFFICE, NOW)
        .conclude(LocalDate.of(2026, 6, 22), "m-jun", OFFICE, NOW);
    assertEquals(PlanStatus.ANNOUNCED, p.status(), "October's meeting remains");
    assertEquals(MeetingState.CONCLUDED, p.content().meeting("m-jun").get().state());
    assertEquals(Optional.of(LocalDate.of(2026, 6, 22)), p.conclusionDate());

    p = p.reschedule("m-oct", LocalDate.of(2026, 10, 15), null, "", OFFICE, NOW);
    assertEquals(MeetingState.DATED, p.content().meeting("m-oct").get().state());
    Plan held = p.hold("m-oct", OFFICE, NOW);
    assertEquals(PlanStatus.HELD, held.status(), "no meeting left ahead");
    Plan concluded = held.conclude(LocalDate.of(2026, 10, 19), "m-oct", OFFICE, NOW);
    assertEquals(PlanStatus.CONCLUDED, concluded.status());
    assertEquals(Optional.of(LocalDate.of(2026, 10, 19)), concluded.conclusionDate(), "answers count from the "
        + "latest notice");
    assertEquals(concluded, Plan.fromJson(Json.readObject(Json.write(concluded.toJson()))), "kept as stored");
    DomainException e = assertThrows(DomainException.class, () -> concluded.conclude(LocalDate.of(2026, 10, 19),
        "m-oct", OFFICE, NOW).reschedule("m-jun", LocalDate.of(2026, 6, 25), null, "", OFFICE, NOW));
    assertEquals("plan_not_reschedulable", e.code());
  }

  @Test
  @DisplayName("a held meeting cannot be dated again, nor held twice")
  void heldMeetingIsSettled() {
    Plan p = seed001().announce(OFFICE, NOW).reschedule("m-jun", LocalDate.of(2026, 6, 18), null, "", OFFICE, NOW)
        .hold("m-jun", OFFICE, NOW);
    assertEquals("meeting_not_reschedulable", assertThrows(DomainException.class, () -> p.reschedule("m-jun",
        LocalDate.of(2026, 6, 19), null, "x", OFFICE, NOW)).code());
    assertEquals("meeting_already_held", assertThrows(DomainException.class, () -> p.hold("m-jun", OFFICE, NOW))
        .code());
  }

  @Test
  @DisplayName("a plan stored before meetings had a state reads back as it was: concluded, its meeting concluded")
  @SuppressWarnings("unchecked")
  void legacyRecord() {
    Map<String, Object> json = new java.util.HashMap<>(Json.readObject(Json.write(seed001().toJson())));
    json.put("status", "concluded");
    json.put("conclusionDate", "2026-06-22");
    json.put("meetings", List.of(Map.of("id", "m1", "date", "2026-06-18", "venue", "Hội trường", "villages",
        List.of(), "note", ""), Map.of("id", "m2", "venue", "", "villages", List.of(), "note", "")));
    Plan old = Plan.fromJson(json);
    assertEquals(MeetingState.CONCLUDED, old.content().meeting("m1").get().state());
    assertEquals(Optional.of(LocalDate.of(2026, 6, 22)), old.content().meeting("m1").get().concludedOn());
    assertEquals(MeetingState.PLANNED, old.content().meeting("m2").get().state());
  }

  @Test
  @DisplayName("a quarterly plan entered in May holds a meeting per quarter still to come, each known by its window")
  void quarterly() {
    PlanContent c = PlanContent.read(new vn.doithoai.core.common.Input(Map.of("year", 2026, "issuer",
        "party-committee", "title", "Kế hoạch 2026", "hosts", List.of(Map.of("position", "Bí thư Đảng ủy")),
        "audience", "MTTQ và các đoàn thể", "recurrence", "quarterly", "meetings", List.of(Map.of("id", "m-jun",
            "dateFrom", "2026-06-01", "dateTo", "2026-06-30", "venue", "Phòng họp tầng 3")),
        "profile", "bac-ninh-08")), vn.doithoai.core.rules.RuleProfiles.shipped(), "bac-ninh-08",
        LocalDate.of(2026, 5, 11));
    assertEquals(List.of("m-jun", "q2", "q3", "q4"), c.meetings().stream().map(Meeting::id).toList(),
        "the first quarter is over");
    Meeting q3 = c.meeting("q3").orElseThrow();
    assertEquals(Optional.of(LocalDate.of(2026, 7, 1)), q3.from());
    assertEquals(Optional.of(LocalDate.of(2026, 9, 30)), q3.to());
    assertEquals(Optional.empty(), q3.date());
    assertEquals("Giao ban hằng quý, quý III/2026", q3.note());
  }
}
