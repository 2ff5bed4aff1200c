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
 * What the seed runs share: the seeds' units, a meeting concluded as an office does it, and every e-mail counted
 * by recipient and by day (printed, for the closing note: run each seed on main and here to compare).
 */
final class SeedRuns {
  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  static final String PARTY_OFFICE = "vanphong.dangu@demo.example.vn";
  static final String BOARD = "ban.xaydungdang@demo.example.vn";
  static final String COMMITTEE = "ubnd@demo.example.vn";

  private SeedRuns() {}

  /** The seeds' units beyond what the demo commune derives: the Party office's own address, the board, the UBND. */
  static void declareUnits(LocalApi api) {
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
  static void completeTasksDue(LocalApi api, String office, String planId, LocalDate due) {
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
  static String concluded(LocalApi api, String office, String host, String planId, String meetingId,
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
  static void onceEach(List<OutboxMail> mails) {
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

  static Map<String, Object> task(String unit, String owner, String description, String due) {
    return Map.of("unit", unit, "owner", owner, "description", description, "due", due);
  }

  static String created(LocalApi api, String office, Map<String, Object> plan) {
    LocalApi.Reply r = api.call("POST", "/plans", office, plan);
    assertEquals(201, r.status(), r.body());
    return r.text("id");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> meeting(Map<String, Object> plan, String id) {
    return ((List<Map<String, Object>>) plan.get("meetings")).stream().filter(m -> id.equals(m.get("id")))
        .findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  static String opinionByCode(LocalApi api, String office, String code) {
    List<Map<String, Object>> list = (List<Map<String, Object>>) api.call("GET", "/opinions", office, null).json()
        .get("opinions");
    return list.stream().filter(o -> code.equals(o.get("trackingCode"))).map(o -> (String) o.get("id"))
        .findFirst().orElseThrow(() -> new AssertionError("no opinion " + code + " in " + list));
  }

  static LocalDate day(OutboxMail m) {
    return m.date().atZone(VIETNAM).toLocalDate();
  }

  static Instant at(LocalDate d, int hour, int minute) {
    return d.atTime(hour, minute).atZone(VIETNAM).toInstant();
  }
}
