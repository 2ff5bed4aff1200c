package vn.doithoai.handlers;

import static vn.doithoai.core.common.Html.escape;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.doithoai.core.calendar.VietnameseDates;
import vn.doithoai.core.common.FieldError;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.conclusion.Conclusion;
import vn.doithoai.core.conclusion.DocumentNumber;
import vn.doithoai.core.intake.HostedForm;
import vn.doithoai.core.intake.ProofOfWork;
import vn.doithoai.core.opinion.Channel;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.OpinionField;
import vn.doithoai.core.opinion.OpinionParts;
import vn.doithoai.core.opinion.OpinionStatus;
import vn.doithoai.core.opinion.PublicOpinions;
import vn.doithoai.core.plan.Plan;
import vn.doithoai.core.plan.PlanParts;
import vn.doithoai.core.rules.DeadlineScheduling;
import vn.doithoai.core.site.PublicSite;

/**
 * The citizens' pages, rendered on the server as plain HTML that works without JavaScript and weighs a few
 * kilobytes: the commune's page, the opinion form, the status page. Every value is escaped where it is
 * written; the only script is the form's proof of work, a file of our own origin.
 */
final class PublicPages {
  private PublicPages() {}

  /** One small stylesheet, inline (the pages' policy allows inline style, never inline script). */
  static final String CSS = """
      :root{--ink:#1b1b1b;--muted:#505a5f;--line:#b1b4b6;--brand:#0b4f8a;--bg:#f3f2f1;--err:#b3261e;--ok:#00703c}
      *{box-sizing:border-box}body{margin:0;font:1.0625rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);background:#fff}
      header.top{background:var(--brand);color:#fff;padding:.75rem 1rem}header.top p{margin:0;font-weight:600}
      header.top a{color:#fff}main{max-width:46rem;margin:0 auto;padding:1rem}
      h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}h2{font-size:1.3rem;margin:2rem 0 .75rem;border-top:1px solid var(--line);padding-top:1rem}
      h3{font-size:1.1rem;margin:1rem 0 .5rem}a{color:var(--brand)}a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #fd0;outline-offset:0}
      dl.sum{display:grid;grid-template-columns:minmax(7rem,35%) 1fr;gap:.25rem 1rem;margin:0 0 1rem}dl.sum dt{font-weight:600}dl.sum dd{margin:0}
      .card{border:1px solid var(--line);border-left:5px solid var(--brand);padding:.75rem 1rem;margin:0 0 1rem}
      .muted{color:var(--muted)}.tag{display:inline-block;padding:.1rem .5rem;background:var(--bg);border:1px solid var(--line);font-weight:600}
      ol.steps{list-style:none;padding:0;margin:0 0 1rem}ol.steps li{border-left:4px solid var(--line);padding:.25rem 0 .75rem 1rem;position:relative}
      ol.steps li.done{border-color:var(--ok)}ol.steps li.now{border-color:var(--brand);font-weight:600}ol.steps li.todo{color:var(--muted)}
      label{display:block;font-weight:600;margin:1rem 0 .25rem}.hint{display:block;font-weight:400;color:var(--muted);margin:.1rem 0 .25rem}
      input[type=text],input[type=email],input[type=tel],select,textarea{width:100%;font:inherit;padding:.5rem;border:2px solid var(--ink);border-radius:0;background:#fff}
      textarea{min-height:10rem}.check{display:flex;gap:.6rem;align-items:flex-start;margin:1rem 0}.check input{width:1.5rem;height:1.5rem;margin:.15rem 0 0;flex:none}.check label{margin:0;font-weight:400}
      button,.button{display:inline-block;font:inherit;font-weight:600;color:#fff;background:var(--ok);border:0;border-bottom:3px solid #002d18;padding:.6rem 1.2rem;margin:1rem 0;cursor:pointer;text-decoration:none}
      .error-summary{border:4px solid var(--err);padding:1rem;margin:0 0 1rem}.error-summary h2{border:0;margin:0 0 .5rem;padding:0}.error-summary a{color:var(--err);font-weight:600}
      .field-error{color:var(--err);font-weight:600;display:block}.invalid{border-color:var(--err)!important}
      .hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
      .notice{background:var(--bg);padding:.75rem 1rem;font-size:.95rem}footer{border-top:1px solid var(--line);margin-top:2rem;padding:1rem;color:var(--muted);font-size:.9rem}
      .quote{border-left:4px solid var(--line);padding-left:.75rem;white-space:pre-line}.answer{white-space:pre-line}
      """.replace("\n", "");

  /** The policy of a page: our own script only, inline style, forms to ourselves, framed only by the commune. */
  static String policy(Commune commune) {
    String ancestors = "'self'";
    String site = commune == null ? null : origin(commune.websiteUrl());
    if (site != null) {
      ancestors += " " + site;
    }
    return "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; "
        + "connect-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors " + ancestors;
  }

  /** The scheme, host and port of an http(s) address, or null. */
  static String origin(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      java.net.URI u = java.net.URI.create(url.strip());
      if (u.getHost() == null || !("https".equals(u.getScheme()) || "http".equals(u.getScheme()))
          || !u.getHost().matches("[A-Za-z0-9.-]+")) {
        return null;
      }
      return u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "");
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static String layout(Commune commune, String title, String body) {
    String name = commune == null ? "" : commune.name();
    String home = commune == null ? "" : "/public/" + escape(commune.id());
    return "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        + "<title>" + escape(title) + (name.isEmpty() ? "" : " – " + escape(name)) + "</title>"
        + "<style>" + CSS + "</style></head><body>"
        + "<header class=\"top\"><p>" + (home.isEmpty() ? escape(name) : "<a href=\"" + home + "\">"
        + escape(name) + "</a>") + "</p><p>Đối thoại trực tiếp giữa lãnh đạo xã với Nhân dân</p></header>"
        + "<main id=\"noi-dung\">" + body + "</main>"
        + "<footer>" + (name.isEmpty() ? "" : escape(name) + (commune.province() == null ? "" : ", "
        + escape(commune.province())) + ". ") + "Trang này không dùng cookie và không theo dõi người đọc.</footer>"
        + "</body></html>";
  }

  static String date(LocalDate d) {
    return d == null ? "" : VietnameseDates.format(d);
  }

  // ---- the commune's page ----

  static String communePage(PublicSite.Page page, FormView form) {
    Commune c = page.commune();
    String base = "/public/" + escape(c.id());
    StringBuilder b = new StringBuilder();
    b.append("<h1>Đối thoại với lãnh đạo ").append(escape(c.name())).append("</h1>");
    b.append("<p>Lãnh đạo Đảng ủy, Ủy ban nhân dân xã gặp gỡ, đối thoại trực tiếp với Nhân dân để lắng nghe ý kiến, ")
        .append("kiến nghị và trả lời ngay tại hội nghị hoặc bằng văn bản.</p>");
    b.append("<nav aria-label=\"Trên trang này\"><ul><li><a href=\"#lich\">Lịch đối thoại</a></li>")
        .append("<li><a href=\"#cach-gui\">Cách gửi ý kiến</a></li><li><a href=\"#tra-cuu\">Tra cứu ý kiến đã gửi</a></li>")
        .append("<li><a href=\"#thong-bao\">Thông báo kết luận</a></li><li><a href=\"#tra-loi\">Trả lời ý kiến</a></li>")
        .append("</ul></nav>");

    b.append("<h2 id=\"lich\">Lịch đối thoại</h2>");
    if (page.dialogues().isEmpty()) {
      b.append("<p>Hiện chưa có cuộc đối thoại nào được công bố. Ý kiến gửi bây giờ sẽ được tổng hợp cho cuộc đối ")
          .append("thoại tiếp theo.</p>");
    }
    for (Plan p : page.dialogues()) {
      b.append(dialogue(p, base));
    }

    b.append("<h2 id=\"cach-gui\">Cách gửi ý kiến</h2><ul>")
        .append("<li><a href=\"").append(base).append("/gui-y-kien\">Gửi ý kiến qua biểu mẫu trên mạng</a> ")
        .append("(điền ngay bên dưới, nhận mã theo dõi và thư xác nhận).</li>")
        .append("<li>Quét mã QR trên thông báo dán tại nhà văn hóa thôn, tổ dân phố.</li>")
        .append("<li>Gửi qua trưởng thôn, tổ trưởng tổ dân phố, chi hội đoàn thể hoặc Ủy ban MTTQ xã.</li>")
        .append("<li>Phát biểu hoặc gửi phiếu câu hỏi trực tiếp tại hội nghị đối thoại.</li></ul>");
    b.append("<h3 id=\"bieu-mau\">Gửi ý kiến</h3>");
    b.append(formBody(c, page.dialogues(), form));

    b.append("<h2 id=\"tra-cuu\">Tra cứu ý kiến đã gửi</h2>")
        .append("<form method=\"get\" action=\"").append(base).append("/tra-cuu\">")
        .append("<label for=\"ma\">Mã theo dõi<span class=\"hint\">Mã ghi trong thư xác nhận, ví dụ: 7KQ-4MZ-PT2</span></label>")
        .append("<input type=\"text\" id=\"ma\" name=\"ma\" autocomplete=\"off\" maxlength=\"20\">")
        .append("<button type=\"submit\">Tra cứu</button></form>");

    b.append("<h2 id=\"thong-bao\">Thông báo kết luận</h2>");
    if (page.notices().isEmpty()) {
      b.append("<p>Chưa có thông báo kết luận nào được ban hành.</p>");
    } else {
      b.append("<ul>");
      for (Conclusion n : page.notices()) {
        String href = base + "/conclusions/" + escape(n.id());
        b.append("<li><a href=\"").append(href).append("\">")
            .append(escape(n.number().map(x -> x.inSentence("Thông báo")).orElse("Thông báo"))).append(" – ")
            .append(escape(n.content().title())).append("</a>")
            .append(n.issuedOn().map(d -> " (ngày " + date(d) + ")").orElse(""))
            .append(n.edition() > 1 ? " <span class=\"tag\">Đính chính lần " + n.edition() + "</span>" : "")
            .append(" · <a href=\"").append(href).append("?format=docx\">Tải bản Word</a></li>");
      }
      b.append("</ul>");
    }

    b.append("<h2 id=\"tra-loi\">Trả lời ý kiến của công dân</h2>")
        .append("<p class=\"muted\">Chỉ đăng những ý kiến mà người gửi đã đồng ý công bố.</p>");
    if (page.answers().isEmpty()) {
      b.append("<p>Chưa có câu trả lời nào được công bố.</p>");
    }
    for (PublicSite.PublishedAnswer a : page.answers()) {
      b.append("<article class=\"card\"><h3>").append(escape(a.field())).append(" – mã ")
          .append(escape(a.trackingCode())).append("</h3>")
          .append("<p class=\"muted\">").append(escape(a.raisedBy())).append("</p>")
          .append("<p class=\"quote\">").append(escape(a.content())).append("</p>")
          .append("<p><strong>Trả lời").append(a.agency() == null ? "" : " của " + escape(a.agency()))
          .append(" (ngày ").append(date(a.answeredOn())).append("):</strong></p>")
          .append("<p class=\"answer\">").append(escape(a.answer())).append("</p></article>");
    }
    return layout(c, "Đối thoại với lãnh đạo xã", b.toString());
  }

  static String dialogue(Plan p, String base) {
    StringBuilder b = new StringBuilder("<article class=\"card\"><h3>").append(escape(p.content().title()))
        .append("</h3><dl class=\"sum\">");
    String hosts = p.content().hosts().stream().map(h -> h.name() == null || h.name().isBlank() ? h.position()
        : h.position() + " " + h.name()).collect(Collectors.joining("; "));
    for (PlanParts.Meeting m : p.content().meetings()) {
      b.append("<dt>Thời gian</dt><dd>").append(m.date().map(VietnameseDates::withWeekday).orElse("Sẽ thông báo sau"))
          .append(m.note() == null || m.note().isBlank() ? "" : " – " + escape(m.note())).append("</dd>")
          .append("<dt>Địa điểm</dt><dd>").append(escape(m.venue())).append("</dd>");
      if (!m.villages().isEmpty()) {
        b.append("<dt>Thôn, tổ dân phố</dt><dd>").append(escape(String.join(", ", m.villages()))).append("</dd>");
      }
    }
    b.append("<dt>Chủ trì</dt><dd>").append(escape(hosts)).append("</dd>")
        .append("<dt>Thành phần</dt><dd>").append(escape(p.content().audience())).append("</dd>")
        .append("<dt>Kế hoạch</dt><dd>").append(escape(DocumentNumber.inSentence("Kế hoạch", p.content().number())))
        .append("</dd></dl>")
        .append("<p><a href=\"").append(base).append("/gui-y-kien?plan=").append(escape(p.id()))
        .append("\">Gửi ý kiến cho cuộc đối thoại này</a> · <a href=\"").append(base).append("/plans/")
        .append(escape(p.id())).append("/poster\">In thông báo có mã QR</a></p></article>");
    return b.toString();
  }

  // ---- the form ----

  /** A form as shown: its one-time token, its challenge (null: none), the values and errors to show again. */
  record FormView(String token, ProofOfWork.Challenge challenge, Map<String, String> values, List<FieldError> errors,
      Optional<String> plan) {
    static FormView fresh(String token, ProofOfWork.Challenge challenge, Optional<String> plan) {
      return new FormView(token, challenge, Map.of(), List.of(), plan);
    }

    String value(String name) {
      return values.getOrDefault(name, "");
    }

    Optional<String> error(String name) {
      return errors.stream().filter(e -> e.field().equals(name)).map(FieldError::message).findFirst();
    }
  }

  static final List<String[]> FIELDS = List.of(
      new String[] {"name", "Họ và tên", "text", "name", ""},
      new String[] {"phone", "Số điện thoại", "tel", "tel", "Để lại số điện thoại hoặc e-mail (hoặc cả hai) để nhận trả lời."},
      new String[] {"email", "E-mail", "email", "email", "Thư xác nhận và câu trả lời được gửi đến địa chỉ này."},
      new String[] {"village", "Thôn, tổ dân phố (nếu muốn)", "text", "off", ""},
      new String[] {"address", "Địa chỉ (nếu muốn)", "text", "street-address", ""});

  static String formPage(Commune c, List<Plan> dialogues, FormView form) {
    StringBuilder b = new StringBuilder("<h1>Gửi ý kiến, kiến nghị đến lãnh đạo xã</h1>");
    b.append(formBody(c, dialogues, form));
    b.append("<p><a href=\"/public/").append(escape(c.id())).append("\">Xem lịch đối thoại và các câu trả lời</a></p>");
    return layout(c, form.errors().isEmpty() ? "Gửi ý kiến" : "Lỗi: Gửi ý kiến", b.toString());
  }

  static String formBody(Commune c, List<Plan> dialogues, FormView form) {
    StringBuilder b = new StringBuilder();
    if (!form.errors().isEmpty()) {
      b.append("<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" id=\"loi\"><h2>Chưa gửi được ý kiến. ")
          .append("Vui lòng sửa các mục sau:</h2><ul>");
      for (FieldError e : form.errors()) {
        b.append("<li><a href=\"#").append(escape(anchor(e.field()))).append("\">").append(escape(e.message()))
            .append("</a></li>");
      }
      b.append("</ul></div>");
    }
    b.append("<form method=\"post\" action=\"/public/").append(escape(c.id())).append("/opinions\" id=\"gui-y-kien\"")
        .append(" accept-charset=\"utf-8\" novalidate");
    if (form.challenge() != null) {
      ProofOfWork.Challenge ch = form.challenge();
      b.append(" data-pow-algorithm=\"").append(escape(ch.algorithm())).append("\" data-pow-challenge=\"")
          .append(escape(ch.challenge())).append("\" data-pow-max=\"").append(ch.maxNumber())
          .append("\" data-pow-salt=\"").append(escape(ch.salt())).append("\" data-pow-signature=\"")
          .append(escape(ch.signature())).append("\"");
    }
    b.append(">");
    b.append("<input type=\"hidden\" name=\"").append(HostedForm.TOKEN).append("\" value=\"")
        .append(escape(form.token())).append("\">");
    b.append("<input type=\"hidden\" name=\"").append(HostedForm.POW).append("\" value=\"\">");
    String chosen = form.plan().orElse(form.value("plan"));
    if (dialogues.size() == 1) {
      b.append("<input type=\"hidden\" name=\"plan\" value=\"").append(escape(dialogues.get(0).id())).append("\">");
      b.append("<p>Ý kiến gửi cho: <strong>").append(escape(dialogues.get(0).content().title())).append("</strong></p>");
    } else if (dialogues.size() > 1) {
      b.append(label("plan", "Cuộc đối thoại", "")).append("<select id=\"f-plan\" name=\"plan\">");
      for (Plan p : dialogues) {
        b.append("<option value=\"").append(escape(p.id())).append("\"").append(p.id().equals(chosen) ? " selected" : "")
            .append(">").append(escape(p.content().title())).append("</option>");
      }
      b.append("</select>");
    }
    b.append(label("content", "Nội dung ý kiến, kiến nghị",
        "Viết rõ sự việc, địa điểm và đề nghị của ông/bà. Không quá 5.000 ký tự."))
        .append(error(form, "content"))
        .append("<textarea id=\"f-content\" name=\"content\" rows=\"8\" maxlength=\"5000\" required")
        .append(invalid(form, "content")).append(">").append(escape(form.value("content"))).append("</textarea>");
    b.append(label("field", "Lĩnh vực", "Nếu không rõ, để “Lĩnh vực khác”; cán bộ sẽ phân loại."))
        .append("<select id=\"f-field\" name=\"field\">");
    String field = form.value("field").isEmpty() ? "other" : form.value("field");
    for (OpinionField f : OpinionField.values()) {
      String code = f.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      b.append("<option value=\"").append(code).append("\"").append(code.equals(field) ? " selected" : "").append(">")
          .append(escape(f.vietnamese())).append("</option>");
    }
    b.append("</select>");
    for (String[] f : FIELDS) {
      b.append(label(f[0], f[1], f[4])).append(error(form, f[0]))
          .append("<input type=\"").append(f[2]).append("\" id=\"f-").append(f[0]).append("\" name=\"").append(f[0])
          .append("\" autocomplete=\"").append(f[3]).append("\" value=\"").append(escape(form.value(f[0]))).append("\"")
          .append(f[0].equals("name") ? " required maxlength=\"120\"" : "").append(invalid(form, f[0])).append(">");
    }
    boolean consent = !form.value("consentToPublish").isEmpty();
    b.append("<div class=\"check\"><input type=\"checkbox\" id=\"f-consentToPublish\" name=\"consentToPublish\" value=\"true\"")
        .append(consent ? " checked" : "").append("><label for=\"f-consentToPublish\">Tôi đồng ý công bố họ tên (và thôn) ")
        .append("của tôi cùng nội dung ý kiến và câu trả lời trên trang này và trong thông báo kết luận. Nếu không đánh dấu, ")
        .append("chỉ ghi “Một công dân”.</label></div>");
    b.append("<div class=\"hp\"><label for=\"f-").append(HostedForm.HONEYPOT).append("\">Không điền vào ô này</label>")
        .append(error(form, HostedForm.HONEYPOT)).append("<input type=\"text\" id=\"f-").append(HostedForm.HONEYPOT)
        .append("\" name=\"").append(HostedForm.HONEYPOT).append("\" tabindex=\"-1\" autocomplete=\"off\" value=\"")
        .append(escape(form.value(HostedForm.HONEYPOT))).append("\"></div>");
    b.append("<div class=\"notice\"><p style=\"margin:0 0 .25rem\"><strong>Thông báo về dữ liệu cá nhân</strong></p>"
        + "<p style=\"margin:0\">")
        .append(escape(c.name())).append(" dùng họ tên, số điện thoại, e-mail và địa chỉ của ông/bà chỉ để xem xét, ")
        .append("trả lời ý kiến này và báo tin cho ông/bà. Các thông tin đó chỉ cán bộ được giao xử lý mới xem được; trang tra ")
        .append("cứu không bao giờ hiện họ tên, liên hệ hay nội dung ý kiến. Họ tên chỉ được công bố khi ông/bà đánh dấu đồng ")
        .append("ý ở trên. Ông/bà có thể đề nghị xem, sửa hoặc xóa thông tin của mình qua văn phòng Ủy ban nhân dân xã ")
        .append("(Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân).</p></div>");
    b.append("<p id=\"pow-trang-thai\" class=\"muted\" role=\"status\"></p>");
    b.append("<button type=\"submit\">Gửi ý kiến</button>");
    b.append("<noscript><p class=\"muted\">Trình duyệt của ông/bà không chạy JavaScript: ý kiến vẫn được nhận, và sẽ ")
        .append("được cán bộ kiểm tra trước khi phân loại.</p></noscript>");
    b.append("</form>");
    if (form.challenge() != null) {
      b.append("<script src=\"/public/").append(escape(c.id())).append("/pow.js\" defer></script>");
    }
    return b.toString();
  }

  /** Where an error's link goes: the field, or the form itself for what is not one field's (or a hidden one). */
  private static String anchor(String field) {
    return field.equals("form") || field.equals("plan") ? "gui-y-kien" : "f-" + field;
  }

  private static String label(String name, String text, String hint) {
    return "<label for=\"f-" + name + "\">" + escape(text) + (hint.isEmpty() ? "" : "<span class=\"hint\">"
        + escape(hint) + "</span>") + "</label>";
  }

  private static String error(FormView form, String name) {
    return form.error(name).map(m -> "<span class=\"field-error\">Lỗi: " + escape(m) + "</span>").orElse("");
  }

  private static String invalid(FormView form, String name) {
    return form.error(name).isPresent() ? " class=\"invalid\" aria-invalid=\"true\"" : "";
  }

  // ---- the status page ----

  static String statusPage(Commune c, PublicOpinions.Status s, boolean justSent) {
    Opinion o = s.opinion();
    StringBuilder b = new StringBuilder();
    if (justSent) {
      b.append("<div class=\"card\" role=\"status\"><p><strong>Đã gửi ý kiến.</strong> Mã theo dõi của ông/bà là <strong>")
          .append(escape(s.trackingCode())).append("</strong>. Vui lòng ghi lại mã này; thư xác nhận đã được gửi ")
          .append("đến e-mail ông/bà để lại (nếu có).</p></div>");
    }
    b.append("<h1>Tình trạng ý kiến ").append(escape(s.trackingCode())).append("</h1>");
    b.append("<p><span class=\"tag\">").append(escape(o.status().vietnamese())).append("</span></p>");
    s.mergedInto().ifPresent(t -> b.append("<p>Ý kiến này có cùng nội dung với ý kiến mã <strong>").append(escape(t))
        .append("</strong> nên được gộp để xem xét, trả lời chung. Tình trạng dưới đây là của ý kiến chung.</p>"));
    LocalDate received = LocalDate.ofInstant(o.receivedAt(), DeadlineScheduling.VIETNAM);
    b.append("<dl class=\"sum\"><dt>Mã theo dõi</dt><dd>").append(escape(s.trackingCode())).append("</dd>")
        .append("<dt>Ngày tiếp nhận</dt><dd>").append(date(received)).append("</dd>")
        .append("<dt>Lĩnh vực</dt><dd>").append(escape(o.field().vietnamese())).append("</dd>");
    o.assignment().ifPresent(a -> b.append("<dt>Cơ quan giải quyết</dt><dd>").append(escape(a.agencyName()))
        .append("</dd><dt>Hạn trả lời</dt><dd>").append(VietnameseDates.withWeekday(a.currentDue()))
        .append(a.extendedTo().isPresent() ? " (đã gia hạn)" : "")
        .append(s.workingDaysLeft().map(n -> " – " + left(n)).orElse("")).append("</dd>"));
    b.append("</dl>");

    b.append("<h2>Các bước xử lý</h2><ol class=\"steps\">");
    boolean accepted = o.status() != OpinionStatus.RECEIVED;
    b.append(step("done", "Đã tiếp nhận", "Ngày " + date(received)
        + (o.channel() == Channel.PUBLIC_FORM_UNVERIFIED && o.status() == OpinionStatus.RECEIVED
            ? ". Ý kiến gửi khi trình duyệt không chạy JavaScript; cán bộ kiểm tra trước khi phân loại." : ".")));
    switch (o.status()) {
      case REDIRECTED -> b.append(step("now", "Hướng dẫn theo thủ tục khiếu nại, tố cáo", decision(o)));
      case FORWARDED -> b.append(step("now", "Đã chuyển cơ quan cấp trên", decision(o)));
      case REFUSED -> b.append(step("now", "Không tiếp nhận", decision(o)));
      default -> {
        b.append(step(accepted ? "done" : "now", "Phân loại, đưa vào đối thoại",
            accepted ? "Đã đưa vào nội dung đối thoại." : "Cán bộ đang xem xét, phân loại ý kiến."));
        Optional<OpinionParts.Assignment> a = o.assignment();
        boolean answered = o.answer().isPresent();
        b.append(step(a.isPresent() ? (answered ? "done" : "now") : "todo", "Giao cơ quan giải quyết",
            a.map(x -> escape(x.agencyName()) + ", hạn trả lời " + date(x.currentDue())
                + s.workingDaysLeft().map(n -> " (" + left(n) + ")").orElse("") + ".").orElse("")));
        b.append(step(answered ? "now" : "todo", "Trả lời", o.answer().map(x -> (x.atMeeting()
            ? "Đã trả lời tại hội nghị đối thoại" : "Đã trả lời bằng văn bản") + " ngày "
            + date(LocalDate.ofInstant(x.answeredAt(), DeadlineScheduling.VIETNAM)) + ".").orElse("")));
      }
    }
    b.append("</ol>");
    o.answer().ifPresent(a -> b.append("<h2>Nội dung trả lời</h2><p class=\"answer\">").append(escape(a.text()))
        .append("</p>"));
    b.append("<p class=\"muted\">Trang này không hiện họ tên, thông tin liên hệ hay nội dung ý kiến của người gửi.</p>")
        .append("<p><a href=\"/public/").append(escape(c.id())).append("\">Lịch đối thoại, thông báo kết luận và các ")
        .append("câu trả lời đã công bố</a></p>");
    return layout(c, "Tình trạng ý kiến " + s.trackingCode(), b.toString());
  }

  private static String decision(Opinion o) {
    return o.decision().map(d -> escape(d.text())).orElse("");
  }

  /** "còn 3 ngày làm việc", "hôm nay là hạn cuối", "quá hạn 2 ngày làm việc". */
  static String left(int n) {
    if (n > 0) {
      return "còn " + n + " ngày làm việc";
    }
    return n == 0 ? "hôm nay là hạn cuối" : "quá hạn " + (-n) + " ngày làm việc";
  }

  /** A step; {@code html} is already escaped. */
  private static String step(String state, String title, String html) {
    String aria = state.equals("now") ? " aria-current=\"step\"" : "";
    String prefix = switch (state) {
      case "done" -> "Đã xong: ";
      case "now" -> "Hiện tại: ";
      default -> "Chưa đến: ";
    };
    return "<li class=\"" + state + "\"" + aria + "><span class=\"hp\">" + prefix + "</span><strong>" + escape(title)
        + "</strong>" + (html.isEmpty() ? "" : "<br>" + html) + "</li>";
  }

  static String errorPage(String message) {
    return layout(null, "Không mở được trang", "<h1>Không mở được trang</h1><p>" + escape(message) + "</p>"
        + "<p>Vui lòng kiểm tra lại đường dẫn, hoặc hỏi trưởng thôn, văn phòng Ủy ban nhân dân xã.</p>");
  }

  static String notFoundPage(Commune c, String what) {
    return layout(c, "Không tìm thấy", "<h1>Không tìm thấy " + escape(what) + "</h1><p>Vui lòng kiểm tra lại mã "
        + "hoặc đường dẫn.</p>" + (c == null ? "" : "<p><a href=\"/public/" + escape(c.id())
        + "\">Về trang đối thoại của xã</a></p>"));
  }
}
