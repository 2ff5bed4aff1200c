package vn.doithoai.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.doithoai.core.common.Json;
import vn.doithoai.local.runtime.LocalCognito;

/**
 * Signing in as staff do, over HTTP against {@code serve}: the session function calls the (local) Cognito user
 * pool with the demo accounts, the ID token comes back only in an HttpOnly cookie, and that token opens the
 * API with the account's commune, roles and agency.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInEndToEndTest {
  @TempDir
  static Path data;
  private LocalApi api;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start() {
    api = new LocalApi(data);
  }

  @AfterAll
  void stop() {
    api.close();
  }

  private HttpResponse<String> send(String method, String path, String body, String bearer) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.running.api().uri().toString().replaceAll("/$", "")
        + path)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      b.header("content-type", "application/json");
    }
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String cookieValue(HttpResponse<String> r) {
    String c = r.headers().firstValue("set-cookie").orElseThrow();
    return c.substring(c.indexOf('=') + 1, c.indexOf(';'));
  }

  @Test
  @DisplayName("each demo account signs in; its cookie is HttpOnly, Secure, SameSite=Strict and opens the API as that role")
  void demoAccountsSignIn() throws Exception {
    for (LocalCognito.DemoUser u : LocalCognito.DEMO_USERS) {
      HttpResponse<String> r = send("POST", "/session", Json.write(Map.of("email", u.email().toUpperCase(),
          "password", u.password())), null);
      assertEquals(200, r.statusCode(), r.body());
      String cookie = r.headers().firstValue("set-cookie").orElseThrow();
      assertTrue(cookie.startsWith("dt_session=ey"), cookie);
      for (String attribute : List.of("HttpOnly", "Secure", "SameSite=Strict", "Path=/")) {
        assertTrue(cookie.contains(attribute), cookie);
      }
      Map<String, Object> who = Json.readObject(r.body());
      assertEquals(u.email(), who.get("email"));
      assertEquals("demo", who.get("commune"));
      assertEquals(List.of(u.role()), who.get("roles"));
      assertEquals(u.agency(), who.get("agency"));
      assertEquals(u.name(), who.get("name"));
      assertTrue(!r.body().contains("ey"), "the token is never in the body a script can read");

      HttpResponse<String> me = send("GET", "/session", null, cookieValue(r));
      assertEquals(200, me.statusCode(), me.body());
      assertEquals(u.email(), Json.readObject(me.body()).get("email"));
    }
  }

  @Test
  @DisplayName("the office's session token lists the commune's plans; the agency's cannot create one (403)")
  void tokenCarriesRoles() throws Exception {
    String office = cookieValue(send("POST", "/session", Json.write(Map.of("email", "vanphong@demo.example.vn",
        "password", "Demo-VanPhong-2025")), null));
    assertEquals(200, send("GET", "/plans?year=2026", null, office).statusCode());
    String agency = cookieValue(send("POST", "/session", Json.write(Map.of("email", "kinhte@demo.example.vn",
        "password", "Demo-KinhTe-2025")), null));
    HttpResponse<String> refused = send("POST", "/plans", "{\"title\":\"x\"}", agency);
    assertEquals(403, refused.statusCode(), refused.body());
  }

  @Test
  @DisplayName("a wrong password or an unknown e-mail is the same 401 in Vietnamese, with no cookie")
  void wrongPassword() throws Exception {
    for (String body : List.of("{\"email\":\"vanphong@demo.example.vn\",\"password\":\"Sai-MatKhau-2025\"}",
        "{\"email\":\"khong-co@demo.example.vn\",\"password\":\"Demo-VanPhong-2025\"}")) {
      HttpResponse<String> r = send("POST", "/session", body, null);
      assertEquals(401, r.statusCode(), r.body());
      assertTrue(r.body().contains("\"sign_in_failed\"") && r.body().contains("Email hoặc mật khẩu không đúng."),
          r.body());
      assertTrue(r.headers().firstValue("set-cookie").isEmpty());
    }
  }

  @Test
  @DisplayName("missing fields answer 400 with a Vietnamese message per field; sign-out clears the cookie")
  void validationAndSignOut() throws Exception {
    HttpResponse<String> r = send("POST", "/session", "{}", null);
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(r.body().contains("Vui lòng nhập email.") && r.body().contains("Vui lòng nhập mật khẩu."), r.body());
    HttpResponse<String> out = send("DELETE", "/session", null, null);
    assertEquals(204, out.statusCode());
    assertTrue(out.headers().firstValue("set-cookie").orElseThrow().matches("dt_session=; .*Max-Age=0.*"));
    assertEquals(401, send("GET", "/session", null, null).statusCode());
  }
}
