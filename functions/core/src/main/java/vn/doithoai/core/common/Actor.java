package vn.doithoai.core.common;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is acting: a staff member from the JWT (commune and roles from its claims), or the system (the
 * website webhook, a schedule). The platform administrator has commune {@code "*"}.
 */
public record Actor(String id, String name, String communeId, Set<Role> roles, Optional<String> agencyId) {
  public static final String ANY_COMMUNE = "*";

  public Actor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(communeId, "communeId");
    roles = Set.copyOf(roles);
    name = name == null ? id : name;
  }

  public static Actor system(String what, String communeId) {
    return new Actor("system:" + what, what, communeId, Set.of(), Optional.empty());
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Refuses (403, naming the action in Vietnamese) an actor with none of {@code any}. */
  public void require(String action, Role... any) {
    if (!hasAny(any)) {
      throw DomainException.forbidden(action);
    }
  }

  public boolean hasAny(Role... any) {
    for (Role r : any) {
      if (roles.contains(r)) {
        return true;
      }
    }
    return false;
  }

  public boolean platformAdmin() {
    return ANY_COMMUNE.equals(communeId) && has(Role.ADMIN);
  }

  /** The role recorded in the audit trail: the strongest one held. */
  public String auditRole() {
    for (Role r : new Role[] {Role.ADMIN, Role.HOST, Role.OFFICE, Role.FRONT, Role.AGENCY}) {
      if (roles.contains(r)) {
        return r.code();
      }
    }
    return "system";
  }
}
