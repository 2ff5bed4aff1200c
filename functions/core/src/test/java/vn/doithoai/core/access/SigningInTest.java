package vn.doithoai.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.Input;

class SigningInTest {
  private static String token(String claimsJson) {
    Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
    return b.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8)) + ".sig";
  }

  private static Input in(Map<String, Object> m) {
    return new Input(m);
  }

  @Test
  @DisplayName("a signed-in agency officer: the pool's claims become the console's profile, the e-mail lower-cased")
  void signed() {
    String[] asked = new String[1];
    SigningIn s = new SigningIn((email, password, newPassword) -> {
      asked[0] = email;
      return new IdentityProvider.Signed(token("{\"sub\":\"u1\",\"email\":\"kinhte@xa.vn\",\"name\":\"Lương Văn Kiên\","
          + "\"custom:commune\":\"xa\",\"cognito:groups\":[\"agency\"],\"custom:agency\":\"phong-kinh-te\","
          + "\"exp\":1767225600}"), 28800);
    });
    SigningIn.Session session = s.signIn(in(Map.of("email", "KinhTe@Xa.vn", "password", "Mat-Khau-2025")));
    assertEquals("kinhte@xa.vn", asked[0]);
    assertEquals(28800, session.expiresInSeconds());
    assertEquals(Map.of("email", "kinhte@xa.vn", "name", "Lương Văn Kiên", "commune", "xa", "roles",
        List.of("agency"), "agency", "phong-kinh-te", "expiresAt", "2026-01-01T00:00:00Z"),
        new java.util.HashMap<>(session.profile()));
  }

  @Test
  @DisplayName("each refusal is a Vietnamese error with its status kind and code; the pool is never asked on bad input")
  void refusals() {
    Map<IdentityProvider.Outcome, String> expected = Map.of(new IdentityProvider.Refused(), "sign_in_failed",
        new IdentityProvider.NewPasswordRequired(), "new_password_required",
        new IdentityProvider.WeakPassword(), "validation_failed", new IdentityProvider.Throttled(), "too_many_attempts");
    expected.forEach((outcome, code) -> {
      DomainException e = assertThrows(DomainException.class, () -> new SigningIn((a, b, c) -> outcome)
          .signIn(in(Map.of("email", "a@b.vn", "password", "x"))));
      assertEquals(code, e.code());
    });
    DomainException bad = assertThrows(DomainException.class, () -> new SigningIn((a, b, c) -> {
      throw new AssertionError("asked the pool");
    }).signIn(in(Map.of("email", "không-phải-email"))));
    assertEquals(List.of("email", "password"), bad.fieldErrors().stream().map(f -> f.field()).toList());
  }
}
