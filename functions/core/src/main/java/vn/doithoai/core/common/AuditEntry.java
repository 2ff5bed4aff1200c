package vn.doithoai.core.common;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One audited transition: who, when, what, why. Staff ids only, never a citizen's personal data. */
public record AuditEntry(Instant at, String actorId, String actorRole, String action, String detail,
    String reason) {

  public static AuditEntry of(Instant at, Actor actor, String action, String detail, String reason) {
    return new AuditEntry(at, actor.id(), actor.auditRole(), action, detail == null ? "" : detail,
        reason == null ? "" : reason);
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("at", at.toString());
    m.put("actorId", actorId);
    m.put("actorRole", actorRole);
    m.put("action", action);
    m.put("detail", detail);
    m.put("reason", reason);
    return m;
  }

  public static AuditEntry fromJson(Map<String, Object> m) {
    return new AuditEntry(Instant.parse((String) m.get("at")), (String) m.get("actorId"),
        (String) m.get("actorRole"), (String) m.get("action"), (String) m.getOrDefault("detail", ""),
        (String) m.getOrDefault("reason", ""));
  }
}
