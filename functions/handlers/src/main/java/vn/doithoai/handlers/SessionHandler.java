package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import vn.doithoai.aws.CognitoSignIn;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.DomainException.Kind;
import vn.doithoai.core.common.FieldError;
import vn.doithoai.core.common.Input;
import vn.doithoai.core.common.Json;

/**
 * Phiên đăng nhập: the console's sign-in. {@code POST /session} with {@code email}, {@code password} (and
 * {@code newPassword} on a first sign-in) signs in with the user pool and puts the ID token in an HttpOnly,
 * Secure, SameSite=Strict cookie, {@value #COOKIE}, so no script ever holds it; {@code GET /session} says who is
 * signed in (the cookie reaches the JWT authorizer as the {@code Authorization} header); {@code DELETE /session}
 * clears the cookie.
 */
public final class SessionHandler extends ApiHandler {
  /** The session cookie's name; the local gateway and the CloudFront function read it. */
  public static final String COOKIE = "dt_session";

  static {
    Priming.register(Config.get("_HANDLER"));
  }

  private final Supplier<CognitoSignIn> signIn;

  public SessionHandler() {
    this(new App.Lazy<>(CognitoSignIn::fromEnvironment));
  }

  SessionHandler(Supplier<CognitoSignIn> signIn) {
    this.signIn = signIn;
  }

  @Override
  protected Map<String, Route> routes() {
    return Map.of("POST /session", this::signIn, "GET /session", SessionHandler::current,
        "DELETE /session", r -> withCookie(APIGatewayV2HTTPResponse.builder().withStatusCode(204)
            .withHeaders(Map.of("cache-control", "no-store")).build(), COOKIE + "=; Path=/; Max-Age=0; HttpOnly; "
            + "Secure; SameSite=Strict"));
  }

  private APIGatewayV2HTTPResponse signIn(ApiRequest r) {
    Input in = r.json();
    String email = in.requiredText("email", 254, "email");
    if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      in.error("email", "Email không đúng định dạng, ví dụ: vanphong@xa.gov.vn.");
    }
    String password = in.requiredText("password", 256, "mật khẩu");
    String newPassword = in.text("newPassword", 256).orElse(null);
    in.check();
    CognitoSignIn.Outcome outcome = signIn.get().signIn(email.toLowerCase(java.util.Locale.ROOT), password,
        newPassword);
    if (outcome instanceof CognitoSignIn.Signed s) {
      Map<String, Object> who = profile(claimsOf(s.idToken()));
      return withCookie(ApiResponses.json(200, who), COOKIE + "=" + s.idToken() + "; Path=/; Max-Age="
          + s.expiresInSeconds() + "; HttpOnly; Secure; SameSite=Strict");
    }
    if (outcome instanceof CognitoSignIn.NewPasswordRequired) {
      throw new DomainException(Kind.CONFLICT, "new_password_required",
          "Đây là lần đăng nhập đầu tiên: vui lòng đặt mật khẩu mới.");
    }
    if (outcome instanceof CognitoSignIn.WeakPassword) {
      throw DomainException.invalid(List.of(new FieldError("newPassword",
          "Mật khẩu mới cần ít nhất 12 ký tự, gồm chữ hoa, chữ thường và chữ số.")));
    }
    if (outcome instanceof CognitoSignIn.Throttled) {
      throw new DomainException(Kind.TOO_MANY_REQUESTS, "too_many_attempts",
          "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.");
    }
    throw new DomainException(Kind.UNAUTHENTICATED, "sign_in_failed", "Email hoặc mật khẩu không đúng.");
  }

  /** Who the (already verified) token says is signed in. */
  private static APIGatewayV2HTTPResponse current(ApiRequest r) {
    r.actor(); // 401 without a valid token, 403 without a commune
    return ApiResponses.json(200, profile(r.claims()));
  }

  /** The profile the console shows and decides its menus by (the API still checks every action). */
  static Map<String, Object> profile(Map<String, String> claims) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("email", claims.get("email"));
    m.put("name", claims.get("name"));
    m.put("commune", claims.getOrDefault("custom:commune", claims.get("commune")));
    String groups = claims.getOrDefault("cognito:groups", claims.getOrDefault("roles", ""));
    List<String> roles = new ArrayList<>();
    for (String g : groups.replaceAll("[\\[\\]\",]", " ").trim().split("\\s+")) {
      if (!g.isEmpty()) {
        roles.add(g);
      }
    }
    m.put("roles", roles);
    m.put("agency", claims.getOrDefault("custom:agency", claims.get("agency")));
    String exp = claims.get("exp");
    m.put("expiresAt", exp == null ? null : Instant.ofEpochSecond(Long.parseLong(exp.trim())).toString());
    return m;
  }

  /**
   * The claims of a token that came straight from the user pool over TLS (not from a caller, so it needs no
   * verification here), as the authorizer would pass them: strings, arrays as "[a b]".
   */
  static Map<String, String> claimsOf(String jwt) {
    String[] parts = jwt.split("\\.");
    Map<String, Object> raw = Json.readObject(new String(Base64.getUrlDecoder().decode(parts[1]),
        StandardCharsets.UTF_8));
    Map<String, String> claims = new LinkedHashMap<>();
    raw.forEach((k, v) -> claims.put(k, v instanceof List<?> l ? "[" + String.join(" ", l.stream()
        .map(String::valueOf).toList()) + "]" : String.valueOf(v)));
    return claims;
  }

  private static APIGatewayV2HTTPResponse withCookie(APIGatewayV2HTTPResponse response, String cookie) {
    response.setCookies(List.of(cookie));
    return response;
  }
}
