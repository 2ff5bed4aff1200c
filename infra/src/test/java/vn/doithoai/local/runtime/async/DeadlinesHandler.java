package vn.doithoai.local.runtime.async;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import vn.doithoai.core.common.Json;

/** A schedule's target: the Input as a Map; queues the e-mail it carries. */
public final class DeadlinesHandler implements RequestHandler<Map<String, Object>, Void> {
  @Override
  public Void handleRequest(Map<String, Object> input, Context context) {
    Clients.LOG.add("deadlines " + input.get("subject") + " at " + Clients.now());
    Clients.publish("MailQueued", Json.write(input));
    return null;
  }
}
