package vn.doithoai.core.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.doithoai.core.common.OfficePackage;

/**
 * {@link Table}s as an Excel workbook (.xlsx, Office Open XML), one sheet per table, written with
 * {@code java.util.zip} so that the Lambda jar carries no spreadsheet library.
 *
 * <p>Choices, each for a reason:
 * <ul>
 *   <li>Every text cell is an inline string ({@code t="inlineStr"}), never a formula: a citizen's
 *       {@code =cmd|' /C calc'!A0} is shown, not run, and no shared-strings table is needed.</li>
 *   <li>Numbers are numbers; a {@link LocalDate} is a real date (a serial number in the 1900 date system)
 *       shown {@code dd/mm/yyyy} as Vietnamese offices write it, so staff can sort and filter by date.</li>
 *   <li>XML 1.0 cannot carry C0 control characters other than TAB, LF and CR, lone surrogates, U+FFFE or
 *       U+FFFF: such a character is written as the Office escape {@code _xHHHH_}, which Excel (and Apache POI)
 *       read back as the character, so the cell keeps the citizen's text and the file stays valid. A literal
 *       {@code _xHHHH_} already in the text has its underscore escaped ({@code _x005F_}) so that it reads back
 *       literally too. CR is written {@code &#13;} because an XML parser would turn a raw CR into LF.</li>
 *   <li>The header row is bold, wraps and is frozen; columns have the widths the table gives; text cells
 *       wrap.</li>
 *   <li>The same tables give the same bytes: fixed entry times, fixed order, no creation date.</li>
 * </ul>
 */
public final class Xlsx {
  private static final long EXCEL_EPOCH = LocalDate.of(1899, 12, 30).toEpochDay();
  private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
  private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  private static final String PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
  private static final int STYLE_HEADER = 1;
  private static final int STYLE_TEXT = 2;
  private static final int STYLE_DATE = 3;
  private static final int STYLE_NUMBER = 4;

  private Xlsx() {}

  /** A workbook titled {@code title} (its document property) with one sheet per table, in order. */
  public static byte[] write(String title, List<Table> tables) {
    if (tables.isEmpty()) {
      throw new IllegalArgumentException("a workbook needs at least one sheet");
    }
    List<String> names = sheetNames(tables);
    OfficePackage pkg = new OfficePackage().part("[Content_Types].xml", contentTypes(tables.size()))
        .part("_rels/.rels", XML + "<Relationships xmlns=\"" + PKG_REL + "\">"
            + "<Relationship Id=\"rId1\" Type=\"" + REL + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/"
            + "metadata/core-properties\" Target=\"docProps/core.xml\"/></Relationships>")
        .part("docProps/core.xml", coreProperties(title)).part("xl/workbook.xml", workbook(names))
        .part("xl/_rels/workbook.xml.rels", workbookRels(tables.size())).part("xl/styles.xml", STYLES);
    for (int i = 0; i < tables.size(); i++) {
      pkg.part("xl/worksheets/sheet" + (i + 1) + ".xml", sheet(tables.get(i)));
    }
    return pkg.bytes();
  }

  private static String contentTypes(int sheets) {
    StringBuilder sb = new StringBuilder(XML).append(
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
            + "spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
            + "spreadsheetml.styles+xml\"/>"
            + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package."
            + "core-properties+xml\"/>");
    for (int i = 1; i <= sheets; i++) {
      sb.append("<Override PartName=\"/xl/worksheets/sheet").append(i).append(".xml\" ContentType=\"application/")
          .append("vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
    }
    return sb.append("</Types>").toString();
  }

  private static String coreProperties(String title) {
    return XML + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/"
        + "core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>" + plain(title) + "</dc:title>"
        + "<dc:creator>Đối thoại</dc:creator><dc:language>vi-VN</dc:language></cp:coreProperties>";
  }

  private static String workbook(List<String> names) {
    StringBuilder sb = new StringBuilder(XML).append("<workbook xmlns=\"").append(MAIN).append("\" xmlns:r=\"")
        .append(REL).append("\"><bookViews><workbookView/></bookViews><sheets>");
    for (int i = 0; i < names.size(); i++) {
      sb.append("<sheet name=\"").append(plain(names.get(i))).append("\" sheetId=\"").append(i + 1)
          .append("\" r:id=\"rId").append(i + 1).append("\"/>");
    }
    // each sheet prints its header row on every page
    sb.append("</sheets><definedNames>");
    for (int i = 0; i < names.size(); i++) {
      sb.append("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"").append(i).append("\">'")
          .append(plain(names.get(i)).replace("'", "''")).append("'!$1:$1</definedName>");
    }
    return sb.append("</definedNames></workbook>").toString();
  }

  private static String workbookRels(int sheets) {
    StringBuilder sb = new StringBuilder(XML).append("<Relationships xmlns=\"").append(PKG_REL).append("\">");
    for (int i = 1; i <= sheets; i++) {
      sb.append("<Relationship Id=\"rId").append(i).append("\" Type=\"").append(REL)
          .append("/worksheet\" Target=\"worksheets/sheet").append(i).append(".xml\"/>");
    }
    sb.append("<Relationship Id=\"rId").append(sheets + 1).append("\" Type=\"").append(REL)
        .append("/styles\" Target=\"styles.xml\"/>");
    return sb.append("</Relationships>").toString();
  }

  private static final String STYLES = XML + "<styleSheet xmlns=\"" + MAIN + "\">"
      + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts>"
      + "<fonts count=\"2\"><font><sz val=\"12\"/><name val=\"Times New Roman\"/><family val=\"1\"/></font>"
      + "<font><b/><sz val=\"12\"/><name val=\"Times New Roman\"/><family val=\"1\"/></font></fonts>"
      + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill>"
      + "<fill><patternFill patternType=\"gray125\"/></fill><fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFDDEBF7\"/><bgColor indexed=\"64\"/>"
      + "</patternFill></fill></fills>"
      + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
      + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
      + "<cellXfs count=\"5\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
      + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\""
      + " applyAlignment=\"1\"><alignment vertical=\"center\" wrapText=\"1\"/></xf>"
      + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\">"
      + "<alignment vertical=\"top\" wrapText=\"1\"/></xf>"
      + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\""
      + " applyAlignment=\"1\"><alignment vertical=\"top\"/></xf>"
      + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\">"
      + "<alignment vertical=\"top\"/></xf></cellXfs>"
      + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>";

  private static String sheet(Table t) {
    int width = Math.max(1, t.columns().size());
    StringBuilder sb = new StringBuilder(4096).append(XML).append("<worksheet xmlns=\"").append(MAIN)
        .append("\" xmlns:r=\"").append(REL).append("\"><sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>")
        .append("<dimension ref=\"A1:").append(column(width - 1))
        .append(t.rows().size() + 1).append("\"/>")
        .append("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\""
            + " activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"A2\""
            + " sqref=\"A2\"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15.75\"/>");
    if (!t.columns().isEmpty()) {
      sb.append("<cols>");
      for (int i = 0; i < t.columns().size(); i++) {
        sb.append("<col min=\"").append(i + 1).append("\" max=\"").append(i + 1).append("\" width=\"")
            .append(t.columns().get(i).width()).append("\" customWidth=\"1\"/>");
      }
      sb.append("</cols>");
    }
    sb.append("<sheetData>");
    row(sb, 1, new ArrayList<>(t.headers()), true, height(t, t.headers().stream().map(h -> (Object) h).toList()));
    for (int r = 0; r < t.rows().size(); r++) {
      row(sb, r + 2, t.rows().get(r), false, height(t, t.rows().get(r)));
    }
    // A4 landscape, one page wide (as many pages long as it takes), page numbers in the footer
    return sb.append("</sheetData><pageMargins left=\"0.5\" right=\"0.5\" top=\"0.6\" bottom=\"0.6\""
        + " header=\"0.3\" footer=\"0.3\"/><pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\""
        + " fitToHeight=\"0\"/><headerFooter><oddFooter>&amp;CTrang &amp;P/&amp;N</oddFooter></headerFooter>"
        + "</worksheet>").toString();
  }

  /** Points per line of 12 pt Times New Roman. */
  static final double LINE = 15.75;

  /**
   * A row's height for its wrapped text: the most lines any cell needs at its column's width (a character of
   * 12 pt Times is narrower than the width unit, so a line holds about 1.2 units of text), at most 409 pt.
   */
  static double height(Table t, List<Object> cells) {
    int lines = 1;
    for (int i = 0; i < cells.size() && i < t.columns().size(); i++) {
      if (cells.get(i) instanceof String s && !s.isEmpty()) {
        int perLine = Math.max(1, (int) Math.floor(t.columns().get(i).width() * 1.2));
        int n = 0;
        for (String line : s.split("\n", -1)) {
          n += Math.max(1, (line.codePointCount(0, line.length()) + perLine - 1) / perLine);
        }
        lines = Math.max(lines, n);
      }
    }
    return Math.min(409, lines * LINE);
  }

  private static void row(StringBuilder sb, int r, List<Object> cells, boolean header, double height) {
    sb.append("<row r=\"").append(r).append("\"");
    if (height > LINE) {
      sb.append(" ht=\"").append(BigDecimal.valueOf(height).stripTrailingZeros().toPlainString())
          .append("\" customHeight=\"1\"");
    }
    sb.append(">");
    for (int i = 0; i < cells.size(); i++) {
      Object v = cells.get(i);
      if (v == null || "".equals(v)) {
        continue;
      }
      String ref = column(i) + r;
      if (v instanceof String s) {
        sb.append("<c r=\"").append(ref).append("\" s=\"").append(header ? STYLE_HEADER : STYLE_TEXT)
            .append("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">").append(cellText(s)).append("</t></is></c>");
      } else if (v instanceof LocalDate d) {
        sb.append("<c r=\"").append(ref).append("\" s=\"").append(STYLE_DATE).append("\"><v>")
            .append(d.toEpochDay() - EXCEL_EPOCH).append("</v></c>");
      } else {
        String n = v instanceof BigDecimal b ? b.toPlainString() : v.toString();
        sb.append("<c r=\"").append(ref).append("\" s=\"").append(STYLE_NUMBER).append("\"><v>").append(n)
            .append("</v></c>");
      }
    }
    sb.append("</row>");
  }

  /** A, B, …, Z, AA, AB, …: the column letters of a 0-based index. */
  static String column(int index) {
    StringBuilder sb = new StringBuilder();
    for (int n = index + 1; n > 0; n = (n - 1) / 26) {
      sb.insert(0, (char) ('A' + (n - 1) % 26));
    }
    return sb.toString();
  }

  /** Cell text: XML-escaped, CR kept as a reference, characters XML cannot carry as {@code _xHHHH_}. */
  static String cellText(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '\r' -> sb.append("&#13;");
        case '\t', '\n' -> sb.append(c);
        case '_' -> sb.append(looksEscaped(s, i) ? "_x005F_" : "_");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            sb.append(c).append(s.charAt(++i));
          } else if (c < 0x20 || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
            sb.append(String.format(Locale.ROOT, "_x%04X_", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  private static boolean looksEscaped(String s, int i) {
    if (i + 6 >= s.length() || s.charAt(i + 1) != 'x' || s.charAt(i + 6) != '_') {
      return false;
    }
    for (int k = i + 2; k < i + 6; k++) {
      if (Character.digit(s.charAt(k), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Text in a document property or an attribute: escaped, characters XML cannot carry dropped. */
  private static String plain(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    s.codePoints().forEach(cp -> {
      switch (cp) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        default -> {
          if (cp >= 0x20 && !(cp >= 0xD800 && cp <= 0xDFFF) && cp != 0xFFFE && cp != 0xFFFF) {
            sb.appendCodePoint(cp);
          }
        }
      }
    });
    return sb.toString();
  }

  /** Excel's rules: at most 31 characters, none of {@code []:*?/\}, unique ignoring case, not blank. */
  private static List<String> sheetNames(List<Table> tables) {
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Table t : tables) {
      String base = t.name().replaceAll("[\\[\\]:*?/\\\\\\p{Cntrl}]", " ").strip().replaceAll("^'+|'+$", "");
      base = base.isEmpty() ? "Sheet" + (names.size() + 1) : base;
      String name = cut(base, 31);
      for (int n = 2; !seen.add(name.toLowerCase(Locale.ROOT)); n++) {
        String suffix = " (" + n + ")";
        name = cut(base, 31 - suffix.length()) + suffix;
      }
      names.add(name);
    }
    return names;
  }

  private static String cut(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
    return s.substring(0, end);
  }
}
