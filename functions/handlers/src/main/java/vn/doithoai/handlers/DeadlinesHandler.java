package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import vn.doithoai.core.deadline.FiringDeadlines;
import vn.doithoai.core.plan.PlanDeadline;
import vn.doithoai.core.usage.UsageCounter;
import vn.doithoai.handlers.observability.Invocation;
import vn.doithoai.handlers.observability.Metric;

/** The schedules' target: {@code {"commune","deadline","step","version"}} → at most one effect. */
public final class DeadlinesHandler extends Edge.Handler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final FiringDeadlines firing;

  public DeadlinesHandler() {
    this(App.get().firingDeadlines());
    this.edge = App.get().edge();
  }

  DeadlinesHandler(FiringDeadlines firing) {
    this.firing = firing;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    Invocation invocation = Invocation.start(context, Invocation.Step.DEADLINE_FIRE);
    String commune = (String) input.get("commune");
    String deadline = (String) input.get("deadline");
    String step = (String) input.get("step");
    invocation.commune(commune);
    long version = ((Number) input.get("version")).longValue();
    return edge.run(invocation, () -> {
      FiringDeadlines.Outcome outcome = firing.fire(commune, deadline, step, version);
      invocation.outcome(outcome).metric(Metric.SCHEDULE_FIRES, 1, outcome).usage(commune,
          UsageCounter.SCHEDULE_FIRES, 1);
      if (outcome == FiringDeadlines.Outcome.FIRED) {
        invocation.metric(Metric.DEADLINE_STEPS, 1, deadline != null && deadline.startsWith(PlanDeadline.ASSIGNMENTS
            + "#") ? "assignment" : "plan", stepKind(step));
      }
      return Map.<String, Object>of("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
    });
  }

  /** "reminder-1" → reminder, "due" → due, "escalation-2" → overdue: the few values a dimension may take. */
  static String stepKind(String step) {
    if (step == null) {
      return "other";
    }
    return step.startsWith("reminder") ? "reminder" : step.equals("due") ? "due"
        : step.startsWith("escalation") ? "overdue" : "other";
  }
}
