package vn.doithoai.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import static vn.doithoai.local.e2e.SeedRuns.*;

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
 * Seed 001 (Bắc Ninh, Party plan 70-KH/ĐU) on the local runtime over HTTP, the clock advanced day by day: it
 * replaces 66-KH/ĐU, which falls silent; a June meeting with the unions and an October meeting with the
 * enterprises, each known first by its month, the October one dated after June's notice is published; an opinion
 * forwarded upward stays in the plan's notice and report. Every e-mail counted by recipient and day.
 */
class Seed001EndToEndTest {
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
}
