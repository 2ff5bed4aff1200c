package vn.doithoai.local.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.doithoai.core.common.Json;

/**
 * The wire of the local AWS stand-ins, as the SDK v2 reads it: JSON bodies, and errors with the
 * {@code x-amzn-ErrorType} header (which the SDK's {@code JsonErrorCodeParser} reads first to pick the
 * exception class) plus the code and message in the body.
 */
final class AwsHttp {
  private AwsHttp() {}

  /**
   * A JDK HTTP server that answers at once: without {@code sun.net.httpserver.nodelay} its responses wait for the
   * client's delayed ACK, about 40 ms a request (read once, when the first server starts in this JVM).
   */
  static HttpServer server(int port) throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
  }

  /** One request: method, decoded path and query, the body's bytes. */
  record Request(String method, String path, Map<String, String> query, HttpExchange exchange, byte[] body) {
    String header(String name) {
      return exchange.getRequestHeaders().getFirst(name);
    }

    /** The body as a JSON object ({} when empty); a malformed body is a 400 of {@code errorType}. */
    Map<String, Object> json(String errorType, String messageKey) {
      if (body.length == 0) {
        return new LinkedHashMap<>();
      }
      try {
        return Json.readObject(new String(body, StandardCharsets.UTF_8));
      } catch (RuntimeException e) {
        throw new Failure(400, errorType, messageKey, "The request body is not a JSON object.");
      }
    }
  }

  /** An error answer: HTTP status, the error code (exception name) and the message. */
  static final class Failure extends RuntimeException {
    final int status;
    final String type;
    final String messageKey;

    Failure(int status, String type, String messageKey, String message) {
      super(message);
      this.status = status;
      this.type = type;
      this.messageKey = messageKey;
    }
  }

  static Request read(HttpExchange exchange) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = exchange.getRequestBody()) {
      in.transferTo(out);
    }
    Map<String, String> query = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        if (!pair.isEmpty()) {
          int eq = pair.indexOf('=');
          query.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
      }
    }
    String path = exchange.getRequestURI().getRawPath();
    return new Request(exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT), path == null ? "/" : path,
        query, exchange, out.toByteArray());
  }

  static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  static void send(HttpExchange exchange, int status, String contentType, Object body) throws IOException {
    byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream os = exchange.getResponseBody()) {
      os.write(bytes);
    }
  }

  static void sendError(HttpExchange exchange, String contentType, Failure f) throws IOException {
    exchange.getResponseHeaders().set("x-amzn-ErrorType", f.type);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("__type", f.type);
    body.put(f.messageKey, f.getMessage());
    send(exchange, f.status, contentType, body);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return o instanceof List<?> l ? (List<Object>) l : List.of();
  }

  static String string(Object o) {
    return o == null ? null : o instanceof String s ? s : String.valueOf(o);
  }

  static Integer integer(Object o) {
    if (o instanceof Number n) {
      return n.intValue();
    }
    try {
      return o == null ? null : Integer.valueOf(String.valueOf(o).strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
