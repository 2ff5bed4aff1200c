package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.Optional;
import vn.doithoai.core.common.Download;
import vn.doithoai.core.common.Input;
import vn.doithoai.core.document.DocumentDocx;
import vn.doithoai.core.document.DocumentHtml;
import vn.doithoai.core.document.ResultsReportDocument;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.followup.Exporting;
import vn.doithoai.core.followup.FollowingUp;
import vn.doithoai.core.followup.ResultsReport;
import vn.doithoai.core.plan.Plan;

/**
 * Staff routes after the conclusion: the results report and its sending, the carry-over into a new plan, the
 * statistics, the exports (CSV, XLSX, iCalendar).
 */
public final class FollowUpHandler extends ApiHandler {
  private final FollowingUp followingUp;
  private final Exporting exporting;

  public FollowUpHandler() {
    this(App.get().followingUp(), App.get().exporting());
    this.edge = App.get().edge();
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
        "GET /plans/{planId}/exports/{table}", r -> exported(exporting.export(r.actor(), r.path("planId"),
            r.path("table"), r.query())),
        "GET /exports/{jobId}", r -> {
          Exporting.JobView view = exporting.job(r.actor(), r.path("jobId"));
          return ApiResponses.json(200, view.toJson());
        },
        "GET /plans/{planId}/documents/{kind}", r -> {
          Input query = r.query();
          boolean docx = "docx".equals(query.text("format", 10).orElse("html"));
          Exporting.Named named = exporting.document(r.actor(), r.path("planId"), r.path("kind"), query);
          return docx ? ApiResponses.file(new Download(named.fileStem() + ".docx", Download.DOCX,
              DocumentDocx.write(named.document()))) : ApiResponses.html(200, DocumentHtml.render(named.document()));
        },
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

  /** The file itself, or 202 with the job making it (and where to ask for it). */
  private static APIGatewayV2HTTPResponse exported(Exporting.Exported e) {
    if (e instanceof Exporting.Inline i) {
      return ApiResponses.file(i.file());
    }
    Exporting.Queued q = (Exporting.Queued) e;
    Map<String, Object> body = new java.util.LinkedHashMap<>(new Exporting.JobView(q.job(), Optional.empty())
        .toJson());
    body.put("poll", "/exports/" + q.job().id());
    return ApiResponses.json(202, body);
  }

  private static int year(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw vn.doithoai.core.common.DomainException.notFound("năm " + s);
    }
  }

  /** The report as the e-mail's HTML part: the document itself, in the official layout. */
  static String reportHtml(ResultsReport report, Plan plan, Commune commune) {
    return DocumentHtml.render(ResultsReportDocument.of(report, plan, commune));
  }
}
