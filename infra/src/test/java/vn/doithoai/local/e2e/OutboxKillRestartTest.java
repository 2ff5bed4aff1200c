package vn.doithoai.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.intake.WebhookVerifier;
import vn.doithoai.local.runtime.DemoCommand;

/**
 * "Never lost" over real process deaths: {@code serve} runs in a JVM of its own, acknowledgements are queued
 * through the signed webhook, and the process is killed (SIGKILL) or stopped (SIGTERM) the moment the last
 * one is accepted, with e-mails still in the stream, on the bus or in the mailer; then started again on the
 * same data folder. Every acknowledgement whose opinion is stored must reach the outbox folder. A copy twice is
 * possible only for an e-mail the dead process had handed to SES but not marked sent: the sweep at start
 * reports how many claims it put back, and the duplicates (same {@code X-Doithoai-Mail-Id}) can be at most that
 * many. DynamoDB Local itself may lose its last acknowledged writes to a SIGKILL (seen: the last opinion of
 * the batch, gone with its e-mail record): those are counted apart, and must be few and from the KILL.
 */
class OutboxKillRestartTest {
  private static final Pattern URL = Pattern.compile("local: (http://\\S+)");
  private static final Pattern RELEASED = Pattern.compile("mail sweep at start: \\w+: waiting=\\d+ released=(\\d+)");
  private static final Pattern MAIL_ID = Pattern.compile("(?m)^X-Doithoai-Mail-Id: (\\w+)");
  private static final Pattern CITIZEN = Pattern.compile("(?m)^To: .*?(cd-\\d+-\\d+@example\\.vn)");
  private static final int PER_RUN = 120;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  /** Recipient → the status URL its opinion's receipt gave. */
  private final Map<String, String> statusUrls = new java.util.concurrent.ConcurrentHashMap<>();

  /** One {@code serve} process and everything it printed (also {@link PhoneOnlyCitizenEndToEndTest}'s restart). */
  static final class Serve {
    final Process process;
    final List<String> lines = new CopyOnWriteArrayList<>();
    final URI uri;

    Serve(Path data) throws Exception {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      // the test sends 120 opinions a run to one commune, far above its intake budget (20, then one every 3 s)
      process = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-DDOITHOAI_INTAKE_RATES=webhook=1000/0.01",
          "-cp", System.getProperty("java.class.path"),
          "vn.doithoai.local.Main", "serve", "--port", "0", "--data", data.toString(), "--template",
          Path.of("..", "template.yaml").toAbsolutePath().normalize().toString(), "--webhook-secret",
          DemoCommand.SECRET).redirectErrorStream(true).start();
      Thread reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
            StandardCharsets.UTF_8))) {
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            lines.add(line);
          }
        } catch (IOException e) {
          // the process is gone
        }
      }, "serve-output");
      reader.setDaemon(true);
      reader.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      URI found = null;
      while (found == null && System.nanoTime() < deadline && process.isAlive()) {
        for (String line : lines) {
          Matcher m = URL.matcher(line);
          if (m.find()) {
            found = URI.create(m.group(1).replaceAll("/$", ""));
          }
        }
        Thread.sleep(100);
      }
      if (found == null) {
        process.destroyForcibly();
        throw new IllegalStateException("serve did not start:\n" + String.join("\n", lines));
      }
      uri = found;
    }

    int releasedAtStart() {
      int n = 0;
      for (String line : lines) {
        Matcher m = RELEASED.matcher(line);
        if (m.find()) {
          n += Integer.parseInt(m.group(1));
        }
      }
      return n;
    }
  }

  @Test
  @DisplayName("acknowledgements in flight survive a KILL and a TERM of serve: each reaches the outbox")
  void everyAcknowledgementSurvivesKillAndTerm(@TempDir Path data) throws Exception {
    List<Serve> started = new ArrayList<>();
    try {
      Serve first = new Serve(data);
      started.add(first);
      queue(first, 1);
      first.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: nothing runs after it
      int afterKill = citizenMails(data).size();

      Serve second = new Serve(data);
      started.add(second);
      queue(second, 2);
      second.process.destroy(); // SIGTERM: the shutdown hook stops the runtime with work still queued
      second.process.waitFor(60, TimeUnit.SECONDS);
      int afterTerm = citizenMails(data).size();

      Serve third = new Serve(data);
      started.add(third);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (distinct(citizenMails(data)) < 2 * PER_RUN && System.nanoTime() < deadline) {
        Thread.sleep(250);
      }
      List<String[]> mails = citizenMails(data);
      int released = second.releasedAtStart() + third.releasedAtStart();
      String story = "sent before the KILL: " + afterKill + ", before the TERM: " + afterTerm + ", claims put back at "
          + "start: " + released + ", files: " + mails.size() + ", distinct: " + distinct(mails);
      System.out.println("outbox kill/restart: " + story);

      Map<String, String> recipientOf = new HashMap<>();
      for (String[] m : mails) {
        String before = recipientOf.putIfAbsent(m[0], m[1]);
        assertTrue(before == null || before.equals(m[1]), "one key, one recipient: " + m[0]);
      }
      List<String> missing = new ArrayList<>();
      for (int run = 1; run <= 2; run++) {
        for (int i = 0; i < PER_RUN; i++) {
          if (!recipientOf.containsValue("cd-" + run + "-" + i + "@example.vn")) {
            missing.add("cd-" + run + "-" + i);
          }
        }
      }
      // A missing e-mail whose opinion is gone too was never ours to send: DynamoDB Local, in the killed
      // process, lost a write it had acknowledged (DynamoDB does not). One whose opinion is stored is a lost e-mail.
      assertEquals(200, status(third, statusUrls.get("cd-1-0")), "the control: a stored opinion's page");
      List<String> lostMail = new ArrayList<>();
      List<String> lostByStore = new ArrayList<>();
      for (String m : missing) {
        (status(third, statusUrls.get(m)) == 404 && m.startsWith("cd-1-") ? lostByStore : lostMail).add(m);
      }
      System.out.println("outbox kill/restart: writes DynamoDB Local lost to the KILL: " + lostByStore);
      assertEquals(List.of(), lostMail, "no acknowledgement lost; " + story + "\n" + String.join("\n",
          Stream.of(second, third).flatMap(x -> x.lines.stream())
              .filter(l -> l.contains("sweep") || l.contains("fail") || l.contains("rror")).toList()));
      assertTrue(lostByStore.size() <= 2, "DynamoDB Local lost more than the last writes: " + lostByStore);
      assertTrue(mails.size() - distinct(mails) <= released, "a copy twice only for a claim put back; " + story);
    } finally {
      for (Serve s : started) {
        s.process.destroyForcibly();
      }
    }
  }

  /** The HTTP status of an opinion's public page on {@code serve}. */
  private int status(Serve serve, String statusUrl) throws Exception {
    String url = statusUrl.replaceFirst("^http://[^/]+", serve.uri.toString());
    return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** {@value #PER_RUN} opinions through the signed webhook, 8 at a time; each acknowledged to its own address. */
  private void queue(Serve serve, int run) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> replies = new ArrayList<>();
      for (int i = 0; i < PER_RUN; i++) {
        int n = i;
        replies.add(pool.submit(() -> webhook(serve.uri, run, n)));
      }
      for (Future<Integer> f : replies) {
        assertEquals(202, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private int webhook(URI base, int run, int n) throws Exception {
    byte[] body = Json.write(Map.of("content", "Đề nghị sửa đường liên thôn số " + n + " trước mùa mưa.",
        "field", "infrastructure", "name", "Công dân " + n, "email", "cd-" + run + "-" + n + "@example.vn"))
        .getBytes(StandardCharsets.UTF_8);
    String id = "msg_kill_" + run + "_" + n;
    long ts = Instant.now().getEpochSecond();
    byte[] key = Base64.getDecoder().decode(DemoCommand.SECRET.substring("whsec_".length()));
    HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/webhooks/demo/opinions"))
        .timeout(Duration.ofSeconds(60)).header("content-type", "application/json").header("webhook-id", id)
        .header("webhook-timestamp", Long.toString(ts))
        .header("webhook-signature", WebhookVerifier.signature(key, id, ts, body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    HttpResponse<String> reply = http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (reply.statusCode() == 202) {
      statusUrls.put("cd-" + run + "-" + n, (String) Json.readObject(reply.body()).get("statusUrl"));
    }
    return reply.statusCode();
  }

  /** The citizens' e-mails in the outbox folder: [idempotency key, recipient] per file. */
  private static List<String[]> citizenMails(Path data) {
    List<String[]> out = new ArrayList<>();
    Path dir = data.resolve("outbox");
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".eml")).toList()) {
        String eml = Files.readString(f, StandardCharsets.UTF_8);
        Matcher to = CITIZEN.matcher(eml);
        Matcher key = MAIL_ID.matcher(eml);
        if (to.find()) {
          assertTrue(key.find(), "every e-mail carries its idempotency key: " + f);
          out.add(new String[] {key.group(1), to.group(1)});
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static long distinct(List<String[]> mails) {
    return mails.stream().map(m -> m[0]).distinct().count();
  }
}
