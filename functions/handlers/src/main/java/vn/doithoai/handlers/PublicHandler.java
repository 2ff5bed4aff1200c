package vn.doithoai.handlers;

import java.util.Map;
import vn.doithoai.core.opinion.PublicOpinions;

/** {@code GET /public/{commune}/opinions/{trackingCode}}: an opinion's status, without personal data. */
public final class PublicHandler extends ApiHandler {
  private final PublicOpinions opinions;

  public PublicHandler() {
    this(App.get().publicOpinions());
  }

  PublicHandler(PublicOpinions opinions) {
    this.opinions = opinions;
  }

  @Override
  protected Map<String, Route> routes() {
    return Map.of("GET /public/{commune}/opinions/{trackingCode}",
        r -> ApiResponses.json(200, opinions.status(r.path("commune"), r.path("trackingCode"))));
  }
}
