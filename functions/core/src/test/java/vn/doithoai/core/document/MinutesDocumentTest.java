package vn.doithoai.core.document;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.doithoai.core.document.Docs.assertInOrder;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MinutesDocumentTest {
  static final OfficialDocument MINUTES = MinutesDocument.of(DocumentFixtures.plan002(), DocumentFixtures.record002(),
      DocumentFixtures.opinions002(), DocumentFixtures.binhLang());

  @Test
  @DisplayName("minutes (seed 002) as HTML: time and venue, attendance, speakers in order, answers, THƯ KÝ and CHỦ TỌA side by side")
  void html() {
    String html = DocumentHtml.render(MINUTES);
    Docs.writeToTarget("minutes-002.html", html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Docs.writeToTarget("minutes-002.docx", DocumentDocx.write(MINUTES));
    assertInOrder(html, "Số:      /BB-UBND", "Bình Lãng, ngày 28 tháng 10 năm 2021", "<h1>BIÊN BẢN</h1>",
        "Hội nghị đối thoại trực tiếp giữa Chủ tịch UBND xã với Nhân dân thôn Đông Phong",
        "Hôm nay, Thứ Năm, ngày 28/10/2021, tại Nhà văn hóa thôn Đông Phong, Ủy ban nhân dân xã Bình Lãng tổ chức",
        "I. THÀNH PHẦN THAM DỰ", "<b>Chủ tọa:</b> Trần Xuân Mãng, Chủ tịch UBND xã.",
        "<b>Thư ký:</b> Nguyễn Thị Huyền", "<b>Số người tham dự:</b> 94 đại biểu và Nhân dân.",
        "Ban Dân vận Huyện ủy; Ủy ban MTTQ xã; Hội Nông dân xã.", "<b>Nhân dân các thôn:</b> thôn Đông Phong.",
        "II. DIỄN BIẾN HỘI NGHỊ", "Công chức Văn phòng - Thống kê tuyên bố lý do",
        "Các ý kiến phát biểu theo thứ tự:",
        "1. <b>Ông Phạm Văn Hùng:</b> cử tri thôn Đông Phong; nêu ý kiến mã DT-R3KV-7PLA",
        "2. <b>Bà Vũ Thị Lan:</b> Chi hội trưởng Chi hội Phụ nữ thôn; nêu ý kiến mã DT-H7NC-4JUE",
        "3. <b>Ông Đỗ Văn Tám:</b> Trưởng thôn Đông Phong", "III. Ý KIẾN, KIẾN NGHỊ VÀ VIỆC TRẢ LỜI",
        "1. (Mã DT-R3KV-7PLA) Rãnh thoát nước", "<p>Trả lời tại hội nghị: Ủy ban nhân dân xã giao Trưởng thôn",
        "2. (Mã DT-H7NC-4JUE) Đường giao thông nội đồng", "<p>Ý kiến được ghi nhận, trả lời bằng văn bản.</p>",
        "Giao: <b>Công chức Địa chính - Xây dựng</b>; thời hạn: <b>18/11/2021</b>",
        "<td class=\"sign\"><p>THƯ KÝ</p>", "<p>Nguyễn Thị Huyền</p>", "<td class=\"sign\"><p>CHỦ TỌA</p>",
        "<p>Trần Xuân Mãng</p>");
    assertFalse(html.contains("Nơi nhận"), "minutes are signed by two, not sent to a list");
    assertFalse(html.contains("0912345678"), "no raiser's contact data");
  }

  @Test
  @DisplayName("minutes as DOCX read back in order, the two signing blocks in one row: THƯ KÝ left, CHỦ TỌA right")
  void docx() {
    List<String> text = Docs.paragraphs(DocumentDocx.write(MINUTES));
    assertInOrder(text, "ỦY BAN NHÂN DÂN", "XÃ BÌNH LÃNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số:      /BB-UBND", "Bình Lãng, ngày 28 tháng 10 năm 2021", "BIÊN BẢN", "I. THÀNH PHẦN THAM DỰ",
        "1. Chủ tọa: Trần Xuân Mãng, Chủ tịch UBND xã.", "II. DIỄN BIẾN HỘI NGHỊ",
        "1. Ông Phạm Văn Hùng: cử tri thôn Đông Phong", "III. Ý KIẾN, KIẾN NGHỊ VÀ VIỆC TRẢ LỜI",
        "Trả lời tại hội nghị:", "Ý kiến được ghi nhận, trả lời bằng văn bản.",
        "Giao: Công chức Địa chính - Xây dựng; thời hạn: 18/11/2021", "THƯ KÝ", "\nNguyễn Thị Huyền\n", "CHỦ TỌA",
        "\nTrần Xuân Mãng\n");
    assertFalse(text.contains("Nơi nhận:"));
  }
}
