package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import vn.doithoai.core.deadline.Reconciling;

/**
 * The daily cron (07:00 Asia/Ho_Chi_Minh): missed fires, missing schedules, each office's digest; then the
 * retention sweep (contacts kept past their commune's retention period are erased).
 */
public final class ReconcileHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final Reconciling reconciling;
  private final vn.doithoai.core.rights.Retaining retaining;

  public ReconcileHandler() {
    this(App.get().reconciling(), App.get().retaining());
  }

  ReconcileHandler(Reconciling reconciling, vn.doithoai.core.rights.Retaining retaining) {
    this.reconciling = reconciling;
    this.retaining = retaining;
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    Reconciling.Report r = reconciling.run();
    vn.doithoai.core.rights.Retaining.Report kept = retaining.run();
    System.out.println("reconcile: deadlines=" + r.deadlines() + " fired=" + r.fired() + " schedulesCreated="
        + r.schedulesCreated() + " digests=" + r.digests() + " retention: read=" + kept.opinionsRead()
        + " contactsErased=" + kept.contactsErased() + " raisersErased=" + kept.raisersErased());
    return Map.of("deadlines", r.deadlines(), "fired", r.fired(), "schedulesCreated", r.schedulesCreated(),
        "digests", r.digests(), "retention", Map.of("opinionsRead", kept.opinionsRead(), "contactsErased",
            kept.contactsErased(), "raisersErased", kept.raisersErased(), "wrapped", kept.wrapped()));
  }
}
