package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.doithoai.core.rights.ExportPage;
import vn.doithoai.core.rights.HandlingPrivacyRequests;

/**
 * Citizens' requests through the office: {@code POST /privacy/requests} ({@code kind} export or erase; an export
 * as JSON, or as a page to print for the citizen with {@code Accept: text/html}); the commune's retention period
 * ({@code GET} and {@code PUT /privacy/settings}).
 */
public final class PrivacyHandler extends ApiHandler {
  private final HandlingPrivacyRequests privacy;

  public PrivacyHandler() {
    this(App.get().handlingPrivacy());
    this.edge = App.get().edge();
  }

  PrivacyHandler(HandlingPrivacyRequests privacy) {
    this.privacy = privacy;
  }

  @Override
  protected Map<String, Route> routes() {
    return Map.of(
        "POST /privacy/requests", this::request,
        "GET /privacy/settings", r -> ApiResponses.json(200, privacy.settings(r.actor())),
        "PUT /privacy/settings", r -> ApiResponses.json(200, privacy.updateSettings(r.actor(), r.json())));
  }

  /** 201 with what was done; 200 with the earlier erasure when nothing was left to erase. */
  private APIGatewayV2HTTPResponse request(ApiRequest r) {
    HandlingPrivacyRequests.Done done = privacy.request(r.actor(), r.json());
    if (done.export().isPresent() && PublicHandler.wantsHtml(r.headers().get("accept"))) {
      APIGatewayV2HTTPResponse page = ApiResponses.html(201, privacy.exportPage(r.actor(), done));
      page.getHeaders().put("cache-control", "no-store"); // personal data: never kept by a browser or a proxy
      return page;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("request", done.request().toJson());
    body.put("repeated", done.repeated());
    done.export().ifPresent(e -> body.put("export", ExportPage.json(e)));
    return ApiResponses.json(done.repeated() ? 200 : 201, body);
  }
}
