package vn.doithoai.core.site;

import static vn.doithoai.core.common.Html.escape;

import io.nayuki.qrcodegen.QrCode;
import java.util.stream.Collectors;
import vn.doithoai.core.calendar.VietnameseDates;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.conclusion.DocumentNumber;
import vn.doithoai.core.plan.Plan;
import vn.doithoai.core.plan.PlanParts;

/**
 * Thông báo mời gửi ý kiến: the A4 poster for the village notice board, one per announced plan — when and
 * where each meeting is, who hosts it, and a QR code (Nayuki's generator, error correction level M) to the
 * hosted form for this plan, with the address written out for those who type it. Standalone HTML, inline
 * style, every value escaped; the QR code is inline SVG so that the page needs nothing else to print.
 */
public final class Poster {
  private Poster() {}

  /** The QR code of {@code text} as SVG, one unit per module, with the 4-module quiet zone. */
  public static String qrSvg(String text, String label) {
    QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
    int size = qr.size + 8;
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < qr.size; y++) {
      for (int x = 0; x < qr.size; x++) {
        if (qr.getModule(x, y)) {
          path.append('M').append(x + 4).append(',').append(y + 4).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size + "\" role=\"img\" "
        + "aria-label=\"" + escape(label) + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" "
        + "fill=\"#fff\"/><path d=\"" + path + "\" fill=\"#000\"/></svg>";
  }

  public static String html(Commune commune, Plan plan, String formUrl, String pageUrl) {
    String hosts = plan.content().hosts().stream().map(h -> h.name() == null || h.name().isBlank() ? h.position()
        : h.position() + " " + h.name()).collect(Collectors.joining("; "));
    StringBuilder meetings = new StringBuilder();
    for (PlanParts.Meeting m : plan.content().meetings()) {
      meetings.append("<tr><th scope=\"row\">Thời gian</th><td>").append(m.date().map(VietnameseDates::withWeekday)
          .orElse(m.from().isPresent() ? m.when() + " (ngày cụ thể sẽ thông báo sau)" : "Sẽ thông báo sau")).append(m.note() == null || m.note().isBlank() ? "" : " – " + escape(m.note()))
          .append("</td></tr><tr><th scope=\"row\">Địa điểm</th><td>").append(escape(m.venue())).append("</td></tr>");
    }
    return "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        + "<title>Thông báo đối thoại – " + escape(commune.name()) + "</title><style>"
        + "@page{size:A4;margin:15mm}body{font:13pt/1.45 \"Times New Roman\",Times,serif;color:#000;margin:0 auto;"
        + "max-width:180mm;padding:8mm}h1{font-size:22pt;text-align:center;margin:0 0 2mm;text-transform:uppercase}"
        + ".sub{text-align:center;font-size:15pt;font-weight:bold;margin:0 0 6mm}.org{text-align:center;"
        + "font-weight:bold;text-transform:uppercase;margin:0 0 6mm}table{border-collapse:collapse;width:100%;"
        + "margin:0 0 6mm}th{text-align:left;width:32mm;vertical-align:top;padding:1mm 3mm 1mm 0}td{padding:1mm 0}"
        + ".qr{display:flex;gap:8mm;align-items:center;border:1mm solid #000;padding:5mm}.qr svg{width:62mm;"
        + "height:62mm;flex:none}.qr p{margin:0 0 3mm}.url{font-family:monospace;font-size:11pt;word-break:break-all}"
        + "@media (max-width:600px){.qr{flex-direction:column}}</style></head><body><main>"
        + "<p class=\"org\">" + escape(commune.name()) + "</p>"
        + "<h1>Thông báo</h1><p class=\"sub\">" + escape(plan.content().title()) + "</p>"
        + "<table>" + meetings + "<tr><th scope=\"row\">Chủ trì</th><td>" + escape(hosts) + "</td></tr>"
        + "<tr><th scope=\"row\">Thành phần</th><td>" + escape(plan.content().audience()) + "</td></tr></table>"
        + "<section class=\"qr\" aria-labelledby=\"moi\">" + qrSvg(formUrl, "Mã QR mở biểu mẫu gửi ý kiến")
        + "<div><p id=\"moi\"><strong>Mời bà con gửi ý kiến, kiến nghị trước hội nghị:</strong> quét mã QR bằng "
        + "camera điện thoại (hoặc Zalo), điền và bấm “Gửi ý kiến”. Ông/bà sẽ nhận mã theo dõi để xem kết quả trả lời.</p>"
        + "<p>Hoặc mở địa chỉ:<br><span class=\"url\">" + escape(formUrl) + "</span></p>"
        + "<p>Hoặc gửi qua trưởng thôn, tổ trưởng tổ dân phố, Ủy ban MTTQ xã, hoặc nêu trực tiếp tại hội nghị.</p>"
        + "</div></section><p>Lịch đối thoại, thông báo kết luận và các câu trả lời: <span class=\"url\">"
        + escape(pageUrl) + "</span></p><p>" + escape(DocumentNumber.inSentence("Kế hoạch",
            plan.content().number())) + ".</p>"
        + "</main></body></html>";
  }
}
