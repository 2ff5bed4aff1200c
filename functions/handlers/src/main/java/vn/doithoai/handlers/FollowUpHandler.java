package vn.doithoai.handlers;

import java.util.Map;
import vn.doithoai.core.common.Html;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.followup.Exporting;
import vn.doithoai.core.followup.FollowingUp;
import vn.doithoai.core.followup.ResultsReport;

/**
 * Staff routes after the conclusion: the results report and its sending, the carry-over into a new plan, the
 * statistics, the exports (CSV, XLSX, iCalendar).
 */
public final class FollowUpHandler extends ApiHandler {
  private final FollowingUp followingUp;
  private final Exporting exporting;

  public FollowUpHandler() {
    this(App.get().followingUp(), App.get().exporting());
  }

  FollowUpHandler(FollowingUp followingUp, Exporting exporting) {
    this.followingUp = followingUp;
    this.exporting = exporting;
  }

  @Override
  protected Map<String, Route> routes() {
    return Map.of(
        "GET /plans/{planId}/statistics", r -> ApiResponses.json(200, exporting.ofPlan(r.actor(), r.path("planId"))
            .toJson()),
        "GET /statistics/{year}", r -> ApiResponses.json(200, exporting.ofYear(r.actor(), year(r.path("year")))
            .toJson()),
        "GET /plans/{planId}/exports/{table}", r -> ApiResponses.file(exporting.export(r.actor(), r.path("planId"),
            r.path("table"), r.query())),
        "GET /plans/{planId}/meetings/{meetingId}/calendar", r -> ApiResponses.file(exporting.meetingCalendar(
            r.actor(), r.path("planId"), r.path("meetingId"))),
        "GET /plans/{planId}/report", r -> ApiResponses.json(200, followingUp.report(r.actor(), r.path("planId"))
            .toJson()),
        "POST /plans/{planId}/report", r -> ApiResponses.json(201, followingUp.send(r.actor(), r.path("planId"),
            r.json()).toJson()),
        "GET /plans/{planId}/reports", r -> ApiResponses.json(200, Map.of("reports", followingUp.sent(r.actor(),
            r.path("planId")).stream().map(ResultsReport::toJson).toList())),
        "POST /plans/{planId}/carry-over", r -> ApiResponses.json(200, followingUp.carryOver(r.actor(),
            r.path("planId"), r.json()).toJson()));
  }

  private static int year(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw vn.doithoai.core.common.DomainException.notFound("năm " + s);
    }
  }

  /** The report as the e-mail's HTML part. */
  static String reportHtml(ResultsReport report, Commune commune) {
    return "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>"
        + Html.escape(report.planTitle()) + "</title></head><body><p>" + Html.escape(commune.name()) + "</p></body></html>";
  }
}
