package vn.doithoai.handlers;

import java.util.Map;
import vn.doithoai.core.intake.SubmittingOpinion;

/** {@code POST /webhooks/{commune}/opinions}: a citizen's opinion from the commune website. */
public final class WebhookHandler extends ApiHandler {
  private final SubmittingOpinion submitting;

  public WebhookHandler() {
    this(App.get().submittingOpinion());
  }

  WebhookHandler(SubmittingOpinion submitting) {
    this.submitting = submitting;
  }

  @Override
  protected Map<String, Route> routes() {
    return Map.of("POST /webhooks/{commune}/opinions", r -> {
      SubmittingOpinion.Receipt receipt = submitting.submit(
          new SubmittingOpinion.Delivery(r.path("commune"), r.headers(), r.body()));
      return ApiResponses.json(receipt.created() ? 202 : 200, receipt.toJson());
    });
  }
}
