package vn.doithoai.core.deadline;

import java.time.Instant;

/**
 * The record that a step of a deadline had its effect: written once, by a conditional put. Its key is the
 * step and the instant it was for — not the deadline's version — so a new version that leaves a step where
 * it was (the plan changed elsewhere) never sends that step again, while a moved step is a new one.
 */
public record Fired(String communeId, String deadlineId, String step, long version, Instant stepAt, Instant at) {
  public String key() {
    return communeId + "#" + deadlineId + "#" + step + "@" + stepAt.getEpochSecond();
  }
}
