package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import vn.doithoai.core.deadline.FiringDeadlines;

/** The schedules' target: {@code {"commune","deadline","step","version"}} → at most one effect. */
public final class DeadlinesHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final FiringDeadlines firing;

  public DeadlinesHandler() {
    this(App.get().firingDeadlines());
  }

  DeadlinesHandler(FiringDeadlines firing) {
    this.firing = firing;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    FiringDeadlines.Outcome outcome = firing.fire((String) input.get("commune"), (String) input.get("deadline"),
        (String) input.get("step"), ((Number) input.get("version")).longValue());
    return Map.of("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
  }
}
