package vn.doithoai.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.doithoai.core.fixtures.DialogueFixtures.OFFICE;
import static vn.doithoai.core.fixtures.DialogueFixtures.PLAN_ID;
import static vn.doithoai.core.fixtures.DialogueFixtures.answeredAtMeeting;
import static vn.doithoai.core.fixtures.DialogueFixtures.answeredInWriting;
import static vn.doithoai.core.fixtures.DialogueFixtures.assigned;
import static vn.doithoai.core.fixtures.DialogueFixtures.compiled;
import static vn.doithoai.core.fixtures.DialogueFixtures.received;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.opinion.Channel;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.OpinionField;
import vn.doithoai.core.opinion.OpinionParts.RedirectKind;
import vn.doithoai.core.opinion.OpinionParts.RefusalReason;
import vn.doithoai.core.stats.DialogueStatistics.Count;

/** The numbers of the report of results: what was raised, what became of it, what was answered on time. */
class DialogueStatisticsTest {
  static final LocalDate TODAY = LocalDate.of(2025, 12, 30);
  static final Instant LATER = Instant.parse("2025-11-06T01:00:00Z");
  static final LocalDate EXTENDED = LocalDate.of(2026, 1, 5);

  /**
   * Seed 000's dialogue on 30/12/2025: ten matters (one more merged into another), 35 people; five assigned
   * with answers due 19/12 — one on time, one on time thanks to an extension, one late, one overdue, one
   * extended and still in progress.
   */
  static List<Opinion> dialogue() {
    Opinion roadReceived = received("DT-0003-ROAD", OpinionField.INFRASTRUCTURE, Channel.VILLAGE,
        "Đường liên thôn Nà Pàn – Khòn Pổ sạt lở, đề nghị sửa chữa.");
    Opinion same = received("DT-0009-SAME", OpinionField.INFRASTRUCTURE, Channel.WEBSITE, "Đường liên thôn hỏng.");
    Opinion merged = same.mergeInto(roadReceived, OFFICE, LATER);
    return List.of(
        answeredInWriting(assigned(received("DT-0001-LAND", OpinionField.LAND, Channel.WEBSITE,
            "Đề nghị cấp giấy chứng nhận quyền sử dụng đất.")), LocalDate.of(2025, 12, 15)),
        answeredInWriting(assigned(compiled("DT-0002-DRAI", OpinionField.ENVIRONMENT, 25,
            "Mương thoát nước thôn Khòn Pổ bị tắc.")).extend(EXTENDED, "Chờ kinh phí", OFFICE, LATER),
            TODAY),
        answeredInWriting(assigned(roadReceived.absorb(same, OFFICE, LATER)), LocalDate.of(2025, 12, 22)),
        assigned(received("DT-0004-WAST", OpinionField.ENVIRONMENT, Channel.SPOKEN,
            "Rác thải tập kết bên đường gây ô nhiễm, đề nghị bố trí điểm thu gom.")),
        answeredAtMeeting(received("DT-0005-SCHL", OpinionField.EDUCATION, Channel.MEETING_CARD,
            "Đề nghị xây thêm phòng học.")),
        received("DT-0006-KNAI", OpinionField.LAND, Channel.WEBSITE, "Khiếu nại quyết định thu hồi đất.")
            .redirect(java.util.Optional.empty(), RedirectKind.COMPLAINT, RedirectKind.COMPLAINT.defaultGuidance(), OFFICE, LATER),
        received("DT-0007-QHOA", OpinionField.CONSTRUCTION_PLANNING, Channel.UNION, "Quy hoạch khu dân cư mới.")
            .forward(java.util.Optional.empty(), "UBND tỉnh Lạng Sơn", "Thuộc thẩm quyền của tỉnh", OFFICE, LATER),
        received("DT-0008-XUCP", OpinionField.OTHER, Channel.PARTY_CELL, "Nội dung xúc phạm cán bộ.")
            .refuse(RefusalReason.UNLAWFUL_CONTENT, "", OFFICE, LATER),
        merged,
        assigned(received("DT-0010-THUO", OpinionField.HEALTH, Channel.STAFF_ENTRY, "Trạm y tế thiếu thuốc."))
            .extend(EXTENDED, "Chờ cấp thuốc từ tỉnh", OFFICE, LATER),
        answeredAtMeeting(received("DT-0011-CSXH", OpinionField.SOCIAL_POLICY, Channel.SPOKEN,
            "Chế độ cho người có công.")).close("", OFFICE, LATER));
  }

  static DialogueStatistics stats() {
    return DialogueStatistics.forPlan(PLAN_ID, dialogue(), TODAY);
  }

  static Map<String, Count> byCode(List<Count> counts) {
    return counts.stream().collect(Collectors.toMap(Count::code, Function.identity()));
  }

  @Test
  @DisplayName("a merged opinion is counted once, in the opinion that absorbed it and its raiser")
  void mergedOnce() {
    DialogueStatistics s = stats();
    assertEquals(10, s.opinions());
    assertEquals(1, s.mergedAway());
    assertEquals(35, s.raisers(), "25 from the Front's list, 2 on the road, one each for the other eight");
    Count road = byCode(s.byField()).get("infrastructure");
    assertEquals(1, road.opinions());
    assertEquals(2, road.raisers());
  }

  @Test
  @DisplayName("by field: every field listed, zeros included, with opinions, raisers and share")
  void byField() {
    Map<String, Count> f = byCode(stats().byField());
    assertEquals(OpinionField.values().length, f.size());
    assertEquals(new Count("land", "Đất đai", 2, 2, Optional.of(new BigDecimal("20.0"))), f.get("land"));
    assertEquals(2, f.get("environment").opinions());
    assertEquals(26, f.get("environment").raisers());
    assertEquals(0, f.get("security-order").opinions());
    assertEquals(Optional.of(new BigDecimal("0.0")), f.get("security-order").percent());
    assertEquals(10, stats().byField().stream().mapToInt(Count::opinions).sum());
  }

  @Test
  @DisplayName("by channel: as the opinions reached the commune")
  void byChannel() {
    Map<String, Count> c = byCode(stats().byChannel());
    assertEquals(2, c.get("website").opinions());
    assertEquals(2, c.get("spoken").opinions());
    assertEquals(25, c.get("front").raisers());
    assertEquals("Phiếu câu hỏi tại hội nghị", c.get("meeting-card").text());
    assertEquals(10, stats().byChannel().stream().mapToInt(Count::opinions).sum());
  }

  @Test
  @DisplayName("by outcome: answered at the meeting or in writing, in progress, forwarded, redirected, refused, closed")
  void byOutcome() {
    Map<String, Integer> o = stats().byOutcome().stream().collect(Collectors.toMap(Count::code, Count::opinions));
    assertEquals(Map.of("received", 0, "accepted", 0, "in-progress", 2, "answered-at-meeting", 1,
        "answered-in-writing", 3, "closed", 1, "forwarded", 1, "redirected", 1, "refused", 1), o);
  }

  @Test
  @DisplayName("on time: two of three answers (one thanks to its extension), one late, one overdue, one in progress")
  void onTimeRate() {
    DialogueStatistics.Answers a = stats().answers();
    assertEquals(new DialogueStatistics.Answers(5, 3, 2, 1, 1, 1, Optional.of(new BigDecimal("66.7"))), a);
  }

  @Test
  @DisplayName("the overdue list: code, agency, current due date, calendar days past it, shortened content")
  void overdueList() {
    List<DialogueStatistics.Overdue> overdue = stats().overdue();
    assertEquals(1, overdue.size());
    DialogueStatistics.Overdue o = overdue.get(0);
    assertEquals("DT-0004-WAST", o.trackingCode());
    assertEquals("Công chức Địa chính - Xây dựng", o.agency());
    assertEquals(LocalDate.of(2025, 12, 19), o.due());
    assertEquals(11, o.daysOverdue());
  }

  @Test
  @DisplayName("a long content is cut between words with an ellipsis; a decomposed letter is never split")
  void shortened() {
    String nfd = Normalizer.normalize("Đề nghị xã xem xét việc cấp giấy chứng nhận quyền sử dụng đất ",
        Normalizer.Form.NFD);
    String s = DialogueStatistics.shorten(nfd.repeat(5), 120);
    assertTrue(s.length() <= 120, s);
    assertTrue(s.endsWith("…"));
    String kept = s.substring(0, s.length() - 1);
    assertTrue(nfd.repeat(5).startsWith(kept), "a prefix of the original");
    assertEquals(kept, Normalizer.normalize(kept, Normalizer.Form.NFD), "no dangling combining mark");
    assertTrue(Character.getType(nfd.repeat(5).charAt(kept.length())) != Character.NON_SPACING_MARK);
    assertEquals("Ngắn gọn.", DialogueStatistics.shorten("  Ngắn\n gọn.  ", 120));
  }

  @Test
  @DisplayName("nothing to count: zeros, empty lists, and no rate (null, not NaN)")
  void empty() {
    DialogueStatistics s = DialogueStatistics.forPlan("p_none", List.of(), TODAY);
    assertEquals(0, s.opinions());
    assertEquals(new DialogueStatistics.Answers(0, 0, 0, 0, 0, 0, Optional.empty()), s.answers());
    assertTrue(s.overdue().isEmpty());
    assertTrue(s.byField().stream().allMatch(c -> c.opinions() == 0 && c.percent().isEmpty()));
    String json = Json.write(s.toJson());
    assertTrue(json.contains("\"onTimeRate\":null"), json);
    assertTrue(!json.contains("NaN"), json);
  }

  @Test
  @DisplayName("per plan: opinions of another plan or of none are left out")
  void perPlan() {
    List<Opinion> all = new ArrayList<>(dialogue());
    all.add(Opinion.received("o_other", "xa-tan-thanh", Optional.of("p_other"), "DT-9999-OTHR", "Khác",
        OpinionField.OTHER, Channel.WEBSITE, List.of(), Optional.empty(), LATER, OFFICE));
    all.add(Opinion.received("o_loose", "xa-tan-thanh", Optional.empty(), "DT-9999-LOOS", "Khác",
        OpinionField.OTHER, Channel.WEBSITE, List.of(), Optional.empty(), LATER, OFFICE));
    assertEquals(10, DialogueStatistics.forPlan(PLAN_ID, all, TODAY).opinions());
    assertEquals(12, DialogueStatistics.forYear(2025, all, TODAY).opinions(), "a year takes what it is given");
  }

  @Test
  @DisplayName("JSON: the scope first, stable key order, codes with Vietnamese labels, one-decimal numbers")
  void json() {
    String plan = Json.write(stats().toJson());
    assertTrue(plan.startsWith("{\"scope\":\"plan\",\"planId\":\"p_7k3m9qx2ab4t\",\"scopeText\":\"Theo kế hoạch\","
        + "\"today\":\"2025-12-30\",\"opinions\":10,\"raisers\":35,\"mergedAway\":1,\"byField\":[{\"code\":\"land\","
        + "\"text\":\"Đất đai\",\"opinions\":2,\"raisers\":2,\"percent\":20.0}"), plan);
    assertTrue(plan.contains("\"answers\":{\"assigned\":5,\"answered\":3,\"onTime\":2,\"late\":1,"
        + "\"overdueUnanswered\":1,\"inProgress\":1,\"onTimeRate\":66.7}"), plan);
    assertTrue(plan.contains("\"overdue\":[{\"opinionId\":\"o_dt-0004-wast\",\"trackingCode\":\"DT-0004-WAST\","
        + "\"agencyId\":\"dia-chinh\",\"agency\":\"Công chức Địa chính - Xây dựng\",\"due\":\"2025-12-19\","
        + "\"daysOverdue\":11,"), plan);
    String year = Json.write(DialogueStatistics.forYear(2025, dialogue(), TODAY).toJson());
    assertTrue(year.startsWith("{\"scope\":\"year\",\"year\":2025,\"scopeText\":\"Năm 2025\",\"today\""), year);
  }
}
