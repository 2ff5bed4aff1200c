package vn.doithoai.core.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.doithoai.core.access.Role;

/**
 * A stored deadline of an announced plan: open until met or cancelled. Its {@code version} rises each time
 * the plan is rescheduled, so a reminder fired for an older version is recognised as stale.
 */
public record PlanDeadline(String planId, String meetingId, String ruleId, String title, Role owner, LocalDate due,
    Instant dueAt, String calendarVersion, long version) {

  public String id() {
    return planId + "#" + meetingId + "#" + ruleId;
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("planId", planId);
    m.put("meetingId", meetingId);
    m.put("rule", ruleId);
    m.put("title", title);
    m.put("owner", owner.code());
    m.put("due", due.toString());
    m.put("dueAt", dueAt.toString());
    m.put("calendarVersion", calendarVersion);
    m.put("version", version);
    return m;
  }

  public static PlanDeadline fromJson(Map<String, Object> m) {
    return new PlanDeadline((String) m.get("planId"), (String) m.get("meetingId"), (String) m.get("rule"),
        (String) m.get("title"), Role.parse((String) m.get("owner")), LocalDate.parse((String) m.get("due")),
        Instant.parse((String) m.get("dueAt")), (String) m.get("calendarVersion"),
        ((Number) m.get("version")).longValue());
  }
}
