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
import java.util.function.Supplier;
import org.junit.jupiter.api.Assertions;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by its chromedriver, headless, with a fresh profile: sign-in, waiting for a page
 * to be interactive, finding and waiting for what a person sees, axe-core, reflow, page weights, screenshots.
 * The console's browser tests share these (one Chromium per test class). Tests skip when either binary is
 * absent.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
  /**
   * How often a wait looks again. Selenium's default, 500 ms, is longer than a local page takes to be ready,
   * so nearly every wait that is not met at its first look cost half a second; a look is one small command.
   */
  static final Duration POLL = Duration.ofMillis(50);

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
    new WebDriverWait(driver, Duration.ofSeconds(20), POLL).until(d -> "true".equals(
        ((JavascriptExecutor) d).executeScript("return document.documentElement.dataset.ready || null")));
  }

  Object js(String script, Object... args) {
    return driver.executeScript(script, args);
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** The first element matching {@code css} once it is displayed. */
  WebElement waitFor(String css) {
    return new WebDriverWait(driver, Duration.ofSeconds(15), POLL).until(d -> {
      List<WebElement> e = d.findElements(By.cssSelector(css));
      return e.isEmpty() || !e.get(0).isDisplayed() ? null : e.get(0);
    });
  }

  void waitForText(String css, String text) {
    new WebDriverWait(driver, Duration.ofSeconds(15), POLL).until(d -> d.findElements(By.cssSelector(css))
        .stream().anyMatch(e -> e.getText().contains(text)));
  }

  /** Waits until the current address contains {@code part}, then until the page is interactive. */
  void waitForUrl(String part) {
    new WebDriverWait(driver, Duration.ofSeconds(15), POLL).until(d -> d.getCurrentUrl().contains(part));
    waitReady();
  }

  /** The disclosure of an action on a page ("Công bố kế hoạch", "Giao cơ quan giải quyết"). */
  WebElement action(String title) {
    return all(".actions summary").stream().filter(s -> s.getText().equals(title)).findFirst()
        .orElseThrow(() -> new AssertionError("no action " + title + " in " + find(".actions").getText()));
  }

  /** The form an action's disclosure holds. */
  WebElement actionForm(String title) {
    return action(title).findElement(By.xpath("./following-sibling::form"));
  }

  /** Opens an action's disclosure; its form. */
  WebElement openAction(String title) {
    action(title).click();
    return actionForm(title);
  }

  /** Submits {@code form} and waits for the page to confirm it ({@code #thong-bao}). */
  void submit(WebElement form, String confirmation) {
    form.findElement(By.cssSelector("button[type=submit]")).click();
    waitForText("#thong-bao", confirmation);
  }

  void assertNoAxeViolations(String page) {
    String v = axeViolations();
    Assertions.assertTrue(v.isEmpty(), page + ": axe-core WCAG 2.1 A/AA violations:\n" + v);
  }

  /** Runs {@code what} with the page laid out {@code width} px wide (a phone when {@code mobile}). */
  <T> T atWidth(int width, boolean mobile, Supplier<T> what) {
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", mobile ? 844
        : 800, "deviceScaleFactor", 1, "mobile", mobile));
    try {
      return what.get();
    } finally {
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  /** How many pixels the page as it is now scrolls sideways. */
  int sidewaysScroll() {
    return ((Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
        .intValue();
  }

  /** Opens {@code page}: it loads, and scrolls sideways neither at 360 px (a phone) nor at 683 px (200 % zoom). */
  void assertReflows(String page) {
    open(page);
    Assertions.assertTrue(all("main .notice-error h1").isEmpty(), page + " did not load: " + find("main").getText());
    for (int width : new int[] {360, 683}) {
      Assertions.assertEquals(0, (int) atWidth(width, false, this::sidewaysScroll),
          page + " at " + width + " px scrolls sideways");
    }
  }

  /**
   * CONSOLE.md's budgets for each page: at most 100 KB transferred on the first load, 30 KB on a cached one.
   * The table of what was measured (and the time to interactive) goes to standard output and {@code report}.
   */
  void assertPageWeights(List<String> pages, Path report) {
    StringBuilder table = new StringBuilder("| page | first load KB | cached KB | interactive ms (first, cached) |\n"
        + "|---|---|---|---|\n");
    for (String page : pages) {
      driver.executeCdpCommand("Network.enable", Map.of());
      driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
      open(page);
      double[] first = weight();
      open(page);
      double[] cached = weight();
      table.append(String.format(java.util.Locale.ROOT, "| %s | %.1f | %.1f | %.0f, %.0f |%n",
          page.replaceAll("id=[^&]*", "id=…").replaceAll("=[pc]_[^&]*", "=…").replaceAll("meeting=[^&]*", "meeting=…"),
          first[0] / 1024, cached[0] / 1024, first[1], cached[1]));
      Assertions.assertTrue(first[0] <= 100 * 1024, page + " first load " + first[0]);
      Assertions.assertTrue(cached[0] <= 30 * 1024, page + " cached load " + cached[0]);
    }
    System.out.println(table);
    try {
      Files.writeString(report, table);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Bytes transferred for the page and everything it loaded, and the time to interactive (ms). */
  private double[] weight() {
    Map<?, ?> m = (Map<?, ?>) js("""
        const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
        const bytes = entries.reduce((n, e) => n + (e.transferSize || 0), 0);
        const mark = performance.getEntriesByName('dt-ready')[0];
        return {bytes, ready: mark ? mark.startTime : -1};
        """);
    return new double[] {((Number) m.get("bytes")).doubleValue(), ((Number) m.get("ready")).doubleValue()};
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
