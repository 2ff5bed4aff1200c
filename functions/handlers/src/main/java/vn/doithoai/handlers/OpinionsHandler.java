package vn.doithoai.handlers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.doithoai.core.opinion.HandlingOpinions;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.common.Actor;
import vn.doithoai.core.opinion.OpinionPage;
import vn.doithoai.core.opinion.OpinionView;
import vn.doithoai.core.usage.UsageCounter;
import vn.doithoai.handlers.observability.Metric;

/** Staff opinion routes: enter, compiled lists, list, get with audit trail, and every triage action. */
public final class OpinionsHandler extends ApiHandler {
  private final HandlingOpinions opinions;

  public OpinionsHandler() {
    this(App.get().handlingOpinions());
    this.edge = App.get().edge();
  }

  OpinionsHandler(HandlingOpinions opinions) {
    this.opinions = opinions;
  }

  @Override
  protected Map<String, Route> routes() {
    return Map.ofEntries(
        Map.entry("POST /opinions", r -> ApiResponses.json(201, OpinionView.of(received(r, opinions.enter(r.actor(),
            r.json())), r.actor()))),
        Map.entry("POST /opinions/compiled", r -> ApiResponses.json(201, Map.of("opinions",
            opinions.enterCompiled(r.actor(), r.json()).stream().map(o -> OpinionView.of(received(r, o), r.actor()))
                .toList()))),
        Map.entry("GET /opinions", r -> ApiResponses.json(200, page(opinions.page(r.actor(), r.query())))),
        Map.entry("GET /opinions/{opinionId}", r -> {
          Opinion o = opinions.get(r.actor(), r.path("opinionId"));
          Map<String, Object> m = new LinkedHashMap<>(OpinionView.of(o, r.actor(), opinions.mergedRaisers(o,
              r.query().text("raisersAfter", 200))));
          m.put("workingDaysLeft", opinions.workingDaysLeft(o).orElse(null));
          return ApiResponses.json(200, m);
        }),
        Map.entry("POST /opinions/{opinionId}/triage", r -> decided(r, TriageDecision.TRIAGE,
            opinions.triage(r.actor(), r.path("opinionId"), r.json()))),
        Map.entry("POST /opinions/{opinionId}/merge", r -> decided(r, TriageDecision.MERGE,
            opinions.merge(r.actor(), r.path("opinionId"), r.json()))),
        Map.entry("POST /opinions/{opinionId}/forward", r -> decided(r, TriageDecision.FORWARD,
            opinions.forward(r.actor(), r.path("opinionId"), r.json()))),
        Map.entry("POST /opinions/{opinionId}/refuse", r -> decided(r, TriageDecision.REFUSE,
            opinions.refuse(r.actor(), r.path("opinionId"), r.json()))),
        Map.entry("POST /opinions/{opinionId}/assign", r -> ok(r, opinions.assign(r.actor(), r.path("opinionId"),
            r.json()))),
        Map.entry("POST /opinions/{opinionId}/answer", r -> ok(r, opinions.answer(r.actor(), r.path("opinionId"),
            r.json()))),
        Map.entry("POST /opinions/{opinionId}/extend", r -> ok(r, opinions.extend(r.actor(), r.path("opinionId"),
            r.json()))),
        Map.entry("POST /opinions/{opinionId}/close", r -> ok(r, opinions.close(r.actor(), r.path("opinionId"),
            r.json()))));
  }

  /**
   * {@code opinions} (each a summary, {@link OpinionView#summary}, with {@code workingDaysLeft}), {@code next}
   * (the cursor of the next page, null on the last) and {@code total} (on a first page the store can count;
   * otherwise null).
   */
  private static Map<String, Object> page(OpinionPage p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("opinions", p.opinions().stream().map(e -> {
      Map<String, Object> x = OpinionView.summary(e.opinion());
      x.put("workingDaysLeft", e.workingDaysLeft().orElse(null));
      return x;
    }).toList());
    m.put("next", p.next().orElse(null));
    m.put("total", p.total().orElse(null));
    return m;
  }

  /** Every opinion response goes through the staff view: contacts only for the roles that may see them. */
  private static Map<String, Object> withDaysLeft(Opinion o, Optional<Integer> daysLeft, Actor actor) {
    Map<String, Object> m = new LinkedHashMap<>(OpinionView.of(o, actor));
    m.put("workingDaysLeft", daysLeft.orElse(null));
    return m;
  }

  /** A triage decision, as its metric counts it. */
  enum TriageDecision { TRIAGE, MERGE, FORWARD, REFUSE }

  private com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse decided(ApiRequest r,
      TriageDecision decision, Opinion o) {
    r.observed().metric(Metric.TRIAGE_DECISIONS, 1, decision);
    return ok(r, o);
  }

  /** An opinion entered by staff: its metric by channel, and one more in the commune's usage. */
  private static Opinion received(ApiRequest r, Opinion o) {
    r.observed().metric(Metric.OPINIONS_RECEIVED, 1, o.channel()).usage(o.communeId(), UsageCounter.OPINIONS, 1);
    return o;
  }

  /** A changed opinion, with the first page of the raisers merged into it. */
  private com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse ok(ApiRequest r, Opinion o) {
    return ApiResponses.json(200, OpinionView.of(o, r.actor(), opinions.mergedRaisers(o, Optional.empty())));
  }
}
