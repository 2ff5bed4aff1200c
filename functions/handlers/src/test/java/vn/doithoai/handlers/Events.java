package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import vn.doithoai.core.common.Json;

/** Loads the sample events of {@code events/} into the SDK's payload-2.0 event type, as the runtime would. */
final class Events {
  static final Path DIR = Path.of("..", "..", "events");

  private Events() {}

  /** The event file with placeholders (PLAN_ID, OPINION_ID, …) replaced. */
  static APIGatewayV2HTTPEvent load(String name, Map<String, String> replacements) {
    try {
      String text = Files.readString(DIR.resolve(name + ".json"), StandardCharsets.UTF_8);
      for (Map.Entry<String, String> r : replacements.entrySet()) {
        text = text.replace(r.getKey(), r.getValue());
      }
      return toEvent(Json.readObject(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static APIGatewayV2HTTPEvent load(String name) {
    return load(name, Map.of());
  }

  @SuppressWarnings("unchecked")
  static APIGatewayV2HTTPEvent toEvent(Map<String, Object> m) {
    Map<String, Object> ctx = (Map<String, Object>) m.get("requestContext");
    Map<String, Object> http = (Map<String, Object>) ctx.get("http");
    APIGatewayV2HTTPEvent.RequestContext.RequestContextBuilder rc = APIGatewayV2HTTPEvent.RequestContext.builder()
        .withAccountId((String) ctx.get("accountId")).withApiId((String) ctx.get("apiId"))
        .withDomainName((String) ctx.get("domainName")).withRequestId((String) ctx.get("requestId"))
        .withRouteKey((String) ctx.get("routeKey")).withStage((String) ctx.get("stage"))
        .withTime((String) ctx.get("time")).withTimeEpoch(((Number) ctx.get("timeEpoch")).longValue())
        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod((String) http.get("method"))
            .withPath((String) http.get("path")).withProtocol((String) http.get("protocol"))
            .withSourceIp((String) http.get("sourceIp")).withUserAgent((String) http.get("userAgent")).build());
    Map<String, Object> auth = (Map<String, Object>) ctx.get("authorizer");
    if (auth != null && auth.get("jwt") != null) {
      Map<String, Object> jwt = (Map<String, Object>) auth.get("jwt");
      Map<String, String> claims = new HashMap<>();
      ((Map<String, Object>) jwt.get("claims")).forEach((k, v) -> claims.put(k, String.valueOf(v)));
      rc.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
          .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build()).build());
    }
    return APIGatewayV2HTTPEvent.builder().withVersion((String) m.get("version"))
        .withRouteKey((String) m.get("routeKey")).withRawPath((String) m.get("rawPath"))
        .withRawQueryString((String) m.get("rawQueryString")).withHeaders((Map<String, String>) m.get("headers"))
        .withQueryStringParameters((Map<String, String>) m.get("queryStringParameters"))
        .withPathParameters((Map<String, String>) m.get("pathParameters")).withBody((String) m.get("body"))
        .withIsBase64Encoded(Boolean.TRUE.equals(m.get("isBase64Encoded"))).withRequestContext(rc.build()).build();
  }
}
