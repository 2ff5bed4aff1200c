package vn.doithoai.handlers;

import java.util.Map;
import vn.doithoai.core.commune.Communes;
import vn.doithoai.core.conclusion.Conclusion;
import vn.doithoai.core.conclusion.PublishingConclusion;
import vn.doithoai.core.document.ConclusionDocument;
import vn.doithoai.core.document.DocumentHtml;
import vn.doithoai.core.opinion.PublicOpinions;

/** {@code GET /public/{commune}/opinions/{trackingCode}}: an opinion's status, without personal data. */
public final class PublicHandler extends ApiHandler {
  private final PublicOpinions opinions;
  private final PublishingConclusion conclusions;
  private final Communes communes;

  public PublicHandler() {
    this(App.get().publicOpinions(), App.get().publishingConclusion(), App.get().communes());
  }

  PublicHandler(PublicOpinions opinions, PublishingConclusion conclusions, Communes communes) {
    this.opinions = opinions;
    this.conclusions = conclusions;
    this.communes = communes;
  }

  @Override
  protected Map<String, Route> routes() {
    return Map.of("GET /public/{commune}/opinions/{trackingCode}",
        r -> ApiResponses.json(200, opinions.status(r.path("commune"), r.path("trackingCode"))),
        "GET /public/{commune}/conclusions", r -> ApiResponses.json(200, feed(r.path("commune"))),
        "GET /public/{commune}/conclusions/{conclusionId}", r -> {
          Conclusion c = conclusions.published(r.path("commune"), r.path("conclusionId"));
          return ConclusionsHandler.document(r, c, ConclusionsHandler.commune(communes, c.communeId()));
        });
  }

  /** The commune's published conclusion notices, newest first, for the commune website. */
  private Map<String, Object> feed(String communeId) {
    java.util.List<Object> items = new java.util.ArrayList<>();
    for (Conclusion c : conclusions.feed(communeId)) {
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      m.put("id", c.id());
      m.put("number", c.number().map(n -> n.text()).orElse(null));
      m.put("issuedOn", c.issuedOn().map(Object::toString).orElse(null));
      m.put("title", c.content().title());
      m.put("edition", c.edition());
      m.put("corrects", c.corrects().orElse(null));
      m.put("url", conclusions.publicUrl(c));
      m.put("assigned", c.content().assigned().stream().map(i -> {
        Map<String, Object> x = new java.util.LinkedHashMap<>();
        x.put("trackingCode", i.trackingCode());
        x.put("agency", i.agency());
        x.put("due", i.due() == null ? null : i.due().toString());
        return (Object) x;
      }).toList());
      items.add(m);
    }
    return Map.of("commune", communeId, "conclusions", items);
  }
}
