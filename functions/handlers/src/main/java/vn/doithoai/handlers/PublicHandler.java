package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.conclusion.Conclusion;
import vn.doithoai.core.conclusion.PublishingConclusion;
import vn.doithoai.core.intake.HostedForm;
import vn.doithoai.core.opinion.PublicOpinions;
import vn.doithoai.core.site.PublicSite;

/**
 * The citizens' side, read-only: the commune's page ({@code GET /public/{commune}}), the opinion form
 * ({@code /gui-y-kien}), the status page of an opinion by tracking code — HTML for a browser, JSON for an API
 * client, by {@code Accept} — the look-up by code, the conclusion notices, and the form's small script.
 */
public final class PublicHandler extends ApiHandler {
  static final String POW_SCRIPT = script();
  private final PublicOpinions opinions;
  private final PublishingConclusion conclusions;
  private final PublicSite site;
  private final HostedForm form;
  private final String baseUrl;
  private final vn.doithoai.core.rights.HandlingPrivacyRequests privacy;

  public PublicHandler() {
    this(App.get());
    this.edge = App.get().edge();
  }

  PublicHandler(App app) {
    this.opinions = app.publicOpinions();
    this.conclusions = app.publishingConclusion();
    this.site = app.publicSite();
    this.form = app.hostedForm();
    this.baseUrl = app.baseUrl().replaceAll("/$", "");
    this.privacy = app.handlingPrivacy();
  }

  @Override
  protected Map<String, Route> routes() {
    return Map.of(
        "GET /public/{commune}", r -> {
          PublicSite.Page page = site.page(r.path("commune"));
          return page(200, page.commune(), PublicPages.communePage(page, fresh(r)));
        },
        "GET /public/{commune}/gui-y-kien", r -> {
          Commune c = site.commune(r.path("commune"));
          return page(200, c, PublicPages.formPage(c, site.announced(c.id()), fresh(r)));
        },
        "GET /public/{commune}/tra-cuu", r -> {
          Commune c = site.commune(r.path("commune"));
          String code = r.query().text("ma", 40).orElse("").strip().toUpperCase(Locale.ROOT);
          return redirect(code.isEmpty() ? "/public/" + c.id() + "#tra-cuu"
              : "/public/" + c.id() + "/opinions/" + java.net.URLEncoder.encode(code, StandardCharsets.UTF_8));
        },
        "GET /public/{commune}/opinions/{trackingCode}", this::status,
        "GET /public/{commune}/pow.js", r -> script(POW_SCRIPT),
        "GET /public/{commune}/privacy", this::privacy,
        "GET /public/{commune}/plans/{planId}/poster", r -> {
          Commune c = site.commune(r.path("commune"));
          vn.doithoai.core.plan.Plan p = site.announced(c.id(), r.path("planId"))
              .orElseThrow(() -> DomainException.notFound("cuộc đối thoại đã công bố"));
          String home = baseUrl + "/public/" + c.id();
          return page(200, c, vn.doithoai.core.site.Poster.html(c, p, home + "/gui-y-kien?plan=" + p.id(), home));
        },
        "GET /public/{commune}/conclusions", r -> ApiResponses.json(200, feed(r.path("commune"))),
        "GET /public/{commune}/conclusions/{conclusionId}", r -> {
          Conclusion c = conclusions.published(r.path("commune"), r.path("conclusionId"));
          return ConclusionsHandler.document(r, c, site.commune(c.communeId()));
        });
  }

  /** A browser that meets an error (an unknown commune, a plan not announced) reads it as a page, in Vietnamese. */
  @Override
  public APIGatewayV2HTTPResponse handleRequest(com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent event,
      com.amazonaws.services.lambda.runtime.Context context) {
    APIGatewayV2HTTPResponse r = super.handleRequest(event, context);
    String type = r.getHeaders() == null ? "" : r.getHeaders().getOrDefault("content-type", "");
    String accept = event.getHeaders() == null ? null : event.getHeaders().entrySet().stream()
        .filter(h -> h.getKey().equalsIgnoreCase("accept")).map(Map.Entry::getValue).findFirst().orElse(null);
    if (r.getStatusCode() < 400 || !type.startsWith("application/json") || !wantsHtml(accept)) {
      return r;
    }
    Object error = vn.doithoai.core.common.Json.readObject(r.getBody()).get("error");
    String message = error instanceof Map<?, ?> m ? String.valueOf(m.get("message")) : "";
    return page(r.getStatusCode(), null, PublicPages.errorPage(message));
  }

  private PublicPages.FormView fresh(ApiRequest r) {
    String token = HostedForm.newToken();
    return PublicPages.FormView.fresh(token, form.challenge(token), r.query().text("plan", 40));
  }

  /** The privacy notice: a page for a browser; for the commune website, JSON with the text and its version. */
  private APIGatewayV2HTTPResponse privacy(ApiRequest r) {
    Commune c = site.commune(r.path("commune"));
    int months = privacy.retentionMonths(c.id());
    if (!wantsHtml(r.headers().get("accept"))) {
      vn.doithoai.core.privacy.PrivacyNotice n = vn.doithoai.core.privacy.PrivacyNotice.current();
      return ApiResponses.json(200, Map.of("version", n.version(), "paragraphs", n.text(c.name()), "retentionMonths",
          months));
    }
    return withVary(page(200, c, PublicPages.privacyPage(c, months)));
  }

  /** HTML when the caller prefers it (a browser, an e-mail link), else the JSON that API clients read. */
  private APIGatewayV2HTTPResponse status(ApiRequest r) {
    if (!wantsHtml(r.headers().get("accept"))) {
      return ApiResponses.json(200, opinions.status(r.path("commune"), r.path("trackingCode")));
    }
    Commune c = site.commune(r.path("commune"));
    try {
      PublicOpinions.Status s = opinions.find(c.id(), r.path("trackingCode"));
      boolean justSent = r.query().text("moi", 2).isPresent();
      return withVary(page(200, c, PublicPages.statusPage(c, s, justSent)));
    } catch (DomainException e) {
      if (e.kind() != DomainException.Kind.NOT_FOUND) {
        throw e;
      }
      return withVary(page(404, c, PublicPages.notFoundPage(c, "ý kiến có mã theo dõi này")));
    }
  }

  /** True when {@code text/html} is asked for and ranked at least as high as JSON (browsers send it first). */
  static boolean wantsHtml(String accept) {
    if (accept == null) {
      return false;
    }
    double html = -1;
    double json = -1;
    for (String part : accept.toLowerCase(Locale.ROOT).split(",")) {
      String[] p = part.strip().split(";");
      double q = 1;
      for (int i = 1; i < p.length; i++) {
        String x = p[i].strip();
        if (x.startsWith("q=")) {
          try {
            q = Double.parseDouble(x.substring(2));
          } catch (NumberFormatException e) {
            q = 0;
          }
        }
      }
      if (p[0].strip().equals("text/html")) {
        html = Math.max(html, q);
      } else if (p[0].strip().equals("application/json")) {
        json = Math.max(json, q);
      }
    }
    return html > 0 && html >= json;
  }

  static APIGatewayV2HTTPResponse page(int status, Commune c, String html) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("content-type", "text/html; charset=utf-8");
    h.put("content-security-policy", PublicPages.policy(c));
    h.put("x-content-type-options", "nosniff");
    h.put("referrer-policy", "same-origin");
    // each view carries its own one-time form token, and a status changes: never from a shared cache
    h.put("cache-control", "no-store");
    return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(h).withBody(html)
        .withIsBase64Encoded(false).build();
  }

  static APIGatewayV2HTTPResponse redirect(String location) {
    return APIGatewayV2HTTPResponse.builder().withStatusCode(303)
        .withHeaders(Map.of("location", location, "cache-control", "no-store")).withBody("")
        .withIsBase64Encoded(false).build();
  }

  private static APIGatewayV2HTTPResponse withVary(APIGatewayV2HTTPResponse r) {
    r.getHeaders().put("vary", "Accept");
    return r;
  }

  private static APIGatewayV2HTTPResponse script(String body) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("content-type", "text/javascript; charset=utf-8");
    h.put("x-content-type-options", "nosniff");
    h.put("cache-control", "public, max-age=86400");
    return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(h).withBody(body)
        .withIsBase64Encoded(false).build();
  }

  private static String script() {
    try (InputStream in = PublicHandler.class.getResourceAsStream("/public/pow.js")) {
      if (in == null) {
        throw new IllegalStateException("public/pow.js is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The commune's published conclusion notices, newest first, for the commune website. */
  private Map<String, Object> feed(String communeId) {
    java.util.List<Object> items = new java.util.ArrayList<>();
    for (Conclusion c : conclusions.feed(communeId)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", c.id());
      m.put("number", c.number().map(n -> n.text()).orElse(null));
      m.put("reference", c.number().map(n -> n.inSentence("Thông báo")).orElse(null));
      m.put("issuedOn", c.issuedOn().map(Object::toString).orElse(null));
      m.put("title", c.content().title());
      m.put("edition", c.edition());
      m.put("corrects", c.corrects().orElse(null));
      m.put("url", conclusions.publicUrl(c));
      m.put("assigned", c.content().assigned().stream().map(i -> {
        Map<String, Object> x = new LinkedHashMap<>();
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
