package vn.doithoai.core.document;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import vn.doithoai.core.common.Html;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.conclusion.Conclusion;
import vn.doithoai.core.plan.Issuer;

/**
 * The conclusion notice as an HTML page in the official layout. State documents follow Decree 30/2020
 * (Appendix I): the header table with the issuing body and the national title and motto, number and symbol,
 * the place-and-date line, the title and its summary, Roman-numbered sections, the signing block ({@code TM.}
 * / {@code KT.}) and the {@code Nơi nhận} list ending with {@code Lưu: VT}; Times New Roman 13–14 pt on A4.
 * Party documents use the Party's format: {@code ĐẢNG CỘNG SẢN VIỆT NAM}, the {@code *} under the issuing
 * body, {@code Số 12-TB/ĐU}, {@code T/M BAN THƯỜNG VỤ}. Every value is escaped.
 */
public final class ConclusionHtml {
  private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII"};

  private ConclusionHtml() {}

  public static String render(Conclusion c, Commune commune) {
    boolean party = c.issuer() == Issuer.PARTY_COMMITTEE;
    String place = commune.name().replaceFirst("^(Xã|Phường|xã|phường)\\s+", "");
    StringBuilder h = new StringBuilder(8192);
    h.append("<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(Html.escape(c.content().title())).append("</title>\n<style>\n")
        .append("@page { size: A4; margin: 20mm 15mm 20mm 30mm; }\n")
        .append("body { font-family: 'Times New Roman', Times, serif; font-size: 14pt; line-height: 1.35; ")
        .append("max-width: 165mm; margin: 0 auto; }\n")
        .append("table.header, table.footer { width: 100%; border-collapse: collapse; }\n")
        .append("table.header td, table.footer td { vertical-align: top; text-align: center; padding: 0; }\n")
        .append(".rule { width: 30%; margin: 2pt auto; border: 0; border-top: 1px solid #000; }\n")
        .append(".motto { text-decoration: underline; }\n.date { font-style: italic; }\n")
        .append("h1 { font-size: 14pt; text-align: center; margin: 12pt 0 0; }\n")
        .append(".summary { text-align: center; font-weight: bold; margin: 0; }\n")
        .append("h2 { font-size: 14pt; margin: 10pt 0 4pt; }\np { text-align: justify; text-indent: 1cm; margin: 4pt 0; }\n")
        .append(".recipients { text-align: left; font-size: 12pt; }\n.recipients b { font-size: 12pt; font-style: italic; }\n")
        .append(".recipients p { text-indent: 0; font-size: 11pt; margin: 0; }\n.sign { font-weight: bold; }\n")
        .append("</style>\n</head>\n<body>\n");
    // header: issuing body | national title (state) or the Party's name (Party)
    h.append("<table class=\"header\">\n<tr>\n<td style=\"width:45%\">");
    if (party) {
      h.append("ĐẢNG BỘ ").append(Html.escape(upper(commune.name()))).append("<br>\n<b>BAN THƯỜNG VỤ ĐẢNG ỦY</b><br>\n*");
    } else {
      h.append("ỦY BAN NHÂN DÂN<br>\n<b>").append(Html.escape(upper(commune.name()))).append("</b>")
          .append("<hr class=\"rule\">");
    }
    h.append("</td>\n<td style=\"width:55%\">");
    if (party) {
      h.append("<b class=\"motto\">ĐẢNG CỘNG SẢN VIỆT NAM</b>");
    } else {
      h.append("<b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br>\n<b class=\"motto\">Độc lập - Tự do - Hạnh phúc</b>");
    }
    h.append("</td>\n</tr>\n<tr>\n<td>")
        .append(Html.escape(c.number().map(n -> n.text()).orElse(party ? "Số      -TB/ĐU" : "Số:      /TB-UBND")))
        .append("</td>\n<td class=\"date\">").append(Html.escape(place)).append(", ")
        .append(Html.escape(c.issuedOn().map(ConclusionHtml::dateLine).orElse("ngày     tháng     năm     ")))
        .append("</td>\n</tr>\n</table>\n");
    h.append("<h1>THÔNG BÁO</h1>\n<p class=\"summary\">").append(Html.escape(c.content().title()))
        .append("</p>\n<hr class=\"rule\">\n");
    if (c.corrects().isPresent()) {
      h.append("<p><i>Thông báo này đính chính (lần ").append(c.edition() - 1)
          .append(") thông báo kết luận đã ban hành trước đó.</i></p>\n");
    }
    int n = 0;
    h.append("<h2>").append(ROMAN[n++]).append(". NỘI DUNG ĐÃ ĐỐI THOẠI</h2>\n").append(paragraphs(c.content()
        .discussed()));
    n = section(h, n, "NHỮNG NỘI DUNG ĐÃ ĐƯỢC GIẢI QUYẾT TẠI HỘI NGHỊ", c.content().resolved(), false);
    n = section(h, n, "NHỮNG NỘI DUNG GIAO CÁC CƠ QUAN, ĐƠN VỊ GIẢI QUYẾT", c.content().assigned(), true);
    n = section(h, n, "NHỮNG NỘI DUNG CHUYỂN CƠ QUAN CÓ THẨM QUYỀN CẤP TRÊN", c.content().forwarded(), false);
    n = section(h, n, "NHỮNG NỘI DUNG HƯỚNG DẪN THEO THỦ TỤC KHIẾU NẠI, TỐ CÁO", c.content().redirected(), false);
    h.append("<h2>").append(ROMAN[n]).append(". TỔ CHỨC THỰC HIỆN</h2>\n").append(paragraphs(c.content().closing()));
    // footer: Nơi nhận | signing block
    h.append("<table class=\"footer\">\n<tr>\n<td class=\"recipients\" style=\"width:50%\"><b>Nơi nhận:</b>\n");
    for (String r : c.content().distribution()) {
      h.append("<p>- ").append(Html.escape(r)).append("</p>\n");
    }
    Conclusion.Signer s = c.content().signer();
    h.append("</td>\n<td class=\"sign\" style=\"width:50%\">").append(Html.escape(s.mode())).append(" ")
        .append(Html.escape(s.authority())).append("<br>\n").append(Html.escape(s.position()))
        .append("<br><br><br><br>\n").append(Html.escape(s.name())).append("</td>\n</tr>\n</table>\n");
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  private static int section(StringBuilder h, int n, String title, List<Conclusion.Item> items, boolean due) {
    if (items.isEmpty()) {
      return n;
    }
    h.append("<h2>").append(ROMAN[n]).append(". ").append(title).append("</h2>\n");
    int i = 1;
    for (Conclusion.Item item : items) {
      h.append("<p>").append(i++).append(". ");
      if (item.trackingCode() != null && !item.trackingCode().isEmpty()) {
        h.append("(Mã ").append(Html.escape(item.trackingCode())).append(") ");
      }
      h.append(Html.paragraphs(item.text()));
      if (item.agency() != null && !item.agency().isEmpty()) {
        h.append(due ? "<br>\nGiao: <b>" : "<br>\n").append(Html.escape(item.agency())).append(due ? "</b>" : "");
      }
      if (due && item.due() != null) {
        h.append("; thời hạn hoàn thành: <b>").append(Html.escape(
            vn.doithoai.core.calendar.VietnameseDates.format(item.due()))).append("</b>");
      }
      h.append("</p>\n");
    }
    return n + 1;
  }

  private static String paragraphs(String text) {
    StringBuilder sb = new StringBuilder();
    for (String p : text.split("\n")) {
      if (!p.isBlank()) {
        sb.append("<p>").append(Html.escape(p.strip())).append("</p>\n");
      }
    }
    return sb.toString();
  }

  /** "ngày 01 tháng 12 năm 2025": day below 10 and months 1, 2 take a leading zero (Decree 30/2020). */
  static String dateLine(LocalDate d) {
    String day = d.getDayOfMonth() < 10 ? "0" + d.getDayOfMonth() : Integer.toString(d.getDayOfMonth());
    String month = d.getMonthValue() <= 2 ? "0" + d.getMonthValue() : Integer.toString(d.getMonthValue());
    return "ngày " + day + " tháng " + month + " năm " + d.getYear();
  }

  private static String upper(String s) {
    return s.toUpperCase(Locale.forLanguageTag("vi"));
  }
}
