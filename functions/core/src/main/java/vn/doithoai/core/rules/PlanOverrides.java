package vn.doithoai.core.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.doithoai.core.common.Role;
import vn.doithoai.core.calendar.BeforeReading;

/**
 * A plan's own deadline choices on top of its profile: rules moved to fixed dates ("trước ngày 05/11"),
 * extra dated tasks of its units, and the reading of "at least N days before" it follows.
 */
public record PlanOverrides(BeforeReading reading, Map<String, FixedDate> fixedRules, List<Task> tasks) {

  /**
   * A fixed calendar date. {@code exclusive} is the literal reading of "trước ngày D" (before D): the last
   * working day before D; otherwise D itself ("chậm nhất ngày D", "hoàn thành trong ngày D").
   */
  public record FixedDate(LocalDate date, boolean exclusive, String wording) {
    public FixedDate {
      Objects.requireNonNull(date, "date");
      wording = wording == null || wording.isBlank()
          ? (exclusive ? "trước ngày " : "chậm nhất ngày ") + vn.doithoai.core.calendar.VietnameseDates.format(date)
          : wording;
    }
  }

  /** A plan task with its own date (seed 004: "Tham mưu chương trình… hoàn thành trước ngày 10/11/2025"). */
  public record Task(String id, String title, Role owner, FixedDate due, String source) {
    public Task {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(due, "due");
      source = source == null ? "" : source;
    }
  }

  public PlanOverrides {
    Objects.requireNonNull(reading, "reading");
    fixedRules = Map.copyOf(fixedRules);
    tasks = List.copyOf(tasks);
  }

  public static PlanOverrides none() {
    return new PlanOverrides(BeforeReading.STRICT, Map.of(), List.of());
  }

  public PlanOverrides withReading(BeforeReading r) {
    return new PlanOverrides(r, fixedRules, tasks);
  }

  public Optional<FixedDate> fixed(String ruleId) {
    return Optional.ofNullable(fixedRules.get(ruleId));
  }
}
