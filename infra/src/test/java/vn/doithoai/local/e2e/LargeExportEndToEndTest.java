package vn.doithoai.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import vn.doithoai.aws.S3ExportFiles;
import vn.doithoai.core.followup.Exporting;

/**
 * A large export through {@code serve}, without AWS: up to the threshold the file itself; one opinion more and
 * it is a job (202) that the worker turns into a file in the local S3 stand-in, fetched by a presigned link that
 * works for 15 minutes, for the commune that asked only. A link altered or expired is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeExportEndToEndTest {
  @TempDir
  static Path data;
  LocalApi api;
  String office;
  String planId;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start() {
    api = new LocalApi(data);
    office = api.token("demo", "office", null);
    LocalApi.Reply plan = api.call("POST", "/plans", office, Map.of("year", 2026, "issuer", "peoples-committee",
        "number", "48/KH-UBND", "title", "Kế hoạch đối thoại trực tiếp của Chủ tịch UBND xã với Nhân dân năm 2026",
        "hosts", List.of(Map.of("position", "Chủ tịch UBND xã")), "audience", "Nhân dân toàn xã",
        "meetings", List.of(Map.of("id", "m1", "date", "2026-12-28", "venue", "Hội trường UBND xã")),
        "profile", "national-2025"));
    assertEquals(201, plan.status(), plan.body());
    planId = plan.text("id");
    compiled(250);
    compiled(Exporting.INLINE_MAX_ROWS - 250);
  }

  @AfterAll
  void stop() {
    api.close();
  }

  /** {@code n} opinions of the Front's compiled list (no person named), long Vietnamese text. */
  void compiled(int n) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      items.add(Map.of("content", "Ý kiến số " + i + ": đề nghị UBND xã nâng cấp tuyến đường liên thôn Nà Pàn – "
          + "Khòn Pổ, mùa mưa lầy lội, học sinh đi học khó khăn.", "field", "infrastructure", "count", 2));
    }
    LocalApi.Reply r = api.call("POST", "/opinions/compiled", office, Map.of("plan", planId, "organisation",
        "Ủy ban MTTQ xã", "items", items));
    assertEquals(201, r.status(), r.body());
  }

  @Test
  @DisplayName("the threshold both sides: 500 rows inline, 501 a job made in S3 and fetched by its 15-minute link")
  void thresholdBothSidesAndTheLink() throws Exception {
    var inline = api.download("/plans/" + planId + "/exports/opinions?format=csv", office);
    assertEquals(200, inline.statusCode(), "at the threshold: the file itself");
    assertEquals(Exporting.INLINE_MAX_ROWS + 1, lines(inline.body()), "header and 500 rows");

    compiled(1);
    LocalApi.Reply queued = api.call("GET", "/plans/" + planId + "/exports/opinions?format=csv", office, null);
    assertEquals(202, queued.status(), queued.body());
    String job = queued.text("job");
    assertEquals("/exports/" + job, queued.text("poll"));
    LocalApi.Reply again = api.call("GET", "/plans/" + planId + "/exports/opinions?format=csv", office, null);
    assertEquals(job, again.text("job"), "the same request: the same job");

    Map<String, Object> ready = awaitReady(job);
    assertEquals(501, ((Number) ready.get("rows")).intValue());
    URI url = URI.create((String) ready.get("url"));
    assertTrue(url.getQuery().contains("X-Amz-Expires=900"), url.toString());
    HttpResponse<byte[]> file = get(url);
    assertEquals(200, file.statusCode(), new String(file.body(), StandardCharsets.UTF_8));
    assertTrue(file.headers().firstValue("content-disposition").orElse("").contains("y-kien-48-KH-UBND.csv"));
    assertEquals(Exporting.INLINE_MAX_ROWS + 2, lines(file.body()), "header and 501 rows");
    assertTrue(new String(file.body(), StandardCharsets.UTF_8).contains("Khòn Pổ"), "Vietnamese intact");
    try (var files = Files.walk(data.resolve("s3"))) {
      assertEquals(1, files.filter(Files::isRegularFile).count(), "one file under the data folder");
    }

    // XLSX: the same way, a workbook of 501 rows
    LocalApi.Reply xlsx = api.call("GET", "/plans/" + planId + "/exports/opinions?format=xlsx", office, null);
    assertEquals(202, xlsx.status(), xlsx.body());
    HttpResponse<byte[]> book = get(URI.create((String) awaitReady(xlsx.text("job")).get("url")));
    assertEquals(200, book.statusCode());
    try (XSSFWorkbook w = new XSSFWorkbook(new ByteArrayInputStream(book.body()))) {
      assertEquals(501, w.getSheetAt(0).getLastRowNum(), "rows after the header");
    }
  }

  @Test
  @DisplayName("another commune's job is not found; a role that may not export is refused")
  void foreignJobRefused() {
    compiledOnce();
    LocalApi.Reply queued = api.call("GET", "/plans/" + planId + "/exports/assignments?format=csv", office, null);
    assertEquals(202, queued.status(), queued.body());
    String job = queued.text("job");
    assertEquals(404, api.call("GET", "/exports/" + job, api.token("xa-khac", "office", null), null).status());
    assertEquals(403, api.call("GET", "/exports/" + job, api.token("demo", "agency", "phong-kinh-te"), null)
        .status());
    assertEquals(404, api.call("GET", "/exports/x-khong-co", office, null).status());
  }

  @Test
  @DisplayName("a link altered, or expired, is refused by the S3 stand-in")
  void alteredOrExpiredLinkRefused() throws Exception {
    compiledOnce();
    LocalApi.Reply queued = api.call("GET", "/plans/" + planId + "/exports/opinions?format=xlsx&contacts=false",
        office, null);
    String job = queued.text("job");
    URI url = URI.create((String) awaitReady(job).get("url"));
    assertEquals(200, get(url).statusCode());

    HttpResponse<byte[]> longer = get(URI.create(url.toString().replace("X-Amz-Expires=900", "X-Amz-Expires=86400")));
    assertEquals(403, longer.statusCode());
    assertTrue(new String(longer.body(), StandardCharsets.UTF_8).contains("SignatureDoesNotMatch"));

    String path = url.getRawPath(); // /<bucket>/<key>
    String bucket = System.getProperty(S3ExportFiles.BUCKET);
    String key = path.substring(bucket.length() + 2);
    S3ExportFiles signedEarlier = new S3ExportFiles(bucket, "ap-southeast-1",
        URI.create(System.getProperty(S3ExportFiles.ENDPOINT)),
        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")),
        Clock.fixed(Instant.now().minus(Duration.ofMinutes(16)), ZoneOffset.UTC));
    HttpResponse<byte[]> expired = get(signedEarlier.link(key, "y-kien.xlsx", Exporting.LINK_VALID_FOR));
    assertEquals(403, expired.statusCode());
    assertTrue(new String(expired.body(), StandardCharsets.UTF_8).contains("Request has expired"));
    S3ExportFiles signedNow = new S3ExportFiles(bucket, "ap-southeast-1",
        URI.create(System.getProperty(S3ExportFiles.ENDPOINT)),
        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")),
        Clock.fixed(Instant.now().minus(Duration.ofMinutes(14)), ZoneOffset.UTC));
    assertEquals(200, get(signedNow.link(key, "y-kien.xlsx", Exporting.LINK_VALID_FOR)).statusCode(),
        "signed 14 minutes ago: still good");
  }

  private boolean topped;

  /** Above the threshold, once for the class whichever test runs first. */
  private synchronized void compiledOnce() {
    if (!topped && api.download("/plans/" + planId + "/exports/opinions?format=csv", office).statusCode() == 200) {
      compiled(1);
    }
    topped = true;
  }

  private Map<String, Object> awaitReady(String job) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      LocalApi.Reply r = api.call("GET", "/exports/" + job, office, null);
      assertEquals(200, r.status(), r.body());
      if ("ready".equals(r.text("status"))) {
        return r.json();
      }
      assertEquals("queued", r.text("status"), r.body());
      assertTrue(System.nanoTime() < until, "the job never finished: " + r.body());
      Thread.sleep(200);
    }
  }

  private HttpResponse<byte[]> get(URI url) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static int lines(byte[] csv) {
    return new String(csv, StandardCharsets.UTF_8).split("\r\n", -1).length - 1;
  }
}
