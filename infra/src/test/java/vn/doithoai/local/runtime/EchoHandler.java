package vn.doithoai.local.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Test handler: answers with the event it received, as JSON, plus what it saw of its configuration. */
public final class EchoHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  static final AtomicInteger INSTANCES = new AtomicInteger();
  static final AtomicInteger INVOCATIONS = new AtomicInteger();
  private final String tableNameAtInit;
  private final String endpointAtInit;

  public EchoHandler() {
    INSTANCES.incrementAndGet();
    tableNameAtInit = System.getProperty("TABLE_NAME", System.getenv("TABLE_NAME"));
    endpointAtInit = System.getProperty("DOITHOAI_DYNAMODB_ENDPOINT");
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent e, Context context) {
    INVOCATIONS.incrementAndGet();
    context.getLogger().log("echo " + e.getRouteKey());
    if (e.getQueryStringParameters() != null && e.getQueryStringParameters().containsKey("binary")) {
      return APIGatewayV2HTTPResponse.builder().withStatusCode(201)
          .withHeaders(Map.of("Content-Type", "application/octet-stream"))
          .withBody(Base64.getEncoder().encodeToString(new byte[] {0, 1, 2, (byte) 0xff}))
          .withIsBase64Encoded(true).build();
    }
    APIGatewayV2HTTPEvent.RequestContext rc = e.getRequestContext();
    Map<String, Object> http = new LinkedHashMap<>();
    http.put("method", rc.getHttp().getMethod());
    http.put("path", rc.getHttp().getPath());
    http.put("protocol", rc.getHttp().getProtocol());
    http.put("sourceIp", rc.getHttp().getSourceIp());
    http.put("userAgent", rc.getHttp().getUserAgent());
    Map<String, Object> ctx = new LinkedHashMap<>();
    ctx.put("accountId", rc.getAccountId());
    ctx.put("apiId", rc.getApiId());
    ctx.put("domainName", rc.getDomainName());
    ctx.put("domainPrefix", rc.getDomainPrefix());
    ctx.put("http", http);
    ctx.put("requestId", rc.getRequestId());
    ctx.put("routeKey", rc.getRouteKey());
    ctx.put("stage", rc.getStage());
    ctx.put("time", rc.getTime());
    ctx.put("timeEpoch", rc.getTimeEpoch());
    if (rc.getAuthorizer() != null) {
      Map<String, Object> jwt = new LinkedHashMap<>();
      jwt.put("claims", rc.getAuthorizer().getJwt().getClaims());
      jwt.put("scopes", rc.getAuthorizer().getJwt().getScopes());
      ctx.put("authorizer", Map.of("jwt", jwt));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("version", e.getVersion());
    out.put("routeKey", e.getRouteKey());
    out.put("rawPath", e.getRawPath());
    out.put("rawQueryString", e.getRawQueryString());
    out.put("cookies", e.getCookies());
    out.put("headers", e.getHeaders());
    out.put("queryStringParameters", e.getQueryStringParameters());
    out.put("pathParameters", e.getPathParameters());
    out.put("requestContext", ctx);
    out.put("body", e.getBody());
    out.put("isBase64Encoded", e.getIsBase64Encoded());
    out.put("functionName", context.getFunctionName());
    out.put("remainingMillis", context.getRemainingTimeInMillis());
    out.put("tableNameAtInit", tableNameAtInit);
    out.put("endpointAtInit", endpointAtInit);
    out.put("overridden", System.getProperty("OVERRIDDEN"));
    try {
      return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
          .withHeaders(Map.of("Content-Type", "application/json; charset=utf-8"))
          .withMultiValueHeaders(Map.of("X-Multi", List.of("one", "two")))
          .withCookies(List.of("seen=1; Path=/", "theme=dark"))
          .withBody(JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES).asString(out))
          .build();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
