package vn.doithoai.core.document;

import java.util.List;
import vn.doithoai.core.common.Html;
import vn.doithoai.core.document.OfficialDocument.Detail;
import vn.doithoai.core.document.OfficialDocument.Item;
import vn.doithoai.core.document.OfficialDocument.Layout;
import vn.doithoai.core.document.OfficialDocument.Section;
import vn.doithoai.core.document.OfficialDocument.Signature;

/**
 * An official document as one standalone HTML page that prints like the paper original: Times New Roman 13–14
 * pt on A4 with the decree's margins (top and bottom 20 mm, left 30 mm, right 15 mm), the header and the foot
 * as two-column tables. It is served to the public under {@code default-src 'none'; style-src 'unsafe-inline'},
 * so it carries its style inline and has no script, image or link. Every value is escaped with
 * {@link Html#escape}; a line break inside a value starts a new paragraph (or line), so no value can break out
 * of its element.
 */
public final class DocumentHtml {
  private static final String STYLE = """
      @page { size: A4; margin: 20mm 15mm 20mm 30mm; \
      @top-center { content: counter(page); font-family: 'Times New Roman', Times, serif; font-size: 13pt; } }
      @page :first { @top-center { content: none; } }
      body { font-family: 'Times New Roman', Times, serif; font-size: 14pt; line-height: 1.35; color: #000; \
      background: #fff; max-width: 165mm; margin: 0 auto; }
      table.header, table.footer { width: 100%; border-collapse: collapse; }
      table.header td, table.footer td { vertical-align: top; text-align: center; padding: 0; }
      table.header td { font-size: 13pt; }
      td.left { width: 40%; }
      td.right { width: 60%; }
      table.footer td { width: 50%; }
      .rule { width: 30%; margin: 2pt auto; border: 0; border-top: 1px solid #000; }
      .motto { font-size: 14pt; text-decoration: underline; }
      b.party { font-size: 15pt; text-decoration: underline; }
      td.number, td.date { white-space: pre-wrap; padding-top: 6pt; }
      table.header td.date { font-size: 14pt; font-style: italic; }
      h1 { font-size: 14pt; text-align: center; margin: 18pt 0 0; }
      h1.party-type { font-size: 16pt; }
      h2 { font-size: 14pt; text-indent: 1cm; margin: 8pt 0 4pt; }
      p { text-align: justify; text-indent: 1cm; margin: 4pt 0; }
      p.summary { text-align: center; text-indent: 0; font-weight: bold; margin: 0; }
      p.dashes { text-align: center; text-indent: 0; margin: 0; }
      p.to { text-align: center; text-indent: 0; margin: 8pt 0; }
      table.footer { margin-top: 12pt; break-inside: avoid; }
      td.recipients { text-align: left; }
      td.recipients p { text-align: left; text-indent: 0; margin: 0; font-size: 11pt; }
      td.recipients p.label { font-size: 12pt; font-weight: bold; font-style: italic; }
      td.recipients.party p { font-size: 12pt; }
      td.recipients.party p.label { font-size: 14pt; font-weight: normal; font-style: normal; \
      text-decoration: underline; }
      td.sign p { text-align: center; text-indent: 0; margin: 0; font-weight: bold; }
      td.sign p.space { height: 64pt; }
      """;

  static final String PARTY_DASHES = "-----";

  private DocumentHtml() {}

  public static String render(OfficialDocument d) {
    StringBuilder h = new StringBuilder(8192);
    h.append("<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        .append(Html.escape(Text.oneLine(d.summary().isBlank() ? d.type() : d.summary()))).append("</title>\n")
        .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    header(h, d);
    h.append(d.layout() == Layout.PARTY ? "<h1 class=\"party-type\">" : "<h1>").append(lines(d.type()))
        .append("</h1>\n");
    if (!d.summary().isBlank()) {
      h.append("<p class=\"summary\">").append(lines(d.summary())).append("</p>\n");
    }
    // under the summary: a short rule (Decree 30/2020), five hyphens (HD 36-HD/VPTW)
    h.append(d.layout() == Layout.PARTY ? "<p class=\"dashes\">" + PARTY_DASHES + "</p>\n" : "<hr class=\"rule\">\n");
    recipients(h, d.recipients());
    paragraphs(h, d.intro());
    int roman = 0;
    for (Section s : d.sections()) {
      if (!s.title().isBlank()) {
        h.append("<h2>").append(Text.roman(++roman)).append(". ").append(lines(s.title())).append("</h2>\n");
      }
      paragraphs(h, s.paragraphs());
      int n = 1;
      for (Item item : s.items()) {
        item(h, n++, item);
      }
    }
    paragraphs(h, d.closing());
    footer(h, d);
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  private static void header(StringBuilder h, OfficialDocument d) {
    boolean party = d.layout() == Layout.PARTY;
    h.append("<table class=\"header\">\n<tr>\n<td class=\"left\">").append(party ? "" : "<b>")
        .append(lines(d.issuingParent())).append(party ? "" : "</b>").append("<br>\n<b>").append(lines(d.issuingBody())).append("</b>")
        .append(party ? "<br>\n*" : "\n<hr class=\"rule\">").append("</td>\n<td class=\"right\">");
    if (party) {
      h.append("<b class=\"party\">").append(Html.escape(OfficialDocument.PARTY_NAME)).append("</b>");
    } else {
      h.append("<b>").append(Html.escape(OfficialDocument.NATIONAL_TITLE)).append("</b><br>\n<b class=\"motto\">")
          .append(Html.escape(OfficialDocument.MOTTO)).append("</b>");
    }
    h.append("</td>\n</tr>\n<tr>\n<td class=\"number\">").append(lines(d.number()))
        .append("</td>\n<td class=\"date\">").append(lines(d.placeAndDate())).append("</td>\n</tr>\n</table>\n");
  }

  private static void recipients(StringBuilder h, List<String> recipients) {
    if (recipients.size() == 1) {
      h.append("<p class=\"to\">Kính gửi: ").append(lines(recipients.get(0))).append("</p>\n");
    } else if (recipients.size() > 1) {
      h.append("<p class=\"to\">Kính gửi:</p>\n");
      for (String r : recipients) {
        h.append("<p class=\"to\">- ").append(lines(r)).append("</p>\n");
      }
    }
  }

  private static void item(StringBuilder h, int n, Item item) {
    List<String> text = Text.paragraphs(item.text());
    h.append("<p>").append(n).append(". ");
    if (!item.heading().isBlank()) {
      h.append("<b>").append(lines(item.heading())).append("</b>").append(text.isEmpty() ? "" : " ");
    }
    h.append(text.isEmpty() ? "" : Html.escape(text.get(0))).append("</p>\n");
    paragraphs(h, text.size() > 1 ? text.subList(1, text.size()) : List.of());
    if (!item.details().isEmpty()) {
      h.append("<p>");
      String sep = "";
      for (Detail detail : item.details()) {
        h.append(sep).append(lines(detail.label())).append(detail.label().isBlank() ? "" : ": ").append("<b>")
            .append(lines(detail.value())).append("</b>");
        sep = "; ";
      }
      h.append("</p>\n");
    }
  }

  private static void footer(StringBuilder h, OfficialDocument d) {
    List<Signature> signs = d.signatures();
    h.append("<table class=\"footer\">\n<tr>\n");
    if (signs.size() == 2) {
      sign(h, signs.get(0));
      sign(h, signs.get(1));
      h.append("</tr>\n</table>\n");
      if (!d.distribution().isEmpty()) {
        h.append("<table class=\"footer\">\n<tr>\n");
        recipientsList(h, d.distribution(), d.layout() == Layout.PARTY);
        h.append("<td></td>\n</tr>\n</table>\n");
      }
    } else {
      recipientsList(h, d.distribution(), d.layout() == Layout.PARTY);
      sign(h, signs.get(0));
      h.append("</tr>\n</table>\n");
    }
  }

  private static void recipientsList(StringBuilder h, List<String> distribution, boolean party) {
    h.append(party ? "<td class=\"recipients party\">" : "<td class=\"recipients\">");
    if (!distribution.isEmpty()) {
      h.append("<p class=\"label\">Nơi nhận:</p>\n");
      for (String r : distribution) {
        h.append("<p>- ").append(lines(r)).append("</p>\n");
      }
    }
    h.append("</td>\n");
  }

  private static void sign(StringBuilder h, Signature s) {
    h.append("<td class=\"sign\">");
    if (!s.onBehalfOf().isEmpty()) {
      h.append("<p>").append(lines(s.onBehalfOf())).append("</p>\n");
    }
    h.append("<p>").append(lines(s.position())).append("</p>\n<p class=\"space\"></p>\n<p>")
        .append(lines(s.name())).append("</p></td>\n");
  }

  private static void paragraphs(StringBuilder h, List<String> values) {
    for (String value : values) {
      for (String p : Text.paragraphs(value)) {
        h.append("<p>").append(Html.escape(p)).append("</p>\n");
      }
    }
  }

  /** An escaped value on one element; its own line breaks become {@code <br>}. */
  private static String lines(String value) {
    StringBuilder sb = new StringBuilder();
    String sep = "";
    for (String line : Text.lines(value)) {
      sb.append(sep).append(Html.escape(line));
      sep = "<br>\n";
    }
    return sb.toString();
  }
}
