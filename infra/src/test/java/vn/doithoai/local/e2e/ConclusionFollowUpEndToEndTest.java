package vn.doithoai.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.doithoai.core.calendar.WorkingCalendar;
import vn.doithoai.core.common.Json;
import vn.doithoai.local.runtime.OutboxMail;

/**
 * From the meeting to the results report on the local runtime, over HTTP, with the clock advanced day by day
 * (seed 000's profile, {@code lang-son-320}: answers due 20 working days after the notice, at most 30): the
 * meeting is recorded, the conclusion drafted, approved by the host and published (numbered; the public page,
 * the feed, the e-mails and the {@code ConclusionPublished} event); one assignment answered late escalates to
 * the agency and then the host, one extended within the cap does not; the results report counts both and goes
 * to the host and the Front.
 */
class ConclusionFollowUpEndToEndTest {
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final WorkingCalendar CALENDAR = WorkingCalendar.vietnam();
  /** What a citizen typed, decomposed (NFD) as some keyboards send it, with markup and a spreadsheet formula. */
  static final String HOSTILE = Normalizer.normalize("Đường liên thôn Nà Pàn xuống cấp <script>alert(1)</script> "
      + "=cmd|' /C calc'!A0\r\nđề nghị sửa chữa trước mùa mưa.", Normalizer.Form.NFD);

  @Test
  @DisplayName("meeting → conclusion drafted, approved, published → a late answer escalates, an extended one does "
      + "not → results report")
  @SuppressWarnings("unchecked")
  void followUp(@TempDir Path data) {
    try (LocalApi api = new LocalApi(data, Instant.parse("2025-11-03T01:00:00Z"))) {
      String office = api.token("demo", "office", null);
      String host = api.token("demo", "host", null);
      String economy = api.token("demo", "agency", "phong-kinh-te");
      String culture = api.token("demo", "agency", "phong-van-hoa-xa-hoi");

      LocalApi.Reply created = api.call("POST", "/plans", office, Map.of("year", 2025, "issuer", "party-committee",
          "number", "12-KH/ĐU", "title", "Kế hoạch đối thoại trực tiếp của Bí thư Đảng ủy với Nhân dân năm 2025",
          "hosts", List.of(Map.of("position", "Bí thư Đảng ủy, Chủ tịch HĐND xã", "name", "Vy Xuân Tình")),
          "audience", "Nhân dân thôn Nà Pàn", "villages", List.of("Thôn Nà Pàn"),
          "meetings", List.of(Map.of("id", "m1", "date", "2025-11-20", "venue", "Nhà văn hóa thôn Nà Pàn",
              "villages", List.of("Thôn Nà Pàn"))),
          "distribution", List.of("Ban Thường vụ Huyện ủy", "Thường trực Đảng ủy", "Lưu: VT"),
          "profile", "lang-son-320"));
      assertEquals(201, created.status(), created.body());
      String planId = created.text("id");
      assertEquals(200, api.call("POST", "/plans/" + planId + "/announce", office, Map.of()).status());

      // A: from the website (hostile text), to be answered late; B: a card, to be extended; C: answered at the meeting
      LocalApi.Reply sent = api.webhook("demo", "msg-followup-a", Json.write(Map.of("content", HOSTILE, "field",
          "infrastructure", "name", "Hoàng Văn Dũng", "email", "dung@example.vn", "village", "Thôn Nà Pàn",
          "plan", planId)).getBytes(StandardCharsets.UTF_8), "application/json");
      assertEquals(202, sent.status(), sent.body());
      api.advanceDaily(Instant.parse("2025-11-20T02:00:00Z"));
      String a = opinionByCode(api, office, planId, sent.text("trackingCode"));
      String b = entered(api, office, Map.of("plan", planId, "channel", "meeting-card", "field", "social-policy",
          "content", "Đề nghị hỗ trợ sửa nhà văn hóa thôn Nà Pàn.", "raisers", List.of(Map.of("name",
              "Nguyễn Thị Hoa", "village", "Thôn Nà Pàn"))));
      String c = entered(api, office, Map.of("plan", planId, "channel", "spoken", "field", "infrastructure",
          "content", "Đề nghị lắp đèn chiếu sáng đường thôn.", "raisers", List.of(Map.of("name", "Nông Văn Thắng", "consentToPublish", true))));
      String d = entered(api, office, Map.of("plan", planId, "channel", "meeting-card", "field", "security-order",
          "content", "Đề nghị tăng cường tuần tra khu vực chợ thôn.", "raisers", List.of(Map.of("name", "Lý Văn Tài"))));
      for (String[] x : new String[][] {{a, "phong-kinh-te"}, {b, "phong-van-hoa-xa-hoi"}, {d, "cong-an-xa"}}) {
        LocalApi.Reply accepted = api.call("POST", "/opinions/" + x[0] + "/triage", office, Map.of("decision",
            "accept"));
        assertEquals(200, accepted.status(), accepted.body());
        LocalApi.Reply assigned = api.call("POST", "/opinions/" + x[0] + "/assign", office, Map.of("agency", x[1]));
        assertEquals(200, assigned.status(), assigned.body());
      }

      LocalApi.Reply recorded = api.call("POST", "/plans/" + planId + "/meetings/m1/record", office, Map.of(
          "attendees", 126, "chair", "Vy Xuân Tình", "secretary", "Hoàng Thị Lan",
          "speakers", List.of(Map.of("name", "Ông Nông Văn Thắng", "opinion", c)),
          "raised", List.of(Map.of("opinion", c, "answeredAtMeeting", true, "answer",
              "Xã lắp 12 bóng đèn trong tháng 12."), Map.of("opinion", a), Map.of("opinion", b))));
      assertEquals(200, recorded.status(), recorded.body());
      assertEquals("answered", api.call("GET", "/opinions/" + c, office, null).text("status"),
          "answered at the meeting, as the minutes say");

      LocalApi.Reply drafted = api.call("POST", "/plans/" + planId + "/meetings/m1/conclusion", office, Map.of());
      assertEquals(201, drafted.status(), drafted.body());
      String conclusionId = drafted.text("id");
      assertEquals(403, api.call("POST", "/conclusions/" + conclusionId + "/approve", office, Map.of()).status(),
          "only the host approves");
      assertEquals(200, api.call("POST", "/conclusions/" + conclusionId + "/approve", host, Map.of()).status());

      api.advanceDaily(Instant.parse("2025-11-24T02:00:00Z"));
      LocalApi.Reply published = api.call("POST", "/conclusions/" + conclusionId + "/publish", office, Map.of());
      assertEquals(200, published.status(), published.body());
      assertEquals("Số 01-TB/ĐU", published.text("number"));
      LocalDate notice = LocalDate.of(2025, 11, 24);
      LocalDate due = CALENDAR.addWorkingDays(notice, 20);
      LocalDate cap = CALENDAR.addWorkingDays(notice, 30);
      Map<String, Object> assignment = (Map<String, Object>) api.call("GET", "/opinions/" + a, office, null).json()
          .get("assignment");
      assertEquals(due.toString(), assignment.get("due"), "the answer's clock runs from the notice");
      assertEquals(cap.toString(), assignment.get("cap"));
      assertTrue(published.body().contains("\"due\":\"" + due + "\""), "the notice states the recounted due date");

      LocalApi.Reply page = api.call("GET", "/public/demo/conclusions/" + conclusionId, null, null);
      assertEquals(200, page.status());
      assertTrue(page.body().contains("Số 01-TB/ĐU") && page.body().contains("ĐẢNG CỘNG SẢN VIỆT NAM"));
      assertFalse(page.body().contains("<script>"), "markup in a citizen's text is escaped");
      assertTrue(page.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
      assertTrue(page.body().contains("Đường liên thôn Nà Pàn xuống cấp"), "Vietnamese intact (NFC)");
      assertFalse(page.body().contains("Hoàng Văn Dũng"), "no name without consent on a public page");
      assertTrue(api.call("GET", "/public/demo/conclusions", null, null).body().contains(conclusionId));
      api.clockTo(Instant.parse("2025-11-24T02:05:00Z"));
      String events = read(data.resolve("events.jsonl"));
      assertTrue(events.contains("\"detail-type\":\"ConclusionPublished\"") && events.contains(conclusionId),
          "the event for the commune website");
      List<OutboxMail> mails = OutboxMail.readAll(data.resolve("outbox"));
      for (String to : List.of("vanphong@demo.example.vn", "chutich@demo.example.vn", "mttq@demo.example.vn",
          "dung@example.vn")) {
        assertEquals(1, mails.stream().filter(m -> m.to().equals(to) && m.subject().contains(
            "Thông báo số 01-TB/ĐU")).count(), "the notice e-mailed once to " + to);
      }

      // B: extended within the cap before its due date, answered before the new one
      api.advanceDaily(due.minusDays(7).atTime(9, 0).atZone(VIETNAM).toInstant());
      LocalDate extended = CALENDAR.addWorkingDays(due, 5);
      LocalApi.Reply ext = api.call("POST", "/opinions/" + b + "/extend", culture, Map.of("until",
          extended.toString(), "reason", "Chờ ý kiến của Phòng Văn hóa huyện về nguồn kinh phí."));
      assertEquals(200, ext.status(), ext.body());
      assertEquals(409, api.call("POST", "/opinions/" + a + "/extend", economy, Map.of("until",
          CALENDAR.addWorkingDays(cap, 1).toString(), "reason", "Cần thêm thời gian.")).status(),
          "no extension beyond the cap");
      api.advanceDaily(CALENDAR.addWorkingDays(due, 2).atTime(9, 0).atZone(VIETNAM).toInstant());
      assertEquals(200, api.call("POST", "/opinions/" + b + "/answer", culture, Map.of("text",
          "Xã hỗ trợ 30 triệu đồng sửa nhà văn hóa thôn Nà Pàn trong quý I/2026.")).status());
      // A: answered only after both escalation steps
      api.advanceDaily(CALENDAR.addWorkingDays(due, 4).atTime(9, 0).atZone(VIETNAM).toInstant());
      assertEquals(200, api.call("POST", "/opinions/" + a + "/answer", economy, Map.of("text",
          "Đã khảo sát; đường được sửa trong tháng 01/2026.")).status());
      api.clockTo(CALENDAR.addWorkingDays(due, 4).atTime(9, 5).atZone(VIETNAM).toInstant());

      // the commune's page: the notice, as a page and as Word; an answer only where every raiser consented
      String site = api.call("GET", "/public/demo", null, null).body();
      assertTrue(site.contains("/public/demo/conclusions/" + conclusionId + "?format=docx\">Tải bản Word")
          && site.contains("Thông báo số 01-TB/ĐU") && !site.contains("Thông báo Số"), site);
      assertTrue(site.contains("Công dân Nông Văn Thắng") && site.contains("Đề nghị lắp đèn chiếu sáng đường thôn."),
          "C's raiser consented: the question, who asked it and the answer given at the meeting are public");
      assertFalse(site.contains("Xã hỗ trợ 30 triệu đồng") || site.contains("Đã khảo sát; đường được sửa"),
          "A's and B's raisers did not consent");
      assertFalse(site.contains("Hoàng Văn Dũng") || site.contains("dung@example.vn"));

      mails = OutboxMail.readAll(data.resolve("outbox"));
      String codeA = api.call("GET", "/opinions/" + a, office, null).text("trackingCode");
      String codeB = api.call("GET", "/opinions/" + b, office, null).text("trackingCode");
      String all = String.join("\n", mails.stream().map(m -> m.date() + " " + m.to() + " " + m.subject()).toList());
      assertTrue(mails.stream().anyMatch(m -> m.to().equals("kinhte@demo.example.vn") && m.subject().contains(
          "QUÁ HẠN") && m.subject().contains(codeA)), "A escalates to its agency\n" + all);
      assertTrue(mails.stream().anyMatch(m -> m.to().equals("chutich@demo.example.vn") && m.subject().contains(
          "QUÁ HẠN") && m.subject().contains(codeA) && m.cc().contains("mttq@demo.example.vn")),
          "then to the host, the Front in copy\n" + all);
      assertFalse(mails.stream().anyMatch(m -> m.subject().contains("QUÁ HẠN") && m.subject().contains(codeB)),
          "B, extended within the cap and answered in time, never escalates\n" + all);
      assertFalse(mails.stream().anyMatch(m -> m.subject().contains("kết luận hội nghị đối thoại")
          && m.date().isAfter(Instant.parse("2025-11-24T03:00:00Z"))),
          "no reminder of the conclusion notice once it is published\n" + all);

      LocalApi.Reply report = api.call("GET", "/plans/" + planId + "/report", office, null);
      assertEquals(200, report.status(), report.body());
      Map<String, Object> counts = (Map<String, Object>) report.json().get("counts");
      assertEquals(4, ((Number) counts.get("total")).intValue(), report.body());
      assertEquals(1, ((Number) counts.get("overdue")).intValue(), "D, never answered");
      assertEquals(1, ((Number) counts.get("atMeeting")).intValue());
      assertEquals(1, ((Number) counts.get("onTime")).intValue(), "B, thanks to its extension");
      assertEquals(1, ((Number) counts.get("late")).intValue(), "A");
      LocalApi.Reply sentReport = api.call("POST", "/plans/" + planId + "/report", office, Map.of());
      assertEquals(201, sentReport.status(), sentReport.body());
      assertEquals("Số 01-BC/ĐU", sentReport.text("number"));
      api.clockTo(CALENDAR.addWorkingDays(due, 4).atTime(9, 10).atZone(VIETNAM).toInstant());
      mails = OutboxMail.readAll(data.resolve("outbox"));
      for (String to : List.of("chutich@demo.example.vn", "mttq@demo.example.vn")) {
        assertEquals(1, mails.stream().filter(m -> m.to().equals(to) && m.subject().contains(
            "Báo cáo số 01-BC/ĐU kết quả đối thoại")).count(), "the report e-mailed once to " + to);
      }
      assertTrue(read(data.resolve("events.jsonl")).contains("\"detail-type\":\"ResultsReportSent\""));

      hostileTextIntactEverywhere(api, office, planId, conclusionId, data);

      // the next dialogue takes over what is still open (D, overdue) and reports on it
      LocalApi.Reply next = api.call("POST", "/plans", office, Map.of("year", 2026, "issuer", "party-committee",
          "number", "5-KH/ĐU", "title", "Kế hoạch đối thoại năm 2026", "audience", "Nhân dân xã", "hosts", List.of(Map.of("position",
              "Bí thư Đảng ủy")), "meetings", List.of(Map.of("id", "m1", "date", "2026-06-18")),
          "profile", "lang-son-320"));
      assertEquals(201, next.status(), next.body());
      LocalApi.Reply carried = api.call("POST", "/plans/" + next.text("id") + "/carry-over", office,
          Map.of("from", planId));
      assertEquals(200, carried.status(), carried.body());
      List<Map<String, Object>> items = (List<Map<String, Object>>) carried.json().get("carriedOver");
      assertEquals(List.of(d), items.stream().map(i -> i.get("opinionId")).toList(), "only the open item");
      assertEquals(true, items.get(0).get("overdueWhenCarried"));
      LocalApi.Reply nextReport = api.call("GET", "/plans/" + next.text("id") + "/report", office, null);
      assertTrue(nextReport.body().contains("\"fromPlanId\":\"" + planId + "\""), nextReport.body());
    }
  }

  /**
   * The citizen's text — markup, a spreadsheet formula, CR/LF, typed decomposed — comes out escaped where it
   * could run and intact (composed, as the intake stored it) everywhere: the public page, the Word file of the
   * notice, the XLSX and CSV exports, the report and the e-mails.
   */
  private static void hostileTextIntactEverywhere(LocalApi api, String office, String planId, String conclusionId,
      Path data) {
    // as the intake keeps it: composed (NFC), line ends as LF
    String stored = vn.doithoai.core.common.Input.normalize(HOSTILE);
    String firstLine = stored.substring(0, stored.indexOf('\n'));
    String formula = "=cmd|' /C calc'!A0";

    var docx = api.download("/public/demo/conclusions/" + conclusionId + "?format=docx", null);
    assertEquals(200, docx.statusCode());
    try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx.body()))) {
      String text = String.join("\n", doc.getParagraphs().stream().map(p -> p.getText()).toList());
      assertTrue(text.contains("<script>alert(1)</script>"), "the Word file shows the text, not markup");
      assertTrue(text.contains(formula) && text.contains("Đường liên thôn Nà Pàn xuống cấp"), text);
      assertTrue(text.contains("đề nghị sửa chữa trước mùa mưa."), "the line after the CR/LF kept");
      assertFalse(text.contains("Hoàng Văn Dũng"), "no name without consent in the published file");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }

    var xlsx = api.download("/plans/" + planId + "/exports/opinions?format=xlsx", office);
    assertEquals(200, xlsx.statusCode());
    try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
      boolean found = false;
      for (var row : book.getSheetAt(0)) {
        for (var cell : row) {
          assertTrue(cell.getCellType() != org.apache.poi.ss.usermodel.CellType.FORMULA, "no formula cell");
          if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
              && cell.getStringCellValue().contains(formula)) {
            found = true;
            String v = cell.getStringCellValue();
            assertTrue(v.startsWith(firstLine) && v.contains("<script>alert(1)</script>") && v.contains("\n"), v);
          }
        }
      }
      assertTrue(found, "the opinion is in the spreadsheet, as text");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }

    var csv = api.download("/plans/" + planId + "/exports/opinions?format=csv", office);
    assertEquals(200, csv.statusCode());
    String csvText = new String(csv.body(), StandardCharsets.UTF_8);
    assertTrue(csvText.startsWith("\uFEFF"), "a BOM, so Excel reads UTF-8");
    assertTrue(csvText.contains("\"" + firstLine), "the opinion quoted, Vietnamese intact");
    assertTrue(csvText.contains("<script>alert(1)</script> " + formula + "\nđề nghị"), "the line break kept inside "
        + "the quoted field");
    assertFalse(csvText.contains(",=cmd") || csvText.contains(",\"=cmd"), "no cell starts with a formula");

    LocalApi.Reply reportPage = api.call("GET", "/plans/" + planId + "/documents/report", office, null);
    assertEquals(200, reportPage.status());
    assertTrue(reportPage.body().contains("BÁO CÁO") && reportPage.body().contains("&lt;script&gt;"));
    assertFalse(reportPage.body().contains("<script>"));

    OutboxMail report = OutboxMail.readAll(data.resolve("outbox")).stream().filter(m -> m.subject().contains(
        "Báo cáo số 01-BC/ĐU kết quả đối thoại")).findFirst().orElseThrow();
    assertFalse(report.subject().contains("\r") || report.subject().contains("\n"));
    String html = htmlPart(report.file());
    assertTrue(html.contains(vn.doithoai.core.common.Html.escape(firstLine)), "the report e-mail's HTML part: the "
        + "document, escaped and intact\n" + html);
    assertFalse(html.contains("<script>"));
  }

  /** The text/html part of an .eml (base64, UTF-8), decoded. */
  private static String htmlPart(Path eml) {
    String raw = read(eml);
    int part = raw.indexOf("Content-Type: text/html");
    int start = raw.indexOf("\r\n\r\n", part) + 4;
    int end = raw.indexOf("\r\n--", start);
    return new String(java.util.Base64.getMimeDecoder().decode(raw.substring(start, end)), StandardCharsets.UTF_8);
  }

  private static String entered(LocalApi api, String token, Map<String, Object> opinion) {
    LocalApi.Reply r = api.call("POST", "/opinions", token, opinion);
    assertEquals(201, r.status(), r.body());
    return r.text("id");
  }

  @SuppressWarnings("unchecked")
  private static String opinionByCode(LocalApi api, String token, String planId, String code) {
    List<Map<String, Object>> list = (List<Map<String, Object>>) api.call("GET", "/opinions?plan=" + planId, token,
        null).json().get("opinions");
    return (String) list.stream().filter(o -> code.equals(o.get("trackingCode"))).findFirst().orElseThrow()
        .get("id");
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
