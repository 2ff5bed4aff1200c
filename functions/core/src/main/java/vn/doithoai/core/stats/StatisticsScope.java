package vn.doithoai.core.stats;

import java.util.Map;

/** What a set of statistics covers: one plan's dialogue, or a commune's year. */
public sealed interface StatisticsScope {
  /** The keys that open the statistics' JSON: {@code {"scope":"plan","planId":…}} or {@code {"scope":"year",…}}. */
  void describe(Map<String, Object> json);

  /** One plan: its opinions, wherever they were raised. */
  record OfPlan(String planId) implements StatisticsScope {
    @Override
    public void describe(Map<String, Object> json) {
      json.put("scope", "plan");
      json.put("planId", planId);
      json.put("scopeText", "Theo kế hoạch");
    }
  }

  /** One year: the opinions of that year's plans and those received that year without a plan. */
  record OfYear(int year) implements StatisticsScope {
    @Override
    public void describe(Map<String, Object> json) {
      json.put("scope", "year");
      json.put("year", year);
      json.put("scopeText", "Năm " + year);
    }
  }
}
