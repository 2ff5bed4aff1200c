package vn.doithoai.core.conclusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.document.ConclusionDocument;
import vn.doithoai.core.document.DocumentHtml;
import vn.doithoai.core.meeting.MeetingRecord;
import vn.doithoai.core.opinion.Channel;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.OpinionField;
import vn.doithoai.core.opinion.OpinionParts;
import vn.doithoai.core.plan.Issuer;
import vn.doithoai.core.plan.Plan;
import vn.doithoai.core.plan.PlanContent;
import vn.doithoai.core.rules.RuleProfiles;

class ConclusionTest {
  static final Instant NOW = Instant.parse("2025-11-21T02:00:00Z");
  static final Actor OFFICE = new Actor("u1", "VP", "demo", Set.of(Role.OFFICE), Optional.empty());
  static final Actor HOST = new Actor("u2", "Bí thư", "demo", Set.of(Role.HOST), Optional.empty());
  static final Commune COMMUNE = new Commune("demo", "Xã Thiên Hòa", "Lạng Sơn", "lang-son-320", "VP Đảng ủy",
      "VP HĐND và UBND", "vp@example.vn", null, null, null, List.of(), 1, NOW);
  static final String HOSTILE = "<script>alert('x')</script> =cmd|' /C calc'!A0\r\nDòng hai";

  static Plan plan(String issuer) {
    PlanContent content = PlanContent.read(new Input(Map.of("year", 2025, "issuer", issuer, "title", "Kế hoạch",
        "hosts", List.of(Map.of("position", "Bí thư Đảng ủy", "name", "Vy Xuân Tình")), "audience", "Nhân dân",
        "meetings", List.of(Map.of("id", "m1", "date", "2025-11-20", "villages", List.of("thôn Nà Pàn"))),
        "distribution", List.of("Văn phòng Tỉnh ủy", "Lưu Văn phòng Đảng ủy"), "profile", "lang-son-320")),
        RuleProfiles.shipped(), "lang-son-320", java.time.LocalDate.MIN);
    return Plan.draft("p1", "demo", content, OFFICE, NOW);
  }

  static List<Opinion> opinions() {
    Opinion atMeeting = Opinion.received("o1", "demo", Optional.of("p1"), "DT-AAAA-0001", "Đèn đường hỏng",
        OpinionField.INFRASTRUCTURE, Channel.SPOKEN, List.of(), Optional.empty(), NOW, OFFICE);
    Opinion assigned = Opinion.received("o2", "demo", Optional.of("p1"), "DT-AAAA-0002", HOSTILE,
        OpinionField.LAND, Channel.WEBSITE, List.of(), Optional.empty(), NOW, OFFICE)
        .accept(Optional.of("p1"), OpinionField.LAND, OFFICE, NOW)
        .assign("phong-kinh-te", "Phòng Kinh tế", LocalDate.of(2025, 12, 29), LocalDate.of(2026, 1, 13), OFFICE, NOW);
    Opinion complaint = Opinion.received("o3", "demo", Optional.of("p1"), "DT-AAAA-0003", "Khiếu nại thu hồi đất",
        OpinionField.LAND, Channel.WEBSITE, List.of(), Optional.empty(), NOW, OFFICE)
        .redirect(java.util.Optional.empty(), OpinionParts.RedirectKind.COMPLAINT, "hướng dẫn", OFFICE, NOW);
    return List.of(atMeeting, assigned, complaint);
  }

  static MeetingRecord record() {
    return MeetingRecord.read("m1", new Input(Map.of("attendees", 120, "chair", "Vy Xuân Tình", "secretary",
        "Hoàng Thị Lan", "raised", List.of(Map.of("opinion", "o1", "answeredAtMeeting", true, "answer",
            "Xã thay bóng đèn trong tuần.")))));
  }

  @Test
  @DisplayName("the draft sorts the meeting's outcomes: resolved at the meeting, assigned with due date, redirected")
  void draft() {
    Conclusion c = DraftingConclusion.draft("c1", plan("party-committee"), record(), opinions(), OFFICE, NOW);
    assertEquals(1, c.content().resolved().size());
    assertEquals("Phòng Kinh tế", c.content().assigned().get(0).agency());
    assertEquals(LocalDate.of(2025, 12, 29), c.content().assigned().get(0).due());
    assertEquals(1, c.content().redirected().size());
    assertEquals("T/M", c.content().signer().mode());
    assertEquals("Lưu Văn phòng Đảng ủy.", c.content().distribution().get(c.content().distribution().size() - 1));
  }

  @Test
  @DisplayName("draft → approve (host) → publish with its number; published is immutable; a correction is a new edition")
  void lifecycle() {
    Conclusion c = DraftingConclusion.draft("c1", plan("peoples-committee"), record(), opinions(), OFFICE, NOW);
    assertEquals("conclusion_not_approved", assertThrows(DomainException.class,
        () -> c.publish(new DocumentNumber(Issuer.PEOPLES_COMMITTEE, "TB", 12), LocalDate.of(2025, 12, 1), OFFICE,
            NOW)).code());
    Conclusion published = c.approve(HOST, NOW).publish(new DocumentNumber(Issuer.PEOPLES_COMMITTEE, "TB", 12),
        LocalDate.of(2025, 12, 1), OFFICE, NOW);
    assertEquals("Số: 12/TB-UBND", published.number().orElseThrow().text());
    assertEquals("Thông báo số 12/TB-UBND", published.toJson().get("reference"), "the API's running-text form");
    assertEquals("Thông báo số 12/TB-UBND", published.audit().get(published.audit().size() - 1).detail());
    assertThrows(DomainException.class, () -> published.edit(published.content(), OFFICE, NOW));
    Conclusion correction = published.correction("c2", OFFICE, NOW);
    assertEquals(2, correction.edition());
    assertEquals(Optional.of("c1"), correction.corrects());
    assertEquals(ConclusionStatus.DRAFT, correction.status());
    assertEquals(published, Conclusion.fromJson(published.toJson()), "stored and read back unchanged");
  }

  static Plan planWithoutHostName() {
    PlanContent content = PlanContent.read(new Input(Map.of("year", 2025, "issuer", "peoples-committee", "title",
        "Kế hoạch", "hosts", List.of(Map.of("position", "Chủ tịch UBND xã")), "audience", "Nhân dân",
        "meetings", List.of(Map.of("id", "m1", "date", "2025-11-20")), "profile", "lang-son-320")),
        RuleProfiles.shipped(), "lang-son-320", java.time.LocalDate.MIN);
    return Plan.draft("p1", "demo", content, OFFICE, NOW);
  }

  @Test
  @DisplayName("the signer is the plan's host, else the meeting's chair")
  void signerFromChair() {
    Conclusion c = DraftingConclusion.draft("c1", planWithoutHostName(), record(), opinions(), OFFICE, NOW);
    assertEquals("Vy Xuân Tình", c.content().signer().name());
    assertEquals("CHỦ TỊCH", c.content().signer().position());
  }

  @Test
  @DisplayName("no approval and no publication without the signer's name and title: 409 in Vietnamese")
  void unsignedIsRefused() {
    MeetingRecord noChair = new MeetingRecord("m1", 120, List.of(), List.of(), " ", "Hoàng Thị Lan", List.of(),
        record().raised(), "");
    Conclusion c = DraftingConclusion.draft("c1", planWithoutHostName(), noChair, opinions(), OFFICE, NOW);
    DomainException e = assertThrows(DomainException.class, () -> c.approve(HOST, NOW));
    assertEquals("conclusion_unsigned", e.code());
    assertEquals(DomainException.Kind.CONFLICT, e.kind());
    assertTrue(e.getMessage().contains("họ tên"), e.getMessage());
    Map<String, Object> approvedUnsigned = new java.util.LinkedHashMap<>(
        DraftingConclusion.draft("c1", plan("peoples-committee"), record(), opinions(), OFFICE, NOW).approve(HOST, NOW)
            .toJson());
    approvedUnsigned.put("signer", Map.of("mode", "TM.", "authority", "ỦY BAN NHÂN DÂN", "position", "", "name",
        "Vy Xuân Tình"));
    DomainException p = assertThrows(DomainException.class, () -> Conclusion.fromJson(approvedUnsigned)
        .publish(new DocumentNumber(Issuer.PEOPLES_COMMITTEE, "TB", 1), LocalDate.of(2025, 12, 1), OFFICE, NOW));
    assertEquals("conclusion_unsigned", p.code());
    assertTrue(p.getMessage().contains("chức vụ") && p.getMessage().endsWith("ban hành."), p.getMessage());
  }

  @Test
  @DisplayName("the notice counts the matters raised, not only the speakers: never \"0 lượt ý kiến phát biểu\"")
  void countsMatters() {
    Conclusion c = DraftingConclusion.draft("c1", plan("party-committee"), record(), opinions(), OFFICE, NOW);
    assertEquals("Hội nghị có 120 đại biểu và Nhân dân tham dự; 1 nội dung, ý kiến, kiến nghị được nêu, trong đó"
        + " 1 nội dung được trả lời ngay tại hội nghị.", c.content().discussed());
    MeetingRecord spoken = new MeetingRecord("m1", 80, List.of(), List.of(), "Vy Xuân Tình", "Hoàng Thị Lan",
        List.of(new MeetingRecord.Speaker("Ông Hoàng Văn Nam", "", "o1"), new MeetingRecord.Speaker("Bà Lý Thị Hà",
            "", "o2")), List.of(new MeetingRecord.Raised("o1", true, "Đã trả lời."), new MeetingRecord.Raised("o2",
                false, ""), new MeetingRecord.Raised("o2", false, "")), "");
    assertEquals("Hội nghị có 80 đại biểu và Nhân dân tham dự; 2 lượt ý kiến phát biểu; 2 nội dung, ý kiến, kiến"
        + " nghị được nêu, trong đó 1 nội dung được trả lời ngay tại hội nghị.", DraftingConclusion.discussed(spoken, 1));
  }

  @Test
  @DisplayName("raisedBy is stored and read back; a notice stored before it existed reads it as null")
  @SuppressWarnings("unchecked")
  void raisedByJson() {
    Conclusion c = DraftingConclusion.draft("c1", plan("party-committee"), record(), opinions(), OFFICE, NOW);
    Conclusion.Item withLabel = new Conclusion.Item("o9", "DT-AAAA-0009", "Nội dung", null, null,
        "Cử tri thôn Nà Pàn");
    Conclusion.Content content = new Conclusion.Content(c.content().title(), c.content().discussed(),
        List.of(withLabel), c.content().assigned(), c.content().forwarded(), c.content().redirected(),
        c.content().closing(), c.content().signer(), c.content().distribution());
    Conclusion edited = c.edit(content, OFFICE, NOW);
    assertEquals(edited, Conclusion.fromJson(edited.toJson()));
    Map<String, Object> old = new java.util.LinkedHashMap<>(edited.toJson());
    List<Object> items = new java.util.ArrayList<>();
    for (Object o : (List<Object>) old.get("resolved")) {
      Map<String, Object> item = new java.util.LinkedHashMap<>((Map<String, Object>) o);
      item.remove("raisedBy");
      items.add(item);
    }
    old.put("resolved", items);
    assertEquals(null, Conclusion.fromJson(old).content().resolved().get(0).raisedBy());
    assertEquals("Nội dung", Conclusion.fromJson(old).content().resolved().get(0).text());
  }

  @Test
  @DisplayName("numbers: state per type and year (Số: 12/TB-UBND), Party per term (Số 12-TB/ĐU)")
  void numbers() {
    assertEquals("Số 12-TB/ĐU", new DocumentNumber(Issuer.PARTY_COMMITTEE, "TB", 12).text());
    assertEquals("UBND#TB#2026", DocumentNumber.counter(Issuer.PEOPLES_COMMITTEE, "TB", 2026));
    assertEquals("DU#TB#term-2025-2030", DocumentNumber.counter(Issuer.PARTY_COMMITTEE, "TB", 2026));
    assertEquals("DU#TB#term-2020-2025", DocumentNumber.counter(Issuer.PARTY_COMMITTEE, "TB", 2024));
  }

  @Test
  @DisplayName("numbers have two digits at least (Số: 01/TB-UBND, Số 01-TB/ĐU); running text says \"Thông báo số 01/TB-UBND\"")
  void twoDigitNumbers() {
    assertEquals("Số: 01/TB-UBND", new DocumentNumber(Issuer.PEOPLES_COMMITTEE, "TB", 1).text());
    assertEquals("Số 09-TB/ĐU", new DocumentNumber(Issuer.PARTY_COMMITTEE, "TB", 9).text());
    assertEquals("Số: 123/TB-UBND", new DocumentNumber(Issuer.PEOPLES_COMMITTEE, "TB", 123).text());
    assertEquals("Thông báo số 01/TB-UBND", new DocumentNumber(Issuer.PEOPLES_COMMITTEE, "TB", 1).inSentence("Thông báo"));
    assertEquals("Báo cáo số 02-BC/ĐU", new DocumentNumber(Issuer.PARTY_COMMITTEE, "BC", 2).inSentence("Báo cáo"));
    assertEquals("07-KH/ĐU", DocumentNumber.twoDigits("7-KH/ĐU"));
    assertEquals("48/KH-UBND", DocumentNumber.twoDigits("48/KH-UBND"));
  }

  @Test
  @DisplayName("a number as the office typed it reads in a sentence as \"Kế hoạch số 01/KH-UBND\", never \"số Số:\"")
  void typedNumberInSentence() {
    assertEquals("Kế hoạch số 01/KH-UBND", DocumentNumber.inSentence("Kế hoạch", "Số: 1/KH-UBND"));
    assertEquals("Kế hoạch số 12-KH/ĐU", DocumentNumber.inSentence("Kế hoạch", " số 12-KH/ĐU "));
    assertEquals("Kế hoạch số 48/KH-UBND", DocumentNumber.inSentence("Kế hoạch", "48/KH-UBND"));
    assertEquals("Kế hoạch", DocumentNumber.inSentence("Kế hoạch", "  "));
    assertEquals("Kế hoạch", DocumentNumber.inSentence("Kế hoạch", null));
  }

  @Test
  @DisplayName("state layout (Decree 30): every element in order; hostile text escaped and intact")
  void stateHtml() {
    Conclusion c = DraftingConclusion.draft("c1", plan("peoples-committee"), record(), opinions(), OFFICE, NOW)
        .approve(HOST, NOW).publish(new DocumentNumber(Issuer.PEOPLES_COMMITTEE, "TB", 12), LocalDate.of(2025, 12, 1),
            OFFICE, NOW);
    String html = DocumentHtml.render(ConclusionDocument.of(c, COMMUNE));
    assertInOrder(html, "ỦY BAN NHÂN DÂN", "XÃ THIÊN HÒA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Số: 12/TB-UBND", "Thiên Hòa, ngày 01 tháng 12 năm 2025", "THÔNG BÁO",
        "I. NỘI DUNG ĐÃ ĐỐI THOẠI", "II. NHỮNG NỘI DUNG ĐÃ ĐƯỢC GIẢI QUYẾT", "III. NHỮNG NỘI DUNG GIAO",
        "Phòng Kinh tế", "29/12/2025", "IV. NHỮNG NỘI DUNG HƯỚNG DẪN", "V. TỔ CHỨC THỰC HIỆN", "Nơi nhận:",
        "Lưu: VT, VP.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Vy Xuân Tình");
    assertFalse(html.contains("<script>"));
    assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; =cmd|&#39; /C calc&#39;!A0"), html);
    assertTrue(html.contains("font-family: 'Times New Roman'") && html.contains("size: A4"));
  }

  @Test
  @DisplayName("Party layout: ĐẢNG CỘNG SẢN VIỆT NAM, the * under the issuing body, Số 12-TB/ĐU, T/M BAN THƯỜNG VỤ")
  void partyHtml() {
    Conclusion c = DraftingConclusion.draft("c1", plan("party-committee"), record(), opinions(), OFFICE, NOW)
        .approve(HOST, NOW).publish(new DocumentNumber(Issuer.PARTY_COMMITTEE, "TB", 12), LocalDate.of(2025, 12, 1),
            OFFICE, NOW);
    assertInOrder(DocumentHtml.render(ConclusionDocument.of(c, COMMUNE)), "ĐẢNG BỘ TỈNH LẠNG SƠN", "ĐẢNG ỦY XÃ THIÊN HÒA", "*",
        "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 12-TB/ĐU", "THÔNG BÁO", "Nơi nhận:", "T/M BAN THƯỜNG VỤ", "BÍ THƯ");
  }

  static void assertInOrder(String text, String... parts) {
    int at = 0;
    for (String p : parts) {
      int i = text.indexOf(p, at);
      assertTrue(i >= 0, "missing or out of order: " + p);
      at = i + p.length();
    }
  }
}
