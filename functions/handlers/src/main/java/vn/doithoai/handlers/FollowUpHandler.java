package vn.doithoai.handlers;

import java.util.Map;
import vn.doithoai.core.common.Html;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.followup.FollowingUp;
import vn.doithoai.core.followup.ResultsReport;

/** Staff routes after the conclusion: the results report and its sending, the carry-over into a new plan. */
public final class FollowUpHandler extends ApiHandler {
  private final FollowingUp followingUp;

  public FollowUpHandler() {
    this(App.get().followingUp());
  }

  FollowUpHandler(FollowingUp followingUp) {
    this.followingUp = followingUp;
  }

  @Override
  protected Map<String, Route> routes() {
    return Map.of(
        "GET /plans/{planId}/report", r -> ApiResponses.json(200, followingUp.report(r.actor(), r.path("planId"))
            .toJson()),
        "POST /plans/{planId}/report", r -> ApiResponses.json(201, followingUp.send(r.actor(), r.path("planId"),
            r.json()).toJson()),
        "GET /plans/{planId}/reports", r -> ApiResponses.json(200, Map.of("reports", followingUp.sent(r.actor(),
            r.path("planId")).stream().map(ResultsReport::toJson).toList())),
        "POST /plans/{planId}/carry-over", r -> ApiResponses.json(200, followingUp.carryOver(r.actor(),
            r.path("planId"), r.json()).toJson()));
  }

  /** The report as the e-mail's HTML part. */
  static String reportHtml(ResultsReport report, Commune commune) {
    return "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>"
        + Html.escape(report.planTitle()) + "</title></head><body><p>" + Html.escape(commune.name()) + "</p></body></html>";
  }
}
