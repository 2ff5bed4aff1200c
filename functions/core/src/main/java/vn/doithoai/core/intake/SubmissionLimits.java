package vn.doithoai.core.intake;

import java.time.LocalDate;

/** Daily counters of hosted-form submissions (per source address, per contact), each against a ceiling. */
public interface SubmissionLimits {
  /**
   * Counts one more submission for {@code key} (already hashed: no address or contact is stored) on
   * {@code day}; false, without counting, when {@code limit} submissions were already counted that day.
   */
  boolean tryCount(String communeId, String kind, String key, LocalDate day, int limit);
}
