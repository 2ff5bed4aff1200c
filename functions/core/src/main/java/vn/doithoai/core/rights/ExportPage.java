package vn.doithoai.core.rights;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.doithoai.core.common.Html;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.OpinionParts.Raiser;

/**
 * Cung cấp dữ liệu cá nhân: what is held about a contact, as JSON for a machine and as a page a citizen reads
 * (Vietnamese, dates dd/mm/yyyy): each opinion with its status and answer, what is held about them in it, the
 * consent they gave, and each e-mail sent to them with its date.
 */
public final class ExportPage {
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

  private ExportPage() {}

  public static Map<String, Object> json(HandlingPrivacyRequests.Export e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("contact", e.contact().value());
    m.put("opinions", e.opinions().stream().map(o -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("trackingCode", o.trackingCode());
      x.put("receivedAt", o.receivedAt().toString());
      x.put("channel", o.channel().code());
      x.put("field", o.field().vietnamese());
      x.put("content", o.content());
      x.put("status", o.status().code());
      x.put("statusText", o.status().vietnamese());
      x.put("decision", o.decision().map(d -> d.text()).orElse(null));
      x.put("answer", o.answer().map(a -> a.text()).orElse(null));
      x.put("answeredAt", o.answer().map(a -> a.answeredAt().toString()).orElse(null));
      x.put("heldAboutYou", o.raisers().stream().map(Raiser::toJson).toList());
      return (Object) x;
    }).toList());
    m.put("mails", e.mails().stream().map(r -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("subject", r.subject());
      x.put("kind", r.kind());
      x.put("queuedAt", r.createdAt().toString());
      x.put("status", r.status());
      x.put("sentAt", r.sentAt().map(Instant::toString).orElse(null));
      return (Object) x;
    }).toList());
    return m;
  }

  public static String html(String communeName, HandlingPrivacyRequests.Export e, Instant at) {
    StringBuilder b = new StringBuilder("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Dữ liệu cá nhân đang lưu giữ"
        + "</title></head><body><main><h1>Dữ liệu cá nhân đang lưu giữ</h1><p>")
        .append(Html.escape(communeName)).append(" cung cấp theo yêu cầu của công dân, lúc ")
        .append(MINUTE.format(at.atZone(VIETNAM))).append(". Liên hệ: <strong>").append(Html.escape(e.contact().value()))
        .append("</strong>.</p>");
    b.append("<h2>Ý kiến, kiến nghị (").append(e.opinions().size()).append(")</h2>");
    if (e.opinions().isEmpty()) {
      b.append("<p>Không có ý kiến nào gắn với liên hệ này.</p>");
    }
    for (Opinion o : e.opinions()) {
      b.append("<section><h3>Mã ").append(Html.escape(o.trackingCode())).append("</h3><dl>")
          .append(row("Ngày gửi", DAY.format(o.receivedAt().atZone(VIETNAM))))
          .append(row("Lĩnh vực", o.field().vietnamese()))
          .append(row("Nội dung", o.content()))
          .append(row("Tình trạng", o.status().vietnamese()));
      o.decision().ifPresent(d -> b.append(row("Quyết định", d.text())));
      o.answer().ifPresent(a -> b.append(row("Trả lời (" + DAY.format(a.answeredAt().atZone(VIETNAM)) + ")", a.text())));
      for (Raiser r : o.raisers()) {
        b.append(row("Họ tên", r.name())).append(row("Số điện thoại", r.phone())).append(row("E-mail", r.email()))
            .append(row("Địa chỉ", r.address())).append(row("Thôn", r.village()))
            .append(row("Công bố họ tên", r.consentToPublish() ? "Có" : "Không"));
        r.consent().ifPresent(c -> b.append(row("Căn cứ xử lý", (c.basis().equals("consent") ? "Sự đồng ý" : "Nhiệm vụ "
            + "của cơ quan nhà nước") + ", ngày " + DAY.format(c.at().atZone(VIETNAM)) + ", thông báo phiên bản "
            + c.noticeVersion())));
      }
      b.append("</dl></section>");
    }
    b.append("<h2>Thư đã gửi (").append(e.mails().size()).append(")</h2>");
    if (!e.mails().isEmpty()) {
      b.append("<table><thead><tr><th scope=\"col\">Ngày</th><th scope=\"col\">Tiêu đề</th><th scope=\"col\">"
          + "Tình trạng</th></tr></thead><tbody>");
      for (ContactMails.MailRecord m : e.mails()) {
        b.append("<tr><td>").append(DAY.format(m.sentAt().orElse(m.createdAt()).atZone(VIETNAM))).append("</td><td>")
            .append(Html.escape(m.subject())).append("</td><td>")
            .append(m.sentAt().isPresent() ? "Đã gửi" : "Chưa gửi").append("</td></tr>");
      }
      b.append("</tbody></table>");
    }
    return b.append("</main></body></html>").toString();
  }

  private static String row(String label, String value) {
    return value == null || value.isBlank() ? "" : "<dt>" + Html.escape(label) + "</dt><dd>" + Html.escape(value) + "</dd>";
  }
}
