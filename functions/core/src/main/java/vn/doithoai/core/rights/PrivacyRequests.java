package vn.doithoai.core.rights;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: the audit of citizens' requests (who, when, why, what was touched; the contact only as a keyed hash),
 * each commune's retention setting, and where the retention sweep stopped.
 */
public interface PrivacyRequests {
  /** One request as audited: never the contact, never a name. */
  record Request(String id, String communeId, String kind, String contactHash, String reason, Instant at,
      String actorId, String actorRole, List<String> opinionIds, int raisersErased, int mailsErased) {
    public Request {
      opinionIds = List.copyOf(opinionIds);
    }

    public Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", id);
      m.put("commune", communeId);
      m.put("kind", kind);
      m.put("contactHash", contactHash);
      m.put("reason", reason);
      m.put("at", at.toString());
      m.put("actorId", actorId);
      m.put("actorRole", actorRole);
      m.put("opinionIds", opinionIds);
      m.put("raisersErased", raisersErased);
      m.put("mailsErased", mailsErased);
      return m;
    }

    @SuppressWarnings("unchecked")
    public static Request fromJson(Map<String, Object> m) {
      return new Request((String) m.get("id"), (String) m.get("commune"), (String) m.get("kind"),
          (String) m.get("contactHash"), (String) m.get("reason"), Instant.parse((String) m.get("at")),
          (String) m.get("actorId"), (String) m.get("actorRole"), (List<String>) m.get("opinionIds"),
          ((Number) m.get("raisersErased")).intValue(), ((Number) m.get("mailsErased")).intValue());
    }
  }

  void record(Request request);

  /** The requests about one contact (by its keyed hash), oldest first. */
  List<Request> about(String communeId, String contactHash);

  Optional<Integer> retentionMonths(String communeId);

  void setRetentionMonths(String communeId, int months);

  /** Where the retention sweep goes on (empty: from the start). */
  Optional<String> sweepCursor();

  void setSweepCursor(Optional<String> cursor);
}
