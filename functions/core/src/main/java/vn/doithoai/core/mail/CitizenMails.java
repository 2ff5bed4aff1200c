package vn.doithoai.core.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.doithoai.core.common.Addressing;
import vn.doithoai.core.common.Html;
import vn.doithoai.core.common.PhoneNumber;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.calendar.VietnameseDates;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.OpinionParts;
import vn.doithoai.core.opinion.OpinionParts.Raiser;

/**
 * The e-mails a citizen receives about an opinion, in Vietnamese, as text and HTML (every value escaped).
 * One e-mail per address and event, one SMS per phone-only raiser and event: the id is derived from the
 * opinion, the event and the contact's opaque id ({@link ContactIds}).
 */
public final class CitizenMails {
  private final String publicBaseUrl;

  public CitizenMails(String publicBaseUrl) {
    this.publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.replaceAll("/+$", "");
  }

  public String statusUrl(String communeId, String trackingCode) {
    return publicBaseUrl + "/public/" + communeId + "/opinions/" + trackingCode;
  }

  /** Xác nhận tiếp nhận: the tracking code and where to follow the opinion. */
  public List<OutgoingMail> acknowledgement(Commune commune, Opinion o, Instant now) {
    String subject = "[" + commune.name() + "] Đã tiếp nhận ý kiến, kiến nghị – mã " + o.trackingCode();
    String lead = "Ủy ban nhân dân " + Addressing.communeInSentence(commune.name())
        + " đã tiếp nhận ý kiến, kiến nghị gửi ngày "
        + vn.doithoai.core.calendar.VietnameseDates.format(o.receivedAt().atZone(
            vn.doithoai.core.rules.DeadlineScheduling.VIETNAM).toLocalDate()) + ".";
    String body = "Mã theo dõi: " + o.trackingCode() + "\nLĩnh vực: " + o.field().vietnamese()
        + "\n\nTình trạng giải quyết được cập nhật tại: " + statusUrl(commune.id(), o.trackingCode())
        + "\n\nKết quả xem xét, trả lời sẽ được gửi đến địa chỉ e-mail này.";
    String sms = committee(commune) + " đã nhận ý kiến của Ông/Bà, mã " + o.trackingCode() + ". Theo dõi: "
        + statusUrl(commune.id(), o.trackingCode());
    return toRaisers(commune, o, "ack", subject, lead, body, sms, now);
  }

  /** Kết quả phân loại / trả lời: what was decided, and the answer or guidance. */
  public List<OutgoingMail> outcome(Commune commune, Opinion o, String event, Instant now) {
    return outcomeLetter(commune, o, event, now).to(o.raisers());
  }

  /**
   * The message of {@link #outcome} as a letter: the raisers of the opinions merged into {@code o} (kept apart)
   * are told through it page by page, with the ids the listed raisers' messages have (one per address).
   */
  public RaiserLetter outcomeLetter(Commune commune, Opinion o, String event, Instant now) {
    String subject = "[" + commune.name() + "] Kết quả xử lý ý kiến mã " + o.trackingCode() + ": "
        + o.status().vietnamese();
    String lead = "Ủy ban nhân dân " + Addressing.communeInSentence(commune.name())
        + " thông báo kết quả xử lý ý kiến, kiến nghị mã "
        + o.trackingCode() + ".";
    StringBuilder body = new StringBuilder("Tình trạng: " + o.status().vietnamese() + "\n");
    o.decision().ifPresent(d -> body.append("\n").append(d.text()).append(d.note() == null || d.note().isEmpty()
        ? "" : "\nGhi chú: " + d.note()).append("\n"));
    o.answer().ifPresent(a -> body.append("\nNội dung trả lời:\n").append(a.text()).append("\n"));
    body.append("\nTheo dõi tại: ").append(statusUrl(commune.id(), o.trackingCode()));
    String sms = o.answer().isPresent()
        ? committee(commune) + " đã trả lời ý kiến mã " + o.trackingCode() + ". Xem nội dung: "
        : committee(commune) + ": ý kiến mã " + o.trackingCode() + " - " + o.status().vietnamese()
            + ". Chi tiết: ";
    return letter(commune, o, event, subject, lead, body.toString(),
        sms + statusUrl(commune.id(), o.trackingCode()), now);
  }

  /**
   * Gia hạn giải quyết: the written reply seed 000 asks for when an agency needs more time — its content (the
   * reason), the new time and who is responsible.
   */
  public List<OutgoingMail> extension(Commune commune, Opinion o, Instant now) {
    return extensionLetter(commune, o, now).to(o.raisers());
  }

  /** The message of {@link #extension} as a letter ({@link #outcomeLetter}). */
  public RaiserLetter extensionLetter(Commune commune, Opinion o, Instant now) {
    OpinionParts.Assignment a = o.assignment().orElseThrow();
    String until = VietnameseDates.format(a.currentDue());
    String subject = "[" + commune.name() + "] Gia hạn giải quyết ý kiến mã " + o.trackingCode() + " đến " + until;
    String lead = "Ủy ban nhân dân " + Addressing.communeInSentence(commune.name())
        + " thông báo: việc giải quyết ý kiến, kiến nghị mã " + o.trackingCode() + " cần thêm thời gian.";
    String body = "Nội dung: " + a.extensionReason() + "\nThời gian giải quyết: chậm nhất ngày " + until
        + "\nCơ quan chịu trách nhiệm giải quyết: " + a.agencyName() + "\n\nTheo dõi tại: "
        + statusUrl(commune.id(), o.trackingCode());
    String sms = committee(commune) + ": ý kiến mã " + o.trackingCode() + " được gia hạn giải quyết đến " + until
        + ", do " + a.agencyName() + " giải quyết. Chi tiết: " + statusUrl(commune.id(), o.trackingCode());
    return letter(commune, o, "extended", subject, lead, body, sms, now);
  }

  /** "UBND xã Demo": the sender named at the start of an SMS. */
  private static String committee(Commune commune) {
    return "UBND " + Addressing.communeInSentence(commune.name());
  }

  /**
   * One e-mail per address, and one SMS per mobile number of a raiser who left no e-mail (a phone-only
   * citizen; an SMS costs money, an e-mail does not, and the e-mail holds the whole answer). The SMS goes
   * without diacritics unless the commune asks for them ({@link Commune#smsAccents}). The raisers listed on the
   * opinion are told here; those of opinions merged into it through {@link #letter}.
   */
  private List<OutgoingMail> toRaisers(Commune commune, Opinion o, String event, String subject, String lead,
      String body, String sms, Instant now) {
    return letter(commune, o, event, subject, lead, body, sms, now).to(o.raisers());
  }

  private RaiserLetter letter(Commune commune, Opinion o, String event, String subject, String lead, String body,
      String sms, Instant now) {
    String text = "\n\n" + lead + "\n\n" + body + "\n\nTrân trọng,\n" + commune.name()
        + "\n\n(Thư gửi tự động, vui lòng không trả lời thư này.)";
    String before = "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + Html.escape(subject)
        + "</title></head><body><p>";
    String after = "</p><p>" + Html.paragraphs(lead) + "</p><p>" + Html.paragraphs(body) + "</p><p>Trân trọng,<br>"
        + Html.escape(commune.name())
        + "</p><p style=\"color:#666\">(Thư gửi tự động, vui lòng không trả lời thư này.)</p></body></html>";
    String change = o.id() + "#" + event + "#v" + o.version();
    RaiserLetter l = new RaiserLetter("letter#" + change, commune.id(), o.id(), "mail#" + change, subject, text,
        before, after, "opinion." + event, now, "sms#" + change, commune.smsAccents() ? sms : SmsText.unaccented(sms));
    return l;
  }
}
