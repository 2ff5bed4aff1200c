package vn.doithoai.core.access;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.DomainException.Kind;
import vn.doithoai.core.common.FieldError;
import vn.doithoai.core.common.Input;
import vn.doithoai.core.common.Json;

/**
 * Đăng nhập: a staff member signs in with e-mail and password (and sets a new password at the first sign-in).
 * The errors a person can meet are Vietnamese and never say whether the e-mail exists.
 */
public final class SigningIn {
  /** A session: the token to keep (in an HttpOnly cookie, never in a script) and who it is. */
  public record Session(String idToken, int expiresInSeconds, Map<String, Object> profile) {}

  private final IdentityProvider provider;

  public SigningIn(IdentityProvider provider) {
    this.provider = provider;
  }

  /** {@code email}, {@code password}, optional {@code newPassword}. */
  public Session signIn(Input in) {
    String email = in.requiredText("email", 254, "email").toLowerCase(Locale.ROOT);
    if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      in.error("email", "Email không đúng định dạng, ví dụ: vanphong@xa.gov.vn.");
    }
    String password = in.requiredText("password", 256, "mật khẩu");
    String newPassword = in.text("newPassword", 256).orElse(null);
    in.check();
    IdentityProvider.Outcome outcome = provider.authenticate(email, password, newPassword);
    if (outcome instanceof IdentityProvider.Signed s) {
      return new Session(s.idToken(), s.expiresInSeconds(), profile(claimsOf(s.idToken())));
    }
    if (outcome instanceof IdentityProvider.NewPasswordRequired) {
      throw new DomainException(Kind.CONFLICT, "new_password_required",
          "Đây là lần đăng nhập đầu tiên: vui lòng đặt mật khẩu mới.");
    }
    if (outcome instanceof IdentityProvider.WeakPassword) {
      throw DomainException.invalid(List.of(new FieldError("newPassword",
          "Mật khẩu mới cần ít nhất 12 ký tự, gồm chữ hoa, chữ thường và chữ số.")));
    }
    if (outcome instanceof IdentityProvider.Throttled) {
      throw new DomainException(Kind.TOO_MANY_REQUESTS, "too_many_attempts",
          "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.");
    }
    throw new DomainException(Kind.UNAUTHENTICATED, "sign_in_failed", "Email hoặc mật khẩu không đúng.");
  }

  /**
   * Who a token's claims say is signed in, as the console shows it (the API still checks every action):
   * claims as the JWT authorizer passes them (strings, arrays as "[a b]"), Cognito's names or the local ones.
   */
  public static Map<String, Object> profile(Map<String, String> claims) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("email", claims.get("email"));
    m.put("name", claims.get("name"));
    m.put("commune", claims.getOrDefault("custom:commune", claims.get("commune")));
    List<String> roles = new ArrayList<>();
    for (String g : claims.getOrDefault("cognito:groups", claims.getOrDefault("roles", ""))
        .replaceAll("[\\[\\]\",]", " ").trim().split("\\s+")) {
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
   * verification here), shaped as the authorizer passes them.
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
}
