package vn.doithoai.core.rules;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import vn.doithoai.core.common.AuditEntry;

/**
 * Xác nhận nguồn: a platform administrator checked an unconfirmed instrument's attribution against the text (the
 * citation says where: number, date, article) and confirmed it; from then on its deadlines escalate.
 *
 * @param audit who (account id and role, never a name) and when, as the audit trail records it
 */
public record RuleConfirmation(String instrumentId, String source, AuditEntry audit) {
  public RuleConfirmation {
    Objects.requireNonNull(instrumentId, "instrumentId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(audit, "audit");
  }

  public Instant at() {
    return audit.at();
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("instrumentId", instrumentId);
    m.put("source", source);
    m.put("audit", audit.toJson());
    return m;
  }

  @SuppressWarnings("unchecked")
  public static RuleConfirmation fromJson(Map<String, Object> m) {
    return new RuleConfirmation((String) m.get("instrumentId"), (String) m.get("source"),
        AuditEntry.fromJson((Map<String, Object>) m.get("audit")));
  }
}
