package vn.doithoai.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.doithoai.core.common.Json;

/**
 * Issue #17 item 5 in the console, one Chromium: a citizen who gave a phone number at the office asks what is held
 * about them, then asks for it to be erased. The office reads the export in Vietnamese (tracking code, status, date
 * dd/mm/yyyy), downloads its JSON and prints it; erases after a confirmation that says what happens; erases again
 * and is told what was done before; changes the retention months. axe-core finds no WCAG 2.1 A/AA violation, and
 * the page does not scroll sideways on a 390 px phone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsolePrivacyBrowserTest {
  static final String PAGE = "/du-lieu-ca-nhan.html";
  static final String NAME = "Hoàng Văn Dũng";
  static final String PHONE = "0912345678";
  /** As intake stores it: in E.164 (issue #15). */
  static final String STORED_PHONE = "+84912345678";
  static final String CONTENT = "Đường liên thôn Nà Pàn xuống cấp, đề nghị sửa chữa trước mùa mưa.";

  @TempDir
  static Path data;
  @TempDir
  static Path downloads;
  static LocalApi api;
  static Browser browser;
  static String office;
  static String opinionId;
  static String otherId;
  static String trackingCode;

  @BeforeAll
  static void start() {
    assumeTrue(Browser.available(), Browser.unavailableReason());
    api = new LocalApi(data, Instant.parse("2026-12-07T02:00:00Z"));
    office = api.token("demo", "office", null);
    LocalApi.Reply made = api.call("POST", "/opinions", office, Map.of("channel", "staff-entry", "field",
        "infrastructure", "content", CONTENT, "raisers", List.of(Map.of("name", NAME, "phone", PHONE,
            "address", "Số 12, đường Nà Pàn", "village", "Thôn Nà Pàn"))));
    assertEquals(201, made.status(), made.body());
    opinionId = made.text("id");
    trackingCode = made.text("trackingCode");
    LocalApi.Reply other = api.call("POST", "/opinions", office, Map.of("channel", "staff-entry", "field", "health",
        "content", "Trạm y tế xã thiếu thuốc cho người cao tuổi.", "raisers", List.of(Map.of("name", "Vi Văn Toàn",
            "phone", "0987654321"))));
    assertEquals(201, other.status(), other.body());
    otherId = other.text("id");
    browser = new Browser(api.running.api().uri());
    browser.driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath",
        downloads.toAbsolutePath().toString()));
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

  @SuppressWarnings("unchecked")
  static Map<String, Object> raiser(String id) {
    Map<String, Object> o = api.call("GET", "/opinions/" + id, office, null).json();
    return ((List<Map<String, Object>>) o.get("raisers")).get(0);
  }

  void fillRequest(String contact, String reason) {
    browser.find("#yeu-cau [name=contact]").clear();
    browser.find("#yeu-cau [name=contact]").sendKeys(contact);
    browser.find("#yeu-cau [name=reason]").clear();
    browser.find("#yeu-cau [name=reason]").sendKeys(reason);
  }

  void waitUntil(java.util.function.Supplier<Boolean> condition) {
    new WebDriverWait(browser.driver, Duration.ofSeconds(15), Browser.POLL).until(d -> condition.get());
  }

  @Test
  @Order(1)
  @DisplayName("export: a reason naming the citizen is refused beside the field; then what is held, in Vietnamese, "
      + "with the JSON to download and a print view; no sideways scroll at 390 px")
  void export() throws IOException {
    browser.signIn(office);
    browser.open(PAGE);
    assertEquals("page", browser.find(".nav a[href='" + PAGE + "']").getAttribute("aria-current"));
    assertEquals("24", browser.find("#luu-tru [name=retentionMonths]").getAttribute("value"), "the default");

    fillRequest("0912 345 678", "Đơn đề nghị, điện thoại " + PHONE);
    browser.find("#yeu-cau button[value=export]").click();
    waitUntil(() -> "true".equals(browser.find("#yeu-cau [name=reason]").getAttribute("aria-invalid")));
    String beside = browser.find("#yeu-cau [name=reason]").findElement(By.xpath("..")).getText();
    assertTrue(beside.contains("Lý do không được ghi họ tên, số điện thoại hay e-mail của công dân"), beside);
    assertTrue(browser.all("#du-lieu-xuat").isEmpty(), "nothing exported");
    browser.assertNoAxeViolations("privacy page, a reason with personal data");

    fillRequest("0912 345 678", "Đơn đề nghị số 01/ĐN ngày 07/12/2026");
    browser.find("#yeu-cau button[value=export]").click();
    browser.waitFor("#du-lieu-xuat");
    String shown = browser.find("#du-lieu-xuat").getText();
    for (String part : List.of("Liên hệ: " + STORED_PHONE, "Ý kiến, kiến nghị (1)", "Mã theo dõi " + trackingCode,
        "Ngày gửi\n07/12/2026", CONTENT, "Tình trạng\nĐã tiếp nhận", "Họ tên\n" + NAME, "Số điện thoại\n" + STORED_PHONE,
        "Số 12, đường Nà Pàn", "Cán bộ nhập thay", "Thư đã gửi (1)", "Tin nhắn SMS (không có tiêu đề)")) {
      assertTrue(shown.contains(part), part + " in:\n" + shown);
    }
    assertFalse(shown.contains("Vi Văn Toàn"), "another citizen's opinion is not theirs");
    assertFalse(browser.find("#yeu-cau [name=reason]").getAttribute("aria-invalid") != null, "the error is cleared");
    browser.assertNoAxeViolations("privacy page, an export");

    browser.find("#tai-ve").click();
    Path file = downloads.resolve("du-lieu-ca-nhan-2026-12-07.json");
    waitUntil(() -> Files.exists(file));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> opinions = (List<Map<String, Object>>) Json.readObject(Files.readString(file))
        .get("opinions");
    assertEquals(1, opinions.size());
    assertEquals(trackingCode, opinions.get(0).get("trackingCode"));
    assertTrue(opinions.get(0).get("heldAboutYou").toString().contains(STORED_PHONE), opinions.toString());
    try (Stream<Path> files = Files.list(downloads)) {
      assertEquals(1, files.count(), "one file, named without the contact");
    }

    browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    try {
      assertTrue(browser.find("#du-lieu-xuat").isDisplayed(), "the export is printed");
      for (String css : List.of(".nav", ".header", "#yeu-cau", "#luu-tru", "#tai-ve")) {
        assertFalse(browser.find(css).isDisplayed(), css + " is not printed");
      }
    } finally {
      browser.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }
    assertEquals(0, (int) browser.atWidth(390, true, browser::sidewaysScroll), "390 px: no sideways scroll");
    browser.screenshot("du-lieu-ca-nhan-xuat-390", 390);
  }

  @Test
  @Order(2)
  @DisplayName("erase: a confirmation says what happens and can be cancelled; confirmed, the citizen's name, phone "
      + "and address are gone from the opinion, its content stays, and the page says how many were touched")
  void erase() {
    browser.find("#yeu-cau button[value=erase]").click();
    browser.waitFor("#xac-nhan");
    String asked = browser.find("#xac-nhan").getText();
    for (String part : List.of("Xóa dữ liệu cá nhân của liên hệ 0912 345 678?",
        "Họ tên, số điện thoại, e-mail, địa chỉ và thôn, tổ dân phố của công dân được xóa khỏi mọi ý kiến và mọi thư",
        "Nội dung ý kiến, tình trạng giải quyết, câu trả lời và các số liệu thống kê, báo cáo được giữ nguyên",
        "Thư chưa gửi đến liên hệ này sẽ không được gửi nữa.", "Không thể hoàn tác")) {
      assertTrue(asked.contains(part), part + " in:\n" + asked);
    }
    assertEquals("xac-nhan", browser.js("return document.activeElement.id"), "the confirmation takes the focus");
    browser.assertNoAxeViolations("privacy page, the erasure's confirmation");
    browser.driver.findElement(By.xpath("//div[@id='xac-nhan']//button[.='Hủy']")).click();
    assertTrue(browser.all("#xac-nhan").isEmpty(), "cancelled");
    assertEquals("erase", browser.js("return document.activeElement.value"), "the focus back on Xóa dữ liệu");
    assertEquals(NAME, raiser(opinionId).get("name"), "nothing erased on cancel");

    browser.find("#yeu-cau button[value=erase]").click();
    browser.waitFor("#xac-nhan button[value=erase-confirmed]").click();
    browser.waitForText("#thong-bao", "Đã xóa dữ liệu cá nhân");
    String done = browser.find("#thong-bao").getText();
    assertTrue(done.contains("trong 1 ý kiến (1 người nêu) và 1 thư"), done);
    assertTrue(browser.all("#du-lieu-xuat").isEmpty(), "the export shown before is gone");
    Map<String, Object> r = raiser(opinionId);
    assertTrue(r.get("name") == null && r.get("phone") == null && r.get("address") == null, r.toString());
    assertFalse(String.valueOf(r).contains("Nà Pàn"), "nor the village: " + r);
    assertEquals(CONTENT, api.call("GET", "/opinions/" + opinionId, office, null).text("content"));
    assertEquals("Vi Văn Toàn", raiser(otherId).get("name"), "another citizen untouched");
    browser.assertNoAxeViolations("privacy page, erased");
  }

  @Test
  @Order(3)
  @DisplayName("erase again: nothing is left, and the page says what the first erasure did and when")
  void eraseAgain() {
    browser.find("#yeu-cau button[value=erase]").click();
    browser.waitFor("#xac-nhan button[value=erase-confirmed]").click();
    browser.waitForText("#thong-bao", "đã được xóa trước đó");
    String said = browser.find("#thong-bao").getText();
    assertTrue(said.contains("Lần xóa lúc 07/12/2026") && said.contains("1 ý kiến (1 người nêu) và 1 thư")
        && said.contains("lý do: Đơn đề nghị số 01/ĐN ngày 07/12/2026"), said);
  }

  @Test
  @Order(4)
  @DisplayName("retention: 0 months is refused beside the field; 36 is saved and read back")
  void retention() {
    browser.open(PAGE);
    var months = browser.find("#luu-tru [name=retentionMonths]");
    months.clear();
    months.sendKeys("0");
    browser.find("#luu-tru button[type=submit]").click();
    waitUntil(() -> "true".equals(browser.find("#luu-tru [name=retentionMonths]").getAttribute("aria-invalid")));
    assertTrue(browser.find("#luu-tru").getText().contains("Phải từ 1 đến 120."), browser.find("#luu-tru").getText());
    browser.assertNoAxeViolations("privacy page, retention refused");
    browser.find("#luu-tru [name=retentionMonths]").clear();
    browser.find("#luu-tru [name=retentionMonths]").sendKeys("36");
    browser.find("#luu-tru button[type=submit]").click();
    browser.waitForText("#thong-bao", "được giữ 36 tháng");
    assertEquals(36, ((Number) api.call("GET", "/privacy/settings", office, null).json().get("retentionMonths"))
        .intValue());
    browser.open(PAGE);
    assertEquals("36", browser.find("#luu-tru [name=retentionMonths]").getAttribute("value"));
    browser.assertNoAxeViolations("privacy page");
    browser.assertReflows(PAGE);
    browser.assertPageWeights(List.of(PAGE), Path.of("target", "page-weights-privacy.md"));
  }

  @Test
  @Order(5)
  @DisplayName("the settings page leads to it; a role other than the office is told the page is not theirs")
  void reachedFromSettings() {
    browser.signIn(api.token("demo", "admin", null));
    browser.open("/cai-dat.html");
    assertTrue(browser.find("main a[href='" + PAGE + "']").getText().contains("Dữ liệu cá nhân của công dân"));
    assertTrue(browser.find("main").getText().contains("(do Văn phòng của xã xử lý)"));
    assertFalse(browser.find(".nav a[href='" + PAGE + "']").isDisplayed(), "not in the admin's navigation");
    browser.open(PAGE);
    assertTrue(browser.find("main .notice-error").getText().contains("Trang này dành cho Văn phòng của xã."));
  }
}
