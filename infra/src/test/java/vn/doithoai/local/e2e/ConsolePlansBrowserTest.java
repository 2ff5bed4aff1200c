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
 * Seed 000's whole dialogue in the browser, one step after the other in one Chromium (Lạng Sơn's rules,
 * {@code lang-son-320}: the Front compiles 10 days before the meeting, invitations 7 working days before, the
 * notice within 10 working days after, answers 20 working days after the notice), with the local clock moved
 * across its deadlines: the office creates the plan in the form (a unit's task, the rule profile, field errors),
 * announces it; the timeline turns a missed deadline "Quá hạn" and a marked one "Đã hoàn thành"; an opinion
 * arrives and is accepted, assigned and answered; the minutes are recorded; the office drafts the notice and edits
 * its items; the personal data it flags is hidden; the host approves from Việc của tôi on a 390 px phone; the
 * office publishes it and sees its number; past the answers' deadline the report is previewed and sent. Steps 1 to
 * 11 are that dialogue; the later ones use the plan it leaves (reschedule, statistics, calendar, settings, reflow,
 * page weights).
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
  static String webOpinionId;

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

  /** The deadline of rule {@code rule} on the plan page's timeline. */
  WebElement deadline(String rule) {
    return browser.find(".deadlines li[data-rule='" + rule + "']");
  }

  String state(String rule) {
    return deadline(rule).findElement(By.cssSelector("h4 .tag")).getText();
  }

  @Test
  @Order(1)
  @DisplayName("the office creates seed 000's plan in the form: the API's 400 fields in the summary and beside each "
      + "field, then the plan by year with its status and meeting date")
  void createThePlanAndListIt() {
    browser.signIn(office);
    browser.open("/ke-hoach.html?year=2025");
    assertEquals("Năm 2025: 0 kế hoạch", browser.find("#so-ket-qua").getText());
    browser.driver.findElement(By.linkText("Lập kế hoạch")).click();
    browser.waitReady();
    browser.find("#ke-hoach-nhap [name=year]").clear();
    browser.find("#ke-hoach-nhap button[type=submit]").click();
    new WebDriverWait(browser.driver, Duration.ofSeconds(15), Browser.POLL).until(d -> !d.findElements(
        By.cssSelector("#ke-hoach-nhap .error-summary")).isEmpty());
    String errors = browser.find("#ke-hoach-nhap .error-summary").getText();
    assertTrue(errors.contains("Vui lòng nhập năm của kế hoạch.") && errors.contains("Vui lòng nhập tên kế hoạch.")
        && errors.contains("Kế hoạch cần ít nhất một người chủ trì.") && errors.contains("đối tượng đối thoại"), errors);
    assertEquals("true", browser.find("#ke-hoach-nhap [name=title]").getAttribute("aria-invalid"));
    assertEquals("true", browser.find("#ke-hoach-nhap [name=hostPosition]").getAttribute("aria-invalid"));
    browser.assertNoAxeViolations("plan form with errors");
    browser.screenshot("ke-hoach-lap-loi", 1366);
    browser.find("#ke-hoach-nhap [name=year]").sendKeys("2025");
    browser.find("#ph-issuer-0").click();
    browser.find("[name=number]").sendKeys("12-KH/ĐU");
    browser.find("[name=title]").sendKeys("Kế hoạch tiếp xúc, đối thoại trực tiếp giữa Bí thư Đảng ủy với Nhân dân");
    browser.find("[name=hostPosition]").sendKeys("Bí thư Đảng ủy, Chủ tịch HĐND xã");
    browser.find("[name=hostName]").sendKeys("Vy Xuân Tình");
    browser.find("[name=audience]").sendKeys("Nhân dân thôn Nà Pàn");
    browser.find("[name=villages]").sendKeys("Thôn Nà Pàn");
    browser.find("[name=period]").sendKeys("Quý IV năm 2025");
    browser.js("arguments[0].value = '2025-11-20'", browser.find("#ph-m0-date"));
    browser.find("#ph-m0-venue").sendKeys("Nhà văn hóa thôn Nà Pàn");
    browser.find("[name=distribution]").sendKeys("Ban Thường vụ Huyện ủy\nThường trực Đảng ủy\nLưu: VT");
    browser.find("[name=legalBasis]").sendKeys("Quyết định số 320-QĐ/TU ngày 13/6/2016 của Ban Thường vụ Tỉnh ủy Lạng Sơn");
    assertEquals("lang-son-320", browser.find("[name=profile]").getAttribute("value"), "the commune's rules first");
    assertEquals("strict", browser.find("[name=reading]:checked").getAttribute("value"));
    WebElement task = browser.find("#nhiem-vu .task-row");
    task.findElement(By.cssSelector("textarea")).sendKeys("Tổng hợp các ý kiến báo cáo Bí thư Đảng ủy trước khi "
        + "tổ chức tiếp xúc, đối thoại 10 ngày");
    browser.js("arguments[0].value = '2025-11-10'", task.findElement(By.cssSelector("input[type=date]")));
    browser.find("#ke-hoach-nhap button[type=submit]").click();
    WebElement unit = task.findElement(By.cssSelector("input[type=text]"));
    new WebDriverWait(browser.driver, Duration.ofSeconds(15), Browser.POLL).until(d -> "true".equals(unit.getAttribute(
        "aria-invalid")));
    assertTrue(browser.find("#ke-hoach-nhap .error-summary").getText().contains("Vui lòng nhập đơn vị thực hiện."),
        browser.find("#ke-hoach-nhap .error-summary").getText());
    assertTrue(task.getText().contains("Vui lòng nhập đơn vị thực hiện."), "the message beside the task's unit");
    browser.assertNoAxeViolations("plan form, a task without its unit");
    browser.screenshot("ke-hoach-lap-nhiem-vu-loi", 1366);
    unit.sendKeys("Ủy ban MTTQ xã");
    new org.openqa.selenium.support.ui.Select(task.findElement(By.cssSelector("select"))).selectByValue("front");
    browser.find("#ke-hoach-nhap button[type=submit]").click();
    new WebDriverWait(browser.driver, Duration.ofSeconds(15), Browser.POLL).until(d -> d.getCurrentUrl().contains(
        "/ke-hoach/chi-tiet.html?id="));
    browser.waitReady();
    planId = browser.driver.getCurrentUrl().replaceAll(".*id=([^&]+).*", "$1");
    browser.waitForText("#thong-bao", "Đã lập kế hoạch (bản nháp).");
    @SuppressWarnings("unchecked")
    Map<String, Object> stored = api.call("GET", "/plans/" + planId, office, null).json();
    assertEquals(List.of("Ban Thường vụ Huyện ủy", "Thường trực Đảng ủy", "Lưu: VT"), stored.get("distribution"));
    assertEquals("lang-son-320", stored.get("profile"), "the commune's rules");
    @SuppressWarnings("unchecked")
    Map<String, Object> storedTask = ((List<Map<String, Object>>) stored.get("tasks")).get(0);
    assertEquals(List.of("Ủy ban MTTQ xã", "front", "2025-11-10"), List.of(storedTask.get("unit"),
        storedTask.get("owner"), storedTask.get("due")));
    assertEquals(1, ((List<?>) stored.get("legalBasis")).size());

    browser.open("/ke-hoach.html?year=2025");
    assertEquals("Năm 2025: 1 kế hoạch", browser.find("#so-ket-qua").getText());
    String row = browser.find("tbody tr").getText();
    assertTrue(row.contains("12-KH/ĐU") && row.contains("bản nháp") && row.contains("20/11/2025"), row);
    assertEquals("page", browser.find(".nav a[href='/ke-hoach.html']").getAttribute("aria-current"));
    browser.assertNoAxeViolations("plans list");
    browser.screenshot("ke-hoach", 1366);
  }

  @Test
  @Order(2)
  @DisplayName("the office announces the plan from its page; the timeline lists each deadline, all open")
  void announceFromThePlanPage() {
    browser.open("/ke-hoach/chi-tiet.html?id=" + planId);
    assertTrue(browser.find("#trang-thai").getText().equals("bản nháp"));
    browser.action("Công bố kế hoạch").click();
    browser.action("Công bố kế hoạch").findElement(By.xpath("./following-sibling::form//button")).click();
    browser.waitForText("#thong-bao", "Đã công bố kế hoạch.");
    assertEquals("đã công bố", browser.find("#trang-thai").getText());
    assertEquals("Đang mở", state("front.opinions-compiled"));
    assertEquals("Đang mở", state("meeting.notice"));
    String front = deadline("front.opinions-compiled").getText();
    assertTrue(front.contains("Hạn\nThứ Sáu, 07/11/2025") && front.contains("Ủy ban MTTQ"), front);
    assertTrue(deadline("conclusion.notice").getText().contains("Đơn vị thực hiện\nvăn phòng"),
        deadline("conclusion.notice").getText());
    assertEquals("Chưa đến mốc tính hạn", state("opinion.resolution"), "answers count from the notice");
    assertFalse(browser.driver.getPageSource().matches("(?s).*\\b2025-11-\\d\\d\\b.*"), "no ISO dates on the page");
    browser.assertNoAxeViolations("plan page, announced");
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
    browser.assertNoAxeViolations("plan page, an overdue deadline with its mark-met form");
    front.findElement(By.cssSelector(".mark-met button")).click();
    browser.waitForText("#thong-bao", "Đã ghi nhận hoàn thành: ");
    assertEquals("Đã hoàn thành", state("front.opinions-compiled"));
    assertTrue(deadline("front.opinions-compiled").findElements(By.cssSelector(".mark-met")).isEmpty());
    assertEquals(List.of(planId + "#" + meetingId() + "#front.opinions-compiled"), api.call("GET", "/plans/"
        + planId, office, null).json().get("completedDeadlines"));
  }

  @Test
  @Order(4)
  @DisplayName("an opinion arrives from the commune's website: the office accepts it into the plan and assigns it, "
      + "the agency answers it, all in the browser")
  void opinionArrivesAndIsAnswered() {
    LocalApi.Reply sent = api.webhook("demo", "wh-nap-pan-1", vn.doithoai.core.common.Json.write(Map.of("content",
        "Đường vào thôn Nà Pàn đoạn qua cầu tràn bị sạt lở, đề nghị xã sớm khắc phục.", "field", "infrastructure",
        "name", "Hoàng Văn Dũng", "email", "dung@example.vn")).getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "application/json");
    assertEquals(202, sent.status(), sent.body());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> found = (List<Map<String, Object>>) api.call("GET", "/opinions?plan=*&q="
        + sent.text("trackingCode"), office, null).json().get("opinions");
    webOpinionId = (String) found.get(0).get("id");
    browser.open("/y-kien/chi-tiet.html?id=" + webOpinionId);
    WebElement accept = browser.openAction("Đưa vào đối thoại");
    new org.openqa.selenium.support.ui.Select(accept.findElement(By.name("plan"))).selectByValue(planId);
    browser.submit(accept, "Đã thực hiện: Đưa vào đối thoại.");
    WebElement assign = browser.openAction("Giao cơ quan giải quyết");
    new org.openqa.selenium.support.ui.Select(assign.findElement(By.name("agency"))).selectByValue("phong-kinh-te");
    assign.findElement(By.cssSelector("button[type=submit]")).click();
    browser.waitForText(".actions .notice", "Giao Phòng Kinh tế, hạn trả lời Thứ");
    browser.submit(assign, "Đã thực hiện: Giao cơ quan giải quyết.");

    browser.signIn(api.token("demo", "agency", "phong-kinh-te"));
    browser.open("/");
    browser.driver.findElement(By.linkText(sent.text("trackingCode"))).click();
    browser.waitReady();
    WebElement answer = browser.openAction("Trả lời");
    answer.findElement(By.name("text")).sendKeys("Phòng Kinh tế đã kiểm tra; đoạn sạt lở được gia cố bằng rọ đá "
        + "trong tháng 11/2025.");
    browser.submit(answer, "Đã thực hiện: Trả lời.");
    assertTrue(browser.find(".summary-list").getText().contains("Trạng thái\nĐã trả lời"));
    browser.signIn(office);
  }

  @Test
  @Order(5)
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
    assertEquals("Vy Xuân Tình", browser.find("[name=chair]").getAttribute("value"), "the host named in the plan");
    browser.assertNoAxeViolations("minutes form");
    String a = spoken.text("id");
    browser.find("#nr-" + a).click();
    browser.find("#tl-" + a).click();
    browser.find("#nr-" + cardId).click();
    browser.find("#ghi-bien-ban button[type=submit]").click();
    new WebDriverWait(browser.driver, Duration.ofSeconds(15), Browser.POLL).until(d -> !d.findElements(
        By.cssSelector("#ghi-bien-ban .error-summary")).isEmpty());
    String errors = browser.find("#ghi-bien-ban .error-summary").getText();
    assertTrue(errors.contains("thư ký") && errors.contains("cần ghi nội dung trả lời"), errors);
    assertEquals("true", browser.find("#nd-" + a).getAttribute("aria-invalid"), "the answer of the first opinion raised");
    browser.assertNoAxeViolations("minutes form with errors");
    browser.screenshot("bien-ban-loi", 1366);
    browser.find("[name=attendees]").sendKeys("126");
    browser.find("[name=secretary]").sendKeys("Hoàng Thị Lan");
    browser.find(".sp-name").sendKeys("Ông Nông Văn Thắng");
    browser.find("#nd-" + a).sendKeys("Xã lắp 12 bóng đèn trong tháng 12/2025.");
    browser.find("#ghi-bien-ban button[type=submit]").click();
    browser.waitForText("#thong-bao", "Đã lưu biên bản: 2 ý kiến được nêu, 1 ý kiến đã trả lời tại hội nghị");
    assertEquals("answered", api.call("GET", "/opinions/" + a, office, null).text("status"));
    assertEquals("assigned", api.call("GET", "/opinions/" + cardId, office, null).text("status"));
  }

  @Test
  @Order(6)
  @DisplayName("after the meeting the office drafts the notice from the plan page")
  void draftTheNotice() {
    browser.open("/ke-hoach/chi-tiet.html?id=" + planId);
    assertEquals("đã tổ chức", browser.find("#trang-thai").getText());
    assertTrue(browser.find("#noi-dung").getText().contains("Chưa có thông báo kết luận."));
    browser.driver.findElement(By.xpath("//button[.='Dự thảo thông báo kết luận']")).click();
    new WebDriverWait(browser.driver, Duration.ofSeconds(15), Browser.POLL).until(d -> d.getCurrentUrl().contains(
        "/ke-hoach/thong-bao-ket-luan.html?id="));
    browser.waitReady();
    conclusionId = browser.driver.getCurrentUrl().replaceAll(".*id=", "");
    assertEquals("Dự thảo thông báo kết luận", browser.find("h1").getText());
    assertEquals("dự thảo", browser.find("#trang-thai").getText());
    assertTrue(browser.find("#noi-dung").getText().contains("Xã lắp 12 bóng đèn"), "the matter resolved at the meeting");
    assertTrue(browser.all("#duyet").isEmpty(), "the office does not approve");
    assertTrue(browser.all("#ban-hanh").isEmpty(), "nothing to publish before the host approves");
    assertTrue(browser.find(".doc-links a").getAttribute("href").endsWith("/api/conclusions/" + conclusionId + "/document"));
    assertEquals(200, api.call("GET", "/conclusions/" + conclusionId + "/document", office, null).status());
    browser.assertNoAxeViolations("conclusion notice, draft (office)");
    browser.screenshot("thong-bao-ket-luan-du-thao", 1366);
  }

  @Test
  @Order(7)
  @DisplayName("the office edits the draft's items: a due date is required for an assignment (the message beside it), "
      + "then re-dated, a matter of the chair's added; a stale version is refused; the phone number it quotes is "
      + "flagged")
  void editTheItems() {
    browser.open("/ke-hoach/thong-bao-ket-luan.html?id=" + conclusionId);
    browser.find("#sua").findElement(By.xpath("./preceding-sibling::summary")).click();
    WebElement card = browser.find(".item-row[data-opinion='" + cardId + "']");
    assertEquals("assigned", card.findElement(By.cssSelector("select")).getAttribute("value"));
    WebElement due = card.findElement(By.cssSelector("input[type=date]"));
    browser.js("arguments[0].value = ''", due);
    WebElement text = card.findElement(By.cssSelector("textarea"));
    text.sendKeys(" Liên hệ số điện thoại 0912.345.678 để khảo sát.");
    browser.driver.findElement(By.xpath("//button[.='Thêm nội dung do chủ trì kết luận']")).click();
    List<WebElement> rows = browser.all("#cac-muc .item-row");
    WebElement added = rows.get(rows.size() - 1);
    new org.openqa.selenium.support.ui.Select(added.findElement(By.cssSelector("select"))).selectByValue("assigned");
    added.findElement(By.cssSelector("textarea")).sendKeys("Rà soát toàn bộ hệ thống đèn chiếu sáng đường thôn.");
    added.findElement(By.cssSelector("input[type=text]")).sendKeys("Văn phòng HĐND và UBND xã");
    browser.js("arguments[0].value = '2025-12-31'", added.findElement(By.cssSelector("input[type=date]")));
    browser.find("#sua button[type=submit]").click();
    new WebDriverWait(browser.driver, Duration.ofSeconds(15), Browser.POLL).until(d -> "true".equals(due.getAttribute(
        "aria-invalid")));
    assertTrue(browser.find("#sua .error-summary").getText().contains("Nhập hạn giải quyết của cơ quan được giao."),
        browser.find("#sua .error-summary").getText());
    assertTrue(card.getText().contains("Nhập hạn giải quyết của cơ quan được giao."), "beside the item's due date");
    browser.assertNoAxeViolations("conclusion notice, items with an error");
    browser.screenshot("thong-bao-ket-luan-sua-muc-loi", 1366);
    browser.js("arguments[0].value = '2025-12-19'", due);
    browser.find("#sua button[type=submit]").click();
    browser.waitForText("#thong-bao", "Đã lưu dự thảo.");
    String content = browser.find("#phan-assigned").findElement(By.xpath("..")).getText();
    assertTrue(content.startsWith("Giao giải quyết (2)") && content.contains("Hạn: Thứ Sáu, 19/12/2025")
        && content.contains("Rà soát toàn bộ hệ thống đèn chiếu sáng") && content.contains("Cơ quan: Văn phòng HĐND"),
        content);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> assigned = (List<Map<String, Object>>) api.call("GET", "/conclusions/" + conclusionId,
        office, null).json().get("assigned");
    assertEquals(cardId, assigned.get(0).get("opinionId"));
    assertEquals("2025-12-19", assigned.get(0).get("due"));
    assertEquals(null, assigned.get(1).get("opinionId"), "the chair's own matter answers no opinion");
    assertEquals(409, api.call("PUT", "/conclusions/" + conclusionId, office, Map.of("version", 1, "title",
        "Sửa từ bản cũ")).status(), "a stale version is refused");
    String flags = browser.find("[aria-labelledby=ttcn]").getText();
    assertTrue(flags.startsWith("Thông tin cá nhân cần xử lý trước khi ban hành (1)") && flags.contains(
        "số điện thoại “0912.345.678”"), flags);
    browser.assertNoAxeViolations("conclusion notice, items edited, a flag");
    browser.screenshot("thong-bao-ket-luan-sua-muc", 1366);
  }

  @Test
  @Order(8)
  @DisplayName("the host, on a 390 px phone, opens the notice from Việc của tôi; Duyệt waits for the flagged phone "
      + "number, which the host hides; then the host reads what Duyệt does and approves; the heading follows")
  void hostApprovesOnAPhone() {
    browser.signIn(host);
    browser.atWidth(390, true, () -> {
      browser.open("/");
      WebElement link = browser.find(".card a[href*='thong-bao-ket-luan.html']");
      WebElement waiting = link.findElement(By.xpath(".."));
      assertTrue(waiting.getText().contains("còn 1 thông tin cá nhân cần xử lý")
          && waiting.findElements(By.tagName("button")).isEmpty(), "no quick Duyệt while a flag is open");
      assertTrue(link.getAttribute("href").endsWith("/ke-hoach/thong-bao-ket-luan.html?id=" + conclusionId),
          link.getAttribute("href"));
      link.click();
      browser.waitReady();
      assertTrue(browser.find("#duyet").getText().contains("Còn 1 cụm từ thông tin cá nhân chưa xử lý"),
          browser.find("#duyet").getText());
      assertTrue(browser.all("#duyet button").isEmpty(), "no Duyệt while the notice quotes a phone number");
      browser.assertNoAxeViolations("conclusion notice, host, a flag open");
      browser.find("[aria-labelledby=ttcn] button").click();
      browser.waitForText("#thong-bao", "Đã ẩn “0912.345.678” trong thông báo.");
      assertTrue(browser.all("[aria-labelledby=ttcn]").isEmpty(), "no flag left");
      assertTrue(browser.find("#phan-assigned").findElement(By.xpath("..")).getText().contains(
          "Liên hệ số điện thoại *** để khảo sát."));
      String statement = browser.find("#duyet").getText();
      assertTrue(statement.contains("không sửa được nữa") && statement.contains("cấp số"), statement);
      assertEquals(0, browser.sidewaysScroll(), "no sideways scrolling at 390 px");
      browser.assertNoAxeViolations("conclusion notice, host on a phone");
      return null;
    });
    browser.screenshot("thong-bao-ket-luan-truoc-khi-duyet-390", 390);
    browser.atWidth(390, true, () -> {
      browser.find("#duyet button").click();
      browser.waitForText("#thong-bao", "Đã duyệt thông báo kết luận.");
      assertEquals("đã duyệt", browser.find("#trang-thai").getText());
      assertEquals("Thông báo kết luận đã duyệt, chờ ban hành", browser.find("h1").getText());
      assertTrue(browser.all("#duyet").isEmpty());
      return null;
    });
    browser.screenshot("thong-bao-ket-luan-duyet-390", 390);
  }

  @Test
  @Order(9)
  @DisplayName("the office publishes: the number is shown; the timeline has the notice met and answers counted")
  void publishShowsTheNumber() {
    api.advanceDaily(Instant.parse("2025-11-24T02:00:00Z"));
    browser.signIn(office);
    browser.open("/ke-hoach/thong-bao-ket-luan.html?id=" + conclusionId);
    browser.assertNoAxeViolations("conclusion notice, approved (office)");
    browser.find("#ban-hanh button").click();
    browser.waitForText("#thong-bao", "Đã ban hành thông báo kết luận số 01-TB/ĐU, ngày 24/11/2025.");
    assertEquals("Số 01-TB/ĐU", browser.find("#so-van-ban").getText());
    assertEquals("Thông báo kết luận số 01-TB/ĐU, đã ban hành", browser.find("h1").getText());
    String published = api.call("GET", "/conclusions/" + conclusionId + "/document", office, null).body();
    assertTrue(published.contains("Rà soát toàn bộ hệ thống đèn chiếu sáng") && !published.contains("0912"),
        "the official text has the edited items, without the phone number");
    assertEquals(200, api.download("/conclusions/" + conclusionId + "/document?format=docx", office).statusCode());
    browser.screenshot("thong-bao-ket-luan-ban-hanh", 1366);

    browser.open("/ke-hoach/chi-tiet.html?id=" + planId);
    assertEquals("Đã hoàn thành", state("conclusion.notice"));
    assertEquals("Đang mở", state("opinion.resolution"));
    assertTrue(deadline("opinion.resolution").getText().contains("22/12/2025"), deadline("opinion.resolution")
        .getText());
    assertTrue(browser.find("#ds-ket-luan").getText().contains("số 01-TB/ĐU"));
  }

  @Test
  @Order(10)
  @DisplayName("a correction is a new edition: a draft that names the notice it corrects")
  void correctionIsANewEdition() {
    browser.open("/ke-hoach/thong-bao-ket-luan.html?id=" + conclusionId);
    browser.find("#dinh-chinh button").click();
    new WebDriverWait(browser.driver, Duration.ofSeconds(15), Browser.POLL)
        .until(d -> !d.getCurrentUrl().endsWith(conclusionId));
    browser.waitReady();
    assertEquals("dự thảo", browser.find("#trang-thai").getText());
    assertTrue(browser.find(".summary-list").getText().contains("Lần 2 (đính chính)"), browser.find(".summary-list").getText());
    browser.assertNoAxeViolations("conclusion notice, correction draft");
  }

  @Test
  @Order(11)
  @DisplayName("past the answers' deadline: “Quá hạn” on the timeline, the overdue matter in the report; the Front "
      + "reads it without acting; the office sends the report and sees its number")
  void followUpAndReport() {
    api.advanceDaily(Instant.parse("2025-12-23T02:00:00Z"));
    browser.signIn(api.token("demo", "front", null));
    browser.open("/ke-hoach/chi-tiet.html?id=" + planId);
    assertEquals("Quá hạn", state("opinion.resolution"));
    String overdue = browser.find("#qua-han").getText();
    assertTrue(overdue.contains("Đề nghị hỗ trợ sửa nhà văn hóa") && overdue.contains("22/12/2025"), overdue);
    String counts = browser.find("#so-lieu-ket-qua").getText();
    assertTrue(counts.contains("Tổng số ý kiến 3") && counts.contains("Trả lời tại hội nghị 1")
        && counts.contains("Giao cơ quan giải quyết 2") && counts.contains("Trả lời đúng hạn 1")
        && counts.contains("Quá hạn chưa trả lời 1"), counts);
    assertTrue(browser.all(".actions details, .mark-met, #gui-bao-cao").isEmpty(), "the Front supervises, it does not act");
    browser.assertNoAxeViolations("plan page (Front, supervising)");
    browser.screenshot("ke-hoach-giam-sat-mttq", 1366);

    browser.signIn(office);
    browser.open("/ke-hoach/chi-tiet.html?id=" + planId);
    // the preview, in the official layout, before sending
    browser.driver.get(browser.find(".doc-links a[href$='/documents/report']").getAttribute("href"));
    String preview = browser.find("body").getText();
    assertTrue(preview.contains("BÁO CÁO") && preview.contains("Đề nghị hỗ trợ sửa nhà văn hóa"), preview);
    browser.open("/ke-hoach/chi-tiet.html?id=" + planId);
    browser.driver.findElement(By.xpath("//summary[.='Gửi báo cáo kết quả']")).click();
    browser.find("#gui-bao-cao button").click();
    browser.waitForText("#thong-bao", "Đã gửi báo cáo kết quả số 01-BC/ĐU.");
    assertTrue(browser.find("#bao-cao-da-gui").getText().contains("Báo cáo kết quả số 01-BC/ĐU, số liệu đến ngày 23/12/2025"),
        browser.find("#bao-cao-da-gui").getText());
    browser.assertNoAxeViolations("plan page after sending the report");
    browser.screenshot("ke-hoach-bao-cao", 1366);
    // every document the page offers opens (HTML) and downloads (Word) for the office
    List<String> links = browser.all("table a[href*='/documents/']").stream().map(a -> a.getAttribute("href")
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
  @Order(12)
  @DisplayName("reschedule and cancel ask for a reason: the API's 400 fields in the error summary")
  void rescheduleAndCancelNeedAReason() {
    LocalApi.Reply other = api.call("POST", "/plans", office, Map.of("year", 2025, "issuer", "peoples-committee",
        "number", "50/KH-UBND", "title", "Kế hoạch đối thoại với Nhân dân thôn Khòn Nà",
        "hosts", List.of(Map.of("position", "Chủ tịch UBND xã")), "audience", "Nhân dân thôn Khòn Nà",
        "meetings", List.of(Map.of("id", "m1", "date", "2025-12-18", "venue", "Nhà văn hóa thôn Khòn Nà")),
        "profile", "lang-son-320"));
    assertEquals(201, other.status(), other.body());
    browser.open("/ke-hoach/chi-tiet.html?id=" + other.text("id"));
    browser.action("Dời lịch đối thoại").click();
    WebElement form = browser.action("Dời lịch đối thoại").findElement(By.xpath("./following-sibling::form"));
    form.findElement(By.cssSelector("button")).click();
    new WebDriverWait(browser.driver, Duration.ofSeconds(15), Browser.POLL).until(d -> !form.findElements(
        By.cssSelector(".error-summary")).isEmpty());
    String errors = form.findElement(By.cssSelector(".error-summary")).getText();
    assertTrue(errors.contains("ngày đối thoại") && errors.contains("lý do dời lịch"), errors);
    assertEquals("true", form.findElement(By.name("reason")).getAttribute("aria-invalid"));
    browser.assertNoAxeViolations("plan page, reschedule with errors");
    browser.js("arguments[0].value = '2025-12-23'", form.findElement(By.name("date")));
    form.findElement(By.name("reason")).sendKeys("Trùng lịch tiếp công dân định kỳ của huyện.");
    form.findElement(By.cssSelector("button")).click();
    browser.waitForText("#thong-bao", "Đã dời lịch đối thoại.");
    assertTrue(browser.find(".summary-list").getText().contains("Thứ Ba, 23/12/2025"), browser.find(".summary-list").getText());

    browser.action("Hủy kế hoạch").click();
    WebElement cancel = browser.action("Hủy kế hoạch").findElement(By.xpath("./following-sibling::form"));
    cancel.findElement(By.name("reason")).sendKeys("Gộp vào kế hoạch 12-KH/ĐU.");
    cancel.findElement(By.cssSelector("button")).click();
    browser.waitForText("#thong-bao", "Đã hủy kế hoạch.");
    assertEquals("đã hủy", browser.find("#trang-thai").getText());
    assertTrue(browser.find(".summary-list").getText().contains("Gộp vào kế hoạch 12-KH/ĐU."));
  }

  @Test
  @Order(13)
  @DisplayName("statistics of the year and of the plan: SVG charts with their tables, the overdue list, exports")
  void statistics() {
    browser.open("/thong-ke.html?year=2025");
    assertTrue(browser.find("#tong-quan").getText().startsWith("Số liệu năm 2025 đến ngày 23/12/2025: 3 ý kiến"),
        browser.find("#tong-quan").getText());
    WebElement chart = browser.find("svg.chart[role=img]");
    assertEquals("Giao cơ quan giải quyết: 2; Trả lời đúng hạn: 1; Trả lời trễ hạn: 0; Quá hạn chưa trả lời: 1; "
        + "Đang giải quyết: 0", chart.findElement(By.tagName("desc")).getAttribute("textContent"));
    assertTrue(browser.find("#bang-tra-loi").getText().contains("Quá hạn chưa trả lời 1"), browser.find("#bang-tra-loi").getText());
    assertTrue(browser.all("a[href*='/exports/']").isEmpty(), "exports belong to a plan");
    browser.assertNoAxeViolations("statistics of the year");
    browser.open("/thong-ke.html?year=2025&plan=" + planId);
    List<String> exports = browser.all("a[href*='/exports/']").stream().map(a -> a.getAttribute("href")).toList();
    assertEquals(4, exports.size(), exports.toString());
    assertEquals(200, api.download("/plans/" + planId + "/exports/opinions?format=xlsx", office).statusCode());
    browser.assertNoAxeViolations("statistics of a plan");
    browser.screenshot("thong-ke", 1366);
    browser.screenshot("thong-ke-360", 360);

    // a plan of 2026 with more opinions than an export answers inline: "Đang tạo tệp…", then the file's link
    LocalApi.Reply large = api.call("POST", "/plans", office, Map.of("year", 2026, "issuer", "party-committee",
        "number", "30-KH/ĐU", "title", "Kế hoạch đối thoại năm 2026", "hosts",
        List.of(Map.of("position", "Bí thư Đảng ủy xã")), "audience", "Nhân dân toàn xã", "meetings",
        List.of(Map.of("id", "m1", "date", "2026-10-20", "venue", "Hội trường xã")), "profile", "national-2025"));
    assertEquals(201, large.status(), large.body());
    for (int n : new int[] {300, 201}) {
      List<Map<String, Object>> items = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        items.add(Map.of("content", "Ý kiến tổng hợp " + n + "-" + i + ": đề nghị nâng cấp đường liên thôn.",
            "field", "infrastructure", "count", 1));
      }
      assertEquals(201, api.call("POST", "/opinions/compiled", office, Map.of("plan", large.text("id"),
          "organisation", "Ủy ban MTTQ xã", "items", items)).status());
    }
    browser.open("/thong-ke.html?year=2026&plan=" + large.text("id"));
    browser.find("a[href$='/exports/opinions?format=csv']").click();
    browser.waitForText(".export-status", "Tải tệp y-kien-30-KH-DU.csv");
    String link = browser.find("a.export-ready").getAttribute("href");
    assertTrue(link.contains("X-Amz-Expires=900") && link.contains("X-Amz-Signature="), link);
    try {
      var file = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
          java.net.URI.create(link)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(200, file.statusCode());
      assertTrue(file.body().contains("Ý kiến tổng hợp 201-200"), "the 501st row in the file");
    } catch (java.io.IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
    browser.assertNoAxeViolations("a large export's link");
  }

  @Test
  @Order(14)
  @DisplayName("the calendar: the meeting with its .ics and the deadlines in their month; days off and make-up days")
  void calendarMonth() {
    browser.open("/lich.html?month=2025-11");
    assertEquals("Lịch tháng 11/2025", browser.find("h1").getText());
    String days = browser.find("#trong-thang").getText();
    assertTrue(days.contains("Thứ Năm, 20/11/2025\nHội nghị đối thoại Nhà văn hóa thôn Nà Pàn — 12-KH/ĐU"), days);
    assertTrue(days.contains("Thứ Sáu, 07/11/2025\nHạn: Ủy ban MTTQ xã tổng hợp ý kiến"), days);
    String ics = browser.find("#trong-thang a[download]").getAttribute("href").replaceFirst("^https?://[^/]+/api", "");
    assertEquals(200, api.download(ics, office).statusCode(), ics);
    browser.assertNoAxeViolations("calendar, November 2025");
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
      String shown = browser.find("#trong-thang").getText();
      String dmy = date.substring(8) + "/" + date.substring(5, 7) + "/" + date.substring(0, 4);
      assertTrue(shown.contains(dmy + "\n" + (off ? "Ngày nghỉ" : "Ngày làm việc")), shown);
      assertTrue(browser.find("#thang td." + (off ? "has-off" : "has-work")).getText().contains(off ? "Nghỉ" : "Làm bù"));
    }
  }

  @Test
  @Order(15)
  @DisplayName("settings for the commune admin: profile and agencies with field errors, a secret shown once, a "
      + "local day off that the calendar then shows")
  void settings() {
    String admin = api.token("demo", "admin", null);
    browser.signIn(admin);
    browser.open("/cai-dat.html");
    browser.assertNoAxeViolations("settings");
    WebElement host = browser.find("#ho-so [name=hostEmail]");
    host.clear();
    host.sendKeys("chu tich@demo");
    browser.find("#ho-so button.secondary").click();
    WebElement added = browser.all("#co-quan tr.agency").get(browser.all("#co-quan tr.agency").size() - 1);
    added.findElement(By.cssSelector(".cq-id")).sendKeys("Ban Chi Huy");
    added.findElement(By.cssSelector(".cq-name")).sendKeys("Ban Chỉ huy Quân sự xã");
    browser.find("#ho-so button[type=submit]").click();
    new WebDriverWait(browser.driver, Duration.ofSeconds(15), Browser.POLL).until(d -> !d.findElements(
        By.cssSelector("#ho-so .error-summary")).isEmpty());
    String errors = browser.find("#ho-so .error-summary").getText();
    assertTrue(errors.contains("Địa chỉ e-mail không hợp lệ.") && errors.contains("Mã cơ quan chỉ gồm chữ thường"),
        errors);
    assertEquals("true", added.findElement(By.cssSelector(".cq-id")).getAttribute("aria-invalid"));
    browser.assertNoAxeViolations("settings with errors");
    host.clear();
    host.sendKeys("chutich@demo.example.vn");
    added.findElement(By.cssSelector(".cq-id")).clear();
    added.findElement(By.cssSelector(".cq-id")).sendKeys("ban-chi-huy-quan-su");
    browser.find("#ho-so button[type=submit]").click();
    browser.waitForText("#thong-bao", "Đã lưu thông tin của xã.");
    assertTrue(api.call("GET", "/communes/demo", admin, null).body().contains("Ban Chỉ huy Quân sự xã"));

    browser.find("#doi-khoa button[type=submit]").click();
    browser.waitForText("#khoa-moi", "Khóa mới (chỉ hiển thị một lần)");
    String secret = browser.find("#khoa").getText();
    assertTrue(secret.startsWith("whsec_"), secret);
    assertFalse(api.call("GET", "/communes/demo", admin, null).body().contains(secret), "never shown again");
    browser.screenshot("cai-dat", 1366);

    browser.js("arguments[0].value = '2026-01-05'", browser.find("#dieu-chinh-lich [name=date]"));
    browser.find("#dc-type-0").click();
    browser.find("#dieu-chinh-lich [name=reason]").sendKeys("Lễ hội truyền thống của xã");
    browser.find("#dieu-chinh-lich [name=source]").sendKeys("Thông báo số 15/TB-UBND ngày 20/12/2025 của UBND xã");
    browser.find("#dieu-chinh-lich button[type=submit]").click();
    browser.waitForText("#thong-bao", "Đã điều chỉnh: Thứ Hai, 05/01/2026 là ngày nghỉ;");
    String told = browser.find("#thong-bao").getText();
    assertTrue(told.matches("(?s).*là ngày nghỉ; \\d+ kế hoạch được tính lại hạn\\..*"), told);
    browser.open("/lich.html?month=2026-01");
    assertTrue(browser.find("#trong-thang").getText().contains("Thứ Hai, 05/01/2026\nNgày nghỉ"), browser.find("#trong-thang").getText());
  }

  @Test
  @Order(16)
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
      browser.assertReflows(page);
    }
    browser.signIn(api.token("demo", "admin", null));
    browser.assertReflows("/cai-dat.html");
  }

  @SuppressWarnings("unchecked")
  String meetingId() {
    Map<String, Object> plan = api.call("GET", "/plans/" + planId, office, null).json();
    return (String) ((List<Map<String, Object>>) plan.get("meetings")).get(0).get("id");
  }

  @Test
  @Order(17)
  @DisplayName("page weights of the new pages: first load within 100 KB, a cached load within 30 KB")
  void pageWeights() {
    browser.signIn(office);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> notices = (List<Map<String, Object>>) api.call("GET", "/plans/" + planId
        + "/conclusions", office, null).json().get("conclusions");
    browser.assertPageWeights(List.of("/ke-hoach.html?year=2025", "/ke-hoach/chi-tiet.html?id=" + planId,
        "/ke-hoach/thong-bao-ket-luan.html?id=" + notices.get(0).get("id"), "/ke-hoach/bien-ban.html?plan=" + planId
            + "&meeting=" + meetingId(), "/ke-hoach/sua.html", "/thong-ke.html?year=2025&plan=" + planId,
        "/lich.html?month=2025-11"), Path.of("target", "console-plans-weights.md"));
  }

  @Test
  @Order(18)
  @DisplayName("a meeting planned within a window (seed 004's 'từ 15/11 đến 30/11'): announced without a day, "
      + "then its day fixed from the plan page, with the API's warning for a day off")
  void windowThenDayFixed() {
    browser.signIn(office);
    LocalApi.Reply window = api.call("POST", "/plans", office, Map.of("year", 2026, "issuer", "party-committee",
        "number", "15-KH/ĐU", "title", "Kế hoạch đối thoại với đoàn viên thanh niên",
        "hosts", List.of(Map.of("position", "Bí thư Đảng ủy xã")), "audience", "Đoàn viên thanh niên",
        "meetings", List.of(Map.of("id", "m1", "dateFrom", "2026-01-12", "dateTo", "2026-01-23",
            "venue", "Hội trường Đảng ủy xã")), "profile", "lang-son-320"));
    assertEquals(201, window.status(), window.body());
    String id = window.text("id");
    assertEquals(200, api.call("POST", "/plans/" + id + "/announce", office, Map.of("version", 1)).status());
    browser.open("/ke-hoach/chi-tiet.html?id=" + id);
    assertEquals("đã công bố", browser.find("#trang-thai").getText());
    String summary = browser.find(".summary-list").getText();
    assertTrue(summary.contains("trong khoảng 12/01/2026 – 23/01/2026, chưa định ngày"), summary);

    browser.action("Ấn định ngày đối thoại").click();
    WebElement form = browser.action("Ấn định ngày đối thoại").findElement(By.xpath("./following-sibling::form"));
    browser.js("arguments[0].value = '2026-01-18'", form.findElement(By.name("date")));
    form.findElement(By.cssSelector("button")).click();
    browser.waitForText("#thong-bao", "Đã ấn định ngày đối thoại Chủ Nhật, 18/01/2026.");
    String warning = browser.find("#canh-bao").getText();
    assertTrue(warning.contains("ngày nghỉ"), warning);
    assertTrue(browser.find(".summary-list").getText().contains("Chủ Nhật, 18/01/2026"));
    assertTrue(browser.driver.findElements(By.cssSelector("details summary")).stream().noneMatch(e -> e.getText().startsWith("Ấn định ngày")),
        "a dated meeting is dated no more from here; Dời lịch moves it");
    browser.assertNoAxeViolations("plan page, a meeting's day fixed with a warning");
  }

  @Test
  @Order(19)
  @DisplayName("the platform administrator registers a commune from Cài đặt: field errors first, then the webhook "
      + "secret shown once")
  void platformAdminRegistersACommune() {
    browser.signIn(api.token("*", "admin", null));
    browser.open("/cai-dat.html");
    browser.find("#dang-ky-xa button[type=submit]").click();
    new WebDriverWait(browser.driver, Duration.ofSeconds(15), Browser.POLL).until(d -> !d.findElements(
        By.cssSelector("#dang-ky-xa .error-summary")).isEmpty());
    assertEquals("true", browser.find("#dang-ky-xa [name=name]").getAttribute("aria-invalid"));
    browser.assertNoAxeViolations("settings, platform admin, registration with errors");
    browser.find("#dang-ky-xa [name=id]").sendKeys("xa-khon-na");
    browser.find("#dang-ky-xa [name=name]").sendKeys("Xã Khòn Nà");
    browser.find("#dang-ky-xa [name=province]").sendKeys("Lạng Sơn");
    browser.find("#dang-ky-xa [name=profile]").sendKeys("lang-son-320");
    browser.find("#dang-ky-xa [name=officeEmail]").sendKeys("vanphong@khonna.example.vn");
    browser.find("#dang-ky-xa button[type=submit]").click();
    browser.waitForText("#xa-moi", "Đã đăng ký Xã Khòn Nà");
    String secret = browser.find("#khoa-xa-moi").getText();
    assertTrue(secret.startsWith("whsec_"), secret);
    assertEquals(200, api.call("GET", "/communes/xa-khon-na", api.token("*", "admin", null), null).status());
    browser.assertNoAxeViolations("settings, platform admin, a commune registered");
  }
}
