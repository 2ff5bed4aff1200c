package vn.doithoai.core.access;

import vn.doithoai.core.common.Actor;
import vn.doithoai.core.common.Role;

/**
 * Who may see a raiser's contacts (phone, e-mail, postal address): the office and the host, who answer and
 * tell the citizen. Agencies answer through the office's record, the Front supervises and the admin configures,
 * so none of them needs a citizen's contacts. The one rule for staff responses and exports alike.
 */
public final class Contacts {
  private Contacts() {}

  public static boolean visibleTo(Actor actor) {
    return actor.hasAny(Role.OFFICE, Role.HOST);
  }
}
