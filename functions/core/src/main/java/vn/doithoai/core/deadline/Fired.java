package vn.doithoai.core.deadline;

import java.time.Instant;

/** The record that a step of a deadline version had its effect: written once, by a conditional put. */
public record Fired(String communeId, String deadlineId, String step, long version, Instant at) {
  public String key() {
    return communeId + "#" + deadlineId + "#" + step + "#v" + version;
  }
}
