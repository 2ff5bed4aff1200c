package vn.doithoai.core.plan;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.doithoai.core.common.Role;

/** The small values a plan is made of. */
public final class PlanParts {
  private PlanParts() {}

  /** Người chủ trì: a host by position (and name where known), e.g. "Bí thư Đảng ủy, Chủ tịch HĐND xã". */
  public record Host(String position, String name) {
    Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("position", position);
      m.put("name", name);
      return m;
    }

    static Host fromJson(Map<String, Object> m) {
      return new Host((String) m.get("position"), (String) m.get("name"));
    }
  }

  /** One meeting of the plan (a plan may hold several, e.g. one per village). */
  public record Meeting(String id, Optional<LocalDate> date, String venue, List<String> villages, String note) {
    public Meeting {
      villages = List.copyOf(villages);
    }

    Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", id);
      m.put("date", date.map(LocalDate::toString).orElse(null));
      m.put("venue", venue);
      m.put("villages", villages);
      m.put("note", note);
      return m;
    }

    @SuppressWarnings("unchecked")
    static Meeting fromJson(Map<String, Object> m) {
      return new Meeting((String) m.get("id"), Optional.ofNullable((String) m.get("date")).map(LocalDate::parse),
          (String) m.get("venue"), (List<String>) m.getOrDefault("villages", List.of()), (String) m.get("note"));
    }
  }

  /**
   * A unit's task with its own date, as the seeds list them ("hoàn thành trước ngày 10/11/2025").
   * {@code dueExclusive} is the literal reading of "trước ngày": the last working day before the date.
   */
  public record Task(String id, String unit, Role owner, String description, Optional<LocalDate> due,
      boolean dueExclusive) {
    Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", id);
      m.put("unit", unit);
      m.put("owner", owner.code());
      m.put("description", description);
      m.put("due", due.map(LocalDate::toString).orElse(null));
      m.put("dueExclusive", dueExclusive);
      return m;
    }

    static Task fromJson(Map<String, Object> m) {
      return new Task((String) m.get("id"), (String) m.get("unit"), Role.parse((String) m.get("owner")),
          (String) m.get("description"), Optional.ofNullable((String) m.get("due")).map(LocalDate::parse),
          Boolean.TRUE.equals(m.get("dueExclusive")));
    }
  }
}
