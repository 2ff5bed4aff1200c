package vn.doithoai.core.opinion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.doithoai.core.access.Contacts;
import vn.doithoai.core.common.Actor;
import vn.doithoai.core.opinion.OpinionParts.Raiser;

/**
 * An opinion as a staff member sees it in an API response: everything, but raisers' phone, e-mail and address
 * only for the roles {@link Contacts} allows. {@link Opinion#toJson()} stays the stored form.
 */
public final class OpinionView {
  private OpinionView() {}

  public static Map<String, Object> of(Opinion o, Actor viewer) {
    Map<String, Object> m = o.toJson();
    boolean contacts = Contacts.visibleTo(viewer);
    m.put("raisers", o.raisers().stream().map(r -> contacts ? r.toJson() : withoutContacts(r)).toList());
    m.put("contactsShown", contacts);
    return m;
  }

  /**
   * One opinion with a page of the raisers merged into it: listed after its own, each merge in its history
   * ("Nhận gộp ý kiến"), and where the next page starts ({@code mergedRaisersNext}, null: none).
   */
  public static Map<String, Object> of(Opinion o, Actor viewer, MergedRaisers.Page merged) {
    Map<String, Object> m = of(o, viewer);
    if (!o.hasMergedRaisers()) {
      return m;
    }
    boolean contacts = Contacts.visibleTo(viewer);
    List<Object> raisers = new ArrayList<>((List<?>) m.get("raisers"));
    List<vn.doithoai.core.common.AuditEntry> audit = new ArrayList<>(o.audit());
    for (MergedRaisers r : merged.records()) {
      r.raisers().forEach(x -> raisers.add(contacts ? x.toJson() : withoutContacts(x)));
      audit.add(r.audit());
    }
    audit.sort(java.util.Comparator.comparing(vn.doithoai.core.common.AuditEntry::at));
    m.put("raisers", raisers);
    m.put("audit", audit.stream().map(vn.doithoai.core.common.AuditEntry::toJson).toList());
    m.put("mergedRaisersNext", merged.next().orElse(null));
    return m;
  }

  /** Characters of the content a list item carries; the detail route gives the whole text. */
  public static final int SUMMARY_CONTENT = 300;

  /**
   * An opinion as a list shows it: the detail route's fields but the content cut at {@value #SUMMARY_CONTENT}
   * characters ({@code contentTruncated}), the first raiser only (without contacts: {@code raiserCount} says how
   * many), the assignment without its extension reason, whether and how it was answered but not the answer's
   * text, and no decision text, audit trail or merged ids. Its size no longer grows with the opinion's history:
   * at most about 2.5 KB (every text at its maximum length in 3-byte characters), so a page of 200 stays far
   * below Lambda's 6 MB response limit.
   */
  public static Map<String, Object> summary(Opinion o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", o.id());
    m.put("planId", o.planId().orElse(null));
    m.put("trackingCode", o.trackingCode());
    boolean cut = o.content().length() > SUMMARY_CONTENT;
    m.put("content", cut ? o.content().substring(0, SUMMARY_CONTENT) + "…" : o.content());
    m.put("contentTruncated", cut);
    m.put("field", o.field().code());
    m.put("fieldText", o.field().vietnamese());
    m.put("channel", o.channel().code());
    m.put("raisers", o.raisers().stream().limit(1).map(OpinionView::withoutContacts).toList());
    m.put("compiledBy", o.compiled().map(OpinionParts.Compiled::organisation).orElse(null));
    m.put("raiserCount", o.raiserCount());
    m.put("receivedAt", o.receivedAt().toString());
    m.put("status", o.status().code());
    m.put("statusText", o.status().vietnamese());
    m.put("mergedInto", o.mergedInto().orElse(null));
    m.put("assignment", o.assignment().map(a -> {
      Map<String, Object> x = a.toJson();
      x.remove("extensionReason");
      return x;
    }).orElse(null));
    m.put("answer", o.answer().map(a -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("mode", a.atMeeting() ? "at-meeting" : "written");
      x.put("answeredAt", a.answeredAt().toString());
      return x;
    }).orElse(null));
    m.put("version", o.version());
    return m;
  }

  private static Map<String, Object> withoutContacts(Raiser r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", r.name());
    m.put("village", r.village());
    m.put("consentToPublish", r.consentToPublish());
    return m;
  }
}
