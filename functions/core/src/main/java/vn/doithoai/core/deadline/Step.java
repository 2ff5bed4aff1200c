package vn.doithoai.core.deadline;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.doithoai.core.rules.Recipient;

/**
 * One instant of a deadline that sends something: a reminder before it, the due-day notice, or a rung of the
 * overdue ladder. {@code name} is stable ("reminder-1", "due", "escalation-2") and part of the schedule name.
 */
public record Step(String name, Kind kind, Instant at, List<Recipient> to, List<Recipient> cc) {

  /** What a step says. */
  public enum Kind {
    REMINDER,
    DUE,
    ESCALATION
  }

  public Step {
    to = List.copyOf(to);
    cc = List.copyOf(cc);
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("kind", kind.name());
    m.put("at", at.toString());
    m.put("to", to.stream().map(Enum::name).toList());
    m.put("cc", cc.stream().map(Enum::name).toList());
    return m;
  }

  @SuppressWarnings("unchecked")
  public static Step fromJson(Map<String, Object> m) {
    return new Step((String) m.get("name"), Kind.valueOf((String) m.get("kind")),
        Instant.parse((String) m.get("at")),
        ((List<String>) m.get("to")).stream().map(Recipient::valueOf).toList(),
        ((List<String>) m.get("cc")).stream().map(Recipient::valueOf).toList());
  }
}
