package vn.doithoai.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.doithoai.core.fixtures.DialogueFixtures.OFFICE;
import static vn.doithoai.core.fixtures.DialogueFixtures.answeredAtMeeting;
import static vn.doithoai.core.fixtures.DialogueFixtures.answeredInWriting;
import static vn.doithoai.core.fixtures.DialogueFixtures.assigned;
import static vn.doithoai.core.fixtures.DialogueFixtures.compiled;
import static vn.doithoai.core.fixtures.DialogueFixtures.received;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.opinion.Channel;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.OpinionField;
import vn.doithoai.core.opinion.OpinionParts.RedirectKind;

/** The office's two spreadsheets of a dialogue: the opinions and the assignments, in Vietnamese. */
class OpinionExportTest {
  static final LocalDate TODAY = LocalDate.of(2025, 12, 30);
  static final String HOSTILE = "=cmd|' /C calc'!A0\r\nĐường liên thôn <script>alert('x')</script>";
  static final Instant LATER = Instant.parse("2025-11-06T01:00:00Z");

  static List<Opinion> dialogue() {
    Opinion roadReceived = received("DT-0001-ROAD", OpinionField.INFRASTRUCTURE, Channel.WEBSITE, HOSTILE);
    Opinion same = received("DT-0006-SAME", OpinionField.INFRASTRUCTURE, Channel.WEBSITE, "Đường liên thôn hỏng");
    Opinion merged = same.mergeInto(roadReceived, OFFICE, LATER);
    Opinion road = answeredInWriting(assigned(roadReceived.absorb(same, OFFICE, LATER)), LocalDate.of(2025, 12, 15));
    Opinion drain = assigned(compiled("DT-0002-DRAI", OpinionField.ENVIRONMENT, 25,
        "Mương thoát nước thôn Khòn Pổ bị tắc, đề nghị nạo vét."))
        .extend(LocalDate.of(2026, 1, 5), "Chờ kinh phí nạo vét", OFFICE, LATER);
    Opinion land = assigned(received("DT-0003-LAND", OpinionField.LAND, Channel.VILLAGE,
        "Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho các hộ thôn Nà Pàn."));
    Opinion school = answeredAtMeeting(received("DT-0004-SCHL", OpinionField.EDUCATION, Channel.MEETING_CARD,
        "Đề nghị xây thêm phòng học cho điểm trường Khòn Pổ."));
    Opinion complaint = received("DT-0005-KNAI", OpinionField.LAND, Channel.WEBSITE, "Khiếu nại quyết định thu hồi đất")
        .redirect(java.util.Optional.empty(), RedirectKind.COMPLAINT, RedirectKind.COMPLAINT.defaultGuidance(), OFFICE, LATER);
    return List.of(land, merged, road, complaint, school, drain);
  }

  static Map<String, Integer> columns(Table t) {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < t.columns().size(); i++) {
      m.put(t.headers().get(i), i);
    }
    return m;
  }

  static List<Object> row(Table t, String code) {
    return t.rows().stream().filter(r -> code.equals(r.get(0))).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("opinions: Vietnamese headers, one row per opinion by receipt, outcome and timeliness filled in")
  void opinionRows() {
    Table t = new OpinionExport().opinions(dialogue(), TODAY);
    assertEquals(List.of("Mã theo dõi", "Ngày tiếp nhận", "Hình thức tiếp nhận", "Lĩnh vực", "Nội dung", "Người nêu",
        "Số người nêu", "Trạng thái", "Kết quả xử lý", "Cơ quan giải quyết", "Hạn giải quyết", "Gia hạn đến",
        "Ngày trả lời", "Đúng hạn"), t.headers());
    assertEquals(6, t.rows().size());
    assertEquals(List.of("DT-0001-ROAD", "DT-0002-DRAI", "DT-0003-LAND", "DT-0004-SCHL", "DT-0005-KNAI",
        "DT-0006-SAME"), t.rows().stream().map(r -> r.get(0)).toList(), "same receipt instant: by tracking code");
    Map<String, Integer> c = columns(t);
    List<Object> road = row(t, "DT-0001-ROAD");
    assertEquals(LocalDate.of(2025, 11, 5), road.get(c.get("Ngày tiếp nhận")));
    assertEquals("Trang thông tin điện tử của xã", road.get(c.get("Hình thức tiếp nhận")));
    assertEquals("Hạ tầng, giao thông", road.get(c.get("Lĩnh vực")));
    assertEquals(HOSTILE, road.get(c.get("Nội dung")));
    assertEquals("Lương Văn Đức (Thôn Nà Pàn)\nvà 1 người nêu của 1 ý kiến gộp vào", road.get(c.get("Người nêu")),
        "the merged opinion's raiser counted here, named in its own row");
    assertEquals(2, road.get(c.get("Số người nêu")));
    assertEquals("Đã trả lời", road.get(c.get("Trạng thái")));
    assertEquals("Trả lời bằng văn bản: Đã khảo sát và sửa chữa xong.", road.get(c.get("Kết quả xử lý")));
    assertEquals("Công chức Địa chính - Xây dựng", road.get(c.get("Cơ quan giải quyết")));
    assertEquals(LocalDate.of(2025, 12, 19), road.get(c.get("Hạn giải quyết")));
    assertEquals(LocalDate.of(2025, 12, 15), road.get(c.get("Ngày trả lời")));
    assertEquals("Đúng hạn", road.get(c.get("Đúng hạn")));

    List<Object> drain = row(t, "DT-0002-DRAI");
    assertEquals("Ủy ban MTTQ Việt Nam xã tổng hợp (25 người)", drain.get(c.get("Người nêu")));
    assertEquals(25, drain.get(c.get("Số người nêu")));
    assertEquals(LocalDate.of(2026, 1, 5), drain.get(c.get("Gia hạn đến")));
    assertEquals("Đang giải quyết", drain.get(c.get("Đúng hạn")));
    assertEquals("Quá hạn chưa trả lời", row(t, "DT-0003-LAND").get(c.get("Đúng hạn")));
    assertEquals("Trả lời tại hội nghị: Xã sẽ bố trí kinh phí trong năm 2026.",
        row(t, "DT-0004-SCHL").get(c.get("Kết quả xử lý")));
    assertEquals(null, row(t, "DT-0004-SCHL").get(c.get("Đúng hạn")), "never assigned: no due date to meet");
    assertTrue(((String) row(t, "DT-0005-KNAI").get(c.get("Kết quả xử lý")))
        .startsWith("Hướng dẫn theo thủ tục khiếu nại. Nội dung đã nêu là khiếu nại"));
    assertEquals("Gộp vào ý kiến DT-0001-ROAD", row(t, "DT-0006-SAME").get(c.get("Kết quả xử lý")));
  }

  @Test
  @DisplayName("phone, e-mail and address stay out unless the export is made with contacts")
  void contacts() {
    String plain = new String(new OpinionExport().opinionsCsv(dialogue(), TODAY), StandardCharsets.UTF_8);
    assertTrue(plain.contains("Lương Văn Đức (Thôn Nà Pàn)"), "names and villages are for staff");
    for (String personal : List.of("0912 345 678", "duc.lv@example.vn", "Hùng Vương", "Liên hệ")) {
      assertFalse(plain.contains(personal), personal);
    }
    Table t = new OpinionExport(true).opinions(dialogue(), TODAY);
    assertEquals("Liên hệ người nêu", t.headers().get(7));
    assertEquals("Lương Văn Đức: 0912 345 678, duc.lv@example.vn, Số 12, đường Hùng Vương",
        row(t, "DT-0003-LAND").get(7));
  }

  @Test
  @DisplayName("assignments: by current due date, extension and reason, cap, answer, and the four standings")
  void assignmentRows() {
    Opinion late = answeredInWriting(assigned(received("DT-0007-LATE", OpinionField.HEALTH, Channel.SPOKEN,
        "Trạm y tế thiếu thuốc")), LocalDate.of(2025, 12, 20), LocalTime.of(0, 30));
    List<Opinion> all = new ArrayList<>(dialogue());
    all.add(late);
    Table t = new OpinionExport().assignments(all, TODAY);
    assertEquals(List.of("Mã theo dõi", "Nội dung", "Cơ quan giải quyết", "Ngày giao", "Hạn giải quyết", "Gia hạn đến",
        "Lý do gia hạn", "Hạn gia hạn tối đa", "Ngày trả lời", "Nội dung trả lời", "Tình trạng"), t.headers());
    assertEquals(List.of("DT-0001-ROAD", "DT-0003-LAND", "DT-0007-LATE", "DT-0002-DRAI"),
        t.rows().stream().map(r -> r.get(0)).toList());
    assertEquals(List.of("Đúng hạn", "Quá hạn chưa trả lời", "Trễ hạn", "Đang giải quyết"),
        t.rows().stream().map(r -> r.get(10)).toList());
    List<Object> drain = row(t, "DT-0002-DRAI");
    assertEquals(LocalDate.of(2025, 11, 24), drain.get(3));
    assertEquals(LocalDate.of(2026, 1, 5), drain.get(5));
    assertEquals("Chờ kinh phí nạo vét", drain.get(6));
    assertEquals(LocalDate.of(2026, 1, 6), drain.get(7));
    assertEquals(LocalDate.of(2025, 12, 20), row(t, "DT-0007-LATE").get(8), "00:30 in Hanoi is the 20th");
    assertEquals("Đã khảo sát và sửa chữa xong.", row(t, "DT-0001-ROAD").get(9));
  }

  @Test
  @DisplayName("the .xlsx of the opinions reads back in Vietnamese, the hostile content a plain string")
  void opinionsXlsx() throws IOException {
    byte[] xlsx = new OpinionExport().opinionsXlsx(dialogue(), TODAY);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      XSSFSheet sheet = wb.getSheet("Ý kiến");
      Row header = sheet.getRow(0);
      assertEquals("Mã theo dõi", header.getCell(0).getStringCellValue());
      assertEquals("Đúng hạn", header.getCell(13).getStringCellValue());
      Row road = sheet.getRow(1);
      assertEquals(CellType.STRING, road.getCell(4).getCellType());
      assertEquals(HOSTILE, road.getCell(4).getStringCellValue());
      assertEquals("05/11/2025", new DataFormatter().formatCellValue(road.getCell(1)));
      assertEquals(2.0, road.getCell(6).getNumericCellValue());
      assertEquals(7, sheet.getLastRowNum() + 1);
    }
  }

  @Test
  @DisplayName("30 opinions print one A4 landscape page wide: fit to width 1, header row repeated, rows as tall as "
      + "their text, dates typed (the PDF check: infra/scripts/render-documents.sh)")
  void thirtyOpinionsFitOnePageWide() throws IOException {
    List<Opinion> thirty = new java.util.ArrayList<>();
    OpinionField[] fields = OpinionField.values();
    for (int i = 1; i <= 30; i++) {
      String text = "Ý kiến số " + i + ": đề nghị sửa chữa tuyến đường liên thôn bị xuống cấp sau mùa mưa, "
          .repeat(1 + i % 4) + "thôn Nà Pàn.";
      thirty.add(received(String.format("DT-%04d-XLSX", i), fields[i % fields.length], Channel.WEBSITE, text));
    }
    byte[] xlsx = new OpinionExport().opinionsXlsx(thirty, TODAY);
    // for infra/scripts/render-documents.sh, which prints it through LibreOffice and counts the pages' width
    java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("basedir", "."), "target/documents");
    java.nio.file.Files.createDirectories(dir);
    java.nio.file.Files.write(dir.resolve("opinions-30.xlsx"), xlsx);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      XSSFSheet sheet = wb.getSheet("Ý kiến");
      assertEquals(31, sheet.getLastRowNum() + 1, "the header and 30 rows");
      assertTrue(sheet.getFitToPage(), "fit to page");
      assertEquals(1, sheet.getPrintSetup().getFitWidth(), "one page wide");
      assertEquals(0, sheet.getPrintSetup().getFitHeight(), "as many pages long as it takes");
      assertTrue(sheet.getPrintSetup().getLandscape(), "landscape");
      assertEquals(9, sheet.getPrintSetup().getPaperSize(), "A4");
      assertEquals("1:1", sheet.getRepeatingRows().formatAsString().replace("$", ""), "header row on every page");
      int content = columns(new OpinionExport().opinions(thirty, TODAY)).get("Nội dung");
      double widthInCharacters = sheet.getColumnWidth(content) / 256.0;
      for (int r = 1; r <= 30; r++) {
        Row row = sheet.getRow(r);
        int length = row.getCell(content).getStringCellValue().length();
        // wrapped text that cannot fit on one line gets two lines at least, or rows would overlap in print
        assertTrue(length <= widthInCharacters * 1.2 || row.getHeightInPoints() >= 2 * 15.75f - 0.01,
            "row " + r + " (" + length + " characters in " + widthInCharacters + ") is " + row.getHeightInPoints());
        assertTrue(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(row.getCell(1)), "received on: a date");
      }
    }
  }

  @Test
  @DisplayName("the CSV and the .xlsx of the assignments carry the same rows")
  void assignmentsBothFormats() throws IOException {
    String csv = new String(new OpinionExport().assignmentsCsv(dialogue(), TODAY), StandardCharsets.UTF_8);
    assertTrue(csv.startsWith("\uFEFFMã theo dõi,Nội dung,Cơ quan giải quyết,"), csv);
    assertTrue(csv.contains("\"'=cmd|' /C calc'!A0\r\nĐường liên thôn <script>alert('x')</script>\""), csv);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
        new OpinionExport().assignmentsXlsx(dialogue(), TODAY)))) {
      XSSFSheet sheet = wb.getSheet("Giao giải quyết");
      assertEquals(4, sheet.getLastRowNum() + 1);
      assertEquals("Quá hạn chưa trả lời", sheet.getRow(2).getCell(10).getStringCellValue());
    }
  }
}
