package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.Map;
import vn.doithoai.core.plan.RedatingCommunes;
import vn.doithoai.handlers.observability.Invocation;

/**
 * Bus rule {@code CommuneRederive} (a national calendar override or a confirmed rule, one event per commune) →
 * that commune's open plans derived again from one read of its partition, then its work item deleted. A second
 * delivery moves nothing; a failure leaves the work item for the bus's retries (then the dead-letter queue).
 */
public final class RedateHandler extends Edge.Handler implements RequestHandler<Map<String, Object>, Integer> {
  private final RedatingCommunes redating;

  public RedateHandler() {
    this(App.get().redatingCommunes());
    this.edge = App.get().edge();
  }

  RedateHandler(RedatingCommunes redating) {
    this.redating = redating;
  }

  /** @return how many plans moved */
  @Override
  @SuppressWarnings("unchecked")
  public Integer handleRequest(Map<String, Object> event, Context context) {
    Map<String, Object> detail = (Map<String, Object>) event.get("detail");
    String commune = (String) detail.get("commune");
    Invocation invocation = Invocation.start(context, Invocation.Step.COMMUNE_REDATE).commune(commune);
    return edge.run(invocation, () -> {
      List<String> moved = redating.redate(commune, (String) detail.get("changeId"));
      invocation.count(Invocation.Count.PLANS_MOVED, moved.size());
      return moved.size();
    });
  }
}
