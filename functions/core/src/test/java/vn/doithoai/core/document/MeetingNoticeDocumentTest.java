package vn.doithoai.core.document;

import static vn.doithoai.core.document.Docs.assertInOrder;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.plan.Plan;

class MeetingNoticeDocumentTest {
  @Test
  @DisplayName("state notice (seed 002) as HTML: host, audience, time, venue, content; opinions invited before the day")
  void stateHtml() {
    Plan plan = DocumentFixtures.plan002();
    OfficialDocument notice = MeetingNoticeDocument.of(plan, plan.content().meetings().get(0),
        DocumentFixtures.binhLang());
    String html = DocumentHtml.render(notice);
    Docs.writeToTarget("notice-002.docx", DocumentDocx.write(notice));
    assertInOrder(html, "ỦY BAN NHÂN DÂN", "XÃ BÌNH LÃNG", "Số:      /TB-UBND", "Bình Lãng, ngày     tháng",
        "<h1>THÔNG BÁO</h1>", "Về việc tổ chức hội nghị đối thoại trực tiếp giữa Chủ tịch UBND xã với Nhân dân thôn "
            + "Đông Phong", "Thực hiện Kế hoạch số 48/KH-UBND của Ủy ban nhân dân xã Bình Lãng “Tổ chức thực hiện",
        "Ủy ban nhân dân xã thông báo tổ chức hội nghị đối thoại như sau:",
        "1. <b>Người chủ trì:</b> đồng chí Trần Xuân Mãng, Chủ tịch UBND xã.",
        "2. <b>Đối tượng:</b> Nhân dân thôn Đông Phong.", "3. <b>Thời gian:</b> Thứ Năm, ngày 28/10/2021.",
        "4. <b>Địa điểm:</b> Nhà văn hóa thôn Đông Phong.", "5. <b>Nội dung:</b> Thông tin về tình hình",
        "đề nghị Nhân dân gửi ý kiến, kiến nghị trước ngày 28/10/2021 qua Ủy ban Mặt trận Tổ quốc Việt Nam xã",
        "trực tiếp tại Văn phòng - Thống kê xã.", "Ủy ban nhân dân xã thông báo để Nhân dân biết và tham gia./.",
        "Nơi nhận:", "- Lưu VP.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Xuân Mãng");
  }

  @Test
  @DisplayName("Party notice (seed 000) as DOCX: the Party header, blank number, hosts by name, the website to send opinions to")
  void partyDocx() {
    Plan plan = DocumentFixtures.plan000();
    List<String> text = Docs.paragraphs(DocumentDocx.write(MeetingNoticeDocument.of(plan,
        plan.content().meetings().get(0), DocumentFixtures.thienHoa())));
    assertInOrder(text, "ĐẢNG BỘ TỈNH LẠNG SƠN", "ĐẢNG ỦY XÃ THIÊN HÒA", "*", "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Số      -TB/ĐU", "Thiên Hòa, ngày     tháng     năm     ", "THÔNG BÁO",
        "Thực hiện Kế hoạch số 45-KH/ĐU của Ban Thường vụ Đảng ủy xã Thiên Hòa",
        "1. Người chủ trì: đồng chí Vy Xuân Tình, Bí thư Đảng ủy, Chủ tịch HĐND xã; đồng chí Phó Bí thư Đảng ủy, "
            + "Chủ tịch UBND xã.", "3. Thời gian: Thứ Năm, ngày 20/11/2025 (buổi sáng, từ 8 giờ 00).",
        "4. Địa điểm: Nhà văn hóa thôn Nà Pàn.", "trước ngày 20/11/2025",
        "trên Trang thông tin điện tử của xã (https://thienhoa.example.vn) hoặc trực tiếp tại Văn phòng Đảng ủy.",
        "Nơi nhận:", "- Lưu Văn phòng Đảng ủy.", "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Vy Xuân Tình");
  }
}
