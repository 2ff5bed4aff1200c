package vn.doithoai.local.runtime;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local HTTP API: routes read from the template, requests turned into API Gateway HTTP API payload 2.0
 * events ({@link APIGatewayV2HTTPEvent}), the JWT authorizer emulated by {@link LocalJwt}, handlers
 * instantiated in this JVM (one instance per function, one request at a time per instance, as a Lambda
 * execution environment runs them). API Gateway's own answers keep their wire form: 404
 * {@code {"message":"Not Found"}}, 401 {@code {"message":"Unauthorized"}}, 413, 500
 * {@code {"message":"Internal Server Error"}}. Also serves the mail outbox under {@code /_local/outbox}.
 */
public final class LocalApiGateway implements AutoCloseable {
  public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
  static final String OUTBOX_PATH = "/_local/outbox";
  /** The console reaches the API under this prefix (same origin); scripts call the routes without it. */
  static final String API_PREFIX = "/api";
  /** The console's session: a cookie holding the same JWT scripts send as a bearer token. */
  public static final String SESSION_COOKIE = "dt_session";
  /** Sent by the console with every state-changing call; a cookie-authenticated change without it is refused. */
  public static final String CSRF_HEADER = "x-dt-csrf";
  private static final long MAX_DRAIN_BYTES = 64L * 1024 * 1024;
  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final Object PROPERTIES_LOCK = new Object();

  /** The answer of a local endpoint: a status and a body written as JSON. */
  public record LocalReply(int status, Object body) {}

  /** An endpoint of the local runtime itself under {@code /_local/}: method and body in, a reply out. */
  @FunctionalInterface
  public interface LocalRoute {
    LocalReply handle(String method, byte[] body);
  }

  private final LocalJwt jwt;
  private final Path dataDir;
  private final PrintStream log;
  private final LocalFunctions functions;
  private final List<CompiledRoute> routes = new ArrayList<>();
  private final Map<String, LocalRoute> localRoutes = new java.util.concurrent.ConcurrentHashMap<>();
  private final ConsoleFiles console = new ConsoleFiles();
  private volatile java.time.Clock clock = java.time.Clock.systemUTC();
  private HttpServer server;
  private ExecutorService executor;

  /**
   * @param dataDir the local data directory ({@code outbox/} is served from it)
   * @param log where request lines, handler logs and stack traces go (stderr in {@code serve})
   */
  public LocalApiGateway(TemplateModel model, LocalJwt jwt, Path dataDir, PrintStream log) {
    this(model, new LocalFunctions(model, log), jwt, dataDir, log);
  }

  /** With the function instances shared with the rest of the local runtime (scheduler, bus, relay). */
  public LocalApiGateway(TemplateModel model, LocalFunctions functions, LocalJwt jwt, Path dataDir, PrintStream log) {
    this.jwt = jwt;
    this.dataDir = dataDir.toAbsolutePath();
    this.log = log;
    this.functions = functions;
    Map<String, CompiledRoute> byKey = new LinkedHashMap<>();
    for (TemplateModel.Function fn : model.functions()) {
      for (TemplateModel.HttpRoute r : fn.httpRoutes()) {
        CompiledRoute previous = byKey.put(r.routeKey(), new CompiledRoute(r));
        if (previous != null) {
          log.println("warning: route " + r.routeKey() + " is declared by " + previous.route.functionId()
              + " and " + r.functionId() + "; using " + r.functionId());
        }
      }
    }
    routes.addAll(byKey.values());
  }

  /**
   * Binds to the loopback address on {@code port} (0: any free port) without serving yet, so that the
   * port is known (and known to be free) before the rest of the runtime starts.
   */
  public synchronized LocalApiGateway bind(int port) throws IOException {
    if (server != null) {
      throw new IllegalStateException("already bound");
    }
    server = AwsHttp.server(port);
    return this;
  }

  /**
   * Starts serving (binding any free port first if {@link #bind} was not called).
   *
   * @param extraProperties system properties set, after the function's environment, before each handler
   *     is instantiated, e.g. {@code DOITHOAI_DYNAMODB_ENDPOINT}
   */
  public synchronized LocalApiGateway start(Map<String, String> extraProperties) throws IOException {
    if (executor != null) {
      throw new IllegalStateException("already started");
    }
    if (server == null) {
      bind(0);
    }
    functions.properties(extraProperties);
    for (CompiledRoute r : routes) {
      String id = r.route.functionId();
      if (!functions.handlerPresent(id) && routes.stream().filter(x -> x.route.functionId().equals(id)).findFirst()
          .orElseThrow() == r) {
        log.println("warning: handler class " + functions.function(id).handlerClass() + " of " + id
            + " is not on the classpath; its routes will answer 500");
      }
    }
    AtomicInteger n = new AtomicInteger();
    executor = Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "local-api-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    return this;
  }

  /**
   * Serves {@code path} (under {@code /_local/}) with {@code route}: the local runtime's own endpoints, e.g.
   * {@code /_local/clock}.
   */
  public void localRoute(String path, LocalRoute route) {
    if (!path.startsWith("/_local/")) {
      throw new IllegalArgumentException("local routes live under /_local/: " + path);
    }
    localRoutes.put(path, route);
  }

  /** The clock of request times ({@code requestContext.time}); the system clock unless set. */
  public void clock(java.time.Clock clock) {
    this.clock = clock;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public URI uri() {
    return URI.create("http://localhost:" + port());
  }

  /** The routes served, in the order they are tried (most specific first). */
  public List<TemplateModel.HttpRoute> routes() {
    return sortedRoutes().stream().map(c -> c.route).toList();
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      try {
        server.stop(0);
      } catch (RuntimeException e) { // a server bound but never started
        log.println("local API did not stop cleanly: " + e);
      }
      server = null;
    }
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  // ------------------------------------------------------------------------------------------- requests

  private void handle(HttpExchange exchange) {
    long start = System.nanoTime();
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    String rawPath = exchange.getRequestURI().getRawPath();
    String requestId = UUID.randomUUID().toString();
    int status = 500;
    try {
      exchange.getResponseHeaders().set("Apigw-Requestid", requestId);
      status = dispatch(exchange, method, rawPath == null || rawPath.isEmpty() ? "/" : rawPath, requestId);
    } catch (IOException | RuntimeException e) {
      log.println("local API error on " + method + " " + rawPath + ": " + e);
      try {
        status = message(exchange, 500, "Internal Server Error");
      } catch (IOException | RuntimeException ignored) {
        // the response was already started or the client went away
      }
    } finally {
      exchange.close();
      log.printf("%s %s %d %d ms%n", method, rawPath, status, (System.nanoTime() - start) / 1_000_000);
    }
  }

  private int dispatch(HttpExchange exchange, String method, String rawPath, String requestId)
      throws IOException {
    if (rawPath.equals(OUTBOX_PATH) || rawPath.equals(OUTBOX_PATH + "/")
        || rawPath.startsWith(OUTBOX_PATH + "/")) {
      return outbox(exchange, method, rawPath);
    }
    LocalRoute local = localRoutes.get(rawPath);
    if (local != null) {
      byte[] body = readBody(exchange);
      LocalReply reply = local.handle(method, body == null ? new byte[0] : body);
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      return send(exchange, reply.status(), vn.doithoai.core.common.Json.write(reply.body())
          .getBytes(StandardCharsets.UTF_8));
    }
    boolean viaPrefix = rawPath.startsWith(API_PREFIX + "/");
    String apiPath = viaPrefix ? rawPath.substring(API_PREFIX.length()) : rawPath;
    Match match = match(method, apiPath);
    if (match == null && !viaPrefix && (method.equals("GET") || method.equals("HEAD"))) {
      java.util.Optional<ConsoleFiles.File> file = console.find(percentDecode(rawPath));
      if (file.isPresent()) {
        return consoleFile(exchange, file.get());
      }
    }
    if (match == null) {
      return message(exchange, 404, "Not Found");
    }
    rawPath = apiPath;
    Map<String, String> claims = null;
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    // as the CloudFront function does in AWS: with the session cookie (and no Authorization), a change needs the
    // console's header, which a cross-site form or image cannot send, and the cookie becomes the bearer
    String session = authorization == null ? sessionCookie(exchange) : null;
    boolean safe = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    if (session != null && !safe && !"1".equals(exchange.getRequestHeaders().getFirst(CSRF_HEADER))) {
      return message(exchange, 403, "Forbidden");
    }
    if (match.route.authRequired()) {
      if (session != null) {
        authorization = "Bearer " + session;
      }
      claims = authorize(authorization);
      if (claims == null) {
        return message(exchange, 401, "Unauthorized");
      }
    }
    byte[] body = readBody(exchange);
    if (body == null) {
      return message(exchange, 413, "Request Entity Too Large");
    }
    APIGatewayV2HTTPEvent event = event(exchange, method, rawPath, match, claims, body, requestId, clock.instant());
    if (authorization != null && event.getHeaders() != null) {
      event.getHeaders().putIfAbsent("authorization", authorization);
    }
    String functionId = match.route.functionId();
    Object result;
    try {
      result = functions.invoke(functionId, event);
    } catch (Throwable t) { // anything the handler throws, as Lambda reports a function error
      synchronized (log) {
        log.println("handler " + functionId + " (" + functions.function(functionId).handler() + ") failed on "
            + match.route.routeKey() + ":");
        t.printStackTrace(log);
      }
      return message(exchange, 500, "Internal Server Error");
    }
    if (!(result instanceof APIGatewayV2HTTPResponse response) || response.getStatusCode() < 100
        || response.getStatusCode() > 599) {
      log.println("handler " + functionId + " returned " + (result == null ? "null"
          : result instanceof APIGatewayV2HTTPResponse r ? "status " + r.getStatusCode()
          : "a " + result.getClass().getName() + ", not an APIGatewayV2HTTPResponse") + "; answering 500");
      return message(exchange, 500, "Internal Server Error");
    }
    return write(exchange, response);
  }

  /** The value of the session cookie, else null. */
  private static String sessionCookie(HttpExchange exchange) {
    List<String> lines = exchange.getRequestHeaders().get("Cookie");
    if (lines == null) {
      return null;
    }
    for (String line : lines) {
      for (String c : line.split(";")) {
        String kv = c.strip();
        if (kv.startsWith(SESSION_COOKIE + "=") && kv.length() > SESSION_COOKIE.length() + 1) {
          return kv.substring(SESSION_COOKIE.length() + 1);
        }
      }
    }
    return null;
  }

  /** A file of the console, revalidated by its ETag, gzipped when the browser accepts it. */
  private static int consoleFile(HttpExchange exchange, ConsoleFiles.File file) throws IOException {
    Headers out = exchange.getResponseHeaders();
    ConsoleFiles.SECURITY_HEADERS.forEach(out::set);
    out.set("Content-Type", file.contentType());
    out.set("ETag", file.etag());
    out.set("Cache-Control", "no-cache");
    out.set("Vary", "Accept-Encoding");
    if (file.etag().equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
      return send(exchange, 304, new byte[0]);
    }
    String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
    if (file.gzipped() != null && accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip")) {
      out.set("Content-Encoding", "gzip");
      return send(exchange, 200, file.gzipped());
    }
    return send(exchange, 200, file.bytes());
  }

  /** The claims of a valid {@code Authorization: Bearer <jwt>}, else null. */
  private Map<String, String> authorize(String authorization) {
    if (authorization == null) {
      return null;
    }
    String a = authorization.strip();
    if (a.length() < 7 || !a.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    try {
      return jwt.verify(a.substring(7).strip());
    } catch (LocalJwt.InvalidTokenException e) {
      return null;
    }
  }

  /** The body, at most {@link #MAX_BODY_BYTES}; null when larger (the rest is drained, up to a bound). */
  private static byte[] readBody(HttpExchange exchange) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    long length = -1;
    try {
      length = declared == null ? -1 : Long.parseLong(declared.strip());
    } catch (NumberFormatException e) {
      // chunked or malformed: count what arrives
    }
    if (length > MAX_DRAIN_BYTES) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(length > 0 && length <= MAX_BODY_BYTES
        ? (int) length : 8192);
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (InputStream in = exchange.getRequestBody()) {
      int r;
      while ((r = in.read(buffer)) != -1) {
        total += r;
        if (total <= MAX_BODY_BYTES) {
          out.write(buffer, 0, r);
        } else if (total > MAX_DRAIN_BYTES) {
          break;
        }
      }
    }
    return total > MAX_BODY_BYTES ? null : out.toByteArray();
  }

  /** The payload 2.0 event API Gateway would send for this request. */
  private static APIGatewayV2HTTPEvent event(HttpExchange exchange, String method, String rawPath, Match match,
      Map<String, String> claims, byte[] body, String requestId, Instant now) {
    Map<String, String> headers = new LinkedHashMap<>();
    List<String> cookies = new ArrayList<>();
    for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      if (name.equals("cookie")) { // payload 2.0 moves cookies out of the headers
        for (String line : h.getValue()) {
          for (String c : line.split(";")) {
            if (!c.isBlank()) {
              cookies.add(c.strip());
            }
          }
        }
      } else {
        headers.merge(name, String.join(",", h.getValue()), (a, b) -> a + "," + b);
      }
    }
    String sourceIp = exchange.getRemoteAddress().getAddress().getHostAddress();
    headers.putIfAbsent("x-forwarded-for", sourceIp);
    headers.putIfAbsent("x-forwarded-port", Integer.toString(exchange.getLocalAddress().getPort()));
    headers.putIfAbsent("x-forwarded-proto", "http");

    String rawQuery = exchange.getRequestURI().getRawQuery();
    Map<String, String> query = new LinkedHashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String k = formDecode(eq < 0 ? pair : pair.substring(0, eq));
        String v = eq < 0 ? "" : formDecode(pair.substring(eq + 1));
        query.merge(k, v, (a, b) -> a + "," + b);
      }
    }

    APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = claims == null ? null
        : APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
            .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                .withClaims(claims).withScopes(null).build())
            .build();
    APIGatewayV2HTTPEvent.RequestContext context = APIGatewayV2HTTPEvent.RequestContext.builder()
        .withAccountId(TemplateModel.ACCOUNT_ID)
        .withApiId("local")
        .withDomainName("localhost")
        .withDomainPrefix("localhost")
        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
            .withMethod(method)
            .withPath(rawPath)
            .withProtocol("HTTP/1.1")
            .withSourceIp(sourceIp)
            .withUserAgent(headers.get("user-agent"))
            .build())
        .withRequestId(requestId)
        .withRouteKey(match.route.routeKey())
        .withStage("$default")
        .withTime(REQUEST_TIME.format(now))
        .withTimeEpoch(now.toEpochMilli())
        .withAuthorizer(authorizer)
        .build();

    String text = body.length == 0 ? null : textBody(headers.get("content-type"), body);
    boolean base64 = body.length > 0 && text == null;
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey(match.route.routeKey())
        .withRawPath(rawPath)
        .withRawQueryString(rawQuery == null ? "" : rawQuery)
        .withCookies(cookies.isEmpty() ? null : cookies)
        .withHeaders(headers)
        .withQueryStringParameters(query.isEmpty() ? null : query)
        .withPathParameters(match.pathParameters.isEmpty() ? null : match.pathParameters)
        .withRequestContext(context)
        .withBody(body.length == 0 ? null : base64 ? Base64.getEncoder().encodeToString(body) : text)
        .withIsBase64Encoded(base64)
        .build();
  }

  /**
   * The body as text when its content type is textual ({@code text/*}, {@code application/json},
   * {@code application/*+json}, {@code application/xml}, {@code application/javascript}) and its bytes
   * are valid UTF-8; otherwise null, and the event carries it base64-encoded (form posts included).
   */
  static String textBody(String contentType, byte[] body) {
    if (contentType == null) {
      return null;
    }
    String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    boolean textual = type.startsWith("text/") || type.equals("application/json")
        || type.startsWith("application/") && type.endsWith("+json") || type.equals("application/xml")
        || type.equals("application/javascript");
    if (!textual) {
      return null;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static int write(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
    Headers out = exchange.getResponseHeaders();
    if (response.getHeaders() != null) {
      response.getHeaders().forEach((k, v) -> {
        if (v != null && !hopByHop(k)) {
          out.set(k, v);
        }
      });
    }
    if (response.getMultiValueHeaders() != null) {
      response.getMultiValueHeaders().forEach((k, vs) -> {
        if (vs != null && !hopByHop(k)) {
          vs.forEach(v -> out.add(k, v));
        }
      });
    }
    if (response.getCookies() != null) {
      response.getCookies().forEach(c -> out.add("Set-Cookie", c));
    }
    byte[] body = response.getBody() == null ? new byte[0]
        : response.getIsBase64Encoded() ? Base64.getMimeDecoder().decode(response.getBody())
        : response.getBody().getBytes(StandardCharsets.UTF_8);
    return send(exchange, response.getStatusCode(), body);
  }

  private static boolean hopByHop(String header) {
    String h = header.toLowerCase(Locale.ROOT);
    return h.equals("content-length") || h.equals("transfer-encoding") || h.equals("connection");
  }

  private static int send(HttpExchange exchange, int status, byte[] body) throws IOException {
    boolean noBody = exchange.getRequestMethod().equalsIgnoreCase("HEAD") || status == 204 || status == 304
        || status < 200;
    if (noBody || body.length == 0) {
      exchange.sendResponseHeaders(status, -1);
    } else {
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(body);
      }
    }
    return status;
  }

  /** One of API Gateway's own answers: {@code {"message":"…"}}. */
  private static int message(HttpExchange exchange, int status, String message) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    return send(exchange, status, ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
  }

  // ------------------------------------------------------------------------------------------- routes

  private record Match(TemplateModel.HttpRoute route, Map<String, String> pathParameters) {}

  private static final class CompiledRoute {
    final TemplateModel.HttpRoute route;
    final boolean catchAll;
    final String[] segments;

    CompiledRoute(TemplateModel.HttpRoute route) {
      this.route = route;
      this.catchAll = "$default".equals(route.path());
      this.segments = catchAll ? new String[0] : split(route.path());
    }

    /** Path parameters when this route matches, else null. */
    Map<String, String> match(String[] request) {
      if (catchAll) {
        return Map.of();
      }
      Map<String, String> params = new LinkedHashMap<>();
      for (int i = 0; i < segments.length; i++) {
        String s = segments[i];
        if (s.startsWith("{") && s.endsWith("+}")) { // greedy: the rest of the path, at least one segment
          if (i != segments.length - 1 || request.length <= i) {
            return null;
          }
          List<String> rest = new ArrayList<>();
          for (int j = i; j < request.length; j++) {
            rest.add(percentDecode(request[j]));
          }
          String value = String.join("/", rest);
          if (value.isEmpty()) {
            return null;
          }
          params.put(s.substring(1, s.length() - 2), value);
          return params;
        }
        if (i >= request.length) {
          return null;
        }
        if (s.startsWith("{") && s.endsWith("}")) {
          if (request[i].isEmpty()) {
            return null;
          }
          params.put(s.substring(1, s.length() - 1), percentDecode(request[i]));
        } else if (!s.equals(percentDecode(request[i]))) {
          return null;
        }
      }
      return request.length == segments.length ? params : null;
    }

    /** Per segment: literal 0, variable 1, greedy 2, end of path 3; the catch-all after everything. */
    int kind(int i) {
      if (catchAll) {
        return 4;
      }
      if (i >= segments.length) {
        return 3;
      }
      String s = segments[i];
      return !s.startsWith("{") ? 0 : s.endsWith("+}") ? 2 : 1;
    }
  }

  /** Most specific first: literal segments before variables before greedy ones, then exact methods. */
  private static final Comparator<CompiledRoute> SPECIFICITY = (a, b) -> {
    int n = Math.max(a.segments.length, b.segments.length) + 1;
    for (int i = 0; i < n; i++) {
      int c = Integer.compare(a.kind(i), b.kind(i));
      if (c != 0) {
        return c;
      }
    }
    return Boolean.compare(a.route.method().equals("ANY"), b.route.method().equals("ANY"));
  };

  private List<CompiledRoute> sortedRoutes() {
    List<CompiledRoute> sorted = new ArrayList<>(routes);
    sorted.sort(SPECIFICITY);
    return sorted;
  }

  private Match match(String method, String rawPath) {
    String[] request = split(rawPath);
    CompiledRoute best = null;
    Map<String, String> bestParams = null;
    for (CompiledRoute r : routes) {
      String m = r.route.method();
      if (!m.equals("ANY") && !m.equals(method)) {
        continue;
      }
      Map<String, String> params = r.match(request);
      if (params != null && (best == null || SPECIFICITY.compare(r, best) < 0)) {
        best = r;
        bestParams = params;
      }
    }
    return best == null ? null : new Match(best.route, bestParams);
  }

  /** "/a/b" → [a, b]; "/" → []; a trailing slash gives an empty last segment. */
  private static String[] split(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    return p.isEmpty() ? new String[0] : p.split("/", -1);
  }

  /** Percent-decoding of a path segment ("+" stays "+"); malformed escapes are kept as they are. */
  static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  private static String formDecode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  // ------------------------------------------------------------------------------------------- outbox

  /** {@code GET /_local/outbox}: the e-mails written so far; {@code GET /_local/outbox/<name>.eml}: one. */
  private int outbox(HttpExchange exchange, String method, String rawPath) throws IOException {
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return message(exchange, 404, "Not Found");
    }
    Path dir = dataDir.resolve("outbox").normalize();
    String rest = rawPath.length() > OUTBOX_PATH.length() + 1 ? rawPath.substring(OUTBOX_PATH.length() + 1) : "";
    if (rest.isEmpty()) {
      exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      return send(exchange, 200, outboxIndex(dir).getBytes(StandardCharsets.UTF_8));
    }
    String name = percentDecode(rest);
    boolean safe = name.endsWith(".eml") && !name.startsWith(".") && name.indexOf('/') < 0
        && name.indexOf('\\') < 0 && name.indexOf('\0') < 0 && name.indexOf(':') < 0;
    Path file = safe ? dir.resolve(name).normalize() : null;
    if (file == null || !dir.equals(file.getParent())) {
      return message(exchange, 403, "Forbidden");
    }
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return message(exchange, 404, "Not Found");
    }
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return message(exchange, 404, "Not Found");
    }
    exchange.getResponseHeaders().set("Content-Type", "message/rfc822");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    return send(exchange, 200, content);
  }

  private static String outboxIndex(Path dir) {
    record Mail(String name, long modified, long size) {}
    List<Mail> mails = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.eml")) {
        for (Path f : files) {
          if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
            mails.add(new Mail(f.getFileName().toString(), Files.getLastModifiedTime(f).toMillis(), Files.size(f)));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + dir, e);
      }
    }
    mails.sort(Comparator.comparingLong(Mail::modified).reversed().thenComparing(Mail::name,
        Comparator.reverseOrder()));
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
        + "<title>Hộp thư đi / Outbox</title></head><body>\n<h1>Hộp thư đi / Outbox</h1>\n");
    if (mails.isEmpty()) {
      html.append("<p>Chưa có thư nào / no e-mail yet</p>\n");
    } else {
      html.append("<ol>\n");
      for (Mail m : mails) {
        String href = OUTBOX_PATH + "/" + URLEncoder.encode(m.name(), StandardCharsets.UTF_8).replace("+", "%20");
        OutboxMail mail;
        try {
          mail = OutboxMail.read(dir.resolve(m.name()));
        } catch (RuntimeException e) {
          mail = null;
        }
        html.append("<li>");
        if (mail != null && mail.date() != null) {
          html.append(escape(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(
              mail.date().atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))))).append(" · ");
        }
        if (mail != null && mail.to() != null) {
          html.append(escape(mail.to())).append(" · ");
        }
        html.append("<a href=\"").append(escape(href)).append("\">").append(escape(mail != null
            && !mail.subject().isEmpty() ? mail.subject() : m.name())).append("</a>");
        if (mail != null && mail.kind() != null) {
          html.append(" <small>[").append(escape(mail.kind())).append("]</small>");
        }
        html.append(" <small>").append(escape(m.name())).append(", ").append(m.size()).append(" B</small></li>\n");
      }
      html.append("</ol>\n");
    }
    return html.append("</body></html>\n").toString();
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
