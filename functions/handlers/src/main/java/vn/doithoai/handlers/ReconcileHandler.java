package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.doithoai.core.deadline.Reconciling;
import vn.doithoai.handlers.observability.Invocation;
import vn.doithoai.handlers.observability.Metric;

/**
 * Two event shapes, one function (its policy is what both need; a second function would save only the
 * Scheduler statement on the daily path):
 *
 * <ul>
 *   <li>the daily cron (07:00 Asia/Ho_Chi_Minh): one reconcile work item per registered commune, each becoming
 *       a {@code CommuneReconcile} event; then the retention sweep (contacts kept past their commune's retention
 *       period are erased), bounded, going on next day from its cursor;
 *   <li>bus rule {@code CommuneReconcile} → that one commune: missed fires, missing schedules, its offices'
 *       digests, then its work item deleted; a unit that reaches its bound (deadlines, or the time left) queues
 *       the next one. A second delivery of a done unit does nothing; a failure leaves the work item for the bus's
 *       retries (then the dead-letter queue).
 * </ul>
 *
 * A bound reached is never silent: a {@code cap-reached} log line, the {@code CapsReached} metric, its alarm.
 */
public final class ReconcileHandler extends Edge.Handler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  /**
   * A unit stops taking new deadlines when less than this is left of the function's 300 s: room for the
   * deadline under way (≈ 0.1–1 s), the continuation's write and nothing else.
   */
  static final int RESERVE_MILLIS = 60_000;

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
    return "CommuneReconcile".equals(event.get("detail-type")) ? commune(event, context) : daily(context);
  }

  private Map<String, Object> daily(Context context) {
    Invocation invocation = Invocation.start(context, Invocation.Step.RECONCILE);
    Daily d = edge.run(invocation, () -> {
      int queued = reconciling.queueEveryCommune();
      invocation.count(Invocation.Count.COMMUNES, queued);
      vn.doithoai.core.rights.Retaining.Report kept = retaining.run();
      invocation.count(Invocation.Count.OPINIONS_READ, kept.opinionsRead())
          .count(Invocation.Count.CONTACTS_ERASED, kept.contactsErased());
      if (!kept.wrapped()) {
        capReached(invocation, Metric.Cap.RETENTION_SWEEP, Map.of(Invocation.Count.OPINIONS_READ,
            (long) kept.opinionsRead(), Invocation.Count.CONTACTS_ERASED, (long) kept.contactsErased()));
      }
      return new Daily(queued, kept);
    });
    vn.doithoai.core.rights.Retaining.Report kept = d.kept();
    return Map.of("communesQueued", d.queued(), "retention", Map.of("opinionsRead", kept.opinionsRead(),
        "contactsErased", kept.contactsErased(), "raisersErased", kept.raisersErased(), "wrapped", kept.wrapped()));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> commune(Map<String, Object> event, Context context) {
    Map<String, Object> detail = (Map<String, Object>) event.get("detail");
    String commune = (String) detail.get("commune");
    Invocation invocation = Invocation.start(context, Invocation.Step.COMMUNE_RECONCILE).commune(commune);
    Optional<Reconciling.Report> done = edge.run(invocation, () -> {
      Optional<Reconciling.Report> report = reconciling.reconcile(commune, (String) detail.get("workId"),
          () -> context != null && context.getRemainingTimeInMillis() < RESERVE_MILLIS);
      report.ifPresent(r -> {
        invocation.count(Invocation.Count.DEADLINES, r.deadlines()).count(Invocation.Count.FIRED, r.fired())
            .count(Invocation.Count.SCHEDULES_CREATED, r.schedulesCreated())
            .count(Invocation.Count.DIGESTS, r.digests());
        if (r.cap() != Reconciling.Cap.NONE) {
          capReached(invocation, r.cap() == Reconciling.Cap.TIME ? Metric.Cap.RECONCILE_TIME
              : Metric.Cap.RECONCILE_DEADLINES, Map.of(Invocation.Count.DEADLINES, (long) r.deadlines()));
        }
      });
      return report;
    });
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("commune", commune);
    out.put("done", done.isPresent()); // false: the unit was done before (a second delivery)
    done.ifPresent(r -> {
      out.put("deadlines", r.deadlines());
      out.put("fired", r.fired());
      out.put("schedulesCreated", r.schedulesCreated());
      out.put("digests", r.digests());
      out.put("cap", r.cap().name().toLowerCase(java.util.Locale.ROOT));
    });
    return out;
  }

  private static void capReached(Invocation invocation, Metric.Cap cap, Map<Invocation.Count, Long> counts) {
    invocation.step(Invocation.Step.CAP_REACHED, cap, counts);
    invocation.metric(Metric.CAPS_REACHED, 1, cap);
  }

  private record Daily(int queued, vn.doithoai.core.rights.Retaining.Report kept) {}
}
