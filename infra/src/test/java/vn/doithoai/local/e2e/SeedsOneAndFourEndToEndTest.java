package vn.doithoai.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.doithoai.core.common.Json;
import vn.doithoai.local.runtime.OutboxMail;

/**
 * Seeds 001 and 004 as their text says, on the local runtime over HTTP with the clock advanced day by day, and
 * every e-mail counted by recipient and by day (printed, for the closing note). Seed 001 (Bắc Ninh, Party plan
 * 70-KH/ĐU): it replaces 66-KH/ĐU, which falls silent; a June meeting with the unions and an October meeting with
 * the enterprises, each known first by its month, the October one dated after June's notice is published; an
 * opinion forwarded upward stays in the plan's notice and report. Seed 004 (Xuân Trường, Party plan): the tasks
 * of the Ban Xây dựng Đảng, the People's Committee and the Front, each reminded to its own unit; the meeting known
 * only as "½ ngày, từ 15/11 đến 30/11/2025" announced without a date, its day fixed later.
 */
class SeedsOneAndFourEndToEndTest {
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  static final String PARTY_OFFICE = "vanphong.dangu@demo.example.vn";
  static final String BOARD = "ban.xaydungdang@demo.example.vn";
  static final String COMMITTEE = "ubnd@demo.example.vn";

  @Test
  @DisplayName("seed 001: 66-KH/ĐU falls silent; June's and October's meetings each dated, held and concluded; "
      + "the forwarded opinion is counted")
  void seed001(@TempDir Path data) {
    try (LocalApi api = new LocalApi(data, at(LocalDate.of(2026, 5, 4), 8, 30))) {
      String office = api.token("demo", "office", null);
      String host = api.token("demo", "host", null);
      declareUnits(api);

      String old = created(api, office, plan(2026, "66-KH/ĐU", "(Kế hoạch 66)", List.of(Map.of("id", "m1",
          "date", "2026-06-10", "venue", "Hội trường Đảng ủy xã")), List.of(), null));
      assertEquals(200, api.call("POST", "/plans/" + old + "/announce", office, Map.of()).status());
      api.advanceDaily(at(LocalDate.of(2026, 5, 11), 9, 0));

      String planId = created(api, office, plan(2026, "70-KH/ĐU", "năm 2026", List.of(
          Map.of("id", "m-jun", "dateFrom", "2026-06-01", "dateTo", "2026-06-30", "venue",
              "Phòng họp tầng 3 - Nhà Hội thảo xã", "audience", "Cán bộ, đoàn viên, hội viên MTTQ, các tổ chức "
                  + "chính trị - xã hội và Nhân dân xã"),
          Map.of("id", "m-oct", "dateFrom", "2026-10-01", "dateTo", "2026-10-31", "venue",
              "Phòng họp tầng 3 - Nhà Hội thảo xã", "audience", "Đại diện các công ty, doanh nghiệp trên địa bàn xã")),
          List.of(), "66-KH/ĐU ngày 31/01/2026"));
      LocalApi.Reply announced = api.call("POST", "/plans/" + planId + "/announce", office, Map.of());
      assertEquals(200, announced.status(), announced.body());
      assertEquals("closed", api.call("GET", "/plans/" + old, office, null).text("status"));
      Instant replacedAt = api.running.clock().instant();

      api.advanceDaily(at(LocalDate.of(2026, 5, 20), 9, 0));
      LocalApi.Reply june = api.call("PUT", "/plans/" + planId + "/meetings/m-jun", office, Map.of("date",
          "2026-06-18"));
      assertEquals(200, june.status(), june.body());
      assertEquals(List.of(), june.json().get("warnings"));

      // an opinion beyond the commune's competence, sent without a plan, forwarded upward within the plan
      byte[] body = Json.write(Map.of("content", "Đề nghị tỉnh sớm đầu tư nâng cấp tỉnh lộ 398 qua xã", "field",
          "infrastructure", "name", "Nguyễn Văn Bình", "email", "binh@example.vn")).getBytes(StandardCharsets.UTF_8);
      String code = api.webhook("demo", "msg-seed001-a", body, "application/json").text("trackingCode");
      String forwarded = opinionByCode(api, office, code);
      LocalApi.Reply fw = api.call("POST", "/opinions/" + forwarded + "/triage", office, Map.of("decision",
          "forward", "body", "UBND tỉnh Bắc Ninh", "plan", planId));
      assertEquals(planId, fw.text("planId"), fw.body());

      api.advanceDaily(at(LocalDate.of(2026, 6, 18), 10, 0));
      String juneNotice = concluded(api, office, host, planId, "m-jun", LocalDate.of(2026, 6, 22));
      Map<String, Object> afterJune = api.call("GET", "/plans/" + planId, office, null).json();
      assertEquals("announced", afterJune.get("status"), "October's meeting remains");
      assertEquals("concluded", meeting(afterJune, "m-jun").get("state"));
      assertTrue(api.call("GET", "/conclusions/" + juneNotice, office, null).body().contains("UBND tỉnh Bắc Ninh"),
          "the forwarded opinion is in June's notice");

      api.advanceDaily(at(LocalDate.of(2026, 6, 23), 9, 0));
      LocalApi.Reply october = api.call("PUT", "/plans/" + planId + "/meetings/m-oct", office, Map.of("date",
          "2026-10-15"));
      assertEquals(200, october.status(), "October's meeting dated after June's notice: " + october.body());
      assertEquals("dated", meeting(october.json(), "m-oct").get("state"));

      api.advanceDaily(at(LocalDate.of(2026, 10, 15), 10, 0));
      concluded(api, office, host, planId, "m-oct", LocalDate.of(2026, 10, 19));
      assertEquals("concluded", api.call("GET", "/plans/" + planId, office, null).text("status"));
      LocalApi.Reply report = api.call("GET", "/plans/" + planId + "/report", office, null);
      assertTrue(report.body().contains("\"forwarded\":1"), report.body());
      api.advanceDaily(at(LocalDate.of(2026, 11, 2), 9, 0));

      List<OutboxMail> mails = OutboxMail.readAll(data.resolve("outbox"));
      print("seed 001", mails);
      onceEach(mails);
      assertFalse(mails.stream().anyMatch(m -> m.date().isAfter(replacedAt) && m.text().contains("(Kế hoạch 66)")),
          "66-KH/ĐU fell silent once replaced");
      assertTrue(mails.stream().anyMatch(m -> m.to().contains(PARTY_OFFICE) && m.subject().contains("Nhắc hạn")
          && day(m).isAfter(LocalDate.of(2026, 9, 30))), "October's meeting has its own reminders, to the Party "
          + "office");
    }
  }

  @Test
  @DisplayName("seed 004: each task reminded to its own unit; the window 15/11–30/11/2025 announced without a date")
  void seed004(@TempDir Path data) {
    try (LocalApi api = new LocalApi(data, at(LocalDate.of(2025, 10, 27), 8, 30))) {
      String office = api.token("demo", "office", null);
      String host = api.token("demo", "host", null);
      declareUnits(api);
      String planId = created(api, office, plan(2025, "45-KH/ĐU", "năm 2025", List.of(Map.of("id", "m1",
              "dateFrom", "2025-11-15", "dateTo", "2025-11-30", "venue", "Nhà Văn hóa xã", "note", "½ ngày")),
          List.of(
              task("Ban Xây dựng Đảng", "office", "Tổng hợp ý kiến của cơ sở tham gia xây dựng Đảng, xây dựng "
                  + "chính quyền", "2025-11-07"),
              task("Ban Xây dựng Đảng", "office", "Tham mưu chương trình, nội dung điều hành Hội nghị",
                  "2025-11-10"),
              task("Ủy ban nhân dân xã", "office", "Báo cáo đánh giá khái quát tình hình kinh tế - xã hội 10 tháng",
                  "2025-11-10"),
              task("Ủy ban MTTQ xã", "front", "Tổng hợp câu hỏi, ý kiến của đoàn viên, hội viên gửi Ban Xây dựng "
                  + "Đảng", "2025-11-05")), null));
      LocalApi.Reply announced = api.call("POST", "/plans/" + planId + "/announce", office, Map.of());
      assertEquals(200, announced.status(), "announced with its window only: " + announced.body());
      Map<String, Object> m1 = meeting(announced.json(), "m1");
      assertEquals(null, m1.get("date"), "no date invented");
      assertEquals("planned", m1.get("state"));
      assertTrue(announced.body().contains("\"meeting\":\"2025-11-15\""), "counted from the window's start");

      // each unit reports its task done on its due day, and the office marks it met
      for (LocalDate due : List.of(LocalDate.of(2025, 11, 5), LocalDate.of(2025, 11, 7), LocalDate.of(2025, 11, 10))) {
        api.advanceDaily(at(due, 16, 0));
        completeTasksDue(api, office, planId, due);
      }
      api.advanceDaily(at(LocalDate.of(2025, 11, 12), 9, 0));
      LocalApi.Reply dated = api.call("PUT", "/plans/" + planId + "/meetings/m1", office, Map.of("date",
          "2025-11-25"));
      assertEquals(200, dated.status(), dated.body());
      assertTrue(dated.body().contains("\"meeting\":\"2025-11-25\""), "re-derived from the day: " + dated.body());
      api.advanceDaily(at(LocalDate.of(2025, 11, 25), 10, 0));
      concluded(api, office, host, planId, "m1", LocalDate.of(2025, 11, 28));
      api.advanceDaily(at(LocalDate.of(2025, 12, 15), 9, 0));

      List<OutboxMail> mails = OutboxMail.readAll(data.resolve("outbox"));
      print("seed 004", mails);
      onceEach(mails);
      Map<String, String> ownUnit = Map.of("Tổng hợp ý kiến của cơ sở", BOARD, "Tham mưu chương trình", BOARD,
          "Báo cáo đánh giá khái quát", COMMITTEE, "Tổng hợp câu hỏi, ý kiến của đoàn viên", "mttq@");
      ownUnit.forEach((task, unit) -> {
        List<OutboxMail> reminders = mails.stream().filter(m -> m.subject().contains(task)
            && !m.subject().contains("QUÁ HẠN")).toList();
        assertFalse(reminders.isEmpty(), "reminded: " + task);
        reminders.forEach(m -> assertTrue(m.to().contains(unit), task + " reached " + m.to() + ", not " + unit));
      });
    }
  }

  /** The seeds' units beyond what the demo commune derives: the Party office's own address, the board, the UBND. */
  private static void declareUnits(LocalApi api) {
    String admin = api.token("demo", "admin", null);
    Map<String, Object> c = api.call("GET", "/communes/demo", admin, null).json();
    Map<String, Object> next = new HashMap<>();
    for (String k : List.of("name", "province", "profile", "officeEmail", "hostEmail", "frontEmail", "agencies",
        "version")) {
      next.put(k, c.get(k));
    }
    next.put("units", List.of(
        Map.of("id", "van-phong-dang-uy", "name", "Văn phòng Đảng ủy", "email", PARTY_OFFICE),
        Map.of("id", "ban-xay-dung-dang", "name", "Ban Xây dựng Đảng", "email", BOARD),
        Map.of("id", "ubnd-xa", "name", "Ủy ban nhân dân xã", "email", COMMITTEE)));
    LocalApi.Reply r = api.call("PUT", "/communes/demo", admin, next);
    assertEquals(200, r.status(), r.body());
  }

  /** The office marks met every task of the plan due on {@code due}. */
  @SuppressWarnings("unchecked")
  private static void completeTasksDue(LocalApi api, String office, String planId, LocalDate due) {
    Map<String, Object> plan = api.call("GET", "/plans/" + planId, office, null).json();
    for (Map<String, Object> t : (List<Map<String, Object>>) plan.get("tasks")) {
      if (due.toString().equals(t.get("due"))) {
        LocalApi.Reply r = api.call("POST", "/plans/" + planId + "/deadlines/complete", office, Map.of("meetingId",
            "m1", "rule", t.get("id"), "note", "Đơn vị đã báo cáo hoàn thành"));
        assertEquals(200, r.status(), r.body());
      }
    }
  }

  /** Record the meeting, draft its notice, the host approves, the office publishes it on {@code on}. */
  private static String concluded(LocalApi api, String office, String host, String planId, String meetingId,
      LocalDate on) {
    LocalApi.Reply recorded = api.call("POST", "/plans/" + planId + "/meetings/" + meetingId + "/record", office,
        Map.of("attendees", 60, "chair", "Nguyễn Viết Toàn", "secretary", "Hoàng Thị Lan"));
    assertEquals(200, recorded.status(), recorded.body());
    LocalApi.Reply drafted = api.call("POST", "/plans/" + planId + "/meetings/" + meetingId + "/conclusion", office,
        Map.of());
    assertEquals(201, drafted.status(), drafted.body());
    String id = drafted.text("id");
    assertEquals(200, api.call("PUT", "/conclusions/" + id, office, Map.of("signerName", "Nguyễn Viết Toàn",
        "signerPosition", "Bí thư")).status());
    assertEquals(200, api.call("POST", "/conclusions/" + id + "/approve", host, Map.of()).status());
    api.advanceDaily(at(on, 9, 0));
    LocalApi.Reply published = api.call("POST", "/conclusions/" + id + "/publish", office, Map.of());
    assertEquals(200, published.status(), published.body());
    return id;
  }

  /** No e-mail sent twice: the same recipient, subject and day. */
  private static void onceEach(List<OutboxMail> mails) {
    Set<String> seen = new HashSet<>();
    for (OutboxMail m : mails) {
      String key = day(m) + " " + m.to() + " " + m.subject();
      assertTrue(seen.add(key), "sent twice: " + key);
    }
  }

  /** The counts for the closing note: by recipient, by kind of e-mail, and each day's e-mails by recipient. */
  static void print(String seed, List<OutboxMail> mails) {
    StringBuilder out = new StringBuilder("== " + seed + ": " + mails.size() + " e-mails, "
        + mails.stream().filter(m -> m.subject().contains("Thời hạn trong tuần")).count() + " digests\n");
    new TreeMap<>(mails.stream().collect(Collectors.groupingBy(OutboxMail::to, Collectors.counting())))
        .forEach((to, n) -> out.append(String.format("  %-40s %3d%n", to, n)));
    new TreeMap<>(mails.stream().collect(Collectors.groupingBy(m -> day(m).toString(), Collectors.groupingBy(
        OutboxMail::to, TreeMap::new, Collectors.counting())))).forEach((d, byTo) -> out.append("  ").append(d)
        .append("  ").append(byTo).append('\n'));
    System.out.println(out);
  }

  static Map<String, Object> plan(int year, String number, String titleTail, List<Map<String, Object>> meetings,
      List<Map<String, Object>> tasks, String replaces) {
    Map<String, Object> m = new HashMap<>(Map.of("year", year, "issuer", "party-committee", "number", number,
        "title", "Kế hoạch tiếp xúc, đối thoại của đồng chí Bí thư Đảng ủy với Nhân dân " + titleTail,
        "hosts", List.of(Map.of("position", "Bí thư Đảng ủy, Chủ tịch HĐND xã")),
        "audience", "Cán bộ, đảng viên, đoàn viên, hội viên và Nhân dân xã", "meetings", meetings, "tasks", tasks,
        "distribution", List.of("Thường trực Đảng ủy, HĐND, UBND xã", "Lưu Văn phòng Đảng ủy"),
        "profile", year == 2026 ? "bac-ninh-08" : "national-floor"));
    if (replaces != null) {
      m.put("replaces", replaces);
    }
    return m;
  }

  private static Map<String, Object> task(String unit, String owner, String description, String due) {
    return Map.of("unit", unit, "owner", owner, "description", description, "due", due);
  }

  private static String created(LocalApi api, String office, Map<String, Object> plan) {
    LocalApi.Reply r = api.call("POST", "/plans", office, plan);
    assertEquals(201, r.status(), r.body());
    return r.text("id");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> meeting(Map<String, Object> plan, String id) {
    return ((List<Map<String, Object>>) plan.get("meetings")).stream().filter(m -> id.equals(m.get("id")))
        .findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static String opinionByCode(LocalApi api, String office, String code) {
    List<Map<String, Object>> list = (List<Map<String, Object>>) api.call("GET", "/opinions", office, null).json()
        .get("opinions");
    return list.stream().filter(o -> code.equals(o.get("trackingCode"))).map(o -> (String) o.get("id"))
        .findFirst().orElseThrow(() -> new AssertionError("no opinion " + code + " in " + list));
  }

  private static LocalDate day(OutboxMail m) {
    return m.date().atZone(VIETNAM).toLocalDate();
  }

  static Instant at(LocalDate d, int hour, int minute) {
    return d.atTime(hour, minute).atZone(VIETNAM).toInstant();
  }
}
