package vn.doithoai.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Seed 000's dialogue (Lạng Sơn's rules, {@code lang-son-320}: the Front compiles 10 days before the meeting,
 * invitations 7 working days before, the notice within 10 working days after, answers 20 working days after the
 * notice) run through the console's plan pages with the local clock moved across its deadlines: the plan is
 * announced from its page, the timeline turns a missed deadline "Quá hạn" and a marked one "Đã hoàn thành", the
 * office drafts the conclusion notice, the host approves it on a 390 px phone, the office publishes it and sees
 * its number; the timeline then shows the notice's deadline met and the answers' deadline counted from it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsolePlansBrowserTest {
  @TempDir
  static Path data;
  static LocalApi api;
  static Browser browser;
  static String office;
  static String host;
  static String planId;
  static String conclusionId;
  static String cardId;

  @BeforeAll
  static void start() {
    assumeTrue(Browser.available(), Browser.unavailableReason());
    api = new LocalApi(data, Instant.parse("2025-11-03T01:00:00Z"));
    office = api.token("demo", "office", null);
    host = api.token("demo", "host", null);
    browser = new Browser(api.running.api().uri());
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (api != null) {
      api.close();
    }
  }

  WebElement find(String css) {
    return browser.driver.findElement(By.cssSelector(css));
  }

  List<WebElement> all(String css) {
    return browser.driver.findElements(By.cssSelector(css));
  }

  void assertNoAxeViolations(String page) {
    String v = browser.axeViolations();
    assertTrue(v.isEmpty(), page + ": axe-core WCAG 2.1 A/AA violations:\n" + v);
  }

  void waitForText(String css, String text) {
    new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector(css))
        .stream().anyMatch(e -> e.getText().contains(text)));
  }

  /** The deadline of rule {@code rule} on the plan page's timeline. */
  WebElement deadline(String rule) {
    return find(".deadlines li[data-rule='" + rule + "']");
  }

  String state(String rule) {
    return deadline(rule).findElement(By.cssSelector("h4 .tag")).getText();
  }

  WebElement summary(String title) {
    return all(".actions summary").stream().filter(s -> s.getText().equals(title)).findFirst()
        .orElseThrow(() -> new AssertionError("no action " + title + " in " + find(".actions").getText()));
  }

  @Test
  @Order(1)
  @DisplayName("the office creates seed 000's plan in the form: the API's 400 fields in the summary and beside each "
      + "field, then the plan by year with its status and meeting date")
  void createThePlanAndListIt() {
    browser.signIn(office);
    browser.open("/ke-hoach.html?year=2025");
    assertEquals("Năm 2025: 0 kế hoạch", find("#so-ket-qua").getText());
    browser.driver.findElement(By.linkText("Lập kế hoạch")).click();
    browser.waitReady();
    find("#ke-hoach-nhap [name=year]").clear();
    find("#ke-hoach-nhap button[type=submit]").click();
    new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(d -> !d.findElements(
        By.cssSelector("#ke-hoach-nhap .error-summary")).isEmpty());
    String errors = find("#ke-hoach-nhap .error-summary").getText();
    assertTrue(errors.contains("Vui lòng nhập năm của kế hoạch.") && errors.contains("Vui lòng nhập tên kế hoạch.")
        && errors.contains("Kế hoạch cần ít nhất một người chủ trì.") && errors.contains("đối tượng đối thoại"), errors);
    assertEquals("true", find("#ke-hoach-nhap [name=title]").getAttribute("aria-invalid"));
    assertEquals("true", find("#ke-hoach-nhap [name=hostPosition]").getAttribute("aria-invalid"));
    assertNoAxeViolations("plan form with errors");
    browser.screenshot("ke-hoach-lap-loi", 1366);
    find("#ke-hoach-nhap [name=year]").sendKeys("2025");
    find("#ph-issuer-0").click();
    find("[name=number]").sendKeys("12-KH/ĐU");
    find("[name=title]").sendKeys("Kế hoạch tiếp xúc, đối thoại trực tiếp giữa Bí thư Đảng ủy với Nhân dân");
    find("[name=hostPosition]").sendKeys("Bí thư Đảng ủy, Chủ tịch HĐND xã");
    find("[name=hostName]").sendKeys("Vy Xuân Tình");
    find("[name=audience]").sendKeys("Nhân dân thôn Nà Pàn");
    find("[name=villages]").sendKeys("Thôn Nà Pàn");
    find("[name=period]").sendKeys("Quý IV năm 2025");
    browser.js("arguments[0].value = '2025-11-20'", find("#ph-m0-date"));
    find("#ph-m0-venue").sendKeys("Nhà văn hóa thôn Nà Pàn");
    find("[name=distribution]").sendKeys("Ban Thường vụ Huyện ủy\nThường trực Đảng ủy\nLưu: VT");
    find("#ke-hoach-nhap button[type=submit]").click();
    new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().contains(
        "/ke-hoach/chi-tiet.html?id="));
    browser.waitReady();
    planId = browser.driver.getCurrentUrl().replaceAll(".*id=([^&]+).*", "$1");
    waitForText("#thong-bao", "Đã lập kế hoạch (bản nháp).");
    @SuppressWarnings("unchecked")
    Map<String, Object> stored = api.call("GET", "/plans/" + planId, office, null).json();
    assertEquals(List.of("Ban Thường vụ Huyện ủy", "Thường trực Đảng ủy", "Lưu: VT"), stored.get("distribution"));
    assertEquals("lang-son-320", stored.get("profile"), "the commune's rules");

    browser.open("/ke-hoach.html?year=2025");
    assertEquals("Năm 2025: 1 kế hoạch", find("#so-ket-qua").getText());
    String row = find("tbody tr").getText();
    assertTrue(row.contains("12-KH/ĐU") && row.contains("bản nháp") && row.contains("20/11/2025"), row);
    assertEquals("page", find(".nav a[href='/ke-hoach.html']").getAttribute("aria-current"));
    assertNoAxeViolations("plans list");
    browser.screenshot("ke-hoach", 1366);
  }

  @Test
  @Order(2)
  @DisplayName("the office announces the plan from its page; the timeline lists each deadline, all open")
  void announceFromThePlanPage() {
    browser.open("/ke-hoach/chi-tiet.html?id=" + planId);
    assertTrue(find("#trang-thai").getText().equals("bản nháp"));
    summary("Công bố kế hoạch").click();
    summary("Công bố kế hoạch").findElement(By.xpath("./following-sibling::form//button")).click();
    waitForText("#thong-bao", "Đã công bố kế hoạch.");
    assertEquals("đã công bố", find("#trang-thai").getText());
    assertEquals("Đang mở", state("front.opinions-compiled"));
    assertEquals("Đang mở", state("meeting.notice"));
    String front = deadline("front.opinions-compiled").getText();
    assertTrue(front.contains("Hạn\nThứ Sáu, 07/11/2025") && front.contains("Ủy ban MTTQ"), front);
    assertTrue(deadline("conclusion.notice").getText().contains("Đơn vị thực hiện\nvăn phòng"),
        deadline("conclusion.notice").getText());
    assertEquals("Chưa đến mốc tính hạn", state("opinion.resolution"), "answers count from the notice");
    assertFalse(browser.driver.getPageSource().matches("(?s).*\\b2025-11-\\d\\d\\b.*"), "no ISO dates on the page");
    assertNoAxeViolations("plan page, announced");
    browser.screenshot("ke-hoach-chi-tiet", 1366);
    browser.screenshot("ke-hoach-chi-tiet-360", 360);
  }

  @Test
  @Order(3)
  @DisplayName("clock past the Front's deadline: “Quá hạn”; marked met from the page: “Đã hoàn thành”")
  void overdueThenMet() {
    api.advanceDaily(Instant.parse("2025-11-11T02:00:00Z"));
    browser.open("/ke-hoach/chi-tiet.html?id=" + planId);
    assertEquals("Quá hạn", state("front.opinions-compiled"));
    assertEquals("Đang mở", state("conclusion.notice"));
    WebElement front = deadline("front.opinions-compiled");
    front.findElement(By.cssSelector(".mark-met summary")).click();
    front.findElement(By.name("note")).sendKeys("Báo cáo số 05/BC-MTTQ ngày 11/11/2025");
    assertNoAxeViolations("plan page, an overdue deadline with its mark-met form");
    front.findElement(By.cssSelector(".mark-met button")).click();
    waitForText("#thong-bao", "Đã ghi nhận hoàn thành: ");
    assertEquals("Đã hoàn thành", state("front.opinions-compiled"));
    assertTrue(deadline("front.opinions-compiled").findElements(By.cssSelector(".mark-met")).isEmpty());
    assertEquals(List.of(planId + "#" + meetingId() + "#front.opinions-compiled"), api.call("GET", "/plans/"
        + planId, office, null).json().get("completedDeadlines"));
  }

  @Test
  @Order(4)
  @DisplayName("the minutes form: chair, secretary, attendance, opinions raised and answered at the meeting or not")
  void minutes() {
    api.advanceDaily(Instant.parse("2025-11-20T09:00:00Z"));
    LocalApi.Reply spoken = api.call("POST", "/opinions", office, Map.of("plan", planId, "channel", "spoken",
        "field", "infrastructure", "content", "Đề nghị lắp đèn chiếu sáng đường thôn Nà Pàn.",
        "raisers", List.of(Map.of("name", "Nông Văn Thắng", "village", "Thôn Nà Pàn"))));
    assertEquals(201, spoken.status(), spoken.body());
    LocalApi.Reply card = api.call("POST", "/opinions", office, Map.of("plan", planId, "channel", "meeting-card",
        "field", "social-policy", "content", "Đề nghị hỗ trợ sửa nhà văn hóa thôn Nà Pàn.",
        "raisers", List.of(Map.of("name", "Nguyễn Thị Hoa", "village", "Thôn Nà Pàn"))));
    assertEquals(201, card.status(), card.body());
    cardId = card.text("id");
    assertEquals(200, api.call("POST", "/opinions/" + cardId + "/triage", office, Map.of("decision", "accept"))
        .status());
    assertEquals(200, api.call("POST", "/opinions/" + cardId + "/assign", office, Map.of("agency",
        "phong-van-hoa-xa-hoi")).status());

    browser.open("/ke-hoach/chi-tiet.html?id=" + planId);
    browser.driver.findElement(By.linkText("Ghi biên bản hội nghị")).click();
    browser.waitReady();
    assertEquals("Vy Xuân Tình", find("[name=chair]").getAttribute("value"), "the host named in the plan");
    assertNoAxeViolations("minutes form");
    String a = spoken.text("id");
    find("#nr-" + a).click();
    find("#tl-" + a).click();
    find("#nr-" + cardId).click();
    find("#ghi-bien-ban button[type=submit]").click();
    new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(d -> !d.findElements(
        By.cssSelector("#ghi-bien-ban .error-summary")).isEmpty());
    String errors = find("#ghi-bien-ban .error-summary").getText();
    assertTrue(errors.contains("thư ký") && errors.contains("cần ghi nội dung trả lời"), errors);
    assertEquals("true", find("#nd-" + a).getAttribute("aria-invalid"), "the answer of the first opinion raised");
    assertNoAxeViolations("minutes form with errors");
    browser.screenshot("bien-ban-loi", 1366);
    find("[name=attendees]").sendKeys("126");
    find("[name=secretary]").sendKeys("Hoàng Thị Lan");
    find(".sp-name").sendKeys("Ông Nông Văn Thắng");
    find("#nd-" + a).sendKeys("Xã lắp 12 bóng đèn trong tháng 12/2025.");
    find("#ghi-bien-ban button[type=submit]").click();
    waitForText("#thong-bao", "Đã lưu biên bản: 2 ý kiến được nêu, 1 ý kiến đã trả lời tại hội nghị");
    assertEquals("answered", api.call("GET", "/opinions/" + a, office, null).text("status"));
    assertEquals("assigned", api.call("GET", "/opinions/" + cardId, office, null).text("status"));
  }

  @Test
  @Order(5)
  @DisplayName("after the meeting the office drafts the notice from the plan page")
  void draftTheNotice() {
    browser.open("/ke-hoach/chi-tiet.html?id=" + planId);
    assertEquals("đã tổ chức", find("#trang-thai").getText());
    assertTrue(find("#noi-dung").getText().contains("Chưa có thông báo kết luận."));
    browser.driver.findElement(By.xpath("//button[.='Dự thảo thông báo kết luận']")).click();
    new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().contains(
        "/ke-hoach/thong-bao-ket-luan.html?id="));
    browser.waitReady();
    conclusionId = browser.driver.getCurrentUrl().replaceAll(".*id=", "");
    assertEquals("Dự thảo thông báo kết luận", find("h1").getText());
    assertEquals("dự thảo", find("#trang-thai").getText());
    assertTrue(find("#noi-dung").getText().contains("Xã lắp 12 bóng đèn"), "the matter resolved at the meeting");
    assertTrue(all("#duyet").isEmpty(), "the office does not approve");
    assertTrue(all("#ban-hanh").isEmpty(), "nothing to publish before the host approves");
    assertTrue(find(".doc-links a").getAttribute("href").endsWith("/api/conclusions/" + conclusionId + "/document"));
    assertEquals(200, api.call("GET", "/conclusions/" + conclusionId + "/document", office, null).status());
    assertNoAxeViolations("conclusion notice, draft (office)");
    browser.screenshot("thong-bao-ket-luan-du-thao", 1366);
  }

  @Test
  @Order(6)
  @DisplayName("the host, on a 390 px phone, reads what Duyệt does and approves")
  void hostApprovesOnAPhone() {
    browser.signIn(host);
    browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
        "deviceScaleFactor", 1, "mobile", true));
    try {
      browser.open("/ke-hoach/thong-bao-ket-luan.html?id=" + conclusionId);
      String statement = find("#duyet").getText();
      assertTrue(statement.contains("không sửa được nữa") && statement.contains("cấp số"), statement);
      Number overflow = (Number) browser.js(
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
      assertEquals(0, overflow.intValue(), "no sideways scrolling at 390 px");
      assertNoAxeViolations("conclusion notice, host on a phone");
      browser.screenshot("thong-bao-ket-luan-truoc-khi-duyet-390", 390);
      browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
          "deviceScaleFactor", 1, "mobile", true));
      find("#duyet button").click();
      waitForText("#thong-bao", "Đã duyệt thông báo kết luận.");
      assertEquals("đã duyệt", find("#trang-thai").getText());
      assertTrue(all("#duyet").isEmpty());
    } finally {
      browser.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
    browser.screenshot("thong-bao-ket-luan-duyet-390", 390);
  }

  @Test
  @Order(7)
  @DisplayName("the office publishes: the number is shown; the timeline has the notice met and answers counted")
  void publishShowsTheNumber() {
    api.advanceDaily(Instant.parse("2025-11-24T02:00:00Z"));
    browser.signIn(office);
    browser.open("/ke-hoach/thong-bao-ket-luan.html?id=" + conclusionId);
    assertNoAxeViolations("conclusion notice, approved (office)");
    find("#ban-hanh button").click();
    waitForText("#thong-bao", "Đã ban hành thông báo kết luận Số 01-TB/ĐU, ngày 24/11/2025.");
    assertEquals("Số 01-TB/ĐU", find("#so-van-ban").getText());
    assertEquals("Thông báo kết luận Số 01-TB/ĐU", find("h1").getText());
    assertEquals(200, api.download("/conclusions/" + conclusionId + "/document?format=docx", office).statusCode());
    browser.screenshot("thong-bao-ket-luan-ban-hanh", 1366);

    browser.open("/ke-hoach/chi-tiet.html?id=" + planId);
    assertEquals("Đã hoàn thành", state("conclusion.notice"));
    assertEquals("Đang mở", state("opinion.resolution"));
    assertTrue(deadline("opinion.resolution").getText().contains("22/12/2025"), deadline("opinion.resolution")
        .getText());
    assertTrue(find("#ds-ket-luan").getText().contains("Số 01-TB/ĐU"));
  }

  @Test
  @Order(8)
  @DisplayName("a correction is a new edition: a draft that names the notice it corrects")
  void correctionIsANewEdition() {
    browser.open("/ke-hoach/thong-bao-ket-luan.html?id=" + conclusionId);
    find("#dinh-chinh button").click();
    new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().endsWith(conclusionId));
    browser.waitReady();
    assertEquals("dự thảo", find("#trang-thai").getText());
    assertTrue(find(".summary-list").getText().contains("Lần 2 (đính chính)"), find(".summary-list").getText());
    assertNoAxeViolations("conclusion notice, correction draft");
  }

  @Test
  @Order(9)
  @DisplayName("past the answers' deadline: “Quá hạn” on the timeline, the overdue matter in the report; the Front "
      + "reads it without acting; the office sends the report and sees its number")
  void followUpAndReport() {
    api.advanceDaily(Instant.parse("2025-12-23T02:00:00Z"));
    browser.signIn(api.token("demo", "front", null));
    browser.open("/ke-hoach/chi-tiet.html?id=" + planId);
    assertEquals("Quá hạn", state("opinion.resolution"));
    String overdue = find("#qua-han").getText();
    assertTrue(overdue.contains("Đề nghị hỗ trợ sửa nhà văn hóa") && overdue.contains("22/12/2025"), overdue);
    String counts = find("#so-lieu-ket-qua").getText();
    assertTrue(counts.contains("Tổng số ý kiến 2") && counts.contains("Trả lời tại hội nghị 1")
        && counts.contains("Quá hạn chưa trả lời 1"), counts);
    assertTrue(all(".actions details, .mark-met, #gui-bao-cao").isEmpty(), "the Front supervises, it does not act");
    assertNoAxeViolations("plan page (Front, supervising)");
    browser.screenshot("ke-hoach-giam-sat-mttq", 1366);

    browser.signIn(office);
    browser.open("/ke-hoach/chi-tiet.html?id=" + planId);
    browser.driver.findElement(By.xpath("//summary[.='Gửi báo cáo kết quả']")).click();
    find("#gui-bao-cao button").click();
    waitForText("#thong-bao", "Đã gửi báo cáo kết quả Số 01-BC/ĐU.");
    assertTrue(find("#bao-cao-da-gui").getText().contains("Báo cáo kết quả Số 01-BC/ĐU, số liệu đến ngày 23/12/2025"),
        find("#bao-cao-da-gui").getText());
    assertNoAxeViolations("plan page after sending the report");
    browser.screenshot("ke-hoach-bao-cao", 1366);
    // every document the page offers opens (HTML) and downloads (Word) for the office
    List<String> links = all("table a[href*='/documents/']").stream().map(a -> a.getAttribute("href")
        .replaceFirst("^https?://[^/]+/api", "")).toList();
    assertEquals(10, links.size(), links.toString());
    for (String link : links) {
      java.net.http.HttpResponse<byte[]> got = api.download(link, office);
      assertEquals(200, got.statusCode(), link);
      String type = got.headers().firstValue("content-type").orElse("");
      assertTrue(link.contains("format=docx") ? type.contains("wordprocessingml") : type.startsWith("text/html"),
          link + " → " + type);
    }
  }

  @Test
  @Order(10)
  @DisplayName("reschedule and cancel ask for a reason: the API's 400 fields in the error summary")
  void rescheduleAndCancelNeedAReason() {
    LocalApi.Reply other = api.call("POST", "/plans", office, Map.of("year", 2025, "issuer", "peoples-committee",
        "number", "50/KH-UBND", "title", "Kế hoạch đối thoại với Nhân dân thôn Khòn Nà",
        "hosts", List.of(Map.of("position", "Chủ tịch UBND xã")), "audience", "Nhân dân thôn Khòn Nà",
        "meetings", List.of(Map.of("id", "m1", "date", "2025-12-18", "venue", "Nhà văn hóa thôn Khòn Nà")),
        "profile", "lang-son-320"));
    assertEquals(201, other.status(), other.body());
    browser.open("/ke-hoach/chi-tiet.html?id=" + other.text("id"));
    summary("Dời lịch đối thoại").click();
    WebElement form = summary("Dời lịch đối thoại").findElement(By.xpath("./following-sibling::form"));
    form.findElement(By.cssSelector("button")).click();
    new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(d -> !form.findElements(
        By.cssSelector(".error-summary")).isEmpty());
    String errors = form.findElement(By.cssSelector(".error-summary")).getText();
    assertTrue(errors.contains("ngày đối thoại mới") && errors.contains("lý do dời lịch"), errors);
    assertEquals("true", form.findElement(By.name("reason")).getAttribute("aria-invalid"));
    assertNoAxeViolations("plan page, reschedule with errors");
    browser.js("arguments[0].value = '2025-12-23'", form.findElement(By.name("date")));
    form.findElement(By.name("reason")).sendKeys("Trùng lịch tiếp công dân định kỳ của huyện.");
    form.findElement(By.cssSelector("button")).click();
    waitForText("#thong-bao", "Đã dời lịch đối thoại.");
    assertTrue(find(".summary-list").getText().contains("Thứ Ba, 23/12/2025"), find(".summary-list").getText());

    summary("Hủy kế hoạch").click();
    WebElement cancel = summary("Hủy kế hoạch").findElement(By.xpath("./following-sibling::form"));
    cancel.findElement(By.name("reason")).sendKeys("Gộp vào kế hoạch 12-KH/ĐU.");
    cancel.findElement(By.cssSelector("button")).click();
    waitForText("#thong-bao", "Đã hủy kế hoạch.");
    assertEquals("đã hủy", find("#trang-thai").getText());
    assertTrue(find(".summary-list").getText().contains("Gộp vào kế hoạch 12-KH/ĐU."));
  }

  @Test
  @Order(11)
  @DisplayName("statistics of the year and of the plan: SVG charts with their tables, the overdue list, exports")
  void statistics() {
    browser.open("/thong-ke.html?year=2025");
    assertTrue(find("#tong-quan").getText().startsWith("Số liệu năm 2025 đến ngày 23/12/2025: 2 ý kiến"),
        find("#tong-quan").getText());
    WebElement chart = find("svg.chart[role=img]");
    assertEquals("Giao cơ quan giải quyết: 1; Trả lời đúng hạn: 0; Trả lời trễ hạn: 0; Quá hạn chưa trả lời: 1; "
        + "Đang giải quyết: 0", chart.findElement(By.tagName("desc")).getAttribute("textContent"));
    assertTrue(find("#bang-tra-loi").getText().contains("Quá hạn chưa trả lời 1"), find("#bang-tra-loi").getText());
    assertTrue(all("a[href*='/exports/']").isEmpty(), "exports belong to a plan");
    assertNoAxeViolations("statistics of the year");
    browser.open("/thong-ke.html?year=2025&plan=" + planId);
    List<String> exports = all("a[href*='/exports/']").stream().map(a -> a.getAttribute("href")).toList();
    assertEquals(4, exports.size(), exports.toString());
    assertEquals(200, api.download("/plans/" + planId + "/exports/opinions?format=xlsx", office).statusCode());
    assertNoAxeViolations("statistics of a plan");
    browser.screenshot("thong-ke", 1366);
    browser.screenshot("thong-ke-360", 360);
  }

  @Test
  @Order(12)
  @DisplayName("the calendar: the meeting with its .ics and the deadlines in their month; days off and make-up days")
  void calendarMonth() {
    browser.open("/lich.html?month=2025-11");
    assertEquals("Lịch tháng 11/2025", find("h1").getText());
    String days = find("#trong-thang").getText();
    assertTrue(days.contains("Thứ Năm, 20/11/2025\nHội nghị đối thoại Nhà văn hóa thôn Nà Pàn — 12-KH/ĐU"), days);
    assertTrue(days.contains("Thứ Sáu, 07/11/2025\nHạn: Ủy ban MTTQ xã tổng hợp ý kiến"), days);
    String ics = find("#trong-thang a[download]").getAttribute("href").replaceFirst("^https?://[^/]+/api", "");
    assertEquals(200, api.download(ics, office).statusCode(), ics);
    assertNoAxeViolations("calendar, November 2025");
    browser.screenshot("lich", 1366);
    browser.screenshot("lich-360", 360);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> special = (List<Map<String, Object>>) api.call("GET", "/calendar/2025", office, null)
        .json().get("days");
    for (boolean off : new boolean[] {true, false}) {
      Map<String, Object> day = special.stream().filter(d -> off == Boolean.TRUE.equals(d.get("dayOff"))).findFirst()
          .orElse(null);
      if (day == null) {
        continue; // a year without make-up days has nothing to show for them
      }
      String date = (String) day.get("date");
      browser.open("/lich.html?month=" + date.substring(0, 7));
      String shown = find("#trong-thang").getText();
      String dmy = date.substring(8) + "/" + date.substring(5, 7) + "/" + date.substring(0, 4);
      assertTrue(shown.contains(dmy + "\n" + (off ? "Ngày nghỉ" : "Ngày làm việc")), shown);
      assertTrue(find("#thang td." + (off ? "has-off" : "has-work")).getText().contains(off ? "Nghỉ" : "Làm bù"));
    }
  }

  @Test
  @Order(13)
  @DisplayName("settings for the commune admin: profile and agencies with field errors, a secret shown once, a "
      + "local day off that the calendar then shows")
  void settings() {
    String admin = api.token("demo", "admin", null);
    browser.signIn(admin);
    browser.open("/cai-dat.html");
    assertNoAxeViolations("settings");
    WebElement host = find("#ho-so [name=hostEmail]");
    host.clear();
    host.sendKeys("chu tich@demo");
    find("#ho-so button.secondary").click();
    WebElement added = all("#co-quan tr.agency").get(all("#co-quan tr.agency").size() - 1);
    added.findElement(By.cssSelector(".cq-id")).sendKeys("Ban Chi Huy");
    added.findElement(By.cssSelector(".cq-name")).sendKeys("Ban Chỉ huy Quân sự xã");
    find("#ho-so button[type=submit]").click();
    new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(d -> !d.findElements(
        By.cssSelector("#ho-so .error-summary")).isEmpty());
    String errors = find("#ho-so .error-summary").getText();
    assertTrue(errors.contains("Địa chỉ e-mail không hợp lệ.") && errors.contains("Mã cơ quan chỉ gồm chữ thường"),
        errors);
    assertEquals("true", added.findElement(By.cssSelector(".cq-id")).getAttribute("aria-invalid"));
    assertNoAxeViolations("settings with errors");
    host.clear();
    host.sendKeys("chutich@demo.example.vn");
    added.findElement(By.cssSelector(".cq-id")).clear();
    added.findElement(By.cssSelector(".cq-id")).sendKeys("ban-chi-huy-quan-su");
    find("#ho-so button[type=submit]").click();
    waitForText("#thong-bao", "Đã lưu thông tin của xã.");
    assertTrue(api.call("GET", "/communes/demo", admin, null).body().contains("Ban Chỉ huy Quân sự xã"));

    find("#doi-khoa button[type=submit]").click();
    waitForText("#khoa-moi", "Khóa mới (chỉ hiển thị một lần)");
    String secret = find("#khoa").getText();
    assertTrue(secret.startsWith("whsec_"), secret);
    assertFalse(api.call("GET", "/communes/demo", admin, null).body().contains(secret), "never shown again");
    browser.screenshot("cai-dat", 1366);

    browser.js("arguments[0].value = '2026-01-05'", find("#dieu-chinh-lich [name=date]"));
    find("#dc-type-0").click();
    find("#dieu-chinh-lich [name=reason]").sendKeys("Lễ hội truyền thống của xã");
    find("#dieu-chinh-lich [name=source]").sendKeys("Thông báo số 15/TB-UBND ngày 20/12/2025 của UBND xã");
    find("#dieu-chinh-lich button[type=submit]").click();
    waitForText("#thong-bao", "Đã điều chỉnh: Thứ Hai, 05/01/2026 là ngày nghỉ;");
    browser.open("/lich.html?month=2026-01");
    assertTrue(find("#trong-thang").getText().contains("Thứ Hai, 05/01/2026\nNgày nghỉ"), find("#trong-thang").getText());
  }

  @Test
  @Order(14)
  @DisplayName("no new page scrolls sideways at 360 px (a phone) or 683 px (1366 px at 200 % zoom)")
  void reflowsAt360And200PercentZoom() {
    browser.signIn(office);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> notices = (List<Map<String, Object>>) api.call("GET", "/plans/" + planId
        + "/conclusions", office, null).json().get("conclusions");
    for (String page : List.of("/ke-hoach.html?year=2025", "/ke-hoach/chi-tiet.html?id=" + planId,
        "/ke-hoach/sua.html", "/ke-hoach/bien-ban.html?plan=" + planId + "&meeting=" + meetingId(),
        "/ke-hoach/thong-bao-ket-luan.html?id=" + notices.get(0).get("id"),
        "/thong-ke.html?year=2025&plan=" + planId, "/lich.html?month=2025-11")) {
      assertNoSidewaysScroll(page);
    }
    browser.signIn(api.token("demo", "admin", null));
    assertNoSidewaysScroll("/cai-dat.html");
  }

  @SuppressWarnings("unchecked")
  String meetingId() {
    Map<String, Object> plan = api.call("GET", "/plans/" + planId, office, null).json();
    return (String) ((List<Map<String, Object>>) plan.get("meetings")).get(0).get("id");
  }

  void assertNoSidewaysScroll(String page) {
    browser.open(page);
    assertTrue(all("main .notice-error h1").isEmpty(), page + " did not load: " + find("main").getText());
    for (int width : new int[] {360, 683}) {
      browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 800,
          "deviceScaleFactor", 1, "mobile", false));
      try {
        Number overflow = (Number) browser.js(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertEquals(0, overflow.intValue(), page + " at " + width + " px scrolls sideways");
      } finally {
        browser.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
      }
    }
  }

  @Test
  @Order(15)
  @DisplayName("page weights of the new pages: first load within 100 KB, a cached load within 30 KB")
  void pageWeights() {
    browser.signIn(office);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> notices = (List<Map<String, Object>>) api.call("GET", "/plans/" + planId
        + "/conclusions", office, null).json().get("conclusions");
    StringBuilder report = new StringBuilder("| page | first load KB | cached KB | interactive ms (first, cached) |\n"
        + "|---|---|---|---|\n");
    for (String page : List.of("/ke-hoach.html?year=2025", "/ke-hoach/chi-tiet.html?id=" + planId,
        "/ke-hoach/thong-bao-ket-luan.html?id=" + notices.get(0).get("id"), "/ke-hoach/bien-ban.html?plan=" + planId
            + "&meeting=" + meetingId(), "/ke-hoach/sua.html", "/thong-ke.html?year=2025&plan=" + planId,
        "/lich.html?month=2025-11")) {
      browser.driver.executeCdpCommand("Network.enable", Map.of());
      browser.driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
      browser.open(page);
      double[] first = weight();
      browser.open(page);
      double[] cached = weight();
      report.append(String.format(java.util.Locale.ROOT, "| %s | %.1f | %.1f | %.0f, %.0f |%n",
          page.replaceAll("=[pc]_[^&]*", "=…").replaceAll("meeting=[^&]*", "meeting=…"), first[0] / 1024,
          cached[0] / 1024, first[1], cached[1]));
      assertTrue(first[0] <= 100 * 1024, page + " first load " + first[0]);
      assertTrue(cached[0] <= 30 * 1024, page + " cached load " + cached[0]);
    }
    System.out.println(report);
    try {
      java.nio.file.Files.writeString(Path.of("target", "console-plans-weights.md"), report);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Bytes transferred for the page and everything it loaded, and the time to interactive (ms). */
  double[] weight() {
    Map<?, ?> m = (Map<?, ?>) browser.js("""
        const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
        const bytes = entries.reduce((n, e) => n + (e.transferSize || 0), 0);
        const mark = performance.getEntriesByName('dt-ready')[0];
        return {bytes, ready: mark ? mark.startTime : -1};
        """);
    return new double[] {((Number) m.get("bytes")).doubleValue(), ((Number) m.get("ready")).doubleValue()};
  }
}
