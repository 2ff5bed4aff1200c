package vn.doithoai.core.document;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.doithoai.core.document.Docs.assertInOrder;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import vn.doithoai.core.conclusion.Conclusion;
import vn.doithoai.core.conclusion.ConclusionStatus;

/**
 * The conclusion notice of seeds 000 and 002. The HTML is compared byte for byte with reviewed golden files in
 * {@code src/test/resources/vn/doithoai/core/document/}; after a deliberate change, rewrite them with
 * {@code ./mvnw -q -pl functions/core test -Dtest=ConclusionDocumentTest -Ddoithoai.golden.update=true} and
 * review the diff. The DOCX files go to {@code target/documents/} for rendering and review.
 */
class ConclusionDocumentTest {
  static final OfficialDocument SEED_000 = ConclusionDocument.of(DocumentFixtures.conclusion000(),
      DocumentFixtures.thienHoa());
  static final OfficialDocument SEED_002 = ConclusionDocument.of(DocumentFixtures.conclusion002(),
      DocumentFixtures.binhLang());

  @Test
  @DisplayName("seed 000 (Party, xã Thiên Hòa): the HTML is the reviewed golden file; the DOCX goes to target/")
  void seed000Golden() {
    Docs.assertGolden("conclusion-000.html", DocumentHtml.render(SEED_000));
    Docs.writeToTarget("conclusion-000.docx", DocumentDocx.write(SEED_000));
  }

  @Test
  @DisplayName("seed 002 (People's Committee, xã Bình Lãng): the HTML is the reviewed golden file; the DOCX goes to target/")
  void seed002Golden() {
    Docs.assertGolden("conclusion-002.html", DocumentHtml.render(SEED_002));
    Docs.writeToTarget("conclusion-002.docx", DocumentDocx.write(SEED_002));
  }

  @Test
  @DisplayName("Party DOCX reads back with every element in order: ĐẢNG BỘ, BTV, *, ĐẢNG CỘNG SẢN VIỆT NAM, Số 12-TB/ĐU … T/M")
  void partyDocxInOrder() {
    List<String> text = Docs.paragraphs(DocumentDocx.write(SEED_000));
    assertInOrder(text, "ĐẢNG BỘ TỈNH LẠNG SƠN", "ĐẢNG ỦY XÃ THIÊN HÒA", "*", "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Số 12-TB/ĐU", "Thiên Hòa, ngày 03 tháng 12 năm 2025", "THÔNG BÁO",
        "Kết luận của đồng chí Bí thư Đảng ủy, Chủ tịch HĐND xã tại hội nghị đối thoại với Nhân dân thôn Nà Pàn",
        "I. NỘI DUNG ĐÃ ĐỐI THOẠI", "126 đại biểu", "II. NHỮNG NỘI DUNG ĐÃ ĐƯỢC GIẢI QUYẾT TẠI HỘI NGHỊ",
        "1. (Mã DT-7K3M-9QX2) Cử tri thôn Nà Pàn phản ánh: Đoạn đường", "Trả lời: Ủy ban nhân dân xã",
        "2. (Mã DT-4HWR-2BNA) Công dân Hoàng Văn Sáng (thôn Nà Pàn) phản ánh:",
        "III. NHỮNG NỘI DUNG GIAO CÁC CƠ QUAN, ĐƠN VỊ GIẢI QUYẾT", "Ủy ban MTTQ xã tổng hợp (12 ý kiến) phản ánh:",
        "Giao: Phòng Kinh tế; thời hạn hoàn thành: 31/12/2025", "Giao: Công an xã; thời hạn hoàn thành: 31/12/2025",
        "IV. NHỮNG NỘI DUNG CHUYỂN CƠ QUAN CÓ THẨM QUYỀN CẤP TRÊN", "Chuyển: Sở Xây dựng tỉnh Lạng Sơn",
        "V. NHỮNG NỘI DUNG HƯỚNG DẪN THEO THỦ TỤC KHIẾU NẠI, TỐ CÁO", "Một công dân phản ánh: Khiếu nại",
        "Hướng dẫn theo thủ tục: khiếu nại", "VI. TỔ CHỨC THỰC HIỆN", "Giao Văn phòng Đảng ủy theo dõi",
        "Nơi nhận:", "- Văn phòng Tỉnh ủy,", "- Lưu Văn phòng Đảng ủy.", "T/M BAN THƯỜNG VỤ", "BÍ THƯ",
        "Vy Xuân Tình");
    assertFalse(text.contains(OfficialDocument.NATIONAL_TITLE), "a Party document has no national title");
  }

  @Test
  @DisplayName("state DOCX reads back with every element in order: UBND, XÃ, national title, motto, Số: 57/TB-UBND … TM.")
  void stateDocxInOrder() {
    List<String> text = Docs.paragraphs(DocumentDocx.write(SEED_002));
    assertInOrder(text, "ỦY BAN NHÂN DÂN", "XÃ BÌNH LÃNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Số: 57/TB-UBND", "Bình Lãng, ngày 02 tháng 11 năm 2021", "THÔNG BÁO",
        "Kết luận của đồng chí Chủ tịch UBND xã tại hội nghị tiếp xúc, đối thoại với Nhân dân thôn Đông Phong",
        "I. NỘI DUNG ĐÃ ĐỐI THOẠI", "II. NHỮNG NỘI DUNG ĐÃ ĐƯỢC GIẢI QUYẾT TẠI HỘI NGHỊ",
        "Công dân Phạm Văn Hùng (thôn Đông Phong) phản ánh:", "III. NHỮNG NỘI DUNG GIAO CÁC CƠ QUAN, ĐƠN VỊ GIẢI QUYẾT",
        "Giao: Công chức Địa chính - Xây dựng; thời hạn hoàn thành: 18/11/2021",
        "IV. NHỮNG NỘI DUNG CHUYỂN CƠ QUAN CÓ THẨM QUYỀN CẤP TRÊN", "Chuyển: Ủy ban nhân dân huyện Tứ Kỳ",
        "V. NHỮNG NỘI DUNG HƯỚNG DẪN THEO THỦ TỤC KHIẾU NẠI, TỐ CÁO", "VI. TỔ CHỨC THỰC HIỆN", "Nơi nhận:",
        "- Ban Dân vận Huyện ủy;", "- Lưu: VT, VP.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Xuân Mãng");
    assertFalse(text.contains(OfficialDocument.PARTY_NAME));
  }

  @Test
  @DisplayName("page numbers from page 2: a PAGE field centred in the header, the first page's header empty")
  void pageNumbersFromPageTwo() throws Exception {
    for (OfficialDocument d : List.of(SEED_000, SEED_002)) {
      try (XWPFDocument doc = Docs.open(DocumentDocx.write(d))) {
        CTSectPr sect = doc.getDocument().getBody().getSectPr();
        assertTrue(sect.isSetTitlePg(), "first page different");
        var policy = doc.getHeaderFooterPolicy();
        assertTrue(policy.getDefaultHeader()._getHdrFtr().xmlText().contains(" PAGE "), "the page field");
        assertEquals("", policy.getFirstPageHeader().getText().strip(), "no number on page 1");
      }
    }
    assertTrue(DocumentHtml.render(SEED_002).contains("@page :first { @top-center { content: none; } }"),
        "print: no number on page 1");
    assertTrue(DocumentHtml.render(SEED_002).contains("@top-center { content: counter(page);"), "print: numbers");
  }

  @Test
  @DisplayName("ỦY BAN NHÂN DÂN is bold, part of the issuer's name; the Party's superior body is plain, its type title 16 pt")
  void issuerNameWeightsAndTitleSize() throws Exception {
    try (XWPFDocument state = Docs.open(DocumentDocx.write(SEED_002));
        XWPFDocument party = Docs.open(DocumentDocx.write(SEED_000))) {
      assertTrue(run(state, "ỦY BAN NHÂN DÂN").isBold());
      assertTrue(run(state, "XÃ BÌNH LÃNG").isBold());
      assertFalse(run(party, "ĐẢNG BỘ TỈNH LẠNG SƠN").isBold());
      assertTrue(run(party, "ĐẢNG ỦY XÃ THIÊN HÒA").isBold());
      assertEquals(16.0, run(party, "THÔNG BÁO").getFontSizeAsDouble());
      assertEquals(14.0, run(state, "THÔNG BÁO").getFontSizeAsDouble());
      // Nơi nhận: Party style underlined and plain (HD 36), state style bold italic (Decree 30)
      assertEquals(org.apache.poi.xwpf.usermodel.UnderlinePatterns.SINGLE, run(party, "Nơi nhận:").getUnderline());
      assertFalse(run(party, "Nơi nhận:").isBold());
      assertTrue(run(state, "Nơi nhận:").isBold() && run(state, "Nơi nhận:").isItalic());
    }
    assertTrue(DocumentHtml.render(SEED_002).contains("<td class=\"left\"><b>ỦY BAN NHÂN DÂN</b>"));
  }

  @Test
  @DisplayName("under the summary: five hyphens in a Party document (HD 36), a short rule in a state one; only the Party title underlined")
  void underTheSummaryAndUnderlines() {
    Docs.assertInOrder(Docs.paragraphs(DocumentDocx.write(SEED_000)), "Kết luận của đồng chí Bí thư", "-----",
        "I. NỘI DUNG ĐÃ ĐỐI THOẠI");
    assertFalse(Docs.paragraphs(DocumentDocx.write(SEED_002)).contains("-----"));
    String party = DocumentHtml.render(SEED_000);
    Docs.assertInOrder(party, "<p class=\"summary\">", "<p class=\"dashes\">-----</p>", "<h2>I.");
    assertFalse(DocumentHtml.render(SEED_002).contains("class=\"dashes\""));
    // the Nơi nhận cell is class "recipients party": a bare ".party" rule would underline all its lines
    assertTrue(party.contains("<b class=\"party\">") && party.contains("<td class=\"recipients party\">"));
    assertFalse(party.matches("(?s).*\\n\\.party\\s*\\{.*"), "the underline rule is scoped to the title, b.party");
  }

  private static org.apache.poi.xwpf.usermodel.XWPFRun run(XWPFDocument doc, String text) {
    List<org.apache.poi.xwpf.usermodel.XWPFParagraph> all = new java.util.ArrayList<>(doc.getParagraphs());
    doc.getTables().forEach(t -> t.getRows().forEach(r -> r.getTableCells().forEach(c -> all.addAll(c.getParagraphs()))));
    return all.stream().flatMap(p -> p.getRuns().stream()).filter(r -> text.equals(r.text())).findFirst()
        .orElseThrow(() -> new AssertionError("no run «" + text + "»"));
  }

  @Test
  @DisplayName("the DOCX is A4 with the decree's margins (20/20/30/15 mm), Times New Roman 14 pt, Vietnamese; title = summary")
  void pageAndFont() throws Exception {
    for (OfficialDocument d : List.of(SEED_000, SEED_002)) {
      try (XWPFDocument doc = Docs.open(DocumentDocx.write(d))) {
        CTSectPr sect = doc.getDocument().getBody().getSectPr();
        CTPageSz size = sect.getPgSz();
        CTPageMar margin = sect.getPgMar();
        assertEquals("11906", size.getW().toString());
        assertEquals("16838", size.getH().toString());
        assertEquals("1134", margin.getTop().toString());
        assertEquals("1134", margin.getBottom().toString());
        assertEquals("1701", margin.getLeft().toString());
        assertEquals("850", margin.getRight().toString());
        var rPr = doc.getStyle().getDocDefaults().getRPrDefault().getRPr();
        assertEquals("Times New Roman", rPr.getRFontsArray(0).getAscii());
        assertEquals("Times New Roman", rPr.getRFontsArray(0).getHAnsi());
        assertEquals(14.0, doc.getStyles().getDefaultRunStyle().getFontSizeAsDouble());
        assertEquals("vi-VN", rPr.getLangArray(0).getVal());
        assertEquals(d.summary(), doc.getProperties().getCoreProperties().getTitle());
      }
    }
  }

  @Test
  @DisplayName("the same document gives the same DOCX bytes (fixed entry times), so files can be compared")
  void deterministic() {
    assertArrayEquals(DocumentDocx.write(SEED_002), DocumentDocx.write(ConclusionDocument.of(
        DocumentFixtures.conclusion002(), DocumentFixtures.binhLang())));
  }

  @Test
  @DisplayName("the page fits the public CSP: inline style only, no script, link, image or external source")
  void htmlIsStandalone() {
    String html = DocumentHtml.render(SEED_002);
    assertTrue(html.startsWith("<!doctype html>\n<html lang=\"vi\">"));
    assertTrue(html.contains("<meta charset=\"utf-8\">"));
    assertTrue(html.contains("@page { size: A4; margin: 20mm 15mm 20mm 30mm;"));
    assertTrue(html.contains("font-family: 'Times New Roman'"));
    for (String banned : List.of("<script", "<link", "<img", "src=", "href=", "url(", "@import")) {
      assertFalse(html.contains(banned), banned);
    }
  }

  @Test
  @DisplayName("a draft has blanks for number and date; a correction says which edition it corrects")
  void draftAndCorrection() {
    Conclusion published = DocumentFixtures.conclusion002();
    Conclusion correction = new Conclusion("c-002b", published.communeId(), published.planId(),
        published.meetingId(), published.issuer(), 2, Optional.of(published.id()), ConclusionStatus.DRAFT,
        Optional.empty(), Optional.empty(), published.content(), 1, List.of());
    String html = DocumentHtml.render(ConclusionDocument.of(correction, DocumentFixtures.binhLang()));
    assertInOrder(html, "Số:      /TB-UBND", "Bình Lãng, ngày     tháng     năm     ", "THÔNG BÁO",
        "Thông báo này đính chính (lần 1) thông báo kết luận đã ban hành trước đó.", "I. NỘI DUNG ĐÃ ĐỐI THOẠI");
    assertTrue(html.contains("td.number, td.date { white-space: pre-wrap;"), "the blanks keep their width");
  }

  @Test
  @DisplayName("a notice with only resolved matters numbers its sections without gaps")
  void onlyNonEmptySections() {
    Conclusion c = DocumentFixtures.conclusion000();
    Conclusion.Content only = new Conclusion.Content(c.content().title(), c.content().discussed(),
        c.content().resolved(), List.of(), List.of(), List.of(), c.content().closing(), c.content().signer(),
        List.of("Văn phòng Tỉnh ủy,"));
    Conclusion lean = new Conclusion(c.id(), c.communeId(), c.planId(), c.meetingId(), c.issuer(), 1,
        Optional.empty(), c.status(), c.number(), c.issuedOn(), only, 1, List.of());
    String html = DocumentHtml.render(ConclusionDocument.of(lean, DocumentFixtures.thienHoa()));
    assertInOrder(html, "I. NỘI DUNG ĐÃ ĐỐI THOẠI", "II. NHỮNG NỘI DUNG ĐÃ ĐƯỢC GIẢI QUYẾT", "III. TỔ CHỨC THỰC HIỆN",
        "- Văn phòng Tỉnh ủy,", "- Lưu Văn phòng Đảng ủy.");
    assertFalse(html.contains("NHỮNG NỘI DUNG GIAO"));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"2025-12-05, ngày 05 tháng 12 năm 2025", "2026-01-15, ngày 15 tháng 01 năm 2026",
      "2026-02-01, ngày 01 tháng 02 năm 2026", "2026-03-03, ngày 03 tháng 3 năm 2026",
      "2021-10-28, ngày 28 tháng 10 năm 2021"})
  @DisplayName("date line: a day below 10 and the months 1 and 2 take a leading zero")
  void dateLine(LocalDate date, String expected) {
    assertEquals(expected, OfficialDocument.dateLine(date));
  }

  @Test
  @DisplayName("Roman numerals go on past the few sections a notice has")
  void roman() {
    assertEquals(List.of("I", "IV", "IX", "XIV", "XL"), List.of(Text.roman(1), Text.roman(4), Text.roman(9),
        Text.roman(14), Text.roman(40)));
  }
}
