package vn.doithoai.handlers;

import java.util.Map;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.commune.Communes;
import vn.doithoai.core.conclusion.Conclusion;
import vn.doithoai.core.conclusion.PublishingConclusion;
import vn.doithoai.core.document.ConclusionDocument;
import vn.doithoai.core.document.DocumentHtml;

/** Staff routes from the meeting to the published conclusion notice. */
public final class ConclusionsHandler extends ApiHandler {
  private final PublishingConclusion publishing;
  private final Communes communes;

  public ConclusionsHandler() {
    this(App.get().publishingConclusion(), App.get().communes());
  }

  ConclusionsHandler(PublishingConclusion publishing, Communes communes) {
    this.publishing = publishing;
    this.communes = communes;
  }

  @Override
  protected Map<String, Route> routes() {
    return Map.of(
        "POST /plans/{planId}/meetings/{meetingId}/record", r -> ApiResponses.json(200, publishing.recordMeeting(
            r.actor(), r.path("planId"), r.path("meetingId"), r.json()).toJson()),
        "POST /plans/{planId}/meetings/{meetingId}/conclusion", r -> ApiResponses.json(201, publishing.draft(
            r.actor(), r.path("planId"), r.path("meetingId")).toJson()),
        "GET /plans/{planId}/conclusions", r -> ApiResponses.json(200, Map.of("conclusions",
            publishing.ofPlan(r.actor(), r.path("planId")).stream().map(Conclusion::toJson).toList())),
        "GET /conclusions/{conclusionId}", r -> ApiResponses.json(200, publishing.get(r.actor(),
            r.path("conclusionId")).toJson()),
        "PUT /conclusions/{conclusionId}", r -> ApiResponses.json(200, publishing.edit(r.actor(),
            r.path("conclusionId"), r.json()).toJson()),
        "POST /conclusions/{conclusionId}/approve", r -> ApiResponses.json(200, publishing.approve(r.actor(),
            r.path("conclusionId"), r.json()).toJson()),
        "POST /conclusions/{conclusionId}/publish", r -> ApiResponses.json(200, publishing.publish(r.actor(),
            r.path("conclusionId"), r.json()).toJson()),
        "POST /conclusions/{conclusionId}/correct", r -> ApiResponses.json(201, publishing.correct(r.actor(),
            r.path("conclusionId")).toJson()),
        "GET /conclusions/{conclusionId}/document", r -> {
          Conclusion c = publishing.get(r.actor(), r.path("conclusionId"));
          return ApiResponses.html(200, DocumentHtml.render(ConclusionDocument.of(c, commune(communes,
              c.communeId()))));
        });
  }

  static Commune commune(Communes communes, String id) {
    return communes.find(id).orElseThrow(() -> DomainException.notFound("xã"));
  }
}
