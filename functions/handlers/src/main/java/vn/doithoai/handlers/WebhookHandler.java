package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.FieldError;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.intake.HostedForm;
import vn.doithoai.core.intake.SubmittingOpinion;
import vn.doithoai.core.opinion.Channel;
import vn.doithoai.core.site.PublicSite;
import vn.doithoai.handlers.observability.Metric;

/**
 * The intake of citizens' opinions, both ways in: {@code POST /webhooks/{commune}/opinions}, signed by the
 * commune website, and {@code POST /public/{commune}/opinions}, the hosted form on the commune's public page
 * (one use case, one tracking code and acknowledgement; the form's answer is a page: the status page on
 * success, the form again with an error summary otherwise).
 */
public final class WebhookHandler extends ApiHandler {
  private final SubmittingOpinion submitting;
  private final HostedForm form;
  private final PublicSite site;

  public WebhookHandler() {
    this(App.get().submittingOpinion(), App.get().hostedForm(), App.get().publicSite());
    this.edge = App.get().edge();
  }

  WebhookHandler(SubmittingOpinion submitting) {
    this(submitting, null, null);
  }

  WebhookHandler(SubmittingOpinion submitting, HostedForm form, PublicSite site) {
    this.submitting = submitting;
    this.form = form;
    this.site = site;
  }

  @Override
  protected Map<String, Route> routes() {
    return Map.of("POST /webhooks/{commune}/opinions", this::webhook, "POST /public/{commune}/opinions",
        this::hostedForm);
  }

  private APIGatewayV2HTTPResponse webhook(ApiRequest r) {
    SubmittingOpinion.Receipt receipt;
    try {
      receipt = submitting.submit(new SubmittingOpinion.Delivery(r.path("commune"), r.headers(), r.body()));
    } catch (DomainException e) {
      r.observed().metric(Metric.WEBHOOK_REJECTIONS, 1, e.code());
      throw e;
    }
    if (receipt.counted()) {
      r.observed().requestCounted();
    }
    if (receipt.created()) {
      received(r, Channel.WEBSITE);
    }
    return ApiResponses.json(receipt.created() ? 202 : 200, receipt.toJson());
  }

  /**
   * A new opinion: its metric by channel. The commune's usage counts it from the stream (the relay, with the
   * storage it counts there), so that this request writes one usage item only: its budget's.
   */
  private static void received(ApiRequest r, Channel channel) {
    r.observed().metric(Metric.OPINIONS_RECEIVED, 1, channel);
  }

  private APIGatewayV2HTTPResponse hostedForm(ApiRequest r) {
    Commune c = site.commune(r.path("commune"));
    byte[] body = r.body();
    Map<String, String> fields = body.length > HostedForm.MAX_BYTES ? Map.of() : fields(body);
    try {
      HostedForm.Sent sent = form.submit(new HostedForm.Submission(c.id(), fields, r.sourceIp(), body.length));
      if (sent.receipt().counted()) {
        r.observed().requestCounted();
      }
      if (sent.receipt().created()) {
        received(r, sent.verified() ? Channel.PUBLIC_FORM : Channel.PUBLIC_FORM_UNVERIFIED);
      }
      // Post/Redirect/Get: a reload of the result page never sends the form again
      return PublicHandler.redirect("/public/" + c.id() + "/opinions/" + sent.receipt().trackingCode() + "?moi=1");
    } catch (DomainException e) {
      List<FieldError> errors = e.fieldErrors().isEmpty() ? List.of(new FieldError("form", e.getMessage()))
          : e.fieldErrors();
      String token = fields.getOrDefault(HostedForm.TOKEN, "");
      if (e.kind() == DomainException.Kind.UNPROCESSABLE || !token.matches("[A-Za-z0-9_-]{16,64}")) {
        token = HostedForm.newToken(); // that token is spent (or was never ours): the next try is a new form
      }
      PublicPages.FormView view = new PublicPages.FormView(token, form.challenge(token), fields, errors,
          Optional.ofNullable(fields.get("plan")));
      return ApiResponses.retryAfter(PublicHandler.page(ApiResponses.status(e.kind()), c,
          PublicPages.formPage(c, site.announced(c.id()), view)), e);
    }
  }

  /** The form's fields, decoded (UTF-8), the first value of each name; a malformed pair is skipped. */
  static Map<String, String> fields(byte[] body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
      int eq = pair.indexOf('=');
      if (pair.isEmpty()) {
        continue;
      }
      try {
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        form.putIfAbsent(k, v);
      } catch (IllegalArgumentException e) {
        // a broken escape: that field is left out, and the validation says what is missing
      }
    }
    return form;
  }
}
