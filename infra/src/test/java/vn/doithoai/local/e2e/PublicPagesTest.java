package vn.doithoai.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
import vn.doithoai.core.calendar.VietnameseDates;
import vn.doithoai.core.common.Json;
import vn.doithoai.local.runtime.OutboxMail;

/**
 * The citizens' side against the local runtime, as a citizen with a phone meets it: the commune's page, the
 * hosted form (valid, invalid, sent twice, honeypot filled, without JavaScript, daily limits), the status page
 * as HTML on a 360 px screen (JSON for API clients), and axe-core finding no WCAG 2.1 A/AA violation on any
 * page. HTTP-only cases run without Chromium; browser cases skip without it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicPagesTest {
  static final String NAME = "Hoàng Văn Dũng";
  static final String EMAIL = "dung.hv@example.vn";
  static final String CONTENT = "Đường liên thôn Nà Pàn xuống cấp <b>nặng</b>, đề nghị xã sửa chữa trước mùa mưa.";
  @TempDir
  static Path data;
  static LocalApi api;
  static Browser browser;
  static String office;
  static String planId;
  static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void start() {
    api = new LocalApi(data);
    office = api.token("demo", "office", null);
    LocalApi.Reply plan = api.call("POST", "/plans", office, Map.of("year", LocalDate.now().getYear(),
        "issuer", "peoples-committee", "number", "48/KH-UBND",
        "title", "Kế hoạch đối thoại trực tiếp của Chủ tịch UBND xã với Nhân dân",
        "hosts", List.of(Map.of("position", "Chủ tịch UBND xã", "name", "Nông Văn Hải")),
        "audience", "Nhân dân thôn Nà Pàn và thôn Khòn Pát",
        "meetings", List.of(Map.of("id", "m1", "date", LocalDate.now().plusDays(20).toString(),
            "venue", "Nhà văn hóa thôn Nà Pàn", "note", "8 giờ 00")),
        "profile", "national-2025"));
    assertEquals(201, plan.status(), plan.body());
    planId = plan.text("id");
    LocalApi.Reply announced = api.call("POST", "/plans/" + planId + "/announce", office, Map.of());
    assertEquals(200, announced.status(), announced.body());
    if (Browser.available()) {
      browser = new Browser(api.running.api().uri());
    }
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

  // ---- helpers ----

  static HttpResponse<String> get(String path, String accept) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    if (accept != null) {
      b.header("accept", accept);
    }
    return send(b.build());
  }

  static HttpResponse<String> post(String path, Map<String, String> form) {
    String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(uri(path)).header("content-type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
  }

  static URI uri(String path) {
    return URI.create(api.running.api().uri().toString().replaceAll("/$", "") + path);
  }

  static HttpResponse<String> send(HttpRequest r) {
    try {
      return http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A fresh form as a browser without JavaScript would post it: the page's hidden token, the fields given. */
  static Map<String, String> form(Map<String, String> fields) {
    HttpResponse<String> page = get("/public/demo/gui-y-kien", "text/html");
    assertEquals(200, page.statusCode(), page.body());
    Matcher m = Pattern.compile("name=\"token\" value=\"([A-Za-z0-9_-]+)\"").matcher(page.body());
    assertTrue(m.find(), "the form carries a one-time token");
    Map<String, String> f = new LinkedHashMap<>();
    f.put("token", m.group(1));
    f.put("altcha", "");
    f.put("plan", planId);
    f.put("dt_web", "");
    f.putAll(fields);
    return f;
  }

  static Map<String, String> valid(String email) {
    return Map.of("content", "Đèn đường thôn Khòn Pát hỏng đã lâu, đề nghị thay.", "field", "infrastructure",
        "name", "Lương Thị Hoa", "email", email);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> opinions(String query) {
    return (List<Map<String, Object>>) api.call("GET", "/opinions?plan=*&" + query, office, null).json()
        .get("opinions");
  }

  static String code(HttpResponse<String> redirect) {
    String location = redirect.headers().firstValue("location").orElseThrow();
    Matcher m = Pattern.compile("/public/demo/opinions/([^?]+)\\?moi=1").matcher(location);
    assertTrue(m.matches(), location);
    return m.group(1);
  }

  void assertNoAxeViolations(String page) {
    String v = browser.axeViolations();
    assertTrue(v.isEmpty(), page + ": axe-core WCAG 2.1 A/AA violations:\n" + v);
  }

  WebElement find(String css) {
    return browser.driver.findElement(By.cssSelector(css));
  }

  void openPage(String path) {
    browser.driver.get(browser.base.toString().replaceAll("/$", "") + path);
  }

  // ---- the status page ----

  static String webhookCode;

  @Test
  @Order(1)
  @DisplayName("status page: JSON for an API client, HTML for a browser, never the raiser's name, contact or text")
  void statusNegotiated() {
    LocalApi.Reply r = api.webhook("demo", "wh-public-1", Json.write(Map.of("content", CONTENT, "field",
        "infrastructure", "name", NAME, "email", EMAIL, "phone", "0912 345 678", "plan", planId))
        .getBytes(StandardCharsets.UTF_8), "application/json");
    assertEquals(202, r.status(), r.body());
    webhookCode = r.text("trackingCode");
    String path = "/public/demo/opinions/" + webhookCode;

    HttpResponse<String> json = get(path, "application/json");
    assertEquals(200, json.statusCode());
    assertTrue(json.headers().firstValue("content-type").orElseThrow().startsWith("application/json"));
    assertEquals("received", Json.readObject(json.body()).get("status"));
    assertTrue(get(path, null).headers().firstValue("content-type").orElseThrow().startsWith("application/json"),
        "no Accept: JSON, as before");

    HttpResponse<String> html = get(path, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    assertEquals(200, html.statusCode());
    assertTrue(html.headers().firstValue("content-type").orElseThrow().startsWith("text/html"));
    assertEquals("Accept", html.headers().firstValue("vary").orElse(""));
    String csp = html.headers().firstValue("content-security-policy").orElseThrow();
    assertTrue(csp.startsWith("default-src 'none'; script-src 'self'; style-src 'unsafe-inline'"), csp);
    assertTrue(html.body().contains("Tình trạng ý kiến " + webhookCode), html.body());
    assertTrue(html.body().contains("Đã tiếp nhận"));
    for (String secret : List.of("Hoàng Văn Dũng", "dung.hv", "0912", "Nà Pàn xuống cấp", "nặng")) {
      assertFalse(html.body().contains(secret), "the status page shows " + secret);
    }
    assertEquals(404, get("/public/demo/opinions/ZZZ-ZZZ-ZZZ", "text/html").statusCode());
  }

  @Test
  @Order(2)
  @DisplayName("status page: assigned with its due date (dd/mm/yyyy, working days left), then the answer, at 360 px")
  void statusAssignedAndAnswered() {
    @SuppressWarnings("unchecked")
    String id = (String) opinions("q=" + webhookCode).get(0).get("id");
    assertEquals(200, api.call("POST", "/opinions/" + id + "/triage", office, Map.of("decision", "accept")).status());
    LocalApi.Reply assigned = api.call("POST", "/opinions/" + id + "/assign", office, Map.of("agency", "phong-kinh-te"));
    assertEquals(200, assigned.status(), assigned.body());
    Map<String, Object> status = Json.readObject(get("/public/demo/opinions/" + webhookCode, "application/json").body());
    LocalDate due = LocalDate.parse((String) status.get("due"));
    int left = ((Number) status.get("workingDaysLeft")).intValue();
    assertTrue(left > 0, "freshly assigned: " + status);
    String html = get("/public/demo/opinions/" + webhookCode, "text/html").body();
    assertTrue(html.contains("Phòng Kinh tế"), html);
    assertTrue(html.contains(VietnameseDates.withWeekday(due)), "due date as dd/mm/yyyy with weekday");
    assertTrue(html.contains("còn " + left + " ngày làm việc"), html);

    if (browser != null) {
      openPage("/public/demo/opinions/" + webhookCode);
      assertNoAxeViolations("status page (assigned)");
      assertFitsWidth(360);
      Path shot = browser.screenshot("cong-khai-tra-cuu-da-giao-360", 360);
      assertTrue(shot.toFile().length() > 0);
    }

    String economy = api.token("demo", "agency", "phong-kinh-te");
    LocalApi.Reply answered = api.call("POST", "/opinions/" + id + "/answer", economy, Map.of("text",
        "Phòng Kinh tế đã khảo sát; tuyến đường được đưa vào kế hoạch sửa chữa quý I năm sau."));
    assertEquals(200, answered.status(), answered.body());
    String after = get("/public/demo/opinions/" + webhookCode, "text/html").body();
    assertTrue(after.contains("Nội dung trả lời") && after.contains("đưa vào kế hoạch sửa chữa quý I"), after);
    assertTrue(after.contains("Đã trả lời bằng văn bản ngày " + VietnameseDates.format(LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")))), after);
    if (browser != null) {
      openPage("/public/demo/opinions/" + webhookCode);
      assertNoAxeViolations("status page (answered)");
      assertFitsWidth(360);
      browser.screenshot("cong-khai-tra-cuu-da-tra-loi-360", 360);
    }
  }

  void assertFitsWidth(int width) {
    browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 800,
        "deviceScaleFactor", 1, "mobile", true));
    try {
      Number scroll = (Number) browser.js("return document.documentElement.scrollWidth");
      assertTrue(scroll.intValue() <= width, "no sideways scrolling at " + width + " px: " + scroll);
    } finally {
      browser.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  // ---- the commune's page ----

  @Test
  @Order(3)
  @DisplayName("the commune's page: the announced dialogue, how to take part, answers only with consent, < 50 KB")
  void communePage() {
    HttpResponse<String> page = get("/public/demo", "text/html");
    assertEquals(200, page.statusCode());
    String body = page.body();
    LocalDate meeting = LocalDate.now().plusDays(20);
    assertTrue(body.contains(VietnameseDates.withWeekday(meeting) + " – 8 giờ 00"), "date, weekday and time");
    assertTrue(body.contains("Nhà văn hóa thôn Nà Pàn") && body.contains("Chủ tịch UBND xã Nông Văn Hải")
        && body.contains("Nhân dân thôn Nà Pàn và thôn Khòn Pát"), "venue, host, audience");
    assertTrue(body.contains("Cách gửi ý kiến") && body.contains("phiếu câu hỏi"), "how to take part");
    assertTrue(body.contains("name=\"consentToPublish\" value=\"true\">") && !body.contains("checked"),
        "consent is an unticked box");
    assertFalse(body.contains("đưa vào kế hoạch sửa chữa quý I"), "that raiser did not consent: no public answer");
    int weight = body.getBytes(StandardCharsets.UTF_8).length
        + get("/public/demo/pow.js", null).body().getBytes(StandardCharsets.UTF_8).length;
    System.out.println("public page weight (HTML + script, uncompressed): " + weight + " bytes");
    assertTrue(weight < 50 * 1024, "first view under 50 KB: " + weight);
    int form = get("/public/demo/gui-y-kien", "text/html").body().getBytes(StandardCharsets.UTF_8).length;
    int status = get("/public/demo/opinions/" + webhookCode, "text/html").body().getBytes(StandardCharsets.UTF_8).length;
    System.out.println("form page: " + form + " bytes (+ the script); status page: " + status + " bytes");
    assertTrue(form < 50 * 1024 && status < 50 * 1024);
    HttpResponse<String> unknown = get("/public/khong-co-xa-nay", "text/html");
    assertEquals(404, unknown.statusCode());
    assertTrue(unknown.body().contains("<h1>Không mở được trang</h1>") && unknown.body().contains("Không tìm thấy"),
        unknown.body());
    if (browser != null) {
      openPage("/public/demo");
      assertNoAxeViolations("commune page");
      assertFitsWidth(360);
      browser.screenshot("cong-khai-trang-xa-360", 360);
      browser.screenshot("cong-khai-trang-xa", 1366);
    }
  }

  // ---- the form ----

  @Test
  @Order(4)
  @DisplayName("form in the browser: the proof of work is solved, the opinion is made like the webhook's, acknowledged")
  void formValid() throws Exception {
    assumeTrue(browser != null, Browser.unavailableReason());
    long opened = System.nanoTime();
    openPage("/public/demo/gui-y-kien");
    new WebDriverWait(browser.driver, Duration.ofSeconds(30), Browser.POLL).until(d -> "true".equals(
        browser.js("return document.getElementById('gui-y-kien').dataset.powSolved || null")));
    System.out.println("proof of work solved " + (System.nanoTime() - opened) / 1_000_000 + " ms after opening");
    assertNoAxeViolations("form");
    browser.screenshot("cong-khai-gui-y-kien-360", 360);
    find("#f-content").sendKeys("Trạm y tế xã thiếu thuốc cho người cao tuổi, đề nghị bổ sung.");
    find("#f-name").sendKeys("Vi Văn Toàn");
    find("#f-email").sendKeys("toan.vv@example.vn");
    find("#f-village").sendKeys("Thôn Khòn Pát");
    find("#f-consentToPublish").click();
    new WebDriverWait(browser.driver, Duration.ofSeconds(30), Browser.POLL).until(d -> "true".equals(
        browser.js("return document.getElementById('gui-y-kien').dataset.powSolved || null")));
    find("#gui-y-kien button[type=submit]").click();
    new WebDriverWait(browser.driver, Duration.ofSeconds(15), Browser.POLL)
        .until(d -> d.getCurrentUrl().contains("?moi=1"));
    String text = find("main").getText();
    assertTrue(text.contains("Đã gửi ý kiến."), text);
    Matcher m = Pattern.compile("/opinions/([^?]+)\\?moi=1").matcher(browser.driver.getCurrentUrl());
    assertTrue(m.find());
    String code = m.group(1);
    assertNoAxeViolations("status page after sending");
    browser.screenshot("cong-khai-da-gui-360", 360);
    List<Map<String, Object>> found = opinions("q=" + code);
    assertEquals(1, found.size());
    assertEquals("public-form", found.get(0).get("channel"), "the proof of work was verified");
    assertEquals("received", found.get(0).get("status"));
    OutboxMail ack = waitForMail(code);
    assertEquals("toan.vv@example.vn", ack.to());
    Matcher link = Pattern.compile("(http\\S+/public/demo/opinions/" + code + ")").matcher(ack.text());
    assertTrue(link.find(), ack.text());
    browser.driver.get(link.group(1));
    assertEquals("Tình trạng ý kiến " + code, find("h1").getText(), "the e-mail's link opens the status page");
  }

  static OutboxMail waitForMail(String code) throws InterruptedException {
    for (int i = 0; i < 400; i++) { // 20 s
      for (OutboxMail mail : OutboxMail.readAll(data.resolve("outbox"))) {
        if (mail.subject().contains(code)) {
          return mail;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no acknowledgement e-mail for " + code);
  }

  @Test
  @Order(5)
  @DisplayName("form with mistakes: a Vietnamese error summary linking to each field, what was typed kept")
  void formInvalid() {
    HttpResponse<String> r = post("/public/demo/opinions", form(Map.of("name", "Lò Văn Sáng",
        "email", "khong-phai-email", "content", "")));
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("Chưa gửi được ý kiến"), r.body());
    assertTrue(r.body().contains("href=\"#f-content\"") && r.body().contains("href=\"#f-email\""), r.body());
    assertTrue(r.body().contains("Địa chỉ e-mail không hợp lệ."));
    assertTrue(r.body().contains("value=\"Lò Văn Sáng\""), "what was typed stays");
    if (browser != null) {
      openPage("/public/demo/gui-y-kien");
      find("#f-name").sendKeys("Lò Văn Sáng");
      find("#f-email").sendKeys("khong-phai-email");
      new WebDriverWait(browser.driver, Duration.ofSeconds(30), Browser.POLL).until(d -> "true".equals(
          browser.js("return document.getElementById('gui-y-kien').dataset.powSolved || null")));
      find("#gui-y-kien button[type=submit]").click();
      WebElement summary = new WebDriverWait(browser.driver, Duration.ofSeconds(15), Browser.POLL)
          .until(d -> d.findElements(By.cssSelector(".error-summary")).stream().findFirst().orElse(null));
      assertTrue(summary.getText().contains("Địa chỉ e-mail không hợp lệ."), summary.getText());
      summary.findElement(By.linkText("Địa chỉ e-mail không hợp lệ.")).click();
      assertNoAxeViolations("form with errors");
      browser.screenshot("cong-khai-gui-y-kien-loi-360", 360);
    }
  }

  @Test
  @Order(6)
  @DisplayName("the same form sent twice (double click, back button) makes one opinion with one tracking code")
  void duplicateSubmit() {
    Map<String, String> f = form(valid("hoa.lt@example.vn"));
    HttpResponse<String> first = post("/public/demo/opinions", f);
    HttpResponse<String> second = post("/public/demo/opinions", f);
    assertEquals(303, first.statusCode(), first.body());
    assertEquals(303, second.statusCode(), second.body());
    assertEquals(code(first), code(second));
    assertEquals(1, opinions("q=" + code(first)).size());
    Map<String, String> changed = new LinkedHashMap<>(f);
    changed.put("content", "Một nội dung khác gửi lại bằng nút quay lại.");
    HttpResponse<String> third = post("/public/demo/opinions", changed);
    assertEquals(422, third.statusCode());
    assertTrue(third.body().contains("Vui lòng mở lại trang"), third.body());
  }

  @Test
  @Order(7)
  @DisplayName("honeypot filled: nothing is created, and a person who filled it is told to empty it")
  void honeypot() {
    int before = opinions("channel=public-form-unverified").size() + opinions("channel=public-form").size();
    Map<String, String> f = form(valid("bot@example.vn"));
    f.put("dt_web", "http://spam.example");
    HttpResponse<String> r = post("/public/demo/opinions", f);
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("Không điền vào ô này"), r.body());
    assertEquals(before, opinions("channel=public-form-unverified").size() + opinions("channel=public-form").size());
  }

  @Test
  @Order(8)
  @DisplayName("without JavaScript the form still works: the opinion is taken and marked for a clerk's check")
  void noJavaScript() {
    assumeTrue(Browser.available(), Browser.unavailableReason());
    try (Browser plain = new Browser(api.running.api().uri(), false)) {
      plain.driver.get(plain.base.toString().replaceAll("/$", "") + "/public/demo/gui-y-kien");
      plain.driver.findElement(By.id("f-content")).sendKeys("Đề nghị mở lớp xóa mù chữ cho người cao tuổi thôn Nà Pàn.");
      plain.driver.findElement(By.id("f-name")).sendKeys("Hoàng Thị Mai");
      plain.driver.findElement(By.id("f-phone")).sendKeys("0987 654 321");
      plain.driver.findElement(By.cssSelector("#gui-y-kien button[type=submit]")).click();
      new WebDriverWait(plain.driver, Duration.ofSeconds(15), Browser.POLL)
          .until(d -> d.getCurrentUrl().contains("?moi=1"));
      String text = plain.driver.findElement(By.tagName("main")).getText();
      assertTrue(text.contains("Đã gửi ý kiến.") && text.contains("cán bộ kiểm tra trước khi phân loại"), text);
      Matcher m = Pattern.compile("/opinions/([^?]+)\\?moi=1").matcher(plain.driver.getCurrentUrl());
      assertTrue(m.find());
      assertEquals("public-form-unverified", opinions("q=" + m.group(1)).get(0).get("channel"));
    }
  }

  @Test
  @Order(15)
  @DisplayName("daily limits: 5 opinions per contact, then 429 in Vietnamese; a forged proof of work is not verified")
  void perContactLimit() {
    Map<String, String> forged = form(valid("gioi-han@example.vn"));
    forged.put("altcha", java.util.Base64.getEncoder().encodeToString("{\"number\":1}".getBytes(StandardCharsets.UTF_8)));
    HttpResponse<String> r = post("/public/demo/opinions", forged);
    assertEquals(303, r.statusCode());
    assertEquals("public-form-unverified", opinions("q=" + code(r)).get(0).get("channel"));
    for (int i = 2; i <= 5; i++) {
      assertEquals(303, post("/public/demo/opinions", form(valid("Gioi-Han@example.vn"))).statusCode(), "#" + i);
    }
    HttpResponse<String> sixth = post("/public/demo/opinions", form(valid("gioi-han@example.vn")));
    assertEquals(429, sixth.statusCode());
    assertTrue(sixth.body().contains("đã gửi 5 ý kiến hôm nay"), sixth.body());
  }

  @Test
  @Order(16)
  @DisplayName("daily limits: 20 submissions per address and commune, whatever the contact")
  void perAddressLimit() {
    int accepted = 0;
    HttpResponse<String> last = null;
    for (int i = 0; i < 25 && (last == null || last.statusCode() == 303); i++) {
      last = post("/public/demo/opinions", form(valid("nguoi" + i + "@example.vn")));
      accepted += last.statusCode() == 303 ? 1 : 0;
    }
    // every valid submission from this address today counted, the earlier tests' included
    assertTrue(accepted >= 1 && accepted < 20, "accepted " + accepted);
    assertEquals(429, last.statusCode(), last.body());
    assertTrue(last.body().contains("Địa chỉ mạng này đã gửi 20 ý kiến hôm nay"), last.body());
    assertEquals(429, post("/public/demo/opinions", form(valid("mot-nguoi-khac@example.vn"))).statusCode());
  }

  @Test
  @Order(11)
  @DisplayName("oversized form: 413 before anything is parsed")
  void sizeCap() {
    Map<String, String> f = form(valid("lon@example.vn"));
    f.put("content", "a".repeat(30_000));
    assertEquals(413, post("/public/demo/opinions", f).statusCode());
  }

  @Test
  @Order(12)
  @DisplayName("the A4 poster: one printed page whose QR code, read back from the screen, opens this plan's form")
  void poster() throws Exception {
    String path = "/public/demo/plans/" + planId + "/poster";
    HttpResponse<String> r = get(path, "text/html");
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("Mời bà con gửi ý kiến") && r.body().contains("Nhà văn hóa thôn Nà Pàn"));
    assertEquals(404, get("/public/demo/plans/khong-co/poster", "text/html").statusCode());
    assumeTrue(browser != null, Browser.unavailableReason());
    openPage(path);
    assertNoAxeViolations("poster");
    Path shot = browser.screenshot("cong-khai-thong-bao-qr", 1366);
    java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(shot.toFile());
    int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    com.google.zxing.Result decoded = new com.google.zxing.qrcode.QRCodeReader().decode(
        new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
            new com.google.zxing.RGBLuminanceSource(img.getWidth(), img.getHeight(), pixels))));
    String expected = api.running.api().uri().toString().replaceAll("/$", "") + "/public/demo/gui-y-kien?plan="
        + planId;
    assertEquals(expected, decoded.getText());
    browser.driver.get(decoded.getText());
    assertTrue(browser.driver.findElement(By.tagName("h1")).getText().startsWith("Gửi ý kiến"));
    openPage(path);
    Map<String, Object> pdf = browser.driver.executeCdpCommand("Page.printToPDF", Map.of("preferCSSPageSize", true,
        "printBackground", true));
    String text = new String(java.util.Base64.getDecoder().decode((String) pdf.get("data")),
        StandardCharsets.ISO_8859_1);
    assertEquals(1, Pattern.compile("/Type\\s*/Page[^s]").matcher(text).results().count(), "one A4 page");
  }

  @Test
  @Order(13)
  @DisplayName("embed: the documented snippet on the commune's portal frames the form and sends; another site cannot")
  @SuppressWarnings("unchecked")
  void embed() throws Exception {
    assumeTrue(browser != null, Browser.unavailableReason());
    String doc = java.nio.file.Files.readString(Path.of("docs", "embed.md"));
    Matcher block = Pattern.compile("```html\\n(.*?)```", Pattern.DOTALL).matcher(doc);
    assertTrue(block.find(), "the snippet in infra/docs/embed.md");
    String ours = api.running.api().uri().toString().replaceAll("/$", "").replaceFirst("^http://", "");
    String snippet = block.group(1).replace("https://DIA-CHI", "http://" + ours).replace("MA-XA", "demo");
    com.sun.net.httpserver.HttpServer portal = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    portal.createContext("/", ex -> {
      byte[] page = ("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Cổng thông tin xã</title>"
          + "</head><body><main><h1>Cổng thông tin điện tử xã Demo</h1>" + snippet + "</main></body></html>")
          .getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("content-type", "text/html; charset=utf-8");
      ex.sendResponseHeaders(200, page.length);
      ex.getResponseBody().write(page);
      ex.close();
    });
    portal.start();
    String admin = api.token("demo", "admin", null);
    Map<String, Object> commune = api.call("GET", "/communes/demo", admin, null).json();
    try {
      String portalOrigin = "http://127.0.0.1:" + portal.getAddress().getPort();
      Map<String, Object> update = new LinkedHashMap<>(commune);
      update.put("websiteUrl", portalOrigin + "/trang-chu");
      LocalApi.Reply put = api.call("PUT", "/communes/demo", admin, update);
      assertEquals(200, put.status(), put.body());

      int height = Integer.parseInt(Pattern.compile("height:(\\d+)px").matcher(snippet).results().findFirst()
          .orElseThrow().group(1));
      for (int width : List.of(320, 360, 1366)) {
        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 800,
            "deviceScaleFactor", 1, "mobile", width < 800));
        try {
          HttpResponse<String> withErrors = post("/public/demo/opinions", form(Map.of("name", "")));
          java.nio.file.Path tmp = java.nio.file.Files.createTempFile(data, "loi", ".html");
          java.nio.file.Files.writeString(tmp, withErrors.body());
          openPage("/public/demo/gui-y-kien");
          int fresh = ((Number) browser.js("return document.documentElement.scrollHeight")).intValue();
          browser.driver.get(tmp.toUri().toString());
          int errors = ((Number) browser.js("return document.documentElement.scrollHeight")).intValue();
          System.out.println("form height at " + width + " px: " + fresh + " (with errors " + errors + ")");
          assertTrue(Math.max(fresh, errors) <= height, "the documented height holds the form at " + width + " px");
        } finally {
          browser.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
      }

      browser.driver.get(portalOrigin + "/");
      assertTrue(inFrame(), "the form appears in the portal's frame");
      find("#f-content").sendKeys("Đề nghị xã công khai danh sách hộ nghèo năm nay tại nhà văn hóa thôn.");
      find("#f-name").sendKeys("Nông Thị Lan");
      find("#f-phone").sendKeys("0911 222 333");
      new WebDriverWait(browser.driver, Duration.ofSeconds(30), Browser.POLL).until(d -> "true".equals(
          browser.js("return document.getElementById('gui-y-kien').dataset.powSolved || null")));
      find("#gui-y-kien button[type=submit]").click();
      new WebDriverWait(browser.driver, Duration.ofSeconds(15), Browser.POLL)
          .until(d -> !d.findElements(By.cssSelector("[role=status]"))
          .isEmpty() && d.findElement(By.tagName("main")).getText().contains("Đã gửi ý kiến."));
      browser.driver.switchTo().defaultContent();
      assertNoAxeViolations("portal page with the form framed");
      browser.screenshot("cong-khai-nhung-cong-thong-tin", 1366);

      // the same page served as another site: the browser refuses to frame the form
      browser.driver.get("http://localhost:" + portal.getAddress().getPort() + "/");
      assertFalse(inFrame(), "framed by a site that is not the commune's");
      browser.driver.switchTo().defaultContent();
    } finally {
      portal.stop(0);
      Map<String, Object> back = new LinkedHashMap<>(api.call("GET", "/communes/demo", admin, null).json());
      back.put("websiteUrl", commune.get("websiteUrl"));
      api.call("PUT", "/communes/demo", admin, back);
    }
  }

  @Test
  @Order(14)
  @DisplayName("status page: redirected with the guidance, forwarded to whom, merged into another; staff text escaped")
  void statusOutcomes() {
    String[] codes = new String[4];
    String[] ids = new String[4];
    for (int i = 0; i < 4; i++) {
      LocalApi.Reply r = api.webhook("demo", "wh-outcome-" + i, Json.write(Map.of("content", "Ý kiến số " + i
          + " về đất đai của gia đình tôi.", "field", "land", "name", NAME, "email", EMAIL)).getBytes(
          StandardCharsets.UTF_8), "application/json");
      assertEquals(202, r.status(), r.body());
      codes[i] = r.text("trackingCode");
      ids[i] = (String) opinions("q=" + codes[i]).get(0).get("id");
    }
    assertEquals(200, api.call("POST", "/opinions/" + ids[0] + "/triage", office, Map.of("decision", "redirect",
        "kind", "complaint", "guidance", "Gửi đơn đến Ban Tiếp công dân xã <b>trước 30/12</b>.")).status());
    assertEquals(200, api.call("POST", "/opinions/" + ids[1] + "/triage", office, Map.of("decision", "forward",
        "body", "Sở Nông nghiệp và Môi trường tỉnh Lạng Sơn")).status());
    assertEquals(200, api.call("POST", "/opinions/" + ids[3] + "/triage", office, Map.of("decision", "accept"))
        .status());
    LocalApi.Reply merged = api.call("POST", "/opinions/" + ids[2] + "/merge", office, Map.of("into", ids[3]));
    assertEquals(200, merged.status(), merged.body());

    String redirected = get("/public/demo/opinions/" + codes[0], "text/html").body();
    assertTrue(redirected.contains("Hướng dẫn theo thủ tục khiếu nại, tố cáo")
        && redirected.contains("Gửi đơn đến Ban Tiếp công dân xã &lt;b&gt;trước 30/12&lt;/b&gt;."), redirected);
    String forwarded = get("/public/demo/opinions/" + codes[1], "text/html").body();
    assertTrue(forwarded.contains("Đã chuyển cơ quan cấp trên")
        && forwarded.contains("Sở Nông nghiệp và Môi trường tỉnh Lạng Sơn"), forwarded);
    String joined = get("/public/demo/opinions/" + codes[2], "text/html").body();
    assertTrue(joined.contains("được gộp") && joined.contains(codes[3]) && joined.contains("Đưa vào đối thoại"),
        "a merged opinion follows the one it joined: " + joined);
    for (String page : List.of(redirected, forwarded, joined)) {
      assertFalse(page.contains(NAME) || page.contains(EMAIL) || page.contains("đất đai của gia đình"));
    }
  }

  /** True when the page's iframe shows the form within 10 s (the frame is looked up again at each try). */
  boolean inFrame() throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      browser.driver.switchTo().defaultContent();
      browser.driver.switchTo().frame(browser.driver.findElement(By.tagName("iframe")));
      if (!browser.driver.findElements(By.id("f-content")).isEmpty()) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }

  @Test
  @Order(20)
  @DisplayName("after POST /_local/clock {advance: P7D} a delivery signed now is accepted, and dated by the local clock")
  void webhookFreshAfterClockAdvance() {
    LocalApi.Reply moved = api.call("POST", "/_local/clock", null, Map.of("advance", "P7D"));
    assertEquals(200, moved.status(), moved.body());
    LocalApi.Reply r = api.webhook("demo", "wh-public-after-clock", Json.write(Map.of("content",
        "Đề nghị lắp thêm biển báo giao thông ở ngã ba thôn.", "name", NAME, "email", "sau-7-ngay@example.vn"))
        .getBytes(StandardCharsets.UTF_8), "application/json");
    assertEquals(202, r.status(), r.body());
    Map<String, Object> status = Json.readObject(get("/public/demo/opinions/" + r.text("trackingCode"),
        "application/json").body());
    assertEquals(api.running.clock().instant().atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate()
        .toString(), status.get("receivedOn"), "deadlines follow the local clock");
  }
}
