package vn.doithoai.core.document;

import java.util.List;
import vn.doithoai.core.common.OfficePackage;
import vn.doithoai.core.document.OfficialDocument.Detail;
import vn.doithoai.core.document.OfficialDocument.Item;
import vn.doithoai.core.document.OfficialDocument.Layout;
import vn.doithoai.core.document.OfficialDocument.Section;
import vn.doithoai.core.document.OfficialDocument.Signature;

/**
 * An official document as a Word file (.docx, WordprocessingML), written by hand: offices edit, sign and file
 * Word documents, and a library such as Apache POI would multiply the size of the Lambda jar. The file holds
 * the few parts Word, LibreOffice and POI need: content types, relationships, the document, styles (Times New
 * Roman 14 pt, Vietnamese), settings, core and app properties. A4 with the decree's margins; the header and
 * the signing block are borderless two-column tables; the short rules are paragraph borders. Text is XML-escaped,
 * characters XML forbids are dropped, a line break in a value is a {@code <w:br/>} or a new paragraph. The
 * output is deterministic (fixed entry times, fixed order), so the same document gives the same bytes.
 */
public final class DocumentDocx {
  /** A4 and the margins of Decree 30/2020, in twentieths of a point: 20 mm top and bottom, 30 left, 15 right. */
  static final int PAGE_WIDTH = 11906;
  static final int PAGE_HEIGHT = 16838;
  static final int MARGIN_TOP = 1134;
  static final int MARGIN_BOTTOM = 1134;
  static final int MARGIN_LEFT = 1701;
  static final int MARGIN_RIGHT = 850;
  private static final int TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
  /** The issuing body's column: 6 cm for the state, wider for the Party's longer lines. */
  private static final int HEADER_LEFT_STATE = 3402;
  private static final int HEADER_LEFT_PARTY = 4536;
  private static final int FOOTER_LEFT = TEXT_WIDTH / 2;

  private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
  private static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  private static final String HEADER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml";
  /** The page number, a PAGE field centred in the header, 13 pt. */
  private static final String PAGE_NUMBER_HEADER = XML + "<w:hdr xmlns:w=\"" + W + "\"><w:p><w:pPr><w:jc w:val=\"center\"/>"
      + "</w:pPr><w:r><w:rPr><w:sz w:val=\"26\"/></w:rPr><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:rPr>"
      + "<w:sz w:val=\"26\"/></w:rPr><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r><w:rPr>"
      + "<w:sz w:val=\"26\"/></w:rPr><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:rPr><w:sz w:val=\"26\"/>"
      + "</w:rPr><w:t>2</w:t></w:r><w:r><w:rPr><w:sz w:val=\"26\"/></w:rPr><w:fldChar w:fldCharType=\"end\"/></w:r>"
      + "</w:p></w:hdr>";
  /** The first page's header: empty, so page 1 shows no number. */
  private static final String FIRST_PAGE_HEADER = XML + "<w:hdr xmlns:w=\"" + W + "\"><w:p/></w:hdr>";
  private static final String CONTENT_TYPES = XML
      + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
      + ".wordprocessingml.document.main+xml\"/>"
      + "<Override PartName=\"/word/header1.xml\" ContentType=\"" + HEADER_TYPE + "\"/>"
      + "<Override PartName=\"/word/header2.xml\" ContentType=\"" + HEADER_TYPE + "\"/>"
      + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
      + ".wordprocessingml.styles+xml\"/>"
      + "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
      + ".wordprocessingml.settings+xml\"/>"
      + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package"
      + ".core-properties+xml\"/>"
      + "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
      + ".extended-properties+xml\"/>"
      + "</Types>";
  private static final String RELS = XML
      + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
      + "/officeDocument\" Target=\"word/document.xml\"/>"
      + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata"
      + "/core-properties\" Target=\"docProps/core.xml\"/>"
      + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
      + "/extended-properties\" Target=\"docProps/app.xml\"/>"
      + "</Relationships>";
  private static final String DOCUMENT_RELS = XML
      + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
      + "/styles\" Target=\"styles.xml\"/>"
      + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
      + "/settings\" Target=\"settings.xml\"/>"
      + "<Relationship Id=\"rIdPageNumber\" Type=\"" + R + "/header\" Target=\"header1.xml\"/>"
      + "<Relationship Id=\"rIdFirstPage\" Type=\"" + R + "/header\" Target=\"header2.xml\"/>"
      + "</Relationships>";
  private static final String FONT = "Times New Roman";
  private static final String STYLES = XML
      + "<w:styles xmlns:w=\"" + W + "\"><w:docDefaults><w:rPrDefault><w:rPr>"
      + "<w:rFonts w:ascii=\"" + FONT + "\" w:eastAsia=\"" + FONT + "\" w:hAnsi=\"" + FONT + "\" w:cs=\"" + FONT
      + "\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/><w:lang w:val=\"vi-VN\" w:eastAsia=\"vi-VN\" w:bidi=\"ar-SA\"/>"
      + "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
      + "</w:pPr></w:pPrDefault></w:docDefaults>"
      + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
      + "</w:style>"
      + "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">"
      + "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/>"
      + "</w:style>"
      + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
      + "<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>"
      + "<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
      + "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
      + "</w:style></w:styles>";
  private static final String SETTINGS = XML
      + "<w:settings xmlns:w=\"" + W + "\"><w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"720\"/>"
      + "<w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\""
      + " w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>";
  private static final String APP = XML
      + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
      + "<Application>Đối thoại</Application></Properties>";

  /** Paragraph properties: justified body text with the 1 cm first-line indent; centred lines; left lines. */
  private static final String BODY = "<w:spacing w:before=\"60\" w:after=\"60\" w:line=\"276\" w:lineRule=\"auto\"/>"
      + "<w:ind w:firstLine=\"567\"/><w:jc w:val=\"both\"/>";
  private static final String HEADING = "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"60\"/>"
      + "<w:ind w:firstLine=\"567\"/><w:jc w:val=\"both\"/>";
  private static final String CENTER = "<w:jc w:val=\"center\"/>";
  /** A signing row stays on one page: the title and the name never part across a page break. */
  private static final String UNSPLIT_ROW = "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
  private static final String LEFT = "<w:jc w:val=\"left\"/>";

  private DocumentDocx() {}

  public static byte[] write(OfficialDocument d) {
    return new OfficePackage().part("[Content_Types].xml", CONTENT_TYPES).part("_rels/.rels", RELS)
        .part("word/document.xml", document(d)).part("word/_rels/document.xml.rels", DOCUMENT_RELS)
        .part("word/header1.xml", PAGE_NUMBER_HEADER).part("word/header2.xml", FIRST_PAGE_HEADER)
        .part("word/styles.xml", STYLES).part("word/settings.xml", SETTINGS).part("docProps/core.xml", core(d))
        .part("docProps/app.xml", APP).bytes();
  }

  private static String core(OfficialDocument d) {
    return XML + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/"
        + "core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        + "<dc:title>" + escape(Text.oneLine(d.summary())) + "</dc:title>"
        + "<dc:subject>" + escape(Text.oneLine(d.type())) + "</dc:subject>"
        + "<dc:creator>" + escape(Text.oneLine(d.issuingParent() + "\n" + d.issuingBody())) + "</dc:creator>"
        + "<dc:language>vi-VN</dc:language></cp:coreProperties>";
  }

  private static String document(OfficialDocument d) {
    StringBuilder x = new StringBuilder(32_768);
    x.append(XML).append("<w:document xmlns:w=\"").append(W).append("\" xmlns:r=\"").append(R).append("\"><w:body>");
    header(x, d);
    // the type title: 14 pt in a state document, 16 pt in a Party one (HD 36: 15–16 pt)
    p(x, "<w:keepNext/><w:spacing w:before=\"360\"/>" + CENTER, run(d.type(), true, false, false,
        d.layout() == Layout.PARTY ? 32 : 28));
    if (!d.summary().isBlank()) {
      p(x, "<w:keepNext/>" + CENTER, run(d.summary(), true, false, false, 28));
    }
    // under the summary: a short rule (Decree 30/2020), five hyphens (HD 36-HD/VPTW)
    if (d.layout() == Layout.PARTY) {
      p(x, CENTER, run(DocumentHtml.PARTY_DASHES, false, false, false, 28));
    } else {
      rule(x, (TEXT_WIDTH - 2800) / 2);
    }
    recipients(x, d.recipients());
    paragraphs(x, d.intro());
    int roman = 0;
    for (Section s : d.sections()) {
      if (!s.title().isBlank()) {
        p(x, HEADING, run(Text.roman(++roman) + ". " + s.title(), true, false, false, 0));
      }
      paragraphs(x, s.paragraphs());
      int n = 1;
      for (Item item : s.items()) {
        item(x, n++, item);
      }
    }
    paragraphs(x, d.closing());
    footer(x, d);
    // page numbers at the top centre from page 2 (Decree 30/2020, Appendix I: none on the first page)
    x.append("<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdPageNumber\"/>")
        .append("<w:headerReference w:type=\"first\" r:id=\"rIdFirstPage\"/><w:pgSz w:w=\"").append(PAGE_WIDTH).append("\" w:h=\"").append(PAGE_HEIGHT)
        .append("\"/><w:pgMar w:top=\"").append(MARGIN_TOP).append("\" w:right=\"").append(MARGIN_RIGHT)
        .append("\" w:bottom=\"").append(MARGIN_BOTTOM).append("\" w:left=\"").append(MARGIN_LEFT)
        .append("\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/><w:cols w:space=\"720\"/><w:titlePg/></w:sectPr>")
        .append("</w:body></w:document>");
    return x.toString();
  }

  private static void header(StringBuilder x, OfficialDocument d) {
    boolean party = d.layout() == Layout.PARTY;
    int size = party ? 28 : 26;
    int left = party ? HEADER_LEFT_PARTY : HEADER_LEFT_STATE;
    table(x, left);
    x.append("<w:tr>");
    cell(x, left);
    // Decree 30: "ỦY BAN NHÂN DÂN / XÃ …" is one name, all bold; HD 36: the superior Party body plain
    p(x, CENTER, run(d.issuingParent(), !party, false, false, size));
    p(x, CENTER, run(d.issuingBody(), true, false, false, size));
    if (party) {
      p(x, CENTER, run("*", false, false, false, size));
    } else {
      rule(x, (left - 1300) / 2);
    }
    x.append("</w:tc>");
    cell(x, TEXT_WIDTH - left);
    if (party) {
      p(x, CENTER, run(OfficialDocument.PARTY_NAME, true, false, true, 30));
    } else {
      p(x, CENTER, run(OfficialDocument.NATIONAL_TITLE, true, false, false, 26));
      p(x, CENTER, run(OfficialDocument.MOTTO, true, false, true, 28));
    }
    x.append("</w:tc></w:tr><w:tr>");
    cell(x, left);
    p(x, "<w:spacing w:before=\"120\"/>" + CENTER, run(d.number(), false, false, false, 26));
    x.append("</w:tc>");
    cell(x, TEXT_WIDTH - left);
    p(x, "<w:spacing w:before=\"120\"/>" + CENTER, run(d.placeAndDate(), false, true, false, 28));
    x.append("</w:tc></w:tr></w:tbl>");
  }

  private static void recipients(StringBuilder x, List<String> recipients) {
    String pPr = "<w:spacing w:before=\"120\" w:after=\"120\"/>" + CENTER;
    if (recipients.size() == 1) {
      p(x, pPr, run("Kính gửi: " + recipients.get(0), false, false, false, 0));
    } else if (recipients.size() > 1) {
      p(x, pPr, run("Kính gửi:", false, false, false, 0));
      for (String r : recipients) {
        p(x, CENTER, run("- " + r, false, false, false, 0));
      }
    }
  }

  private static void item(StringBuilder x, int n, Item item) {
    List<String> text = Text.paragraphs(item.text());
    StringBuilder runs = new StringBuilder(run(n + ". ", false, false, false, 0));
    if (!item.heading().isBlank()) {
      runs.append(run(item.heading(), true, false, false, 0)).append(text.isEmpty() ? "" : run(" ", false, false,
          false, 0));
    }
    if (!text.isEmpty()) {
      runs.append(run(text.get(0), false, false, false, 0));
    }
    p(x, BODY, runs.toString());
    paragraphs(x, text.size() > 1 ? text.subList(1, text.size()) : List.of());
    if (!item.details().isEmpty()) {
      StringBuilder details = new StringBuilder();
      String sep = "";
      for (Detail detail : item.details()) {
        details.append(run(sep + detail.label() + (detail.label().isBlank() ? "" : ": "), false, false, false, 0))
            .append(run(detail.value(), true, false, false, 0));
        sep = "; ";
      }
      p(x, BODY, details.toString());
    }
  }

  private static void footer(StringBuilder x, OfficialDocument d) {
    List<Signature> signs = d.signatures();
    table(x, FOOTER_LEFT);
    x.append(UNSPLIT_ROW);
    if (signs.size() == 2) {
      sign(x, FOOTER_LEFT, signs.get(0));
      sign(x, TEXT_WIDTH - FOOTER_LEFT, signs.get(1));
      x.append("</w:tr></w:tbl>");
      if (!d.distribution().isEmpty()) {
        table(x, FOOTER_LEFT);
        x.append(UNSPLIT_ROW);
        distribution(x, d.distribution(), d.layout() == Layout.PARTY);
        cell(x, TEXT_WIDTH - FOOTER_LEFT);
        x.append("<w:p/></w:tc></w:tr></w:tbl>");
      }
    } else {
      distribution(x, d.distribution(), d.layout() == Layout.PARTY);
      sign(x, TEXT_WIDTH - FOOTER_LEFT, signs.get(0));
      x.append("</w:tr></w:tbl>");
    }
    // Word wants the body to end with a paragraph, not a table
    x.append("<w:p/>");
  }

  /** Decree 30: "Nơi nhận:" bold italic 12 pt, lines 11 pt; HD 36 (Party): "Nơi nhận:" underlined 14 pt, lines 12 pt. */
  private static void distribution(StringBuilder x, List<String> lines, boolean party) {
    cell(x, FOOTER_LEFT);
    if (lines.isEmpty()) {
      x.append("<w:p/>");
    } else {
      p(x, "<w:spacing w:before=\"240\"/>" + LEFT, party ? run("Nơi nhận:", false, false, true, 28)
          : run("Nơi nhận:", true, true, false, 24));
      for (String line : lines) {
        p(x, LEFT, run("- " + line, false, false, false, party ? 24 : 22));
      }
    }
    x.append("</w:tc>");
  }

  private static void sign(StringBuilder x, int width, Signature s) {
    cell(x, width);
    String first = "<w:spacing w:before=\"240\"/>" + CENTER;
    if (!s.onBehalfOf().isEmpty()) {
      p(x, first, run(s.onBehalfOf(), true, false, false, 28));
      first = CENTER;
    }
    p(x, first, run(s.position(), true, false, false, 28));
    for (int i = 0; i < 4; i++) {
      x.append("<w:p/>");
    }
    p(x, CENTER, run(s.name(), true, false, false, 28));
    x.append("</w:tc>");
  }

  private static void table(StringBuilder x, int left) {
    x.append("<w:tbl><w:tblPr><w:tblW w:w=\"").append(TEXT_WIDTH).append("\" w:type=\"dxa\"/><w:tblBorders>")
        .append("<w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/><w:right w:val=\"nil\"/>")
        .append("<w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders><w:tblLayout w:type=\"fixed\"/>")
        .append("</w:tblPr><w:tblGrid><w:gridCol w:w=\"").append(left).append("\"/><w:gridCol w:w=\"")
        .append(TEXT_WIDTH - left).append("\"/></w:tblGrid>");
  }

  private static void cell(StringBuilder x, int width) {
    x.append("<w:tc><w:tcPr><w:tcW w:w=\"").append(width).append("\" w:type=\"dxa\"/></w:tcPr>");
  }

  /** A short centred line: an empty, tiny paragraph with a bottom border, indented on both sides. */
  private static void rule(StringBuilder x, int indent) {
    x.append("<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>")
        .append("<w:spacing w:before=\"0\" w:after=\"0\"/><w:ind w:left=\"").append(indent).append("\" w:right=\"")
        .append(indent).append("\"/>").append(CENTER).append("<w:rPr><w:sz w:val=\"8\"/><w:szCs w:val=\"8\"/>")
        .append("</w:rPr></w:pPr></w:p>");
  }

  private static void paragraphs(StringBuilder x, List<String> values) {
    for (String value : values) {
      for (String p : Text.paragraphs(value)) {
        p(x, BODY, run(p, false, false, false, 0));
      }
    }
  }

  private static void p(StringBuilder x, String pPr, String runs) {
    x.append("<w:p><w:pPr>").append(pPr).append("</w:pPr>").append(runs).append("</w:p>");
  }

  /** One run; its line breaks become {@code <w:br/>}, tabs {@code <w:tab/>}; size in half-points, 0 = default. */
  private static String run(String text, boolean bold, boolean italic, boolean underline, int size) {
    StringBuilder r = new StringBuilder("<w:r>");
    StringBuilder props = new StringBuilder();
    props.append(bold ? "<w:b/><w:bCs/>" : "").append(italic ? "<w:i/><w:iCs/>" : "");
    if (size > 0) {
      props.append("<w:sz w:val=\"").append(size).append("\"/><w:szCs w:val=\"").append(size).append("\"/>");
    }
    props.append(underline ? "<w:u w:val=\"single\"/>" : "");
    if (props.length() > 0) {
      r.append("<w:rPr>").append(props).append("</w:rPr>");
    }
    List<String> lines = Text.lines(text);
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        r.append("<w:br/>");
      }
      String[] tabbed = lines.get(i).split("\t", -1);
      for (int j = 0; j < tabbed.length; j++) {
        if (j > 0) {
          r.append("<w:tab/>");
        }
        if (!tabbed[j].isEmpty()) {
          r.append("<w:t xml:space=\"preserve\">").append(escape(tabbed[j])).append("</w:t>");
        }
      }
    }
    return r.append("</w:r>").toString();
  }

  /** XML text: the five special characters escaped, characters XML 1.0 forbids dropped. */
  static String escape(String s) {
    String clean = Text.clean(s);
    StringBuilder sb = new StringBuilder(clean.length() + 16);
    for (int i = 0; i < clean.length(); i++) {
      char c = clean.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
