package vn.doithoai.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.doithoai.core.common.Json;

/**
 * Each of the five seed plans through the local runtime over HTTP, as a commune office would: create it,
 * announce it, take opinions through the signed webhook and through staff entry and a compiled list,
 * triage, merge and assign them, and read the plan's deadline schedule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedPlansEndToEndTest {
  @TempDir
  static Path data;
  private LocalApi api;
  private String office;
  private String front;

  /** A seed: its plan as the office enters it, and one deadline its profile must produce. */
  record Seed(String name, Map<String, Object> plan, String rule, String due) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Seed> seeds() {
    return Stream.of(
        new Seed("000 Lạng Sơn, Party secretary hosts", plan(2025, "party-committee", "12-KH/ĐU",
            "Bí thư Đảng ủy, Chủ tịch HĐND xã", "lang-son-320", "2025-11-20", List.of()),
            "meeting.notice", "2025-11-10"),
        new Seed("001 Bắc Ninh, replaces 66-KH/ĐU", with(plan(2026, "party-committee", "70-KH/ĐU",
            "Bí thư Đảng ủy, Chủ tịch HĐND xã", "bac-ninh-08", "2026-06-18", List.of()), "replaces",
            "66-KH/ĐU ngày 31/01/2026"), "meeting.notice", "2026-06-10"),
        new Seed("002 Hải Dương (legacy), chairman hosts", plan(2021, "peoples-committee", "48/KH-UBND",
            "Chủ tịch UBND xã", "hai-duong-03", "2021-10-28", List.of()), "opinion.resolution", "2021-11-18"),
        new Seed("003 Law 2025, per village", plan(2026, "peoples-committee", "15/KH-UBND", "Chủ tịch UBND xã",
            "national-2025", "2026-06-18", List.of()), "results.report", "2026-07-02"),
        new Seed("004 fixed dates 05/11, 07/11, 10/11", plan(2025, "party-committee", "45-KH/ĐU",
            "Bí thư Đảng ủy", "national-floor", "2025-11-20", List.of(
                Map.of("unit", "Ủy ban MTTQ, các đoàn thể", "owner", "front", "description",
                    "Tổng hợp câu hỏi, ý kiến gửi Ban Xây dựng Đảng", "due", "2025-11-05"),
                Map.of("unit", "Ban Xây dựng Đảng", "owner", "office", "description",
                    "Tổng hợp ý kiến của cơ sở", "due", "2025-11-07"),
                Map.of("unit", "Văn phòng Đảng ủy", "owner", "office", "description",
                    "Tham mưu chương trình, nội dung hội nghị", "due", "2025-11-10"))),
            // a Party plan: art. 43's notice binds the People's Committee only, so the floor gives it the
            // written reply (11-QĐi/TW, unconfirmed: it reminds, never escalates)
            "opinion.written-reply", "2025-12-04"));
  }

  static Map<String, Object> plan(int year, String issuer, String number, String host, String profile,
      String meeting, List<Map<String, Object>> tasks) {
    return Map.ofEntries(Map.entry("year", year), Map.entry("issuer", issuer), Map.entry("number", number),
        Map.entry("title", "Kế hoạch tiếp xúc, đối thoại trực tiếp với Nhân dân năm " + year),
        Map.entry("hosts", List.of(Map.of("position", host))), Map.entry("audience", "Nhân dân trên địa bàn xã"),
        Map.entry("villages", List.of("Thôn Đông Phong")), Map.entry("period", "Năm " + year),
        Map.entry("meetings", List.of(Map.of("id", "m1", "date", meeting, "venue", "Nhà văn hóa thôn"))),
        Map.entry("tasks", tasks), Map.entry("distribution", List.of("Thường trực Đảng ủy", "Lưu: VT")),
        Map.entry("profile", profile));
  }

  static Map<String, Object> with(Map<String, Object> m, String key, Object value) {
    Map<String, Object> copy = new java.util.HashMap<>(m);
    copy.put(key, value);
    return copy;
  }

  @BeforeAll
  void start() {
    api = new LocalApi(data);
    office = api.token("demo", "office", null);
    front = api.token("demo", "front", null);
  }

  @AfterAll
  void stop() {
    api.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("seeds")
  @DisplayName("a seed plan from creation to triaged, assigned opinions and its deadline schedule")
  void seedPlan(Seed seed) throws IOException {
    LocalApi.Reply created = api.call("POST", "/plans", office, seed.plan());
    assertEquals(201, created.status(), created.body());
    String planId = created.text("id");
    LocalApi.Reply announced = api.call("POST", "/plans/" + planId + "/announce", office, Map.of("version", 1));
    assertEquals(200, announced.status(), announced.body());
    assertEquals("announced", announced.text("status"));

    // a citizen on the website (signed webhook), retried once by the website: one opinion
    byte[] body = Json.write(Map.of("content", "Đề nghị sửa đường liên thôn trước mùa mưa (" + seed.name() + ")",
        "field", "infrastructure", "name", "Hoàng Văn Dũng", "email", "dung@example.vn", "plan", planId))
        .getBytes(StandardCharsets.UTF_8);
    LocalApi.Reply sent = api.webhook("demo", "msg-" + planId, body, "application/json");
    assertEquals(202, sent.status(), sent.body());
    LocalApi.Reply retried = api.webhook("demo", "msg-" + planId, body, "application/json");
    assertEquals(200, retried.status());
    assertEquals(sent.text("trackingCode"), retried.text("trackingCode"));
    LocalApi.Reply publicView = api.call("GET", "/public/demo/opinions/" + sent.text("trackingCode"), null, null);
    assertEquals(200, publicView.status(), publicView.body());
    assertFalse(publicView.body().contains("Hoàng Văn Dũng"));

    // a question card at the meeting, entered by the office; a list compiled by the Front
    LocalApi.Reply card = api.call("POST", "/opinions", office, Map.of("plan", planId, "channel", "meeting-card",
        "field", "infrastructure", "content", "Đường liên thôn hư hỏng nặng", "raisers",
        List.of(Map.of("name", "Nguyễn Thị Hoa", "email", "hoa@example.vn"))));
    assertEquals(201, card.status(), card.body());
    LocalApi.Reply compiled = api.call("POST", "/opinions/compiled", front, Map.of("plan", planId,
        "organisation", "Ủy ban MTTQ xã", "items", List.of(
            Map.of("content", "Đề nghị lắp đèn đường", "field", "infrastructure", "count", 12),
            Map.of("content", "Tranh chấp đất với hộ liền kề (khiếu nại)", "field", "land", "count", 1))));
    assertEquals(201, compiled.status(), compiled.body());

    LocalApi.Reply listed = api.call("GET", "/opinions?plan=" + planId, office, null);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> opinions = (List<Map<String, Object>>) listed.json().get("opinions");
    assertEquals(4, opinions.size(), listed.body());
    String web = id(opinions, "website");
    String cardId = id(opinions, "meeting-card");
    String complaint = opinions.stream().filter(o -> ((String) o.get("content")).contains("khiếu nại"))
        .map(o -> (String) o.get("id")).findFirst().orElseThrow();

    // triage: accept, merge the card into the website opinion (both raisers kept), redirect the complaint
    assertEquals(200, api.call("POST", "/opinions/" + web + "/triage", office, Map.of("decision", "accept"))
        .status());
    LocalApi.Reply merged = api.call("POST", "/opinions/" + cardId + "/merge", office, Map.of("into", web));
    assertEquals(200, merged.status(), merged.body());
    assertTrue(merged.body().contains("hoa@example.vn") && merged.body().contains("dung@example.vn"));
    LocalApi.Reply redirected = api.call("POST", "/opinions/" + complaint + "/triage", office,
        Map.of("decision", "redirect", "kind", "complaint"));
    assertEquals("redirected", redirected.text("status"), redirected.body());
    LocalApi.Reply assigned = api.call("POST", "/opinions/" + web + "/assign", office,
        Map.of("agency", "phong-kinh-te"));
    assertEquals("assigned", assigned.text("status"), assigned.body());

    // the schedule carries the profile's deadline on the right working day, with the calendar version
    LocalApi.Reply plan = api.call("GET", "/plans/" + planId, office, null);
    assertEquals(200, plan.status());
    assertTrue(plan.body().contains("\"rule\":\"" + seed.rule() + "\""), plan.body());
    assertTrue(plan.body().matches("(?s).*\"rule\":\"" + java.util.regex.Pattern.quote(seed.rule())
        + "\".*?\"due\":\"" + seed.due() + "\".*"), seed.rule() + " due " + seed.due() + " in " + plan.body());
    assertTrue(plan.body().contains("\"calendarVersion\":\"vn-"));

    // every raiser with an e-mail got an acknowledgement, once, as a UTF-8 .eml in the outbox
    assertTrue(api.running.services().awaitQuiet(java.time.Duration.ofSeconds(60)),
        "the outbox relayed: stream → relay → bus → mailer → SES stand-in");
    try (Stream<Path> files = Files.list(data.resolve("outbox"))) {
      List<String> acks = files.filter(p -> p.toString().endsWith(".eml")).map(SeedPlansEndToEndTest::read)
          .filter(t -> t.contains("To: dung@example.vn")).map(SeedPlansEndToEndTest::plainText)
          .filter(t -> t.contains(sent.text("trackingCode"))).toList();
      assertEquals(1, acks.size(), "one acknowledgement for " + sent.text("trackingCode"));
      assertTrue(acks.get(0).contains("Kính gửi Công dân Hoàng Văn Dũng,") && acks.get(0).contains(
          "Ủy ban nhân dân xã ") && acks.get(0).contains(" đã tiếp nhận ý kiến, kiến nghị gửi ngày "), acks.get(0));
    }
  }

  private static String id(List<Map<String, Object>> opinions, String channel) {
    return opinions.stream().filter(o -> channel.equals(o.get("channel"))).map(o -> (String) o.get("id"))
        .findFirst().orElseThrow();
  }

  /** The decoded text/plain part of an .eml written by the local runtime. */
  static String plainText(String eml) {
    int part = eml.indexOf("Content-Type: text/plain; charset=UTF-8");
    int start = eml.indexOf("\r\n\r\n", part) + 4;
    int end = eml.indexOf("\r\n--", start);
    return new String(java.util.Base64.getMimeDecoder().decode(eml.substring(start, end)), StandardCharsets.UTF_8);
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
