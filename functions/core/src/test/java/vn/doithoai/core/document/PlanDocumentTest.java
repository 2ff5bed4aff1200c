package vn.doithoai.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.doithoai.core.document.Docs.assertInOrder;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.plan.Plan;
import vn.doithoai.core.plan.PlanContent;

class PlanDocumentTest {
  @Test
  @DisplayName("Party plan (seed 000) as HTML: Số 45-KH/ĐU, dated the day it was announced, only what the plan holds")
  void partyHtml() {
    OfficialDocument plan = PlanDocument.of(DocumentFixtures.plan000(), DocumentFixtures.thienHoa());
    String html = DocumentHtml.render(plan);
    Docs.writeToTarget("plan-000.html", html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Docs.writeToTarget("plan-000.docx", DocumentDocx.write(plan));
    assertInOrder(html, "ĐẢNG BỘ TỈNH LẠNG SƠN", "ĐẢNG ỦY XÃ THIÊN HÒA", "*", "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Số 45-KH/ĐU", "Thiên Hòa, ngày 14 tháng 10 năm 2025", "<h1 class=\"party-type\">KẾ HOẠCH</h1>",
        "Đối thoại trực tiếp của Bí thư Đảng ủy, Chủ tịch HĐND xã", "Quyết định số 320-QĐ/TU",
        "I. NỘI DUNG, HÌNH THỨC ĐỐI THOẠI", "<b>Người chủ trì:</b> đồng chí Vy Xuân Tình, Bí thư Đảng ủy",
        "<b>Đối tượng đối thoại:</b> Nhân dân xã Thiên Hòa.</p>", "<b>Địa bàn:</b> thôn Nà Pàn, xã Thiên Hòa.",
        "II. THÀNH PHẦN THAM DỰ", "- Cấp xã:", "- Cấp thôn:", "III. THỜI GIAN, ĐỊA ĐIỂM",
        "Thời gian thực hiện: Quý IV năm 2025", "Đối thoại với Nhân dân thôn Nà Pàn (buổi sáng, từ 8 giờ 00)",
        "Thời gian: <b>Thứ Năm, ngày 20/11/2025</b>; Địa điểm: <b>Nhà văn hóa thôn Nà Pàn</b>",
        "IV. TỔ CHỨC THỰC HIỆN", "1. <b>Ủy ban Mặt trận Tổ quốc Việt Nam xã:</b> Tổng hợp",
        "Bí thư Đảng ủy (hoàn thành trước ngày 10/11/2025).", "2. <b>Văn phòng Đảng ủy:</b> Thông báo kế hoạch",
        "<p>Ra thông báo kết luận của người chủ trì đối thoại.</p>", "3. <b>Công an xã:</b>",
        "(hoàn thành chậm nhất ngày 20/11/2025)", "Ban Thường vụ Đảng ủy yêu cầu các cơ quan, đơn vị",
        "Nơi nhận:", "- Văn phòng Tỉnh ủy,", "- Lưu Văn phòng Đảng ủy.", "T/M BAN THƯỜNG VỤ", "BÍ THƯ",
        "Vy Xuân Tình");
    assertFalse(html.contains("MỤC ĐÍCH"), "purpose and requirements are not stored, so not invented");
    assertEquals(1, html.split("<b>Văn phòng Đảng ủy:</b>", -1).length - 1, "one unit, one heading");
  }

  @Test
  @DisplayName("state plan (seed 002) as DOCX: Số: 48/KH-UBND of 07/10/2021, sections and tasks in order, TM. ỦY BAN NHÂN DÂN")
  void stateDocx() {
    byte[] docx = DocumentDocx.write(PlanDocument.of(DocumentFixtures.plan002(), DocumentFixtures.binhLang()));
    Docs.writeToTarget("plan-002.docx", docx);
    List<String> text = Docs.paragraphs(docx);
    assertInOrder(text, "ỦY BAN NHÂN DÂN", "XÃ BÌNH LÃNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Số: 48/KH-UBND", "Bình Lãng, ngày 07 tháng 10 năm 2021", "KẾ HOẠCH",
        "Tổ chức thực hiện việc tiếp xúc, đối thoại trực tiếp giữa Chủ tịch UBND xã",
        "Thực hiện Quy chế số 03-QC/TU", "I. NỘI DUNG, HÌNH THỨC ĐỐI THOẠI",
        "1. Người chủ trì: đồng chí Trần Xuân Mãng, Chủ tịch UBND xã.", "II. THÀNH PHẦN THAM DỰ", "- Ở huyện:",
        "III. THỜI GIAN, ĐỊA ĐIỂM", "Thời gian thực hiện: 1/2 ngày, 28/10/2021",
        "Thời gian: Thứ Năm, ngày 28/10/2021; Địa điểm: Nhà văn hóa thôn Đông Phong", "IV. TỔ CHỨC THỰC HIỆN",
        "1. Công chức Văn phòng - Thống kê: Phối hợp", "(hoàn thành chậm nhất ngày 27/10/2021)",
        "2. Đài truyền thanh xã", "(hoàn thành trước ngày 21/10/2021)", "3. Công an xã",
        "Ủy ban nhân dân xã yêu cầu", "Nơi nhận:", "- Ban dân vận Huyện ủy;", "- Lưu VP.", "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH", "Trần Xuân Mãng");
  }

  @Test
  @DisplayName("a plan not yet numbered nor announced leaves number and date blank; an archive line is added")
  void draftPlan() {
    Plan announced = DocumentFixtures.plan002();
    PlanContent c = announced.content();
    PlanContent unnumbered = new PlanContent(c.year(), c.issuer(), "", c.title(), c.hosts(), c.delegate(),
        c.audience(), c.villages(), c.form(), c.period(), c.meetings(), c.participants(), c.tasks(),
        List.of("Thường trực Đảng ủy;"), c.legalBasis(), Optional.of("Kế hoạch số 40/KH-UBND ngày 01/9/2021"),
        c.profileId(), c.reading());
    Plan draft = Plan.draft("p-new", "binh-lang", unnumbered, DocumentFixtures.OFFICE, DocumentFixtures.CREATED);
    String html = DocumentHtml.render(PlanDocument.of(draft, DocumentFixtures.binhLang()));
    assertInOrder(html, "Số:      /KH-UBND", "Bình Lãng, ngày     tháng     năm     ", "KẾ HOẠCH",
        "Kế hoạch này thay thế Kế hoạch số 40/KH-UBND ngày 01/9/2021.", "- Thường trực Đảng ủy;", "- Lưu: VT, VP.");
  }

  @Test
  @DisplayName("a meeting planned within a window (seed 004: 'từ 15/11 đến 30/11/2025'): the plan and the poster give "
      + "the window and say the day comes later, never an invented day")
  void meetingWithinAWindow() {
    PlanContent c = DocumentFixtures.plan000().content();
    PlanContent windowed = new PlanContent(c.year(), c.issuer(), c.number(), c.title(), c.hosts(), c.delegate(),
        c.audience(), c.villages(), c.form(), c.period(), List.of(new vn.doithoai.core.plan.PlanParts.Meeting("m1",
            Optional.empty(), Optional.of(java.time.LocalDate.of(2025, 11, 15)),
            Optional.of(java.time.LocalDate.of(2025, 11, 30)), "Hội trường Đảng ủy xã", List.of(), "½ ngày", "",
            null, Optional.empty())), c.participants(), c.tasks(), c.distribution(), c.legalBasis(), c.replaces(),
        c.profileId(), c.reading());
    Plan draft = Plan.draft("p-w", "thien-hoa", windowed, DocumentFixtures.OFFICE, DocumentFixtures.CREATED);
    String html = DocumentHtml.render(PlanDocument.of(draft, DocumentFixtures.thienHoa()));
    assertInOrder(html, "THỜI GIAN, ĐỊA ĐIỂM", "từ ngày 15/11/2025 đến ngày 30/11/2025 (ngày cụ thể thông báo sau)",
        "Hội trường Đảng ủy xã");
  }

  @Test
  @DisplayName("the plan's own prose as the office wrote it: I. Mục đích, yêu cầu, the contents, and the office's issue date")
  void bodySectionsAndIssueDate() {
    Plan announced = DocumentFixtures.plan000();
    PlanContent c = announced.content();
    PlanContent withBody = new PlanContent(c.year(), c.issuer(), c.number(), c.title(), c.hosts(), c.delegate(),
        c.audience(), c.villages(), c.form(), c.period(), c.meetings(), c.participants(), c.tasks(), c.distribution(),
        c.legalBasis(), c.replaces(), c.profileId(), c.reading(), new vn.doithoai.core.plan.PlanBody(
            List.of("Trực tiếp nắm bắt tâm tư nguyện vọng của Nhân dân."),
            List.of("Đối thoại công khai, dân chủ, thẳng thắn."),
            List.of("Thông tin tình hình kinh tế - xã hội của xã năm 2025."),
            Optional.of(java.time.LocalDate.of(2025, 10, 16))));
    Plan plan = Plan.fromJson(new java.util.LinkedHashMap<>(announced.toJson()) {
      {
        putAll(withBody.toJson());
      }
    });
    assertEquals(withBody, plan.content(), "the body is stored and read back");
    String html = DocumentHtml.render(PlanDocument.of(plan, DocumentFixtures.thienHoa()));
    assertInOrder(html, "Thiên Hòa, ngày 16 tháng 10 năm 2025", "KẾ HOẠCH", "Quyết định số 320-QĐ/TU",
        "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "Trực tiếp nắm bắt tâm tư nguyện vọng của Nhân dân.", "2. Yêu cầu",
        "Đối thoại công khai, dân chủ, thẳng thắn.", "II. NỘI DUNG, HÌNH THỨC ĐỐI THOẠI",
        "Thông tin tình hình kinh tế - xã hội của xã năm 2025.", "<b>Người chủ trì:</b>", "III. THÀNH PHẦN THAM DỰ");
    assertEquals(vn.doithoai.core.plan.PlanBody.empty(), PlanContent.fromJson(new java.util.LinkedHashMap<>(
        c.toJson()) {
      {
        remove("body");
      }
    }).body(), "a plan stored before the body existed reads as empty");
  }
}
