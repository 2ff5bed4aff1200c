package vn.doithoai.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.junit.jupiter.api.io.TempDir;
import vn.doithoai.core.common.Json;
import vn.doithoai.local.runtime.ConsoleFiles;

/** The console served by the local runtime on the API's origin: files, headers, /api, the session cookie. */
class ConsoleServingTest {
  @TempDir
  static Path data;
  static LocalApi api;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    api = new LocalApi(data);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  static HttpResponse<String> send(String method, String path, Map<String, String> headers, String body)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.running.api().uri() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("/ is the my-work page, with the strict CSP, nosniff and an ETag that revalidates to 304")
  void rootServesTheConsoleWithItsHeaders() throws Exception {
    HttpResponse<String> r = send("GET", "/", Map.of(), null);
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("<html lang=\"vi\">") && r.body().contains("Việc của tôi"), r.body());
    assertEquals("text/html; charset=utf-8", r.headers().firstValue("content-type").orElseThrow());
    assertEquals(ConsoleFiles.CONTENT_SECURITY_POLICY, r.headers().firstValue("content-security-policy").orElseThrow());
    assertTrue(ConsoleFiles.CONTENT_SECURITY_POLICY.contains("require-trusted-types-for 'script'"));
    assertEquals("nosniff", r.headers().firstValue("x-content-type-options").orElseThrow());
    String etag = r.headers().firstValue("etag").orElseThrow();
    assertEquals(304, send("GET", "/", Map.of("If-None-Match", etag), null).statusCode());
    HttpResponse<String> js = send("GET", "/assets/js/dom.js", Map.of(), null);
    assertEquals("text/javascript; charset=utf-8", js.headers().firstValue("content-type").orElseThrow());
  }

  @Test
  @DisplayName("no inline script or style in any page: everything comes from /assets/")
  void pagesHaveNoInlineScript() throws Exception {
    for (String page : List.of("/", "/dang-nhap.html", "/y-kien.html", "/y-kien/chi-tiet.html")) {
      String html = send("GET", page, Map.of(), null).body();
      assertTrue(html.contains("<script type=\"module\" src=\"/assets/js/"), page);
      assertTrue(!html.matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*") && !html.contains(" style=")
          && !html.contains("<style") && !html.matches("(?s).*\\son[a-z]+=.*"), page);
    }
  }

  @Test
  @DisplayName("paths outside the console and API routes are never files: traversal, unknown, /api/ prefix")
  void onlyConsoleFiles() throws Exception {
    assertEquals(404, send("GET", "/../pom.xml", Map.of(), null).statusCode());
    assertEquals(404, send("GET", "/assets/%2e%2e/%2e%2e/vn/doithoai/local/Main.class", Map.of(), null).statusCode());
    assertEquals(404, send("GET", "/khong-co.html", Map.of(), null).statusCode());
    assertEquals(404, send("GET", "/api/index.html", Map.of(), null).statusCode());
    // an API route is never shadowed by a file, with or without the prefix
    assertEquals(401, send("GET", "/opinions", Map.of(), null).statusCode());
    assertEquals(401, send("GET", "/api/opinions", Map.of(), null).statusCode());
  }

  @Test
  @DisplayName("the session cookie is the bearer; a change through it needs x-dt-csrf: 1")
  void cookieAuthenticationAndCsrf() throws Exception {
    String token = api.token("demo", "office", null);
    Map<String, String> cookie = Map.of("Cookie", "dt_session=" + token);
    HttpResponse<String> list = send("GET", "/api/opinions?plan=*&limit=5", cookie, null);
    assertEquals(200, list.statusCode(), list.body());
    assertTrue(Json.readObject(list.body()).containsKey("total"));
    String entry = Json.write(Map.of("content", "Đề nghị lắp đèn đường thôn Nà Pàn.", "raisers",
        List.of(Map.of("name", "Hoàng Văn Dũng", "phone", "0912345678"))));
    HttpResponse<String> forged = send("POST", "/api/opinions", Map.of("Cookie", "dt_session=" + token,
        "content-type", "application/json"), entry);
    assertEquals(403, forged.statusCode(), "a cross-site form cannot set the header");
    HttpResponse<String> made = send("POST", "/api/opinions", Map.of("Cookie", "dt_session=" + token,
        "content-type", "application/json", "x-dt-csrf", "1"), entry);
    assertEquals(201, made.statusCode(), made.body());
    // scripts: a bearer header needs no CSRF header, and a bad cookie is 401
    assertEquals(201, api.call("POST", "/opinions", token, Json.readObject(entry)).status());
    assertEquals(401, send("GET", "/api/opinions", Map.of("Cookie", "dt_session=x.y.z"), null).statusCode());
  }

  @Test
  @DisplayName("GET /api/session (the session function) says who the cookie is; DELETE needs x-dt-csrf and clears it; without a cookie 401")
  void sessionRoute() throws Exception {
    String token = api.token("demo", "agency", "phong-kinh-te");
    HttpResponse<String> who = send("GET", "/api/session", Map.of("Cookie", "dt_session=" + token), null);
    assertEquals(200, who.statusCode(), who.body());
    Map<String, Object> j = Json.readObject(who.body());
    assertEquals(List.of("agency"), j.get("roles"));
    assertEquals("phong-kinh-te", j.get("agency"));
    assertEquals(401, send("GET", "/api/session", Map.of(), null).statusCode());
    assertEquals(403, send("DELETE", "/api/session", Map.of("Cookie", "dt_session=" + token), null).statusCode());
    HttpResponse<String> out = send("DELETE", "/api/session", Map.of("Cookie", "dt_session=" + token,
        "x-dt-csrf", "1"), null);
    assertEquals(204, out.statusCode());
    assertTrue(out.headers().firstValue("set-cookie").orElseThrow().contains("Max-Age=0"));
    assertNull(j.get("missing"));
  }
}
