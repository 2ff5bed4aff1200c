package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import vn.doithoai.core.deadline.Reconciling;
import vn.doithoai.handlers.observability.Invocation;

/** The daily cron (07:00 Asia/Ho_Chi_Minh): missed fires, missing schedules, each office's digest. */
public final class ReconcileHandler extends Edge.Handler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final Reconciling reconciling;

  public ReconcileHandler() {
    this(App.get().reconciling());
    this.edge = App.get().edge();
  }

  ReconcileHandler(Reconciling reconciling) {
    this.reconciling = reconciling;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    Invocation invocation = Invocation.start(context, Invocation.Step.RECONCILE);
    Reconciling.Report r = edge.run(invocation, () -> {
      Reconciling.Report report = reconciling.run();
      invocation.count(Invocation.Count.DEADLINES, report.deadlines()).count(Invocation.Count.FIRED, report.fired())
          .count(Invocation.Count.SCHEDULES_CREATED, report.schedulesCreated())
          .count(Invocation.Count.DIGESTS, report.digests());
      return report;
    });
    return Map.of("deadlines", r.deadlines(), "fired", r.fired(), "schedulesCreated", r.schedulesCreated(),
        "digests", r.digests());
  }
}
