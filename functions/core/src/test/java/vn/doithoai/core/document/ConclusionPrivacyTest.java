package vn.doithoai.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.conclusion.Conclusion;
import vn.doithoai.core.conclusion.DraftingConclusion;
import vn.doithoai.core.meeting.MeetingRecord;
import vn.doithoai.core.opinion.Channel;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.OpinionField;
import vn.doithoai.core.opinion.OpinionParts.Compiled;
import vn.doithoai.core.opinion.OpinionParts.Raiser;

/** The conclusion notice is public: a citizen is named in it only if they consented, never with contact data. */
class ConclusionPrivacyTest {
  static final Instant NOW = Instant.parse("2021-10-29T02:00:00Z");
  static final Raiser CONSENTING = new Raiser("Phạm Văn Hùng", "0912345678", "hung.pham@example.vn",
      "số 12, xóm 3", "thôn Đông Phong", true);
  static final Raiser PRIVATE = new Raiser("Nguyễn Thị Kín Đáo", "0987654321", "kin.dao@example.vn",
      "số 5, ngõ 7", "thôn Đông Phong", false);
  static final Raiser NO_VILLAGE = new Raiser("Lê Văn Ẩn Danh", "0977000111", null, null, null, false);

  static Conclusion drafted() {
    Opinion both = Opinion.received("o-201", "binh-lang", Optional.of("p-002"), "DT-R3KV-7PLA",
        "Rãnh thoát nước khu dân cư bị tắc.", OpinionField.INFRASTRUCTURE, Channel.WEBSITE,
        List.of(CONSENTING, PRIVATE), Optional.empty(), NOW, DocumentFixtures.OFFICE);
    Opinion anonymous = Opinion.received("o-202", "binh-lang", Optional.of("p-002"), "DT-M5QT-2XDW",
        "Đường nội đồng xuống cấp.", OpinionField.INFRASTRUCTURE, Channel.WEBSITE, List.of(NO_VILLAGE),
        Optional.empty(), NOW, DocumentFixtures.OFFICE)
        .accept(Optional.of("p-002"), OpinionField.INFRASTRUCTURE, DocumentFixtures.OFFICE, NOW)
        .assign("dia-chinh", "Công chức Địa chính - Xây dựng", LocalDate.of(2021, 11, 18),
            LocalDate.of(2021, 12, 9), DocumentFixtures.OFFICE, NOW);
    Opinion privateOnly = Opinion.received("o-203", "binh-lang", Optional.of("p-002"), "DT-H7NC-4JUE",
        "Đề nghị nâng cấp đường tỉnh.", OpinionField.INFRASTRUCTURE, Channel.WEBSITE, List.of(PRIVATE),
        Optional.empty(), NOW, DocumentFixtures.OFFICE)
        .forward(java.util.Optional.empty(), "Ủy ban nhân dân huyện Tứ Kỳ", "", DocumentFixtures.OFFICE, NOW);
    Opinion compiled = Opinion.received("o-204", "binh-lang", Optional.of("p-002"), "DT-B2WS-9GTK",
        "Rác thải ven kênh.", OpinionField.ENVIRONMENT, Channel.FRONT, List.of(PRIVATE),
        Optional.of(new Compiled("Ủy ban MTTQ xã", 12)), NOW, DocumentFixtures.OFFICE)
        .accept(Optional.of("p-002"), OpinionField.ENVIRONMENT, DocumentFixtures.OFFICE, NOW)
        .assign("vh-xh", "Công chức Văn hóa - Xã hội", LocalDate.of(2021, 11, 18), LocalDate.of(2021, 12, 9),
            DocumentFixtures.OFFICE, NOW);
    MeetingRecord record = new MeetingRecord("m-002", 94, List.of(), List.of("thôn Đông Phong"), "Trần Xuân Mãng",
        "Nguyễn Thị Huyền", List.of(), List.of(new MeetingRecord.Raised("o-201", true, "Xã nạo vét trong tháng 11.")),
        "");
    return DraftingConclusion.draft("c-1", DocumentFixtures.plan002(), record, List.of(both, anonymous,
        privateOnly, compiled), DocumentFixtures.OFFICE, NOW);
  }

  @Test
  @DisplayName("a consenting raiser is named with their village; a non-consenting one only by village, or as 'Một công dân'")
  void labelsInTheDraft() {
    Conclusion c = drafted();
    assertEquals("Công dân Phạm Văn Hùng (thôn Đông Phong), Cử tri thôn Đông Phong",
        c.content().resolved().get(0).raisedBy());
    assertEquals("Một công dân", c.content().assigned().get(0).raisedBy());
    assertEquals("Cử tri thôn Đông Phong", c.content().forwarded().get(0).raisedBy());
    assertEquals("Ủy ban MTTQ xã tổng hợp (12 ý kiến)", c.content().assigned().get(1).raisedBy());
  }

  @Test
  @DisplayName("HTML and DOCX name the consenting raiser and never the others, nor anyone's phone, e-mail or address")
  void hiddenUnlessConsented() {
    OfficialDocument d = ConclusionDocument.of(drafted(), DocumentFixtures.binhLang());
    String html = DocumentHtml.render(d);
    byte[] docx = DocumentDocx.write(d);
    String docxText = String.join("\n", Docs.paragraphs(docx));
    String docxRaw = Docs.rawParts(docx);
    for (String out : List.of(html, docxText, docxRaw)) {
      assertTrue(out.contains("Công dân Phạm Văn Hùng (thôn Đông Phong)"), "the consenting raiser is named");
      assertTrue(out.contains("Cử tri thôn Đông Phong phản ánh: Đề nghị nâng cấp đường tỉnh."));
      assertTrue(out.contains("Một công dân phản ánh: Đường nội đồng xuống cấp."));
      assertTrue(out.contains("Ủy ban MTTQ xã tổng hợp (12 ý kiến) phản ánh: Rác thải ven kênh."));
      for (String secret : List.of("Kín Đáo", "Ẩn Danh", "0912345678", "0987654321", "0977000111", "@example.vn",
          "xóm 3", "ngõ 7")) {
        assertFalse(out.contains(secret), "must not appear: " + secret);
      }
    }
  }
}
