package vn.doithoai.core.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.export.Table.Column;

/** A hand-written .xlsx, read back with Apache POI: what a citizen wrote is what staff see, never a formula. */
class XlsxTest {
  static final String FORMULA = "=cmd|' /C calc'!A0";
  static final String NFD = Normalizer.normalize("Nguyễn Thị Ánh", Normalizer.Form.NFD);
  static final String LINES = "Dòng một\r\nDòng hai\nDòng ba\rDòng bốn";

  static XSSFWorkbook read(byte[] xlsx) throws IOException {
    return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
  }

  static Table texts(String... values) {
    return new Table("Ý kiến", List.of(new Column("Nội dung", 60)),
        Arrays.stream(values).map(v -> List.<Object>of(v)).toList());
  }

  @Test
  @DisplayName("hostile, multi-line and decomposed text comes back exactly, as string cells")
  void textIntact() throws IOException {
    List<String> values = List.of(FORMULA, "+84 912 345 678", "@SUM(A1)", LINES, NFD,
        "<script>alert('x')</script> & \"ngoặc\"", "  khoảng trắng đầu và cuối  ", "Tab\tở giữa", "Biểu tượng 😀",
        "_x0041_ giữ nguyên");
    try (XSSFWorkbook wb = read(Xlsx.write("Kiểm thử", List.of(texts(values.toArray(String[]::new)))))) {
      XSSFSheet sheet = wb.getSheetAt(0);
      for (int i = 0; i < values.size(); i++) {
        XSSFCell cell = sheet.getRow(i + 1).getCell(0);
        assertEquals(CellType.STRING, cell.getCellType(), values.get(i));
        assertEquals(values.get(i), cell.getStringCellValue());
      }
    }
  }

  @Test
  @DisplayName("a control character XML cannot carry is written _xHHHH_: the file stays valid, the text intact")
  void illegalControlCharacter() throws Exception {
    String text = "Trước\u0001\u0008\u001F\uFFFESau\uD800";
    byte[] xlsx = Xlsx.write("Kiểm thử", List.of(texts(text)));
    Map<String, byte[]> parts = unzip(xlsx);
    String sheet = new String(parts.get("xl/worksheets/sheet1.xml"), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(sheet.contains("Trước_x0001__x0008__x001F__xFFFE_Sau_xD800_"), sheet);
    for (Map.Entry<String, byte[]> part : parts.entrySet()) {
      assertNotNull(DocumentBuilderFactory.newInstance().newDocumentBuilder()
          .parse(new ByteArrayInputStream(part.getValue())), part.getKey());
    }
    try (XSSFWorkbook wb = read(xlsx)) {
      assertEquals(text, wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue());
    }
  }

  @Test
  @DisplayName("dates are real dates shown dd/mm/yyyy, numbers are numbers, empty cells stay empty")
  void typedCells() throws IOException {
    Table t = new Table("Số liệu", List.of(new Column("Ngày", 12), new Column("Số", 8), new Column("Tỷ lệ", 8),
        new Column("Trống", 8)), List.of(Arrays.asList(LocalDate.of(2025, 12, 19), 25, new BigDecimal("66.7"), null)));
    try (XSSFWorkbook wb = read(Xlsx.write("Kiểm thử", List.of(t)))) {
      XSSFRow row = wb.getSheetAt(0).getRow(1);
      XSSFCell date = row.getCell(0);
      assertEquals(CellType.NUMERIC, date.getCellType());
      assertTrue(DateUtil.isCellDateFormatted(date));
      assertEquals("dd/mm/yyyy", date.getCellStyle().getDataFormatString());
      assertEquals(LocalDate.of(2025, 12, 19), date.getLocalDateTimeCellValue().toLocalDate());
      assertEquals(25.0, row.getCell(1).getNumericCellValue());
      assertEquals(66.7, row.getCell(2).getNumericCellValue());
      assertEquals(null, row.getCell(3));
    }
  }

  @Test
  @DisplayName("the header is bold and frozen, columns have their widths, the title is the document's")
  void layout() throws IOException {
    Table t = new Table("Ý kiến", List.of(new Column("Mã theo dõi", 15), new Column("Nội dung", 60)),
        List.of(List.of("DT-7K3M-9QX2", "Đèn đường hỏng")));
    try (XSSFWorkbook wb = read(Xlsx.write("Danh sách ý kiến, kiến nghị", List.of(t)))) {
      XSSFSheet sheet = wb.getSheetAt(0);
      assertEquals("Ý kiến", sheet.getSheetName());
      assertTrue(sheet.getPaneInformation().isFreezePane());
      assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition());
      assertTrue(sheet.getRow(0).getCell(0).getCellStyle().getFont().getBold());
      assertTrue(sheet.getRow(1).getCell(1).getCellStyle().getWrapText());
      assertEquals(60 * 256, sheet.getColumnWidth(1));
      assertEquals("Danh sách ý kiến, kiến nghị", wb.getProperties().getCoreProperties().getTitle());
    }
  }

  @Test
  @DisplayName("one sheet per table; names made legal and unique as Excel requires")
  void severalSheets() throws IOException {
    Table a = texts("một");
    Table b = new Table("Giao/giải quyết: [đợt 1]*? và một tên rất dài vượt quá giới hạn", List.of(), List.of());
    try (XSSFWorkbook wb = read(Xlsx.write("Kiểm thử", List.of(a, a, b)))) {
      assertEquals(3, wb.getNumberOfSheets());
      assertEquals("Ý kiến", wb.getSheetName(0));
      assertEquals("Ý kiến (2)", wb.getSheetName(1));
      assertEquals(31, wb.getSheetName(2).length());
      assertTrue(wb.getSheetName(2).startsWith("Giao giải quyết"), wb.getSheetName(2));
    }
  }

  @Test
  @DisplayName("the same tables give the same bytes, with the parts every reader expects")
  void deterministic() throws IOException {
    byte[] one = Xlsx.write("Kiểm thử", List.of(texts(FORMULA, NFD)));
    byte[] two = Xlsx.write("Kiểm thử", List.of(texts(FORMULA, NFD)));
    assertArrayEquals(one, two);
    assertEquals(List.of("[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml"),
        new ArrayList<>(unzip(one).keySet()));
  }

  @Test
  @DisplayName("column letters go A…Z, AA…")
  void columnLetters() {
    assertEquals(List.of("A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"), List.of(Xlsx.column(0), Xlsx.column(25),
        Xlsx.column(26), Xlsx.column(51), Xlsx.column(52), Xlsx.column(701), Xlsx.column(702)));
  }

  static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> parts = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        parts.put(e.getName(), in.readAllBytes());
      }
    }
    return parts;
  }

  @Test
  @DisplayName("fit for print: A4 landscape, one page wide, the header row on every page, rows tall enough, real dates")
  void fitForPrint() throws IOException {
    String longText = "Đề nghị sửa chữa tuyến đường liên thôn từ thôn Nà Pàn đến thôn Bản Chắt bị xuống cấp nghiêm trọng, "
        .repeat(3);
    Table t = new Table("Ý kiến", List.of(new Table.Column("Mã", 14), new Table.Column("Nội dung", 40),
        new Table.Column("Ngày nhận", 12)), List.of(List.of("DT-1", longText, java.time.LocalDate.of(2025, 11, 20)),
            List.of("DT-2", "Ngắn", java.time.LocalDate.of(2025, 11, 21))));
    try (XSSFWorkbook wb = read(Xlsx.write("Ý kiến", List.of(t)))) {
      var sheet = wb.getSheetAt(0);
      assertTrue(sheet.getPrintSetup().getLandscape());
      assertEquals(9, sheet.getPrintSetup().getPaperSize(), "A4");
      assertTrue(sheet.getFitToPage());
      assertEquals(1, sheet.getPrintSetup().getFitWidth());
      assertEquals(0, sheet.getPrintSetup().getFitHeight());
      assertEquals("1:1", sheet.getRepeatingRows().formatAsString().replace("$", ""));
      assertTrue(sheet.getRow(1).getHeightInPoints() >= 4 * 15.75f, "a long text gets the lines it needs");
      assertEquals(sheet.getDefaultRowHeightInPoints(), sheet.getRow(2).getHeightInPoints(), 0.01);
      var date = sheet.getRow(1).getCell(2);
      assertTrue(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(date));
      assertEquals(java.time.LocalDate.of(2025, 11, 20), date.getLocalDateTimeCellValue().toLocalDate());
      assertTrue(sheet.getFooter().getCenter().contains("Trang"));
    }
  }
}
