package vn.doithoai.core.document;

import static vn.doithoai.core.document.Docs.assertInOrder;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.plan.Plan;

class InvitationDocumentTest {
  @Test
  @DisplayName("state invitation (seed 002) as HTML: GIẤY MỜI, Kính gửi the invitee, time, venue, content, come on time")
  void stateHtml() {
    Plan plan = DocumentFixtures.plan002();
    OfficialDocument invitation = InvitationDocument.of(plan, plan.content().meetings().get(0),
        DocumentFixtures.binhLang(), "Ông Đỗ Văn Tám, Trưởng thôn Đông Phong");
    String html = DocumentHtml.render(invitation);
    Docs.writeToTarget("invitation-002.docx", DocumentDocx.write(invitation));
    assertInOrder(html, "ỦY BAN NHÂN DÂN", "Số:      /GM-UBND", "<h1>GIẤY MỜI</h1>",
        "Dự hội nghị đối thoại trực tiếp giữa Chủ tịch UBND xã với Nhân dân thôn Đông Phong",
        "<p class=\"to\">Kính gửi: Ông Đỗ Văn Tám, Trưởng thôn Đông Phong</p>",
        "Ủy ban nhân dân xã Bình Lãng trân trọng kính mời Ông Đỗ Văn Tám, Trưởng thôn Đông Phong đến dự hội nghị",
        "<b>Thời gian:</b> Thứ Năm, ngày 28/10/2021.", "<b>Địa điểm:</b> Nhà văn hóa thôn Đông Phong.",
        "<b>Nội dung:</b>", "Đề nghị đại biểu đến dự đúng thời gian, địa điểm nêu trên./.", "Nơi nhận:",
        "- Như trên;", "- Lưu: VT, VP.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Xuân Mãng");
  }

  @Test
  @DisplayName("Party invitation (seed 000) as DOCX: Số -GM/ĐU, the invitee, the meeting's time and venue, T/M BAN THƯỜNG VỤ")
  void partyDocx() {
    Plan plan = DocumentFixtures.plan000();
    List<String> text = Docs.paragraphs(DocumentDocx.write(InvitationDocument.of(plan,
        plan.content().meetings().get(0), DocumentFixtures.thienHoa(), "Bà Lương Thị Hoa, người có uy tín thôn Nà Pàn")));
    assertInOrder(text, "ĐẢNG BỘ TỈNH LẠNG SƠN", "ĐẢNG ỦY XÃ THIÊN HÒA", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số      -GM/ĐU", "GIẤY MỜI",
        "Kính gửi: Bà Lương Thị Hoa, người có uy tín thôn Nà Pàn",
        "Ban Thường vụ Đảng ủy xã Thiên Hòa trân trọng kính mời Bà Lương Thị Hoa",
        "Thời gian: Thứ Năm, ngày 20/11/2025 (buổi sáng, từ 8 giờ 00).", "Địa điểm: Nhà văn hóa thôn Nà Pàn.",
        "Đề nghị đại biểu đến dự đúng thời gian", "Nơi nhận:", "- Như trên;", "- Lưu Văn phòng Đảng ủy.",
        "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Vy Xuân Tình");
  }
}
