package vn.doithoai.handlers;

import java.util.Map;
import vn.doithoai.core.opinion.HandlingOpinions;
import vn.doithoai.core.opinion.Opinion;

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
        Map.entry("POST /opinions", r -> ApiResponses.json(201, opinions.enter(r.actor(), r.json()).toJson())),
        Map.entry("POST /opinions/compiled", r -> ApiResponses.json(201, Map.of("opinions",
            opinions.enterCompiled(r.actor(), r.json()).stream().map(Opinion::toJson).toList()))),
        Map.entry("GET /opinions", r -> ApiResponses.json(200, Map.of("opinions",
            opinions.list(r.actor(), r.query()).stream().map(Opinion::toJson).toList()))),
        Map.entry("GET /opinions/{opinionId}", r -> ok(opinions.get(r.actor(), r.path("opinionId")))),
        Map.entry("POST /opinions/{opinionId}/triage", r -> ok(opinions.triage(r.actor(), r.path("opinionId"),
            r.json()))),
        Map.entry("POST /opinions/{opinionId}/merge", r -> ok(opinions.merge(r.actor(), r.path("opinionId"),
            r.json()))),
        Map.entry("POST /opinions/{opinionId}/forward", r -> ok(opinions.forward(r.actor(), r.path("opinionId"),
            r.json()))),
        Map.entry("POST /opinions/{opinionId}/refuse", r -> ok(opinions.refuse(r.actor(), r.path("opinionId"),
            r.json()))),
        Map.entry("POST /opinions/{opinionId}/assign", r -> ok(opinions.assign(r.actor(), r.path("opinionId"),
            r.json()))),
        Map.entry("POST /opinions/{opinionId}/answer", r -> ok(opinions.answer(r.actor(), r.path("opinionId"),
            r.json()))),
        Map.entry("POST /opinions/{opinionId}/extend", r -> ok(opinions.extend(r.actor(), r.path("opinionId"),
            r.json()))),
        Map.entry("POST /opinions/{opinionId}/close", r -> ok(opinions.close(r.actor(), r.path("opinionId"),
            r.json()))));
  }

  private static com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse ok(Opinion o) {
    return ApiResponses.json(200, o.toJson());
  }
}
