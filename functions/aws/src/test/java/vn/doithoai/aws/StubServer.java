package vn.doithoai.aws;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import vn.doithoai.core.common.Json;

/**
 * A JDK HTTP server on 127.0.0.1 standing in for an AWS service: it keeps every request (method, path with
 * query, headers with lower-cased names, body bytes) and answers what the test's responder returns.
 */
final class StubServer implements AutoCloseable {
  /** A captured request. */
  record Request(String method, String path, Map<String, String> headers, byte[] body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    Map<String, Object> json() {
      return Json.readObject(text());
    }

    String pathOnly() {
      int q = path.indexOf('?');
      return q < 0 ? path : path.substring(0, q);
    }
  }

  /** A canned answer. */
  record Reply(int status, String contentType, String body, Map<String, String> headers) {
    static Reply json(int status, String body) {
      return new Reply(status, "application/json", body, Map.of());
    }

    /** A service error as the JSON protocols carry it: the error type in a header and in the body. */
    static Reply error(int status, String type, String message) {
      return new Reply(status, "application/json",
          "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\",\"Message\":\"" + message + "\"}",
          Map.of("x-amzn-ErrorType", type));
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private volatile Function<Request, Reply> responder = r -> Reply.json(200, "{}");

  StubServer() throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true"); // no delayed-ACK wait (~40 ms a request)
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        byte[] body = in.readAllBytes();
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        Request r = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
            + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
            headers, body);
        requests.add(r);
        Reply reply = responder.apply(r);
        byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", reply.contentType());
        exchange.getResponseHeaders().add("x-amzn-RequestId", "req-" + requests.size());
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
          try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
          }
        }
      } catch (RuntimeException e) {
        exchange.sendResponseHeaders(500, -1);
      } finally {
        exchange.close();
      }
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void respond(Function<Request, Reply> responder) {
    this.responder = responder;
  }

  List<Request> requests() {
    return new ArrayList<>(requests);
  }

  void clear() {
    requests.clear();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
