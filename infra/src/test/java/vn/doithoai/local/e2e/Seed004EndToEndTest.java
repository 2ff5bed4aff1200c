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
 * Seed 004 (Xuân Trường, Party plan) on the local runtime over HTTP, the clock advanced day by day: the tasks of
 * the Ban Xây dựng Đảng, the People's Committee and the Front, each reminded to its own unit and marked met on its
 * day; the meeting known only as "½ ngày, từ 15/11 đến 30/11/2025" announced without a date, its day fixed later.
 * Every e-mail counted by recipient and day.
 */
class Seed004EndToEndTest {
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
      assertTrue(api.call("GET", "/plans/" + planId, office, null).body().contains("#m1#opinion.written-reply\""),
          "no opinion left to answer: the written reply is met with the notice");
      api.advanceDaily(at(LocalDate.of(2025, 12, 15), 9, 0));

      List<OutboxMail> mails = OutboxMail.readAll(data.resolve("outbox"));
      print("seed 004", mails);
      assertFalse(mails.stream().anyMatch(m -> m.to().contains("chutich@") && day(m).isAfter(LocalDate.of(2025, 11,
          28))), "nobody reminded to answer nothing after the notice");
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
}
