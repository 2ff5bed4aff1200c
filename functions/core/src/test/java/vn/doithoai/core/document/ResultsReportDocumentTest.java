package vn.doithoai.core.document;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.conclusion.DocumentNumber;
import vn.doithoai.core.followup.ResultsReport;
import vn.doithoai.core.plan.Issuer;

class ResultsReportDocumentTest {
  static ResultsReport report() {
    return new ResultsReport("fixture", "p000", Issuer.PARTY_COMMITTEE, "12-KH/ĐU",
        "Kế hoạch đối thoại trực tiếp của Bí thư Đảng ủy với Nhân dân xã Thiên Hòa năm 2025",
        LocalDate.of(2025, 12, 26), Optional.empty(),
        List.of(new ResultsReport.MeetingLine("m1", LocalDate.of(2025, 11, 20), "Nhà văn hóa thôn Nà Pàn", 126)),
        List.of("Thông báo số 01-TB/ĐU ngày 24/11/2025"), new ResultsReport.Counts(4, 1, 3, 1, 1, 1, 0, 0, 0, 0),
        List.of(new ResultsReport.Line("o1", "DT-AAAA-0001", "Đường <b>hỏng</b>", "Đã trả lời", "Phòng Kinh tế",
            LocalDate.of(2025, 12, 22), "late", LocalDate.of(2025, 12, 26), "Đã sửa.", null),
            new ResultsReport.Line("o2", "DT-AAAA-0002", "Tuần tra chợ", "Đã giao cơ quan giải quyết", "Công an xã",
                LocalDate.of(2025, 12, 22), "overdue", null, null, null)),
        List.of(new ResultsReport.Line("o9", "DT-ZZZZ-0009", "Nước sạch thôn Khuổi Mạ", "Đã giao cơ quan giải quyết",
            "Phòng Kinh tế", LocalDate.of(2025, 3, 3), "overdue", null, null, "p2024")));
  }

  @Test
  @DisplayName("the results report: Party header, counts, the overdue list and the carried items, in order")
  void partyReport() {
    OfficialDocument doc = ResultsReportDocument.of(report().numbered(new DocumentNumber(Issuer.PARTY_COMMITTEE,
        "BC", 1), LocalDate.of(2025, 12, 26)), DocumentFixtures.plan000(), DocumentFixtures.thienHoa());
    String html = DocumentHtml.render(doc);
    Docs.assertInOrder(html, "ĐẢNG BỘ TỈNH LẠNG SƠN", "ĐẢNG ỦY XÃ THIÊN HÒA", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 01-BC/ĐU",
        "Thiên Hòa, ngày 26 tháng 12 năm 2025", "BÁO CÁO", "Kết quả đối thoại trực tiếp theo Kế hoạch số 12-KH/ĐU",
        "Kính gửi", "I. KẾT QUẢ TỔ CHỨC HỘI NGHỊ", "126 đại biểu", "Thông báo số 01-TB/ĐU ngày 24/11/2025",
        "II. KẾT QUẢ TIẾP NHẬN", "Tổng số ý kiến, kiến nghị của Nhân dân: 4", "trễ hạn 1", "Trễ hạn (trả lời ngày "
            + "26/12/2025)", "III. NHỮNG NỘI DUNG QUÁ HẠN CHƯA TRẢ LỜI", "DT-AAAA-0002",
        "IV. NỘI DUNG CHUYỂN TỪ KỲ ĐỐI THOẠI TRƯỚC", "DT-ZZZZ-0009", "Nơi nhận", "T/M BAN THƯỜNG VỤ");
    assertTrue(html.contains("Đường &lt;b&gt;hỏng&lt;/b&gt;"));
    assertFalse(html.contains("<b>hỏng"));
    List<String> paragraphs = Docs.paragraphs(DocumentDocx.write(doc));
    Docs.assertInOrder(paragraphs, "BÁO CÁO", "I. KẾT QUẢ TỔ CHỨC HỘI NGHỊ", "II. KẾT QUẢ TIẾP NHẬN",
        "III. NHỮNG NỘI DUNG QUÁ HẠN", "IV. NỘI DUNG CHUYỂN TỪ KỲ", "Nơi nhận");
    assertTrue(String.join("\n", paragraphs).contains("Đường <b>hỏng</b>"), "the text itself in the Word file");
  }

  @Test
  @DisplayName("the Party report (seed 000) and the state report (seed 002): HTML are the reviewed golden files; DOCX to target/")
  void goldens() {
    OfficialDocument party = ResultsReportDocument.of(report().numbered(new DocumentNumber(Issuer.PARTY_COMMITTEE,
        "BC", 1), LocalDate.of(2025, 12, 26)), DocumentFixtures.plan000(), DocumentFixtures.thienHoa());
    Docs.assertGolden("report-000.html", DocumentHtml.render(party));
    Docs.writeToTarget("report-000.docx", DocumentDocx.write(party));
    ResultsReport r = report();
    ResultsReport stateReport = new ResultsReport("fixture", "p002", Issuer.PEOPLES_COMMITTEE, "48/KH-UBND",
        DocumentFixtures.plan002().content().title(), LocalDate.of(2021, 12, 10), Optional.empty(),
        List.of(new ResultsReport.MeetingLine("m1", LocalDate.of(2021, 10, 28), "Nhà văn hóa thôn Đông Phong", 94)),
        List.of("Thông báo số 57/TB-UBND ngày 02/11/2021"), r.counts(), r.lines(), List.of());
    OfficialDocument state = ResultsReportDocument.of(stateReport.numbered(new DocumentNumber(Issuer.PEOPLES_COMMITTEE,
        "BC", 3), LocalDate.of(2021, 12, 10)), DocumentFixtures.plan002(), DocumentFixtures.binhLang());
    Docs.assertGolden("report-002.html", DocumentHtml.render(state));
    Docs.writeToTarget("report-002.docx", DocumentDocx.write(state));
  }

  @Test
  @DisplayName("a report not yet sent leaves number and date blank for the signer")
  void draft() {
    String html = DocumentHtml.render(ResultsReportDocument.of(report(), DocumentFixtures.plan000(),
        DocumentFixtures.thienHoa()));
    assertTrue(html.contains("Số      -BC/ĐU") && html.contains("ngày     tháng     năm"), html);
  }
}
