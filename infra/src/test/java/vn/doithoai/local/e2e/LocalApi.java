package vn.doithoai.local.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.intake.WebhookVerifier;
import vn.doithoai.local.runtime.LocalJwt;
import vn.doithoai.local.runtime.ServeCommand;

/** The local runtime started for a test class, and an HTTP client that talks to it as a user would. */
final class LocalApi implements AutoCloseable {
  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  /** An HTTP response with its JSON body parsed. */
  record Reply(int status, String body) {
    Map<String, Object> json() {
      return Json.readObject(body);
    }

    String text(String key) {
      return (String) json().get(key);
    }
  }

  final ServeCommand.Running running;
  private final Path dataDir;
  /** Everything the runtime printed, for the personal-data scan at {@link #close()}. */
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final LocalJwt jwt;
  private final HttpClient http = HttpClient.newHttpClient();

  LocalApi(Path dataDir) {
    this(dataDir, null);
  }

  /** With the local clock starting at {@code clock} (null: the real time). */
  LocalApi(Path dataDir, Instant clock) {
    this(dataDir, clock, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  /** The runtime's log written to {@code log} (a test that reads what it printed). */
  LocalApi(Path dataDir, Instant clock, PrintStream log) {
    this.dataDir = dataDir;
    PrintStream both = new PrintStream(new java.io.OutputStream() {
      @Override
      public void write(int b) {
        synchronized (printed) {
          printed.write(b);
        }
        log.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        synchronized (printed) {
          printed.write(b, off, len);
        }
        log.write(b, off, len);
      }
    }, true, StandardCharsets.UTF_8);
    running = ServeCommand.start(new ServeCommand.Config(Path.of("..", "template.yaml"), dataDir, 0, SECRET, clock),
        both);
    jwt = LocalJwt.forDataDir(dataDir);
  }

  String token(String commune, String role, String agency) {
    return jwt.issue(new LocalJwt.Identity("e2e-" + role, "Cán bộ " + role, commune, List.of(role), agency),
        Duration.ofHours(1));
  }

  Reply call(String method, String path, String token, Object body) {
    return callAccepting(method, path, token, body, null);
  }

  /** As {@link #call}, with an {@code Accept} header (null: none). */
  Reply callAccepting(String method, String path, String token, Object body, String accept) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
    if (accept != null) {
      b.header("Accept", accept);
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
    if (body != null) {
      b.header("content-type", "application/json");
    }
    return send(b.build());
  }

  /** A signed delivery as the commune website sends it. */
  Reply webhook(String commune, String webhookId, byte[] body, String contentType) {
    long ts = Instant.now().getEpochSecond(); // freshness is checked against real time, whatever the local clock says
    byte[] key = Base64.getDecoder().decode(SECRET.substring("whsec_".length()));
    HttpRequest r = HttpRequest.newBuilder(uri("/webhooks/" + commune + "/opinions"))
        .header("content-type", contentType).header("webhook-id", webhookId)
        .header("webhook-timestamp", Long.toString(ts))
        .header("webhook-signature", WebhookVerifier.signature(key, webhookId, ts, body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    return send(r);
  }

  /** Moves the local clock to {@code to}, firing what falls due on the way, and waits until all is quiet. */
  void clockTo(Instant to) {
    Reply r = call("POST", "/_local/clock", null, Map.of("to", to.toString()));
    if (r.status() != 200 || Boolean.FALSE.equals(r.json().get("settled"))) {
      throw new IllegalStateException("clock not advanced or not settled: " + r.body());
    }
  }

  /** Day by day at 08:00 Vietnam time (when reminders fire) up to {@code until}. */
  void advanceDaily(Instant until) {
    java.time.ZoneId vietnam = java.time.ZoneId.of("Asia/Ho_Chi_Minh");
    java.time.LocalDate day = running.clock().instant().atZone(vietnam).toLocalDate().plusDays(1);
    while (true) {
      Instant next = day.atTime(8, 0).atZone(vietnam).toInstant();
      if (!next.isBefore(until)) {
        clockTo(until);
        return;
      }
      clockTo(next);
      day = day.plusDays(1);
    }
  }

  /** A GET whose body is a file (a DOCX, an XLSX, a CSV): status, headers and the bytes as sent. */
  HttpResponse<byte[]> download(String path, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create(running.api().uri().toString().replaceAll("/$", "") + path);
  }

  private Reply send(HttpRequest r) {
    try {
      HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(resp.statusCode(), resp.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Stops the runtime, after scanning what it emitted for the raisers' personal data (issue #17): every
   * end-to-end test class that drives a flow through this API is also a personal-data scan of that flow.
   */
  @Override
  public void close() {
    PersonalDataScan.Result scan;
    try {
      String log;
      synchronized (printed) {
        log = printed.toString(StandardCharsets.UTF_8);
      }
      scan = PersonalDataScan.run(running, dataDir, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      running.close();
    }
    if (!scan.hits().isEmpty()) {
      throw new AssertionError("personal data outside the messages: " + scan.hits());
    }
  }
}
