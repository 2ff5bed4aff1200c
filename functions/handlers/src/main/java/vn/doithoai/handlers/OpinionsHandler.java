package vn.doithoai.handlers;

import java.util.Map;
import vn.doithoai.core.opinion.HandlingOpinions;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.OpinionView;

/** Staff opinion routes: enter, compiled lists, list, get with audit trail, and every triage action. */
public final class OpinionsHandler extends ApiHandler {
  private final HandlingOpinions opinions;

  public OpinionsHandler() {
    this(App.get().handlingOpinions());
  }

  OpinionsHandler(HandlingOpinions opinions) {
    this.opinions = opinions;
  }

  @Override
  protected Map<String, Route> routes() {
    return Map.ofEntries(
        Map.entry("POST /opinions", r -> ApiResponses.json(201, OpinionView.of(opinions.enter(r.actor(), r.json()), r.actor()))),
        Map.entry("POST /opinions/compiled", r -> ApiResponses.json(201, Map.of("opinions",
            opinions.enterCompiled(r.actor(), r.json()).stream().map(o -> OpinionView.of(o, r.actor())).toList()))),
        Map.entry("GET /opinions", r -> ApiResponses.json(200, Map.of("opinions",
            opinions.list(r.actor(), r.query()).stream().map(o -> OpinionView.of(o, r.actor())).toList()))),
        Map.entry("GET /opinions/{opinionId}", r -> ok(r, opinions.get(r.actor(), r.path("opinionId")))),
        Map.entry("POST /opinions/{opinionId}/triage", r -> ok(r, opinions.triage(r.actor(), r.path("opinionId"),
            r.json()))),
        Map.entry("POST /opinions/{opinionId}/merge", r -> ok(r, opinions.merge(r.actor(), r.path("opinionId"),
            r.json()))),
        Map.entry("POST /opinions/{opinionId}/forward", r -> ok(r, opinions.forward(r.actor(), r.path("opinionId"),
            r.json()))),
        Map.entry("POST /opinions/{opinionId}/refuse", r -> ok(r, opinions.refuse(r.actor(), r.path("opinionId"),
            r.json()))),
        Map.entry("POST /opinions/{opinionId}/assign", r -> ok(r, opinions.assign(r.actor(), r.path("opinionId"),
            r.json()))),
        Map.entry("POST /opinions/{opinionId}/answer", r -> ok(r, opinions.answer(r.actor(), r.path("opinionId"),
            r.json()))),
        Map.entry("POST /opinions/{opinionId}/extend", r -> ok(r, opinions.extend(r.actor(), r.path("opinionId"),
            r.json()))),
        Map.entry("POST /opinions/{opinionId}/close", r -> ok(r, opinions.close(r.actor(), r.path("opinionId"),
            r.json()))));
  }

  /** Every opinion response goes through the staff view: contacts only for the roles that may see them. */
  private static com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse ok(ApiRequest r, Opinion o) {
    return ApiResponses.json(200, OpinionView.of(o, r.actor()));
  }
}
