package vn.doithoai.local.runtime.async;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** The daily cron's target: records the source and the time it ran at. */
public final class ReconcileHandler implements RequestHandler<Map<String, Object>, Void> {
  @Override
  public Void handleRequest(Map<String, Object> event, Context context) {
    Clients.LOG.add("reconcile " + event.get("source") + " at " + Clients.now());
    return null;
  }
}
