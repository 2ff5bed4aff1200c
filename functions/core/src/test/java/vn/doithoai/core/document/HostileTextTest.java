package vn.doithoai.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.doithoai.core.document.Docs.assertInOrder;

import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.conclusion.Conclusion;
import vn.doithoai.core.meeting.MeetingRecord;
import vn.doithoai.core.opinion.Channel;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.OpinionField;
import vn.doithoai.core.plan.Plan;

/**
 * Whatever a citizen or an office types must come out as text: markup escaped, a spreadsheet formula as typed,
 * a line break as a new paragraph or line (never raw inside markup), decomposed Vietnamese left as it is,
 * characters XML forbids dropped so Word still opens the file.
 */
class HostileTextTest {
  static final String SCRIPT = "<script>alert(1)</script>";
  static final String FORMULA = "=cmd|' /C calc'!A0";
  static final String NFC_NAME = "Nguyễn Thị Ánh";
  static final String NFD_NAME = Normalizer.normalize(NFC_NAME, Normalizer.Form.NFD);
  static final String HOSTILE = SCRIPT + " mở đầu\r\n" + FORMULA + "\rDòng ba\u0007 của " + NFD_NAME
      + "\nlẻ \uD800cặp 😀";

  static OfficialDocument conclusion() {
    Conclusion c = DocumentFixtures.conclusion002();
    Conclusion.Item hostile = new Conclusion.Item("o-1", "DT-AAAA-0001", HOSTILE, "Phòng \"Kinh tế\" & <Hạ tầng>",
        java.time.LocalDate.of(2021, 11, 18), "Công dân " + NFD_NAME + " (thôn Đông Phong)");
    Conclusion.Content content = new Conclusion.Content("Kết luận </title><script>x</script>\nngày 28/10/2021",
        c.content().discussed(), c.content().resolved(), List.of(hostile), List.of(), List.of(),
        c.content().closing(), new Conclusion.Signer("TM.", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Xuân\r\nMãng"),
        List.of("Ban Dân vận\n<b>Huyện ủy</b>;", "Lưu: VT, VP."));
    return ConclusionDocument.of(new Conclusion(c.id(), c.communeId(), c.planId(), c.meetingId(), c.issuer(), 1,
        Optional.empty(), c.status(), c.number(), c.issuedOn(), content, 1, List.of()), DocumentFixtures.binhLang());
  }

  @Test
  @DisplayName("NFD is kept: the test text really is decomposed, and differs from its NFC form")
  void fixtureIsDecomposed() {
    assertNotEquals(NFC_NAME, NFD_NAME);
    assertTrue(NFD_NAME.length() > NFC_NAME.length());
  }

  @Test
  @DisplayName("HTML: no raw script, markup escaped, formula as text, CR/LF as new paragraphs or <br>, NFD intact")
  void html() {
    String html = DocumentHtml.render(conclusion());
    assertFalse(html.contains("<script"), "no raw script anywhere");
    assertFalse(html.contains("\r"), "no raw CR");
    assertFalse(html.contains("\u0007") || html.contains("\uD800"), "no control or broken characters");
    assertTrue(html.contains("<title>Kết luận &lt;/title&gt;&lt;script&gt;x&lt;/script&gt; ngày 28/10/2021</title>"));
    assertInOrder(html, "<p>1. (Mã DT-AAAA-0001) Công dân " + NFD_NAME + " (thôn Đông Phong) phản ánh: "
        + "&lt;script&gt;alert(1)&lt;/script&gt; mở đầu</p>\n", "<p>=cmd|&#39; /C calc&#39;!A0</p>\n",
        "<p>Dòng ba của " + NFD_NAME + "</p>\n", "<p>lẻ cặp 😀</p>\n",
        "Giao: <b>Phòng &quot;Kinh tế&quot; &amp; &lt;Hạ tầng&gt;</b>", "<p>- Ban Dân vận<br>\n&lt;b&gt;Huyện ủy&lt;/b&gt;;</p>",
        "<p>Trần Xuân<br>\nMãng</p>");
    assertFalse(html.contains(NFC_NAME), "not re-normalised");
  }

  @Test
  @DisplayName("DOCX: POI opens it; the formula, the script text and the NFD name read back exactly; breaks are paragraphs or <w:br/>")
  void docx() throws Exception {
    byte[] docx = DocumentDocx.write(conclusion());
    List<String> text = Docs.paragraphs(docx);
    assertTrue(text.contains("1. (Mã DT-AAAA-0001) Công dân " + NFD_NAME + " (thôn Đông Phong) phản ánh: " + SCRIPT
        + " mở đầu"), String.join("\n", text));
    assertTrue(text.contains(FORMULA), "the formula is a paragraph of its own, exactly as typed");
    assertTrue(text.contains("Dòng ba của " + NFD_NAME), "control character dropped, NFD intact");
    assertTrue(text.contains("lẻ cặp 😀"), "an unpaired surrogate dropped, a real pair kept");
    assertTrue(text.contains("Giao: Phòng \"Kinh tế\" & <Hạ tầng>; thời hạn hoàn thành: 18/11/2021"));
    assertTrue(text.contains("- Ban Dân vận\n<b>Huyện ủy</b>;"), "a line break inside a line is <w:br/>");
    assertTrue(text.contains("Trần Xuân\nMãng"));
    assertFalse(String.join("\n", text).contains(NFC_NAME), "not re-normalised");
    try (XWPFDocument doc = Docs.open(docx)) {
      assertEquals("Kết luận </title><script>x</script> ngày 28/10/2021",
          doc.getProperties().getCoreProperties().getTitle());
    }
    String raw = Docs.rawParts(docx);
    assertFalse(raw.contains("<script>") || raw.contains("\u0007") || raw.contains("\r"), "nothing raw in the XML");
    assertTrue(raw.contains("<w:t xml:space=\"preserve\">=cmd|&apos; /C calc&apos;!A0</w:t>"));
  }

  @Test
  @DisplayName("the other documents escape too: an invitee, a speaker and an opinion with markup and line breaks")
  void otherDocuments() {
    Plan plan = DocumentFixtures.plan002();
    String invitee = "Ông A\r\n" + SCRIPT;
    OfficialDocument invitation = InvitationDocument.of(plan, plan.content().meetings().get(0),
        DocumentFixtures.binhLang(), invitee);
    String html = DocumentHtml.render(invitation);
    assertFalse(html.contains("<script"));
    assertTrue(html.contains("<p class=\"to\">Kính gửi: Ông A<br>\n&lt;script&gt;alert(1)&lt;/script&gt;</p>"));
    assertTrue(Docs.paragraphs(DocumentDocx.write(invitation)).contains("Kính gửi: Ông A\n" + SCRIPT));

    Opinion hostile = Opinion.received("o-9", "binh-lang", Optional.of("p-002"), "DT-BBBB-0002", HOSTILE,
        OpinionField.OTHER, Channel.SPOKEN, List.of(), Optional.empty(), Instant.parse("2021-10-28T02:00:00Z"),
        DocumentFixtures.OFFICE);
    MeetingRecord record = new MeetingRecord("m-002", 10, List.of(), List.of(), "Chủ tọa", "Thư ký",
        List.of(new MeetingRecord.Speaker(SCRIPT, FORMULA, "o-9")), List.of(new MeetingRecord.Raised("o-9", true,
            FORMULA)), "");
    OfficialDocument minutes = MinutesDocument.of(plan, record, List.of(hostile), DocumentFixtures.binhLang());
    String minutesHtml = DocumentHtml.render(minutes);
    assertFalse(minutesHtml.contains("<script"));
    assertTrue(minutesHtml.contains("<p>Trả lời tại hội nghị: =cmd|&#39; /C calc&#39;!A0</p>"));
    List<String> text = Docs.paragraphs(DocumentDocx.write(minutes));
    assertTrue(text.contains("1. " + SCRIPT + ": " + FORMULA + "; nêu ý kiến mã DT-BBBB-0002."), text.toString());
    assertTrue(text.contains("Trả lời tại hội nghị: " + FORMULA));
    assertTrue(text.contains(FORMULA));
  }
}
