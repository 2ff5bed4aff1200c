package vn.doithoai.core.opinion;

import java.util.LinkedHashMap;
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

  private static Map<String, Object> withoutContacts(Raiser r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", r.name());
    m.put("village", r.village());
    m.put("consentToPublish", r.consentToPublish());
    return m;
  }
}
