package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.Optional;
import vn.doithoai.core.deadline.SchedulingDeadlines;
import vn.doithoai.core.plan.PlanDeadline;
import vn.doithoai.handlers.observability.Invocation;

/** Bus rule {@code DeadlineChanged} → one EventBridge Scheduler schedule per step still to come. */
public final class SchedulesHandler extends Edge.Handler implements RequestHandler<Map<String, Object>, String> {
  private final SchedulingDeadlines scheduling;

  public SchedulesHandler() {
    this(App.get().schedulingDeadlines());
    this.edge = App.get().edge();
  }

  SchedulesHandler(SchedulingDeadlines scheduling) {
    this.scheduling = scheduling;
  }

  @Override
  @SuppressWarnings("unchecked")
  public String handleRequest(Map<String, Object> event, Context context) {
    Map<String, Object> detail = (Map<String, Object>) event.get("detail");
    Optional<PlanDeadline> before = Optional.ofNullable((Map<String, Object>) detail.get("before"))
        .map(PlanDeadline::fromJson);
    Optional<PlanDeadline> after = Optional.ofNullable((Map<String, Object>) detail.get("after"))
        .map(PlanDeadline::fromJson);
    Invocation invocation = Invocation.start(context, Invocation.Step.SCHEDULES_CHANGED)
        .commune((String) detail.get("commune"));
    return edge.run(invocation, () -> {
      scheduling.changed(before, after);
      return "ok";
    });
  }
}
