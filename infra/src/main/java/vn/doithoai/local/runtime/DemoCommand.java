package vn.doithoai.local.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.intake.WebhookVerifier;

/**
 * {@code demo [--data DIR] [--template FILE]}: seed 000's plan (Lạng Sơn, profile {@code lang-son-320},
 * meeting 20/11/2025) through the local runtime over HTTP, as the commune and a citizen would, with the clock
 * advanced day by day to 20/01/2026; then the timeline of the e-mails sent, in Vietnam time, and a count by
 * kind, and the demo commune's usage statement of each month. Progress goes to stderr, the handlers' log to
 * {@code <data>/demo.log} (their JSON lines, as CloudWatch would get them, to {@code <data>/telemetry.jsonl}), the
 * timeline to stdout.
 *
 * <ol>
 *   <li>Mon 03/11/2025 08:00: the office creates and announces the plan; a citizen sends an opinion through
 *       the commune website (the signed webhook), with an e-mail address;
 *   <li>day by day to the meeting, Thu 20/11/2025 09:00: the office enters a question card from the meeting,
 *       accepts both opinions and assigns them to {@code phong-kinh-te}, and records the meeting as held;
 *   <li>day by day (08:00 each day) to 20/01/2026.
 * </ol>
 */
public final class DemoCommand {
  public static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  public static final Instant START = Instant.parse("2025-11-03T01:00:00Z");
  static final Instant MEETING = Instant.parse("2025-11-20T02:00:00Z");
  static final Instant END = Instant.parse("2026-01-20T01:00:00Z");
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final Set<String> OPTIONS = Set.of("data", "template");

  private final ServeCommand.Running running;
  private final PrintStream err;
  private final HttpClient http = HttpClient.newHttpClient();
  private final String office;
  private final String platform;

  private DemoCommand(ServeCommand.Running running, PrintStream err) {
    this.running = running;
    this.err = err;
    this.office = LocalJwt.forDataDir(running.config().dataDir()).issue(new LocalJwt.Identity("demo-office",
        "Văn phòng HĐND và UBND", "demo", List.of("office", "host"), null), Duration.ofHours(12));
    this.platform = LocalJwt.forDataDir(running.config().dataDir()).issue(new LocalJwt.Identity("demo-platform",
        "Quản trị hệ thống", "*", List.of("admin"), null), Duration.ofHours(12));
  }

  /** The demo commune's usage statement of each month (the platform admin's {@code GET /usage}). */
  @SuppressWarnings("unchecked")
  String usage(List<String> months) {
    StringBuilder sb = new StringBuilder("Bảng kê sử dụng của xã demo / the demo commune's usage statements:\n");
    for (String month : months) {
      Map<String, Object> statement = call("GET", "/usage?month=" + month, null, 200, platform);
      for (Map<String, Object> c : (List<Map<String, Object>>) statement.get("communes")) {
        if (!"demo".equals(c.get("commune"))) {
          continue;
        }
        sb.append("  ").append(month).append(":");
        c.forEach((k, v) -> {
          if (!k.equals("commune") && !k.equals("estimatedCostUsd")) {
            sb.append(' ').append(k).append('=').append(v);
          }
        });
        sb.append('\n');
      }
    }
    return sb.toString().stripTrailing();
  }

  public static String run(String[] argv, PrintStream err) {
    CommandOptions o = new CommandOptions(argv, OPTIONS);
    Path data;
    try {
      data = o.option("data").isPresent() ? o.dataDir() : Files.createTempDirectory("doithoai-demo");
      Files.createDirectories(data);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the demo's data directory", e);
    }
    Path template = o.option("template").map(t -> Path.of(t).toAbsolutePath().normalize())
        .orElseGet(() -> ServeCommand.findTemplate(Path.of("").toAbsolutePath()));
    PrintStream log;
    try {
      log = new PrintStream(Files.newOutputStream(data.resolve("demo.log"), StandardOpenOption.CREATE,
          StandardOpenOption.APPEND), true, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    err.println("Đối thoại demo: dữ liệu / data " + data + " (log: demo.log)");
    PrintStream stdout = System.out;
    System.setOut(log); // what handlers print goes to the log, as Lambda sends it to CloudWatch
    try (ServeCommand.Running running = ServeCommand.start(new ServeCommand.Config(template, data, 0, SECRET, START),
        log)) {
      DemoCommand demo = new DemoCommand(running, err);
      demo.scenario(END);
      // the handlers' lines as Lambda would send them to CloudWatch (demo.log has them readable)
      try {
        Files.write(data.resolve("telemetry.jsonl"), running.services().functions().telemetry(),
            StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return timeline(OutboxMail.readAll(data.resolve("outbox"))) + "\noutbox: " + data.resolve("outbox") + "\n\n"
          + demo.usage(List.of("2025-11", "2025-12", "2026-01"));
    } finally {
      System.setOut(stdout);
      log.close();
    }
  }

  /**
   * The demo's story on a started runtime (its clock at {@link #START}, its demo commune's webhook secret
   * {@link #SECRET}), with the clock advanced to {@code end}; progress lines to {@code progress}.
   */
  public static void scenario(ServeCommand.Running running, PrintStream progress, Instant end) {
    new DemoCommand(running, progress).scenario(end);
  }

  private void scenario(Instant end) {
    step("Kế hoạch 12-KH/ĐU: tạo và công bố / the plan: created and announced");
    Map<String, Object> plan = call("POST", "/plans", Map.of("year", 2025, "issuer", "party-committee",
        "number", "12-KH/ĐU", "title", "Kế hoạch đối thoại trực tiếp của Bí thư Đảng ủy với Nhân dân năm 2025",
        "hosts", List.of(Map.of("position", "Bí thư Đảng ủy, Chủ tịch HĐND xã")),
        "audience", "Nhân dân thôn Nà Pàn", "villages", List.of("Thôn Nà Pàn"),
        "meetings", List.of(Map.of("id", "m1", "date", "2025-11-20", "venue", "Nhà văn hóa thôn Nà Pàn")),
        "distribution", List.of("Thường trực Đảng ủy", "Lưu: VT"), "profile", "lang-son-320"), 201);
    String planId = (String) plan.get("id");
    call("POST", "/plans/" + planId + "/announce", Map.of(), 200);

    step("Ý kiến của công dân qua cổng thông tin xã / a citizen's opinion through the commune website");
    // the website showed the privacy notice beside a consent box the citizen ticked: it sends both
    Map<String, Object> receipt = webhook(Map.of("content", "Đường liên thôn Nà Pàn xuống cấp, đề nghị sửa chữa.",
        "field", "infrastructure", "name", "Hoàng Văn Dũng", "email", "dung@example.vn", "plan", planId,
        "consent", true, "privacyNotice", vn.doithoai.core.privacy.PrivacyNotice.current().version()));
    settle();

    advanceDaily(MEETING);
    step("Ngày đối thoại / the meeting: a question card, triage, assignment, held");
    call("POST", "/opinions", Map.of("plan", planId, "channel", "meeting-card", "field", "infrastructure",
        "content", "Đề nghị lắp đèn chiếu sáng đường thôn Nà Pàn.", "raisers",
        List.of(Map.of("name", "Nguyễn Thị Hoa", "email", "hoa@example.vn"))), 201);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> opinions = (List<Map<String, Object>>) call("GET", "/opinions?plan=" + planId, null,
        200).get("opinions");
    for (Map<String, Object> opinion : opinions) {
      String id = (String) opinion.get("id");
      call("POST", "/opinions/" + id + "/triage", Map.of("decision", "accept"), 200);
      call("POST", "/opinions/" + id + "/assign", Map.of("agency", "phong-kinh-te"), 200);
    }
    call("POST", "/plans/" + planId + "/hold", Map.of(), 200);
    settle();
    err.println("  mã theo dõi / tracking code " + receipt.get("trackingCode"));

    advanceDaily(end);
  }

  /** Advances to {@code until} a day at a time, at 08:00 Vietnam time (the last step to {@code until}). */
  private void advanceDaily(Instant until) {
    Instant now = running.clock().instant();
    LocalDate day = now.atZone(VIETNAM).toLocalDate().plusDays(1);
    int n = 0;
    while (true) {
      Instant next = day.atTime(8, 0).atZone(VIETNAM).toInstant();
      Instant to = next.isAfter(until) ? until : next;
      Map<String, Object> r = call("POST", "/_local/clock", Map.of("to", to.toString()), 200);
      if (Boolean.FALSE.equals(r.get("settled"))) {
        err.println("  cảnh báo / warning: chưa ổn định lúc / not settled at " + r.get("now") + " (see demo.log)");
      }
      if (++n % 7 == 0 || !to.isBefore(until)) {
        err.println("  → " + MINUTE.format(to.atZone(VIETNAM)) + " (" + OutboxMail.readAll(running.config()
            .dataDir().resolve("outbox")).size() + " thư / e-mails)");
      }
      if (!to.isBefore(until)) {
        return;
      }
      day = day.plusDays(1);
    }
  }

  private void settle() {
    if (!running.services().awaitQuiet(LocalServices.SETTLE_TIMEOUT)) {
      err.println("  cảnh báo / warning: chưa ổn định / not settled (see demo.log)");
    }
  }

  private void step(String what) {
    err.println(MINUTE.format(running.clock().instant().atZone(VIETNAM)) + "  " + what);
  }

  private Map<String, Object> call(String method, String path, Object body, int expected) {
    return call(method, path, body, expected, office);
  }

  private Map<String, Object> call(String method, String path, Object body, int expected, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(running.api().uri() + path))
        .timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + token);
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
    if (body != null) {
      b.header("content-type", "application/json");
    }
    return expect(send(b.build()), expected, method + " " + path);
  }

  /** A delivery signed as the commune website signs it, at the real time (the wire's, not the local clock's). */
  private Map<String, Object> webhook(Map<String, Object> opinion) {
    byte[] body = Json.write(opinion).getBytes(StandardCharsets.UTF_8);
    String id = "demo-" + running.clock().millis();
    long ts = java.time.Instant.now().getEpochSecond();
    byte[] key = Base64.getDecoder().decode(SECRET.substring("whsec_".length()));
    HttpRequest r = HttpRequest.newBuilder(URI.create(running.api().uri() + "/webhooks/demo/opinions"))
        .header("content-type", "application/json").header("webhook-id", id)
        .header("webhook-timestamp", Long.toString(ts))
        .header("webhook-signature", WebhookVerifier.signature(key, id, ts, body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    return expect(send(r), 202, "POST /webhooks/demo/opinions");
  }

  private HttpResponse<String> send(HttpRequest r) {
    try {
      return http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> expect(HttpResponse<String> r, int status, String what) {
    if (r.statusCode() != status) {
      throw new IllegalStateException("demo: " + what + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body() == null || r.body().isBlank() ? Map.of() : Json.readObject(r.body());
  }

  /**
   * One line per e-mail, in the order sent: {@code YYYY-MM-DD HH:mm  to  subject} (Vietnam time, subject
   * decoded), then the count by kind.
   */
  public static String timeline(List<OutboxMail> mails) {
    StringBuilder sb = new StringBuilder("Thư đã gửi / e-mails sent (giờ Việt Nam / Asia/Ho_Chi_Minh):\n");
    Map<String, Integer> byKind = new TreeMap<>();
    for (OutboxMail m : mails) {
      sb.append(m.date() == null ? "????-??-?? ??:??" : MINUTE.format(m.date().atZone(VIETNAM))).append("  ")
          .append(m.to()).append("  ").append(m.subject()).append('\n');
      byKind.merge(m.kind() == null ? "(không rõ / unknown)" : m.kind(), 1, Integer::sum);
    }
    sb.append("\nTheo loại / by kind (").append(mails.size()).append("):\n");
    byKind.forEach((k, v) -> sb.append(String.format("  %-28s %d%n", k, v)));
    return sb.toString().stripTrailing();
  }
}
