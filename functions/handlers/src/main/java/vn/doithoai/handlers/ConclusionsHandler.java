package vn.doithoai.handlers;

import java.util.Map;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.commune.Communes;
import vn.doithoai.core.conclusion.Conclusion;
import vn.doithoai.core.conclusion.PersonalDataReview;
import vn.doithoai.core.conclusion.PublishingConclusion;
import vn.doithoai.core.document.ConclusionDocument;
import vn.doithoai.core.document.DocumentHtml;

/** Staff routes from the meeting to the published conclusion notice. */
public final class ConclusionsHandler extends ApiHandler {
  private final PublishingConclusion publishing;
  private final Communes communes;

  public ConclusionsHandler() {
    this(App.get().publishingConclusion(), App.get().communes());
    this.edge = App.get().edge();
  }

  ConclusionsHandler(PublishingConclusion publishing, Communes communes) {
    this.publishing = publishing;
    this.communes = communes;
  }

  @Override
  protected Map<String, Route> routes() {
    return Map.ofEntries(
        Map.entry("POST /plans/{planId}/meetings/{meetingId}/record", r -> ApiResponses.json(200,
            publishing.recordMeeting(r.actor(), r.path("planId"), r.path("meetingId"), r.json()).toJson())),
        Map.entry("POST /plans/{planId}/meetings/{meetingId}/conclusion", r -> ApiResponses.json(201,
            staff(publishing.draft(r.actor(), r.path("planId"), r.path("meetingId"))))),
        Map.entry("GET /plans/{planId}/conclusions", r -> ApiResponses.json(200, Map.of("conclusions",
            publishing.ofPlan(r.actor(), r.path("planId")).stream().map(ConclusionsHandler::staff).toList()))),
        Map.entry("GET /conclusions/{conclusionId}", r -> ApiResponses.json(200, staff(publishing.get(r.actor(),
            r.path("conclusionId"))))),
        Map.entry("PUT /conclusions/{conclusionId}", r -> ApiResponses.json(200, staff(publishing.edit(r.actor(),
            r.path("conclusionId"), r.json())))),
        Map.entry("POST /conclusions/{conclusionId}/redactions", r -> ApiResponses.json(200,
            staff(publishing.redact(r.actor(), r.path("conclusionId"), r.json())))),
        Map.entry("POST /conclusions/{conclusionId}/approve", r -> ApiResponses.json(200,
            staff(publishing.approve(r.actor(), r.path("conclusionId"), r.json())))),
        Map.entry("POST /conclusions/{conclusionId}/publish", r -> ApiResponses.json(200,
            staff(publishing.publish(r.actor(), r.path("conclusionId"), r.json())))),
        Map.entry("POST /conclusions/{conclusionId}/correct", r -> ApiResponses.json(201,
            staff(publishing.correct(r.actor(), r.path("conclusionId"))))),
        Map.entry("GET /conclusions/{conclusionId}/document", r -> {
          Conclusion c = publishing.get(r.actor(), r.path("conclusionId"));
          return document(r, c, commune(communes, c.communeId()));
        }));
  }

  /** A notice in a staff response: with the open personal-data flags of its matters. */
  private static Map<String, Object> staff(Conclusion c) {
    return PersonalDataReview.toJson(c);
  }

  /** The notice in the official layout: the page, or with {@code ?format=docx} the Word file. */
  static com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse document(ApiRequest r, Conclusion c,
      Commune commune) {
    vn.doithoai.core.common.Input query = r.query();
    String format = query.text("format", 10).orElse("html");
    if (!format.equals("html") && !format.equals("docx")) {
      query.error("format", "Chọn html hoặc docx.");
    }
    query.check();
    vn.doithoai.core.document.OfficialDocument doc = ConclusionDocument.of(c, commune);
    if (format.equals("docx")) {
      String name = "thong-bao-ket-luan-" + c.number().map(n -> n.text().replaceFirst("^Số:?\\s*", ""))
          .orElse("du-thao-" + c.id()) + (c.edition() > 1 ? "-lan-" + c.edition() : "") + ".docx";
      return ApiResponses.file(new vn.doithoai.core.common.Download(name.replace('/', '-'),
          vn.doithoai.core.common.Download.DOCX, vn.doithoai.core.document.DocumentDocx.write(doc)));
    }
    return ApiResponses.html(200, DocumentHtml.render(doc));
  }

  static Commune commune(Communes communes, String id) {
    return communes.find(id).orElseThrow(() -> DomainException.notFound("xã"));
  }
}
