package vn.doithoai.core.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.doithoai.core.common.Addressing;
import vn.doithoai.core.common.Html;
import vn.doithoai.core.common.PhoneNumber;
import vn.doithoai.core.opinion.OpinionParts.Raiser;

/**
 * One message to every raiser of a matter, rendered once and addressed raiser by raiser: the e-mail greets each
 * by name ({@code text} = greeting + {@code textAfter}; {@code html} = {@code htmlBefore} + escaped greeting +
 * {@code htmlAfter}); a raiser who left no e-mail gets the SMS when {@code smsIdPrefix} is set. Message ids are
 * {@code ContactIds.messageId(prefix, contact)}: the same address reached twice (two raisers, two pages, a
 * retried page) is one message.
 *
 * <p>{@code id} names the change (opinion id and version, or conclusion and opinion) and holds no personal data:
 * a matter with merged raisers ({@link vn.doithoai.core.opinion.MergedRaisers}) is told through it, page by page.
 */
public record RaiserLetter(String id, String communeId, String matterId, String mailIdPrefix, String subject,
    String textAfter, String htmlBefore, String htmlAfter, String kind, Instant createdAt, String smsIdPrefix,
    String smsText) {

  /** The messages to {@code raisers}, one per e-mail address and one per phone of a raiser without e-mail. */
  public List<OutgoingMail> to(List<Raiser> raisers) {
    Map<String, String> addresses = new LinkedHashMap<>();
    for (Raiser r : raisers) {
      if (r.email() != null && !r.email().isBlank()) {
        addresses.putIfAbsent(r.email().strip().toLowerCase(java.util.Locale.ROOT), r.name());
      }
    }
    List<OutgoingMail> mails = new ArrayList<>();
    for (Map.Entry<String, String> a : addresses.entrySet()) {
      String dear = Addressing.dearCitizen(a.getValue());
      mails.add(new OutgoingMail(ContactIds.messageId(mailIdPrefix, a.getKey()), communeId, a.getKey(), subject,
          dear + textAfter, htmlBefore + Html.escape(dear) + htmlAfter, kind, createdAt));
    }
    if (smsIdPrefix != null) {
      Set<String> phones = new java.util.LinkedHashSet<>();
      raisers.stream().filter(r -> r.email() == null || r.email().isBlank())
          .map(r -> PhoneNumber.mobile(r.phone())).flatMap(java.util.Optional::stream).forEach(phones::add);
      phones.forEach(phone -> mails.add(OutgoingMail.sms(ContactIds.messageId(smsIdPrefix, phone), communeId,
          phone, smsText, kind, createdAt)));
    }
    return mails;
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("commune", communeId);
    m.put("matterId", matterId);
    m.put("mailIdPrefix", mailIdPrefix);
    m.put("subject", subject);
    m.put("textAfter", textAfter);
    m.put("htmlBefore", htmlBefore);
    m.put("htmlAfter", htmlAfter);
    m.put("kind", kind);
    m.put("createdAt", createdAt.toString());
    m.put("smsIdPrefix", smsIdPrefix);
    m.put("smsText", smsText);
    return m;
  }

  public static RaiserLetter fromJson(Map<String, Object> m) {
    return new RaiserLetter((String) m.get("id"), (String) m.get("commune"), (String) m.get("matterId"),
        (String) m.get("mailIdPrefix"), (String) m.get("subject"), (String) m.get("textAfter"),
        (String) m.get("htmlBefore"), (String) m.get("htmlAfter"), (String) m.get("kind"),
        Instant.parse((String) m.get("createdAt")), (String) m.get("smsIdPrefix"), (String) m.get("smsText"));
  }
}
