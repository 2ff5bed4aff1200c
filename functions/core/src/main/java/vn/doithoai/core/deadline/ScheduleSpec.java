package vn.doithoai.core.deadline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.doithoai.core.plan.PlanDeadline;

/**
 * One EventBridge Scheduler one-time schedule: a step of a deadline at its instant. The name derives from
 * the deadline, its version and the step, within the API's limits (1–64 of [0-9a-zA-Z-_.]), so creating it
 * again is harmless and a new version never collides with an old one.
 */
public record ScheduleSpec(String name, Instant at, Map<String, Object> input) {

  public static ScheduleSpec of(PlanDeadline d, Step step) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("commune", d.communeId());
    input.put("deadline", d.id());
    input.put("step", step.name());
    input.put("version", d.version());
    return new ScheduleSpec(name(d.communeId(), d.id(), d.version(), step.name()), step.at(), input);
  }

  static String name(String communeId, String deadlineId, long version, String step) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest((communeId + "#" + deadlineId)
          .getBytes(StandardCharsets.UTF_8));
      return "dt-" + HexFormat.of().formatHex(h, 0, 12) + "-v" + version + "-" + step;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
