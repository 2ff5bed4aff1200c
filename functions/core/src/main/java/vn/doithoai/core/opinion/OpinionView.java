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

  private static Map<String, Object> withoutContacts(Raiser r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", r.name());
    m.put("village", r.village());
    m.put("consentToPublish", r.consentToPublish());
    return m;
  }
}
