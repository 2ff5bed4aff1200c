package vn.doithoai.core.deadline;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One unit of the daily reconcile: one commune on one day, from the deadline after {@code after} (by id; empty =
 * from the first). Part 0 is queued by the daily cron for every registered commune; a unit that reaches its bound
 * queues part n+1 with its cursor, so a large commune continues in new units instead of being cut short.
 */
public record ReconcileWork(String communeId, LocalDate day, int part, String after) {
  public ReconcileWork {
    Objects.requireNonNull(communeId);
    Objects.requireNonNull(day);
    if (part < 0) {
      throw new IllegalArgumentException("a part is 0 or more: " + part);
    }
    after = after == null ? "" : after;
  }

  /** The day's first unit of a commune. */
  public static ReconcileWork first(String communeId, LocalDate day) {
    return new ReconcileWork(communeId, day, 0, "");
  }

  /** The work item's id within the commune's partition: {@code 2026-05-11}, then {@code 2026-05-11.1} … */
  public String workId() {
    return part == 0 ? day.toString() : day + "." + part;
  }

  /** The unit that goes on after the deadline {@code lastDone}. */
  public ReconcileWork next(String lastDone) {
    return new ReconcileWork(communeId, day, part + 1, lastDone);
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("commune", communeId);
    m.put("day", day.toString());
    m.put("part", part);
    m.put("after", after);
    return m;
  }

  public static ReconcileWork fromJson(Map<String, Object> m) {
    return new ReconcileWork((String) m.get("commune"), LocalDate.parse((String) m.get("day")),
        ((Number) m.get("part")).intValue(), (String) m.get("after"));
  }
}
