package vn.doithoai.core.export;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A {@link Table} as CSV (RFC 4180) for staff who open it in Excel or LibreOffice: UTF-8 with a byte order
 * mark (without it, Excel on Windows reads Vietnamese as mojibake), CRLF after every row, a field quoted when
 * it holds a quote, a comma, CR or LF (quotes doubled).
 *
 * <p>Citizens write the opinions, so a cell may be hostile: a cell that begins with {@code =}, {@code +},
 * {@code -}, {@code @}, TAB or CR would be run as a formula by a spreadsheet (OWASP "CSV Injection"), so it
 * gets a leading apostrophe. Otherwise text is written exactly as stored: no normalisation (an NFD "ễ" stays
 * NFD), no trimming, line breaks inside a field kept. Dates are ISO ({@code 2025-12-19}), which every
 * spreadsheet reads as a date whatever its locale; numbers are plain (the exports have no negative numbers,
 * which the rule above would otherwise turn into text).
 */
public final class Csv {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private Csv() {}

  public static byte[] write(Table table) {
    StringBuilder sb = new StringBuilder(256 + table.rows().size() * 128);
    row(sb, table.headers(), table.columns().size());
    for (List<Object> r : table.rows()) {
      row(sb, r, table.columns().size());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(sb.length() * 2 + BOM.length);
    out.writeBytes(BOM);
    out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** Every row has as many fields as the header, so a short row still lines up. */
  private static void row(StringBuilder sb, List<?> cells, int width) {
    for (int i = 0; i < width; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(field(i < cells.size() ? text(cells.get(i)) : ""));
    }
    sb.append("\r\n");
  }

  private static String text(Object cell) {
    if (cell == null) {
      return "";
    }
    return cell instanceof BigDecimal d ? d.toPlainString() : cell.toString();
  }

  /** One field, neutralised and quoted as needed. */
  static String field(String value) {
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    boolean quote = v.indexOf('"') >= 0 || v.indexOf(',') >= 0 || v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0;
    return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }
}
