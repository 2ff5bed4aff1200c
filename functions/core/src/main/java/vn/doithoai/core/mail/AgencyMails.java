package vn.doithoai.core.mail;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.doithoai.core.calendar.VietnameseDates;
import vn.doithoai.core.common.Html;
import vn.doithoai.core.commune.Agency;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.conclusion.Conclusion;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.OpinionParts.Assignment;
import vn.doithoai.core.plan.Issuer;
import vn.doithoai.core.plan.Plan;

/**
 * The e-mails an agency (cơ quan được giao) receives at once: an opinion assigned to it, its items in a published
 * conclusion notice, an extension granted. Each names what, for which plan, the due date and links to the opinion's
 * page in the console. One e-mail per agency and change: the id is derived from the change and the address.
 */
public final class AgencyMails {
  private final String publicBaseUrl;

  public AgencyMails(String publicBaseUrl) {
    this.publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.replaceAll("/+$", "");
  }

  /** The opinion's page in the staff console (never a relative link). */
  public String opinionUrl(String opinionId) {
    return publicBaseUrl + "/y-kien/chi-tiet.html?id=" + opinionId;
  }

  /** Giao giải quyết: what is assigned, for which plan, by when. */
  public List<OutgoingMail> assigned(Commune commune, Opinion o, Optional<Plan> plan, Instant now) {
    Assignment a = o.assignment().orElseThrow();
    Optional<Agency> agency = commune.agency(a.agencyId());
    if (agency.isEmpty() || blank(agency.get().email())) {
      return List.of();
    }
    String subject = "[" + commune.name() + "] Giao giải quyết ý kiến mã " + o.trackingCode() + ", hạn "
        + VietnameseDates.format(a.currentDue());
    String lead = office(commune, plan) + " giao " + agency.get().name()
        + " giải quyết, trả lời bằng văn bản ý kiến, kiến nghị sau.";
    String body = item(o, plan) + "Hạn giải quyết: " + VietnameseDates.format(a.currentDue())
        + "\nGia hạn (nếu cần, có văn bản nêu rõ lý do) chậm nhất đến: " + VietnameseDates.format(a.cap())
        + "\n\nXem và cập nhật kết quả: " + opinionUrl(o.id());
    return List.of(mail(ContactIds.messageId("mail#" + o.id() + "#agency.assigned#v" + o.version(),
        agency.get().email()), commune, agency.get(), subject, lead, body, "agency.assigned", now));
  }

  /** Gia hạn: the new time, the reason, the same link. */
  public List<OutgoingMail> extended(Commune commune, Opinion o, Optional<Plan> plan, Instant now) {
    Assignment a = o.assignment().orElseThrow();
    Optional<Agency> agency = commune.agency(a.agencyId());
    if (agency.isEmpty() || blank(agency.get().email()) || a.extendedTo().isEmpty()) {
      return List.of();
    }
    String until = VietnameseDates.format(a.extendedTo().get());
    String subject = "[" + commune.name() + "] Gia hạn giải quyết ý kiến mã " + o.trackingCode() + " đến " + until;
    String lead = "Thời hạn giải quyết ý kiến, kiến nghị giao " + agency.get().name() + " được gia hạn đến "
        + until + ".";
    String body = item(o, plan) + "Hạn ban đầu: " + VietnameseDates.format(a.due()) + "\nHạn mới: " + until
        + "\nLý do gia hạn: " + a.extensionReason() + "\n\nXem và cập nhật kết quả: " + opinionUrl(o.id());
    return List.of(mail(ContactIds.messageId("mail#" + o.id() + "#agency.extended#v" + o.version(),
        agency.get().email()), commune, agency.get(), subject, lead, body, "agency.extended", now));
  }

  /**
   * Thông báo kết luận: each agency its own assigned items of a published notice, with their due dates; the
   * agency is the one the opinion is assigned to now ({@code assigned}: the notice's opinions by id).
   */
  public List<OutgoingMail> noticeItems(Commune commune, Conclusion c, Plan plan, Map<String, Opinion> assigned,
      Instant now) {
    Map<String, List<Conclusion.Item>> byAgency = new LinkedHashMap<>();
    for (Conclusion.Item i : c.content().assigned()) {
      Opinion o = i.opinionId() == null ? null : assigned.get(i.opinionId());
      if (o != null && o.assignment().isPresent()) {
        byAgency.computeIfAbsent(o.assignment().get().agencyId(), k -> new ArrayList<>()).add(i);
      }
    }
    String notice = c.number().map(n -> n.inSentence("Thông báo kết luận")).orElse("Thông báo kết luận");
    List<OutgoingMail> out = new ArrayList<>();
    for (Map.Entry<String, List<Conclusion.Item>> e : byAgency.entrySet()) {
      Optional<Agency> agency = commune.agency(e.getKey());
      if (agency.isEmpty() || blank(agency.get().email())) {
        continue;
      }
      String subject = "[" + commune.name() + "] " + notice + ": " + e.getValue().size()
          + " nội dung giao " + agency.get().name();
      String lead = office(commune, Optional.of(plan)) + " thông báo: theo " + notice + " ("
          + plan.content().title() + "), " + agency.get().name() + " được giao giải quyết các nội dung sau.";
      StringBuilder body = new StringBuilder();
      int n = 1;
      for (Conclusion.Item i : e.getValue()) {
        Opinion o = assigned.get(i.opinionId());
        LocalDate due = o.assignment().get().currentDue();
        body.append(n++).append(". Mã ").append(i.trackingCode() == null ? o.trackingCode() : i.trackingCode())
            .append(": ").append(i.text() == null ? o.content() : i.text()).append("\n   Hạn giải quyết: ")
            .append(VietnameseDates.format(due)).append("\n   Chi tiết: ").append(opinionUrl(o.id())).append("\n");
      }
      out.add(mail(ContactIds.messageId("mail#" + c.id() + "#agency.notice", agency.get().email()), commune,
          agency.get(), subject, lead,
          body.toString().strip(), "agency.notice", now));
    }
    return out;
  }

  private static String item(Opinion o, Optional<Plan> plan) {
    return "Mã theo dõi: " + o.trackingCode() + "\nLĩnh vực: " + o.field().vietnamese() + "\nNội dung: "
        + o.content() + "\nThuộc kế hoạch: " + plan.map(p -> p.content().title()).orElse("(chưa gắn kế hoạch)")
        + "\n";
  }

  private static String office(Commune commune, Optional<Plan> plan) {
    return commune.officeFor(plan.map(p -> p.content().issuer()).orElse(Issuer.PEOPLES_COMMITTEE));
  }

  private static OutgoingMail mail(String id, Commune commune, Agency agency, String subject, String lead,
      String body, String kind, Instant now) {
    String text = "Kính gửi: " + agency.name() + ",\n\n" + lead + "\n\n" + body + "\n\n" + commune.name()
        + " — hệ thống Đối thoại\n(Thư gửi tự động.)";
    String html = "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + Html.escape(subject)
        + "</title></head><body><p>Kính gửi: " + Html.escape(agency.name()) + ",</p><p><strong>"
        + Html.escape(lead) + "</strong></p><p>" + Html.paragraphs(body) + "</p><p>" + Html.escape(commune.name())
        + " — hệ thống Đối thoại</p></body></html>";
    return new OutgoingMail(id, commune.id(), agency.email().strip(), subject, text, html, kind, now);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
