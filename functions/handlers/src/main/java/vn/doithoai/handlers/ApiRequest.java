package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.doithoai.core.common.Role;
import vn.doithoai.core.common.Actor;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.Input;
import vn.doithoai.core.common.Json;
import vn.doithoai.handlers.observability.Invocation;

/** An HTTP API (payload 2.0) request, read once: route, parameters, exact body bytes, and the caller. */
final class ApiRequest {
  private final APIGatewayV2HTTPEvent event;
  private final Map<String, String> headers;
  private final Invocation invocation;

  ApiRequest(APIGatewayV2HTTPEvent event, Invocation invocation) {
    this.event = event;
    this.invocation = invocation;
    Map<String, String> h = new HashMap<>();
    if (event.getHeaders() != null) {
      event.getHeaders().forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v));
    }
    this.headers = h;
  }

  /** This request's record: its log line, metrics and usage counts. */
  Invocation observed() {
    return invocation;
  }

  /**
   * The commune the request is about, for its log line and usage: the {@code commune} path parameter (public
   * and webhook routes), else the caller's token's commune; null when neither is there.
   */
  String commune() {
    String path = event.getPathParameters() == null ? null : event.getPathParameters().get("commune");
    if (path != null) {
      return PATH_PARAMETER.matcher(path).matches() ? path : null;
    }
    return first(claims(), "commune", "custom:commune");
  }

  /** True when an authorizer vouched for the caller (a staff route with a valid token). */
  boolean authenticated() {
    return claims().get("sub") != null;
  }

  String routeKey() {
    return event.getRouteKey() == null ? "" : event.getRouteKey();
  }

  /**
   * A path parameter, which must fit the grammar every id, slug, year and tracking code shares (ASCII letters,
   * digits, {@code . _ -} and spaces, at most 64): anything else cannot name a record, so it is a 404 here rather
   * than, say, a {@code #} reaching a DynamoDB key.
   */
  String path(String name) {
    String v = event.getPathParameters() == null ? null : event.getPathParameters().get(name);
    if (v == null || v.isBlank() || !PATH_PARAMETER.matcher(v).matches()) {
      throw DomainException.notFound("tài nguyên");
    }
    return v;
  }

  private static final java.util.regex.Pattern PATH_PARAMETER = java.util.regex.Pattern.compile("[A-Za-z0-9._ -]{1,64}");

  /** The caller's address as API Gateway saw it (the local runtime fills it the same way). */
  String sourceIp() {
    var ctx = event.getRequestContext();
    return ctx == null || ctx.getHttp() == null || ctx.getHttp().getSourceIp() == null ? ""
        : ctx.getHttp().getSourceIp();
  }

  Map<String, String> headers() {
    return headers;
  }

  /** The exact bytes received: base64-decoded when API Gateway encoded them. */
  byte[] body() {
    String b = event.getBody();
    if (b == null) {
      return new byte[0];
    }
    return event.getIsBase64Encoded() ? Base64.getMimeDecoder().decode(b) : b.getBytes(StandardCharsets.UTF_8);
  }

  /** The JSON body as validated input; an empty body is an empty object. */
  Input json() {
    byte[] b = body();
    if (b.length == 0) {
      return new Input(Map.of());
    }
    if (b.length > 256 * 1024) {
      throw new DomainException(DomainException.Kind.TOO_LARGE, "payload_too_large", "Nội dung gửi lên quá lớn.");
    }
    return new Input(Json.readObject(new String(b, StandardCharsets.UTF_8)));
  }

  /** The query string as input (filters). */
  Input query() {
    Map<String, Object> q = new HashMap<>();
    if (event.getQueryStringParameters() != null) {
      q.putAll(event.getQueryStringParameters());
    }
    return new Input(q);
  }

  /**
   * The staff member from the JWT authorizer's claims: commune from {@code commune} or {@code custom:commune},
   * roles from {@code roles}, {@code cognito:groups} or {@code custom:roles}, agency from {@code agency} or
   * {@code custom:agency}. HTTP APIs pass array claims as "[a b]".
   */
  Actor actor() {
    Map<String, String> claims = claims();
    if (claims.isEmpty() || claims.get("sub") == null) {
      throw new DomainException(DomainException.Kind.UNAUTHENTICATED, "unauthenticated", "Cần đăng nhập.");
    }
    String commune = first(claims, "commune", "custom:commune");
    if (commune == null || commune.isBlank()) {
      throw DomainException.forbidden("truy cập (tài khoản chưa được gắn với xã nào)");
    }
    Set<Role> roles = new LinkedHashSet<>();
    String raw = first(claims, "roles", "cognito:groups", "custom:roles");
    if (raw != null) {
      for (String r : raw.replace("[", " ").replace("]", " ").replace("\"", " ").replace(",", " ").trim()
          .split("\\s+")) {
        try {
          if (!r.isEmpty()) {
            roles.add(Role.parse(r));
          }
        } catch (IllegalArgumentException ignored) {
          // a group that is not one of our roles grants nothing
        }
      }
    }
    return new Actor(claims.get("sub"), claims.get("name"), commune, roles,
        Optional.ofNullable(first(claims, "agency", "custom:agency")));
  }

  /** The JWT authorizer's claims (empty when the route has no authorizer or no token came). */
  Map<String, String> claims() {
    var ctx = event.getRequestContext();
    if (ctx == null || ctx.getAuthorizer() == null || ctx.getAuthorizer().getJwt() == null
        || ctx.getAuthorizer().getJwt().getClaims() == null) {
      return Map.of();
    }
    return ctx.getAuthorizer().getJwt().getClaims();
  }

  private static String first(Map<String, String> m, String... keys) {
    for (String k : keys) {
      if (m.get(k) != null) {
        return m.get(k);
      }
    }
    return null;
  }
}
