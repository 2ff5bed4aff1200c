package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import vn.doithoai.core.access.SigningIn;

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
  private static final String ATTRIBUTES = "; Path=/; HttpOnly; Secure; SameSite=Strict";

  static {
    Priming.register(Config.get("_HANDLER"));
  }

  private final Supplier<SigningIn> signingIn;

  public SessionHandler() {
    this(App::signingIn);
  }

  SessionHandler(Supplier<SigningIn> signingIn) {
    this.signingIn = signingIn;
  }

  @Override
  protected Map<String, Route> routes() {
    return Map.of("POST /session", r -> {
      SigningIn.Session s = signingIn.get().signIn(r.json());
      return withCookie(ApiResponses.json(200, s.profile()), COOKIE + "=" + s.idToken() + "; Max-Age="
          + s.expiresInSeconds() + ATTRIBUTES);
    }, "GET /session", r -> {
      r.actor(); // 401 without a valid token, 403 without a commune
      return ApiResponses.json(200, SigningIn.profile(r.claims()));
    }, "DELETE /session", r -> withCookie(APIGatewayV2HTTPResponse.builder().withStatusCode(204)
        .withHeaders(Map.of("cache-control", "no-store")).build(), COOKIE + "=; Max-Age=0" + ATTRIBUTES));
  }

  private static APIGatewayV2HTTPResponse withCookie(APIGatewayV2HTTPResponse response, String cookie) {
    response.setCookies(List.of(cookie));
    return response;
  }
}
