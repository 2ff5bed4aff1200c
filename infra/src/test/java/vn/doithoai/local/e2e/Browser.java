package vn.doithoai.local.e2e;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by its chromedriver, headless, with a fresh profile: sign-in, waiting for a page
 * to be interactive, axe-core, screenshots. Tests skip when either binary is absent.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  final ChromeDriver driver;
  final URI base;
  private final Path profile;

  static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  static String unavailableReason() {
    return "Chromium and chromedriver are needed at " + CHROMIUM + " and " + CHROMEDRIVER
        + " (apt-get install -y chromium chromium-driver)";
  }

  Browser(URI base) {
    this(base, true);
  }

  /** With {@code javascript} false, Chromium runs no script at all (the public pages' no-JS path). */
  Browser(URI base, boolean javascript) {
    this.base = base;
    try {
      profile = Files.createTempDirectory("doithoai-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--lang=vi-VN", "--user-data-dir=" + profile, "--window-size=1366,900");
    if (!javascript) {
      options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
  }

  /**
   * Signs in as the holder of {@code token}: the session cookie exactly as POST /api/session sets it. The one
   * place to switch to the sign-in form once the session route is in the template.
   */
  void signIn(String token) {
    open("/dang-nhap.html");
    driver.manage().deleteAllCookies();
    driver.manage().addCookie(new Cookie.Builder("dt_session", token).path("/").isHttpOnly(true).isSecure(true)
        .sameSite("Strict").build());
  }

  void signOut() {
    driver.manage().deleteAllCookies();
  }

  /** Opens a page and waits until its script says it is interactive. */
  void open(String path) {
    driver.get(base + path);
    waitReady();
  }

  void waitReady() {
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> "true".equals(
        ((JavascriptExecutor) d).executeScript("return document.documentElement.dataset.ready || null")));
  }

  Object js(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  /** axe-core's WCAG 2.1 A and AA violations of the page as it is now, described one a line. */
  String axeViolations() {
    Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
    if (results.isErrored()) {
      throw new IllegalStateException("axe-core failed: " + results.getErrorMessage());
    }
    List<Rule> v = results.getViolations();
    return v.stream().map(r -> r.getId() + " (" + r.getImpact() + "): " + r.getHelp() + " — "
        + r.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
        .collect(Collectors.joining("\n"));
  }

  /**
   * The whole page as a PNG at {@code width} px: under infra/docs/console/ with -Ddoithoai.screenshots=true
   * (to commit), else under target/console-screenshots/.
   */
  Path screenshot(String name, int width) {
    // the page laid out at that width (media queries included), then captured whole
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900,
        "deviceScaleFactor", 1, "mobile", false));
    try {
      Number height = (Number) js("return Math.ceil(document.documentElement.scrollHeight)");
      int h = Math.min(Math.max(height.intValue(), 600), 4000);
      driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", h,
          "deviceScaleFactor", 1, "mobile", false));
      Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
      Path dir = Boolean.getBoolean("doithoai.screenshots") ? Path.of("docs", "console")
          : Path.of("target", "console-screenshots");
      Files.createDirectories(dir);
      Path file = dir.resolve(name + ".png");
      Files.write(file, java.util.Base64.getDecoder().decode((String) shot.get("data")));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary profile is harmless
    }
  }
}
