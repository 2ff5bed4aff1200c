package vn.doithoai.core.plan;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import vn.doithoai.core.common.Actor;
import vn.doithoai.core.common.Role;

/**
 * A national change waiting to re-date one commune's plans: a calendar override of the platform administrator
 * ({@link Reason#CALENDAR}) or a confirmed rule ({@link Reason#RULE}, {@code subject} = the instrument). One such
 * work item is written per registered commune; it is deleted once that commune is re-dated.
 */
public record Redating(String changeId, String communeId, Reason reason, String subject, Actor actor, Instant at) {
  /** What changed. */
  public enum Reason {
    CALENDAR, RULE;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Redating {
    Objects.requireNonNull(changeId);
    Objects.requireNonNull(communeId);
    Objects.requireNonNull(reason);
    subject = subject == null ? "" : subject;
    Objects.requireNonNull(actor);
    Objects.requireNonNull(at);
  }

  /** The same change for another commune. */
  public Redating forCommune(String otherCommuneId) {
    return new Redating(changeId, otherCommuneId, reason, subject, actor, at);
  }

  /** The work item's document: the actor as the audit trail records it (id, name, roles), no contact. */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("changeId", changeId);
    m.put("commune", communeId);
    m.put("reason", reason.code());
    m.put("subject", subject);
    m.put("actorId", actor.id());
    m.put("actorName", actor.name());
    m.put("actorCommune", actor.communeId());
    m.put("actorRoles", actor.roles().stream().map(Role::name).sorted().toList());
    m.put("at", at.toString());
    return m;
  }

  public static Redating fromJson(Map<String, Object> m) {
    @SuppressWarnings("unchecked")
    Set<Role> roles = ((List<String>) m.get("actorRoles")).stream().map(Role::valueOf).collect(Collectors.toSet());
    Actor actor = new Actor((String) m.get("actorId"), (String) m.get("actorName"), (String) m.get("actorCommune"),
        roles, Optional.empty());
    return new Redating((String) m.get("changeId"), (String) m.get("commune"),
        Reason.valueOf(((String) m.get("reason")).toUpperCase(java.util.Locale.ROOT)), (String) m.get("subject"),
        actor, Instant.parse((String) m.get("at")));
  }
}
