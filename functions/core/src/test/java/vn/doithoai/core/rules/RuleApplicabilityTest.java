package vn.doithoai.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.doithoai.core.calendar.EntryStatus;
import vn.doithoai.core.calendar.WorkingCalendar;

/** Rules bind by instrument: each seed gets only the rules that bind its issuer, on its dates, by its basis. */
class RuleApplicabilityTest {
  private final DeadlineScheduling scheduling = new DeadlineScheduling(RuleProfiles.shipped(),
      WorkingCalendar.vietnam());

  static final List<String> SEED_000 = List.of(
      "Quyết định số 320-QĐ/TU, ngày 13/6/2016 của Ban Thường vụ Tỉnh ủy Lạng Sơn");
  static final List<String> SEED_001 = List.of("Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị",
      "Quyết định số 23-QĐ/TW ngày 30/7/2021 của Bộ Chính trị",
      "Quy chế số 08-QC/TU ngày 15/4/2026 của Ban Thường vụ Tỉnh ủy Bắc Ninh");
  static final List<String> SEED_002 = List.of("Quy chế số 03-QC/TU, ngày 18/3/2021 của Ban Thường vụ Tỉnh ủy Hải Dương",
      "Công văn số 115-CV/BDVHU ngày 20/8/2020 của Ban Dân vận Huyện ủy");
  static final List<String> SEED_003 = List.of(
      "Căn cứ Điều 43 của Luật Tổ chức Chính quyền địa phương ngày 16 tháng 6 năm 2025",
      "Căn cứ Luật Dân chủ ở cơ sở ngày 10 tháng 11 năm 2022");
  static final List<String> SEED_004 = List.of("Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị (khóa XI)");

  /** seed, profile, issuer, legal basis, meeting day, the rules that bind it with the instrument of each. */
  static Stream<Arguments> seeds() {
    return Stream.of(
        Arguments.of("000 Thiên Hòa (Đảng ủy, Lạng Sơn)", "lang-son-320", Authority.PARTY_COMMITTEE, SEED_000,
            LocalDate.of(2025, 11, 20), Map.of("front.opinions-compiled", "lang-son-320", "meeting.notice",
                "lang-son-320", "conclusion.notice", "lang-son-320", "opinion.resolution", "lang-son-320",
                "opinion.written-reply", "qdi-11-2019")),
        Arguments.of("001 Tân Yên (Đảng ủy, Bắc Ninh)", "bac-ninh-08", Authority.PARTY_COMMITTEE, SEED_001,
            LocalDate.of(2026, 6, 18), Map.of("meeting.notice", "bac-ninh-08", "opinion.written-reply",
                "qdi-11-2019")),
        Arguments.of("002 Bình Lãng (UBND, 2021)", "hai-duong-03", Authority.PEOPLES_COMMITTEE, SEED_002,
            LocalDate.of(2021, 10, 28), Map.of("meeting.notice", "hai-duong-03", "meeting.evaluation",
                "hai-duong-03", "opinion.resolution", "hai-duong-03")),
        Arguments.of("003 Quảng Sơn (UBND, Luật 2025)", "national-2025", Authority.PEOPLES_COMMITTEE, SEED_003,
            LocalDate.of(2026, 5, 14), Map.of("meeting.notice", "lgl-2025-art43", "results.report", "plan-text",
                "conclusion.notice", "lgl-2025-art43")),
        Arguments.of("004 Xuân Trường (Đảng ủy)", "national-floor", Authority.PARTY_COMMITTEE, SEED_004,
            LocalDate.of(2025, 11, 20), Map.of("opinion.written-reply", "qdi-11-2019")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("seeds")
  @DisplayName("each seed gets exactly the rules that bind it, each with its instrument")
  void perSeed(String seed, String profile, Authority issuer, List<String> basis, LocalDate meeting,
      Map<String, String> expected) {
    DeadlineSchedule s = scheduling.schedule(profile, PlanAnchors.meetingOn(meeting), PlanOverrides.none(),
        PlanDeclaration.of(issuer, basis));
    Map<String, String> got = s.deadlines().stream().collect(Collectors.toMap(Deadline::ruleId,
        d -> s.basis(d.ruleId()).orElseThrow().instrumentId()));
    assertEquals(expected, got, seed + " — left out: " + s.notApplied());
  }

  @Test
  @DisplayName("seed 000 (Party plan citing 320-QĐ/TU only): the conclusion is due 04/12/2025 by Lạng Sơn's 10 working days, not the art. 43 floor")
  void seed000GetsLangSon() {
    DeadlineSchedule s = scheduling.schedule("lang-son-320", PlanAnchors.meetingOn(LocalDate.of(2025, 11, 20)),
        PlanOverrides.none(), PlanDeclaration.of(Authority.PARTY_COMMITTEE, SEED_000));
    Deadline conclusion = s.deadlines().stream().filter(d -> d.ruleId().equals("conclusion.notice")).findFirst()
        .orElseThrow();
    assertEquals(LocalDate.of(2025, 12, 4), conclusion.due().orElseThrow());
    assertEquals("lang-son-320", conclusion.origin());
    assertTrue(conclusion.warnings().isEmpty(), conclusion.warnings().toString());
    assertTrue(s.notApplied().stream().anyMatch(n -> n.contains("Điều 43") && n.contains("chỉ ràng buộc Ủy ban nhân dân")),
        s.notApplied().toString());
  }

  @Test
  @DisplayName("the same plan declaring art. 43 as well: the law's 10 days are stricter, due 01/12/2025")
  void seed000DeclaringArticle43() {
    List<String> basis = List.of(SEED_000.get(0), "Điều 43 Luật Tổ chức chính quyền địa phương năm 2025");
    DeadlineSchedule s = scheduling.schedule("lang-son-320", PlanAnchors.meetingOn(LocalDate.of(2025, 11, 20)),
        PlanOverrides.none(), PlanDeclaration.of(Authority.PARTY_COMMITTEE, basis));
    Deadline conclusion = s.deadlines().stream().filter(d -> d.ruleId().equals("conclusion.notice")).findFirst()
        .orElseThrow();
    assertEquals(LocalDate.of(2025, 12, 1), conclusion.due().orElseThrow());
    assertEquals("lgl-2025-art43", s.basis("conclusion.notice").orElseThrow().instrumentId());
    assertTrue(s.basis("conclusion.notice").orElseThrow().why().startsWith("Kế hoạch căn cứ"));
  }

  @Test
  @DisplayName("art. 43 binds a People's Committee plan only from 16/06/2025, the law's effective date")
  void article43FromEffectiveDate() {
    PlanDeclaration pc = PlanDeclaration.of(Authority.PEOPLES_COMMITTEE, List.of());
    DeadlineSchedule before = scheduling.schedule("national-floor", PlanAnchors.meetingOn(LocalDate.of(2025, 6, 13)),
        PlanOverrides.none(), pc);
    DeadlineSchedule on = scheduling.schedule("national-floor", PlanAnchors.meetingOn(LocalDate.of(2025, 6, 16)),
        PlanOverrides.none(), pc);
    assertTrue(before.deadlines().isEmpty(), before.deadlines().toString());
    assertTrue(before.notApplied().stream().anyMatch(n -> n.contains("chỉ có hiệu lực từ 16/06/2025")));
    assertEquals(Set.of("meeting.notice", "conclusion.notice"),
        on.deadlines().stream().map(Deadline::ruleId).collect(Collectors.toSet()));
  }

  @Test
  @DisplayName("the written reply attributed to 11-QĐi/TW reminds but never escalates until an admin confirms it")
  void unconfirmedNeverEscalates() {
    PlanDeclaration party = PlanDeclaration.of(Authority.PARTY_COMMITTEE, SEED_004);
    PlanAnchors anchors = PlanAnchors.meetingOn(LocalDate.of(2025, 11, 20));
    DeadlineSchedule s = scheduling.schedule("national-floor", anchors, PlanOverrides.none(), party);
    Deadline reply = s.deadlines().get(0);
    assertEquals("opinion.written-reply", reply.ruleId());
    assertFalse(reply.reminders().isEmpty(), "it still reminds");
    assertTrue(reply.escalations().isEmpty(), "no overdue ladder while unconfirmed");
    RuleBasis basis = s.basis(reply.ruleId()).orElseThrow();
    assertEquals(EntryStatus.UNCONFIRMED, basis.status());
    assertFalse(basis.escalates());
    assertTrue(basis.why().contains("không báo quá hạn"), basis.why());

    DeadlineScheduling confirmed = new DeadlineScheduling(RuleProfiles.shipped(), WorkingCalendar.vietnam(),
        Instruments.shipped().confirmed(Set.of("qdi-11-2019")));
    DeadlineSchedule after = confirmed.schedule("national-floor", anchors, PlanOverrides.none(), party);
    assertEquals(2, after.deadlines().get(0).escalations().size());
    assertEquals(EntryStatus.OFFICIAL, after.basis("opinion.written-reply").orElseThrow().status());
  }

  @Test
  @DisplayName("the API shows each deadline's basis and status, and the rules left out")
  void json() {
    DeadlineSchedule s = scheduling.schedule("lang-son-320", PlanAnchors.meetingOn(LocalDate.of(2025, 11, 20)),
        PlanOverrides.none(), PlanDeclaration.of(Authority.PARTY_COMMITTEE, SEED_000));
    Map<String, Object> json = DeadlineJson.schedule(s);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> deadlines = (List<Map<String, Object>>) json.get("deadlines");
    @SuppressWarnings("unchecked")
    Map<String, Object> basis = (Map<String, Object>) deadlines.stream()
        .filter(d -> d.get("rule").equals("conclusion.notice")).findFirst().orElseThrow().get("basis");
    assertEquals("lang-son-320", basis.get("instrument"));
    assertEquals("official", basis.get("status"));
    assertEquals(Boolean.TRUE, basis.get("escalates"));
    assertEquals("2016-06-13", basis.get("from"));
    assertFalse(((List<?>) json.get("notApplied")).isEmpty());
  }

  @Test
  @DisplayName("a deadline counted over a year with no announced arrangement is flagged provisional, in the API too")
  void provisionalCalendarYear() {
    PlanDeclaration pc = PlanDeclaration.of(Authority.PEOPLES_COMMITTEE, SEED_003);
    DeadlineSchedule in2027 = scheduling.schedule("national-2025", PlanAnchors.meetingOn(LocalDate.of(2027, 3, 10)),
        PlanOverrides.none(), pc);
    DeadlineSchedule in2025 = scheduling.schedule("national-2025", PlanAnchors.meetingOn(LocalDate.of(2025, 11, 20)),
        PlanOverrides.none(), pc);
    assertEquals(EntryStatus.PROVISIONAL, in2027.calendarStatus("results.report"));
    assertEquals(EntryStatus.OFFICIAL, in2025.calendarStatus("results.report"));
    @SuppressWarnings("unchecked")
    Map<String, Object> report = ((List<Map<String, Object>>) DeadlineJson.schedule(in2027).get("deadlines")).stream()
        .filter(d -> d.get("rule").equals("results.report")).findFirst().orElseThrow();
    assertEquals("provisional", report.get("calendarStatus"));
    assertTrue(((String) report.get("calendarNote")).startsWith("Lịch nghỉ năm 2027 chưa được công bố chính thức"));
  }
}
