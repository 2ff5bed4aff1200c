package vn.doithoai.local.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local HTTP API against the fixture template, with {@link EchoHandler} and {@link FailingHandler}. */
class LocalApiGatewayTest {
  @TempDir
  static Path data;
  private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static LocalJwt jwt;
  private static LocalApiGateway api;

  @BeforeAll
  static void start() throws IOException {
    jwt = LocalJwt.forDataDir(data);
    api = new LocalApiGateway(TemplateModel.load(TemplateModelTest.fixture()), jwt, data,
        new PrintStream(LOG, true, StandardCharsets.UTF_8))
        .start(Map.of("DOITHOAI_DYNAMODB_ENDPOINT", "http://localhost:9"));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(api.uri() + pathAndQuery)).timeout(Duration.ofSeconds(20));
  }

  private static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> echo(HttpResponse<byte[]> r) throws IOException {
    assertEquals(200, r.statusCode(), text(r));
    return JSON.std.mapFrom(r.body());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  private static String bearer(List<String> roles, Duration ttl) {
    return "Bearer " + jwt.issue(new LocalJwt.Identity("u-1", "Lê Văn C", "xa-1", roles, null), ttl);
  }

  @Test
  @DisplayName("a public POST becomes a payload 2.0 event: route key, decoded path parameters, headers, query, cookies")
  void publicWebhook() throws Exception {
    String json = "{\"text\":\"Đường thôn 3 bị ngập\"}";
    HttpResponse<byte[]> r = send(request("/webhooks/x%C3%A3-1/opinions?a=1&a=2&b=hello+world&c=%26")
        .header("Content-Type", "application/json; charset=utf-8")
        .header("X-Custom-Header", "v1")
        .header("X-Repeat", "one").header("X-Repeat", "two")
        .header("Cookie", "sid=abc; lang=vi")
        .header("User-Agent", "test-agent/1")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    Map<String, Object> e = echo(r);
    assertEquals("2.0", e.get("version"));
    assertEquals("POST /webhooks/{commune}/opinions", e.get("routeKey"));
    assertEquals("/webhooks/x%C3%A3-1/opinions", e.get("rawPath"));
    assertEquals("a=1&a=2&b=hello+world&c=%26", e.get("rawQueryString"));
    assertEquals(Map.of("commune", "xã-1"), e.get("pathParameters"));
    assertEquals(Map.of("a", "1,2", "b", "hello world", "c", "&"), e.get("queryStringParameters"));
    assertEquals(List.of("sid=abc", "lang=vi"), e.get("cookies"));
    Map<String, Object> headers = map(e.get("headers"));
    for (String name : headers.keySet()) {
      assertEquals(name.toLowerCase(java.util.Locale.ROOT), name);
    }
    assertEquals("v1", headers.get("x-custom-header"));
    assertEquals("one,two", headers.get("x-repeat"));
    assertEquals("application/json; charset=utf-8", headers.get("content-type"));
    assertFalse(headers.containsKey("cookie"), "payload 2.0 carries cookies separately");
    assertEquals("127.0.0.1", headers.get("x-forwarded-for"));
    assertEquals(json, e.get("body"));
    assertEquals(false, e.get("isBase64Encoded"));

    Map<String, Object> rc = map(e.get("requestContext"));
    assertEquals("000000000000", rc.get("accountId"));
    assertEquals("local", rc.get("apiId"));
    assertEquals("localhost", rc.get("domainName"));
    assertEquals("localhost", rc.get("domainPrefix"));
    assertEquals("$default", rc.get("stage"));
    assertEquals("POST /webhooks/{commune}/opinions", rc.get("routeKey"));
    assertTrue(((String) rc.get("requestId")).matches("[0-9a-f-]{36}"));
    assertTrue(((String) rc.get("time")).matches("\\d\\d/[A-Z][a-z]{2}/\\d{4}:\\d\\d:\\d\\d:\\d\\d \\+0000"),
        (String) rc.get("time"));
    assertTrue(Math.abs(((Number) rc.get("timeEpoch")).longValue() - System.currentTimeMillis()) < 60_000);
    assertEquals(Map.of("method", "POST", "path", "/webhooks/x%C3%A3-1/opinions", "protocol", "HTTP/1.1",
        "sourceIp", "127.0.0.1", "userAgent", "test-agent/1"), rc.get("http"));
    assertFalse(rc.containsKey("authorizer"), "a public route has no authorizer context");

    assertEquals("EchoFunction", e.get("functionName"));
    int remaining = ((Number) e.get("remainingMillis")).intValue();
    assertTrue(remaining > 0 && remaining <= 5000, "the function's Timeout is 5 s: " + remaining);
    assertEquals("doithoai-fixture-test", e.get("tableNameAtInit"), "env applied before instantiation");
    assertEquals("http://localhost:9", e.get("endpointAtInit"), "caller's extra properties applied too");
    assertEquals("test-own", e.get("overridden"));

    assertEquals(List.of("seen=1; Path=/", "theme=dark"), r.headers().allValues("set-cookie"));
    assertEquals(List.of("one", "two"), r.headers().allValues("x-multi"));
    assertEquals("application/json; charset=utf-8", r.headers().firstValue("content-type").orElseThrow());
    assertTrue(r.headers().firstValue("apigw-requestid").isPresent());
  }

  @Test
  @DisplayName("bodies: form posts, no content type and invalid UTF-8 are base64; JSON and text/* are text")
  void bodies() throws Exception {
    String form = "name=Nguy%E1%BB%85n&text=ng%E1%BA%ADp";
    Map<String, Object> e = echo(send(request("/webhooks/x/opinions")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))));
    assertEquals(true, e.get("isBase64Encoded"));
    assertEquals(form, new String(Base64.getDecoder().decode((String) e.get("body")), StandardCharsets.UTF_8));

    byte[] bytes = {1, 2, 3, (byte) 0xfe};
    e = echo(send(request("/webhooks/x/opinions").POST(HttpRequest.BodyPublishers.ofByteArray(bytes))));
    assertEquals(true, e.get("isBase64Encoded"), "no content type");
    assertArrayEquals(bytes, Base64.getDecoder().decode((String) e.get("body")));

    e = echo(send(request("/webhooks/x/opinions").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))));
    assertEquals(true, e.get("isBase64Encoded"), "JSON that is not valid UTF-8");

    e = echo(send(request("/webhooks/x/opinions").header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString("Xin chào", StandardCharsets.UTF_8))));
    assertEquals("Xin chào", e.get("body"));
    assertEquals(false, e.get("isBase64Encoded"));

    e = echo(send(request("/webhooks/x/opinions").header("Content-Type", "application/vnd.api+json")
        .POST(HttpRequest.BodyPublishers.ofString("{}"))));
    assertEquals("{}", e.get("body"));

    e = echo(send(request("/webhooks/x/opinions").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.noBody())));
    assertNull(e.get("body"));
    assertEquals(false, e.get("isBase64Encoded"));
    assertNull(e.get("queryStringParameters"));
    assertEquals("", e.get("rawQueryString"));
    assertNull(e.get("cookies"));
  }

  @Test
  @DisplayName("an authorized route: 401 without or with a bad token (handler not called); claims with a good one")
  void authorized() throws Exception {
    String path = "/communes/xa-1/plans/p-42";
    int before = EchoHandler.INVOCATIONS.get();
    String expired = "Bearer " + new LocalJwt(LocalJwt.loadOrCreateKey(data),
        Clock.fixed(Instant.now().minus(Duration.ofHours(3)), ZoneOffset.UTC))
        .issue(new LocalJwt.Identity("u", null, "xa-1", List.of("office"), null), Duration.ofHours(1));
    String otherKey = "Bearer " + new LocalJwt(new byte[32], Clock.systemUTC())
        .issue(new LocalJwt.Identity("u", null, "xa-1", List.of("admin"), null), Duration.ofHours(1));
    String good = bearer(List.of("office", "host"), Duration.ofHours(1));
    for (String authorization : new String[] {null, "Bearer", "Bearer not.a.jwt", expired, otherKey,
        "Basic dXNlcjpwYXNz", good.substring("Bearer ".length())}) {
      HttpRequest.Builder b = request(path).GET();
      if (authorization != null) {
        b.header("Authorization", authorization);
      }
      HttpResponse<byte[]> r = send(b);
      assertEquals(401, r.statusCode(), String.valueOf(authorization));
      assertEquals("{\"message\":\"Unauthorized\"}", text(r));
    }
    assertEquals(before, EchoHandler.INVOCATIONS.get(), "the function is not invoked");

    Map<String, Object> e = echo(send(request(path).header("Authorization", good).GET()));
    assertEquals("GET /communes/{commune}/plans/{planId}", e.get("routeKey"));
    assertEquals(Map.of("commune", "xa-1", "planId", "p-42"), e.get("pathParameters"));
    Map<String, Object> jwtContext = map(map(map(e.get("requestContext")).get("authorizer")).get("jwt"));
    Map<String, Object> claims = map(jwtContext.get("claims"));
    assertEquals("u-1", claims.get("sub"));
    assertEquals("Lê Văn C", claims.get("name"));
    assertEquals("xa-1", claims.get("commune"));
    assertEquals("[office host]", claims.get("roles"));
    assertTrue(((String) claims.get("exp")).matches("\\d+"));
    assertNull(jwtContext.get("scopes"));
    assertTrue(map(e.get("headers")).containsKey("authorization"), "API Gateway passes the header on");
    int instances = EchoHandler.INSTANCES.get();
    echo(send(request(path).header("Authorization", good).GET()));
    assertEquals(instances, EchoHandler.INSTANCES.get(), "one handler instance per function");

    Map<String, Object> lower = echo(send(request(path).header("Authorization", "bearer "
        + good.substring(7)).GET()));
    assertEquals("GET /communes/{commune}/plans/{planId}", lower.get("routeKey"));
  }

  @Test
  @DisplayName("routing: literal beats variable beats greedy; ANY; 404 for unknown paths and methods")
  void routing() throws Exception {
    Map<String, Object> e = echo(send(request("/communes/xa-1/plans/current").GET()));
    assertEquals("GET /communes/{commune}/plans/current", e.get("routeKey"), "public literal route, no token");

    e = echo(send(request("/files/a/b%20c.txt?x").PUT(HttpRequest.BodyPublishers.ofString("x"))));
    assertEquals("ANY /files/{proxy+}", e.get("routeKey"));
    assertEquals(Map.of("proxy", "a/b c.txt"), e.get("pathParameters"));
    assertEquals(Map.of("x", ""), e.get("queryStringParameters"));

    assertEquals("GET /health", echo(send(request("/health").GET())).get("routeKey"),
        "implicit API without a default authorizer: public");

    // "/" is the staff console's first page (a file of the console module); POST to it is no route
    HttpResponse<byte[]> console = send(request("/").GET());
    assertEquals(200, console.statusCode());
    assertEquals("text/html; charset=utf-8", console.headers().firstValue("content-type").orElseThrow());
    for (HttpRequest.Builder b : List.of(request("/nowhere").GET(), request("/").POST(HttpRequest.BodyPublishers
        .ofString("{}")), request("/api/").GET(), request("/api/nowhere").GET(),
        request("/webhooks/x/opinions").GET(), request("/files").GET(), request("/files/").GET(),
        request("/communes/xa-1/plans").GET(), request("/boom/extra").GET(),
        request("/webhooks//opinions").POST(HttpRequest.BodyPublishers.ofString("{}")))) {
      HttpResponse<byte[]> r = send(b);
      assertEquals(404, r.statusCode(), r.uri().toString());
      assertEquals("{\"message\":\"Not Found\"}", text(r));
      assertEquals("application/json", r.headers().firstValue("content-type").orElseThrow());
    }
  }

  @Test
  @DisplayName("a throwing handler: 500 Internal Server Error, the stack trace on the log, never to the client")
  void failingHandler() throws Exception {
    HttpResponse<byte[]> r = send(request("/boom").GET());
    assertEquals(500, r.statusCode());
    assertEquals("{\"message\":\"Internal Server Error\"}", text(r));
    String log = logOnceWritten("GET /boom 500 ");
    assertTrue(log.contains("secret internal detail"), log);
    assertTrue(log.contains("at vn.doithoai.local.runtime.FailingHandler.handleRequest"), log);
    assertTrue(log.contains("GET /boom 500 "), log);
  }

  @Test
  @DisplayName("responses: base64 bodies decoded; one log line per request without bodies or tokens")
  void responsesAndLog() throws Exception {
    HttpResponse<byte[]> r = send(request("/files/x?binary=1").GET());
    assertEquals(201, r.statusCode());
    assertArrayEquals(new byte[] {0, 1, 2, (byte) 0xff}, r.body());
    String token = bearer(List.of("front"), Duration.ofMinutes(5));
    echo(send(request("/communes/a/plans/b").header("Authorization", token)
        .header("Content-Type", "text/plain").method("GET", HttpRequest.BodyPublishers.ofString("PRIVATE-BODY"))));
    String log = logOnceWritten("GET /communes/a/plans/b 200 ");
    assertTrue(log.matches("(?s).*GET /communes/a/plans/b 200 \\d+ ms\n.*"), log);
    assertFalse(log.contains("PRIVATE-BODY"));
    assertFalse(log.contains(token.substring(7)));
    assertFalse(log.contains("binary=1"), "query strings are not logged");
  }

  @Test
  @DisplayName("a body over 10 MiB: 413, the function not invoked")
  void tooLarge() throws Exception {
    int before = EchoHandler.INVOCATIONS.get();
    HttpResponse<byte[]> r = send(request("/webhooks/x/opinions").header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[LocalApiGateway.MAX_BODY_BYTES + 1])));
    assertEquals(413, r.statusCode());
    assertEquals("{\"message\":\"Request Entity Too Large\"}", text(r));
    assertEquals(before, EchoHandler.INVOCATIONS.get());
    assertEquals(201, send(request("/files/x?binary=1").header("Content-Type", "application/octet-stream")
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[LocalApiGateway.MAX_BODY_BYTES]))).statusCode(),
        "exactly 10 MiB is accepted");
  }

  @Test
  @DisplayName("the outbox: an index newest first with escaped names, each .eml as message/rfc822, no traversal")
  void outbox() throws Exception {
    Path outbox = Files.createDirectories(data.resolve("outbox"));
    Path old = Files.writeString(outbox.resolve("2025-11-01-old.eml"), "Subject: cũ\r\n\r\nold\r\n");
    Path odd = Files.writeString(outbox.resolve("b&<b>\"x\" thư.eml"), "Subject: mới\r\n\r\nnew\r\n");
    Files.writeString(outbox.resolve("notes.txt"), "not mail");
    Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2025-11-01T00:00:00Z")));
    Files.setLastModifiedTime(odd, FileTime.from(Instant.parse("2025-11-02T00:00:00Z")));

    HttpResponse<byte[]> index = send(request("/_local/outbox").GET());
    assertEquals(200, index.statusCode());
    assertTrue(index.headers().firstValue("content-type").orElseThrow().startsWith("text/html"));
    String html = text(index);
    assertTrue(html.contains("b&amp;&lt;b&gt;&quot;x&quot; thư.eml"), html);
    assertFalse(html.contains("<b>"));
    assertFalse(html.contains("notes.txt"));
    assertTrue(html.indexOf("thư.eml") < html.indexOf("2025-11-01-old.eml"), "newest first");
    String href = "/_local/outbox/b%26%3Cb%3E%22x%22%20th%C6%B0.eml";
    assertTrue(html.contains("href=\"" + href + "\""), html);
    assertEquals("Subject: mới\r\n\r\nnew\r\n", text(send(request(href).GET())));

    HttpResponse<byte[]> mail = send(request("/_local/outbox/2025-11-01-old.eml").GET());
    assertEquals(200, mail.statusCode());
    assertEquals("message/rfc822", mail.headers().firstValue("content-type").orElseThrow());
    assertEquals("Subject: cũ\r\n\r\nold\r\n", text(mail));

    Files.writeString(data.resolve("secret.eml"), "outside");
    for (String evil : List.of("/_local/outbox/..%2Fsecret.eml", "/_local/outbox/../secret.eml",
        "/_local/outbox/%2e%2e%2fsecret.eml", "/_local/outbox/..%5Csecret.eml", "/_local/outbox/..",
        "/_local/outbox/sub/secret.eml", "/_local/outbox/local-jwt.key")) {
      HttpResponse<byte[]> r = send(request(evil).GET());
      assertEquals(403, r.statusCode(), evil);
      assertFalse(text(r).contains("outside"));
    }
    assertEquals(404, send(request("/_local/outbox/missing.eml").GET()).statusCode());
    assertEquals(404, send(request("/_local/outbox").POST(HttpRequest.BodyPublishers.noBody())).statusCode());
  }

  /**
   * The log once it holds {@code line}: the request line is written after the response has gone out, and with
   * {@code nodelay} the client can read the response first (a busy machine is slow to log); waits up to 5 s.
   */
  private static String logOnceWritten(String line) throws InterruptedException {
    long until = System.nanoTime() + 5_000_000_000L;
    while (!LOG.toString(StandardCharsets.UTF_8).contains(line) && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    return LOG.toString(StandardCharsets.UTF_8);
  }
}
