package vn.doithoai.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import vn.doithoai.core.common.Json;

/**
 * One local HTTP endpoint answering, fast and always successfully, the three other AWS APIs the functions
 * call, in the SDK's protocols: SES v2 {@code SendEmail}, EventBridge {@code PutEvents} and EventBridge
 * Scheduler {@code CreateSchedule}/{@code DeleteSchedule}/{@code GetSchedule} (every schedule is unknown, so
 * the reconciler recreates what it checks). The benchmark points {@code DOITHOAI_SES_ENDPOINT},
 * {@code DOITHOAI_EVENTBRIDGE_ENDPOINT} and {@code DOITHOAI_SCHEDULER_ENDPOINT} here: their latency is not
 * what is measured, their client construction and marshalling are.
 */
final class AwsStub implements AutoCloseable {
  private final HttpServer server;
  private final AtomicLong requests = new AtomicLong();

  AwsStub() throws IOException {
    // without it, the JDK server's response waits for the client's delayed ACK (about 40 ms a request)
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.setExecutor(Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "bench-aws-stub");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", this::handle);
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  long requests() {
    return requests.get();
  }

  private void handle(HttpExchange x) throws IOException {
    requests.incrementAndGet();
    byte[] in;
    try (InputStream s = x.getRequestBody()) {
      in = s.readAllBytes();
    }
    String path = x.getRequestURI().getPath();
    String method = x.getRequestMethod();
    String target = x.getRequestHeaders().getFirst("X-Amz-Target");
    int status = 200;
    String body;
    String error = null;
    if (target != null && target.endsWith("PutEvents")) {
      int entries = 1;
      try {
        Object list = Json.readObject(new String(in, StandardCharsets.UTF_8)).get("Entries");
        entries = list instanceof List<?> l ? l.size() : 1;
      } catch (RuntimeException e) {
        // answer one entry
      }
      StringBuilder b = new StringBuilder("{\"FailedEntryCount\":0,\"Entries\":[");
      for (int i = 0; i < entries; i++) {
        b.append(i == 0 ? "" : ",").append("{\"EventId\":\"bench-").append(requests.get()).append('-').append(i)
            .append("\"}");
      }
      body = b.append("]}").toString();
    } else if (path.startsWith("/v2/email/outbound-emails")) {
      body = "{\"MessageId\":\"bench-" + requests.get() + "\"}";
    } else if (path.startsWith("/schedules/")) {
      String name = path.substring("/schedules/".length());
      switch (method) {
        case "POST" -> body = "{\"ScheduleArn\":\"arn:aws:scheduler:ap-southeast-1:000000000000:schedule/bench/"
            + name + "\"}";
        case "GET" -> {
          status = 404;
          error = "ResourceNotFoundException";
          body = "{\"Message\":\"Schedule " + name + " does not exist.\"}";
        }
        default -> body = "{}";
      }
    } else {
      body = "{}";
    }
    byte[] out = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.getResponseHeaders().add("x-amzn-RequestId", "bench-" + requests.get());
    if (error != null) {
      x.getResponseHeaders().add("x-amzn-ErrorType", error);
    }
    x.sendResponseHeaders(status, out.length);
    try (OutputStream os = x.getResponseBody()) {
      os.write(out);
    }
  }

  /** The services' settings for the functions' environment. */
  Map<String, String> environment() {
    String e = endpoint();
    return Map.of("DOITHOAI_SES_ENDPOINT", e, "DOITHOAI_EVENTBRIDGE_ENDPOINT", e, "DOITHOAI_SCHEDULER_ENDPOINT", e);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
