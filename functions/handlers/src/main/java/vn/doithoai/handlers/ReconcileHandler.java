package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import vn.doithoai.core.deadline.Reconciling;
import vn.doithoai.handlers.observability.Invocation;

/**
 * The daily cron (07:00 Asia/Ho_Chi_Minh): missed fires, missing schedules, each office's digest; then the
 * retention sweep (contacts kept past their commune's retention period are erased).
 */
public final class ReconcileHandler extends Edge.Handler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final Reconciling reconciling;
  private final vn.doithoai.core.rights.Retaining retaining;

  public ReconcileHandler() {
    this(App.get().reconciling(), App.get().retaining());
    this.edge = App.get().edge();
  }

  ReconcileHandler(Reconciling reconciling, vn.doithoai.core.rights.Retaining retaining) {
    this.reconciling = reconciling;
    this.retaining = retaining;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    Invocation invocation = Invocation.start(context, Invocation.Step.RECONCILE);
    Daily d = edge.run(invocation, () -> {
      Reconciling.Report report = reconciling.run();
      invocation.count(Invocation.Count.DEADLINES, report.deadlines()).count(Invocation.Count.FIRED, report.fired())
          .count(Invocation.Count.SCHEDULES_CREATED, report.schedulesCreated())
          .count(Invocation.Count.DIGESTS, report.digests());
      vn.doithoai.core.rights.Retaining.Report kept = retaining.run();
      invocation.count(Invocation.Count.OPINIONS_READ, kept.opinionsRead())
          .count(Invocation.Count.CONTACTS_ERASED, kept.contactsErased());
      return new Daily(report, kept);
    });
    Reconciling.Report r = d.reconciled();
    vn.doithoai.core.rights.Retaining.Report kept = d.kept();
    return Map.of("deadlines", r.deadlines(), "fired", r.fired(), "schedulesCreated", r.schedulesCreated(),
        "digests", r.digests(), "retention", Map.of("opinionsRead", kept.opinionsRead(), "contactsErased",
            kept.contactsErased(), "raisersErased", kept.raisersErased(), "wrapped", kept.wrapped()));
  }

  private record Daily(Reconciling.Report reconciled, vn.doithoai.core.rights.Retaining.Report kept) {}
}
