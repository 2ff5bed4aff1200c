package vn.doithoai.core.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.doithoai.core.export.Table.Column;

/** CSV that Excel opens in Vietnamese, and that a hostile opinion cannot turn into a formula. */
class CsvTest {
  static Table oneColumn(String... cells) {
    return new Table("t", List.of(new Column("Nội dung", 40)),
        Arrays.stream(cells).map(c -> List.<Object>of(c)).toList());
  }

  static String body(byte[] csv) {
    return new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("UTF-8 with a byte order mark, a Vietnamese header, CRLF after every row, typed cells as text")
  void headerAndRows() {
    Table t = new Table("Ý kiến", List.of(new Column("Mã theo dõi", 15), new Column("Ngày tiếp nhận", 12),
        new Column("Số người nêu", 8), new Column("Tỷ lệ", 8)),
        List.of(List.of("DT-7K3M-9QX2", LocalDate.of(2025, 11, 5), 25, new BigDecimal("66.7")),
            Arrays.asList("DT-AAAA-0002", null, 1L)));
    byte[] csv = Csv.write(t);
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3));
    assertEquals("Mã theo dõi,Ngày tiếp nhận,Số người nêu,Tỷ lệ\r\n"
        + "DT-7K3M-9QX2,2025-11-05,25,66.7\r\n"
        + "DT-AAAA-0002,,1,\r\n", body(csv));
  }

  @Test
  @DisplayName("a field with a quote, a comma or a line break is quoted, its quotes doubled")
  void quoting() {
    assertEquals("Nội dung\r\n\"Đường \"\"liên thôn\"\", xuống cấp\"\r\nkhông cần ngoặc\r\n",
        body(Csv.write(oneColumn("Đường \"liên thôn\", xuống cấp", "không cần ngoặc"))));
  }

  static Stream<Arguments> formulas() {
    return Stream.of(
        Arguments.of("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        Arguments.of("+84 912 345 678", "'+84 912 345 678"),
        Arguments.of("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        Arguments.of("@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"),
        Arguments.of("Đề nghị = công bằng", "Đề nghị = công bằng"));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("formulas")
  @DisplayName("a cell that a spreadsheet would run as a formula gets a leading apostrophe")
  void formulaInjection(String cell, String expected) {
    assertEquals(expected, Csv.field(cell));
    assertEquals("Nội dung\r\n" + expected + "\r\n", body(Csv.write(oneColumn(cell))));
  }

  @Test
  @DisplayName("TAB and CR at the start are neutralised too; the CR cell is then quoted")
  void tabAndCarriageReturn() {
    assertEquals("'\t=1+1", Csv.field("\t=1+1"));
    assertEquals("\"'\r=1+1\"", Csv.field("\r=1+1"));
  }

  @Test
  @DisplayName("CR, LF and CRLF inside a field are kept exactly, inside quotes")
  void lineBreaksKept() {
    assertEquals("Nội dung\r\n\"Dòng một\r\nDòng hai\nDòng ba\rDòng bốn\"\r\n",
        body(Csv.write(oneColumn("Dòng một\r\nDòng hai\nDòng ba\rDòng bốn"))));
  }

  @Test
  @DisplayName("markup is data: <script> is written literally, not escaped and not dropped")
  void scriptLiteral() {
    assertEquals("Nội dung\r\n<script>alert('x')</script>\r\n",
        body(Csv.write(oneColumn("<script>alert('x')</script>"))));
  }

  @Test
  @DisplayName("decomposed (NFD) Vietnamese is written byte for byte, not recomposed")
  void nfdKept() {
    String nfd = Normalizer.normalize("Nguyễn Thị Ánh", Normalizer.Form.NFD);
    assertTrue(nfd.length() > "Nguyễn Thị Ánh".length(), "the fixture really is decomposed");
    byte[] expected = ("Nội dung\r\n" + nfd + "\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] csv = Csv.write(oneColumn(nfd));
    assertArrayEquals(expected, Arrays.copyOfRange(csv, 3, csv.length));
  }

  @Test
  @DisplayName("a short row is padded to the header's width")
  void shortRow() {
    Table t = new Table("t", List.of(new Column("A", 5), new Column("B", 5)), List.of(List.of("x")));
    assertEquals("A,B\r\nx,\r\n", body(Csv.write(t)));
  }
}
