package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import vn.doithoai.core.deadline.Reconciling;

/** The daily cron (07:00 Asia/Ho_Chi_Minh): missed fires, missing schedules, each office's digest. */
public final class ReconcileHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final Reconciling reconciling;

  public ReconcileHandler() {
    this(App.get().reconciling());
  }

  ReconcileHandler(Reconciling reconciling) {
    this.reconciling = reconciling;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    Reconciling.Report r = reconciling.run();
    System.out.println("reconcile: deadlines=" + r.deadlines() + " fired=" + r.fired() + " schedulesCreated="
        + r.schedulesCreated() + " digests=" + r.digests());
    return Map.of("deadlines", r.deadlines(), "fired", r.fired(), "schedulesCreated", r.schedulesCreated(),
        "digests", r.digests());
  }
}
