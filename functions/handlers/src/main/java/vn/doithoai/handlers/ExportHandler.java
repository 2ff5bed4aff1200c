package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import vn.doithoai.core.export.ExportJob;
import vn.doithoai.core.followup.Exporting;
import vn.doithoai.handlers.observability.Invocation;

/**
 * Bus rule {@code ExportRequested} (an export job queued, from the stream of its item) → the file made and put in
 * S3, the job marked ready. A second delivery of the same run finds the job finished and does nothing; a failure
 * leaves the job queued for the bus's retries (then the dead-letter queue, and after 15 minutes the job is taken
 * as lost: asked again, it runs again).
 */
public final class ExportHandler extends Edge.Handler implements RequestHandler<Map<String, Object>, Long> {
  private final Exporting exporting;

  public ExportHandler() {
    this(App.get().exporting());
    this.edge = App.get().edge();
  }

  ExportHandler(Exporting exporting) {
    this.exporting = exporting;
  }

  /** @return the file's size in bytes, 0 when there was nothing to do */
  @Override
  @SuppressWarnings("unchecked")
  public Long handleRequest(Map<String, Object> event, Context context) {
    Map<String, Object> detail = (Map<String, Object>) event.get("detail");
    String commune = (String) detail.get("commune");
    Object requestedAt = detail.get("requestedAt");
    Invocation invocation = Invocation.start(context, Invocation.Step.EXPORT_FILE).commune(commune);
    return edge.run(invocation, () -> {
      Optional<ExportJob> done = exporting.produce(commune, (String) detail.get("jobId"),
          requestedAt == null ? null : Instant.parse((String) requestedAt));
      long bytes = done.map(ExportJob::bytes).orElse(0L);
      invocation.count(Invocation.Count.BYTES, bytes);
      return bytes;
    });
  }
}
