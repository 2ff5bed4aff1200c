package vn.doithoai.local.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import vn.doithoai.aws.S3ExportFiles;
import vn.doithoai.core.common.Download;

/**
 * The S3 stand-in on the wire, with the export adapter's own requests: a put signed in its header, a presigned
 * GET; what S3 refuses (a link altered, expired, signed with another key; a put whose body is not what was
 * signed) refused the same way.
 */
class LocalS3Test {
  static final String KEY = "exports/demo/x0123/1764554400000/y-kien-12-KH-DU.csv";
  static final byte[] CSV = "\uFEFFMã theo dõi,Nội dung\r\nDT-0001,Đường liên thôn Nà Pàn\r\n"
      .getBytes(StandardCharsets.UTF_8);

  private final PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  private final HttpClient http = HttpClient.newHttpClient();
  private LocalServices services;
  private Path data;
  private String bucket;

  @BeforeEach
  void start(@TempDir Path dir) throws Exception {
    data = dir;
    TemplateModel model = TemplateModel.load(Path.of("..", "template.yaml"));
    bucket = model.buckets().stream().filter(b -> b.contains("export")).findFirst().orElseThrow();
    services = new LocalServices(model, new LocalFunctions(model, log),
        LocalClock.forDataDir(dir, Instant.parse("2025-11-03T01:00:00Z")), null, dir, log).bind();
  }

  @AfterEach
  void stop() {
    services.close();
  }

  S3ExportFiles files(String secret, Instant signedAt) {
    return new S3ExportFiles(bucket, "ap-southeast-1", services.endpoint(), StaticCredentialsProvider.create(
        AwsBasicCredentials.create("local", secret)), Clock.fixed(signedAt, ZoneOffset.UTC));
  }

  HttpResponse<String> get(URI url) throws Exception {
    return http.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName("a signed put is kept under the data folder; its presigned link serves it with the file's name")
  void putThenPresignedGet() throws Exception {
    S3ExportFiles files = files("local", Instant.now());
    files.put(KEY, new Download("y-kiến.csv", Download.CSV, CSV));
    assertTrue(Files.isRegularFile(data.resolve("s3").resolve(bucket).resolve(KEY)));
    URI link = files.link(KEY, "y-kiến-12-KH/ĐU.csv", Duration.ofMinutes(15));
    assertTrue(link.getRawQuery().contains("X-Amz-Expires=900"), link.toString());
    HttpResponse<String> r = get(link);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(new String(CSV, StandardCharsets.UTF_8), r.body());
    assertEquals(Download.CSV, r.headers().firstValue("content-type").orElse(""));
    assertTrue(r.headers().firstValue("content-disposition").orElse("").startsWith("attachment; filename=\"y-kien"));
  }

  @Test
  @DisplayName("refused: a link altered, expired or signed with another key; a put whose body was not signed")
  void refusals() throws Exception {
    files("local", Instant.now()).put(KEY, new Download("y-kien.csv", Download.CSV, CSV));
    URI good = files("local", Instant.now()).link(KEY, "y-kien.csv", Duration.ofMinutes(15));
    HttpResponse<String> altered = get(URI.create(good.toString().replace("X-Amz-Expires=900",
        "X-Amz-Expires=3600")));
    assertEquals(403, altered.statusCode());
    assertTrue(altered.body().contains("<Code>SignatureDoesNotMatch</Code>"), altered.body());
    HttpResponse<String> otherFile = get(URI.create(good.toString().replace("x0123", "x9999")));
    assertEquals(403, otherFile.statusCode(), "another key with this signature");

    HttpResponse<String> expired = get(files("local", Instant.now().minus(Duration.ofMinutes(16)))
        .link(KEY, "y-kien.csv", Duration.ofMinutes(15)));
    assertEquals(403, expired.statusCode());
    assertTrue(expired.body().contains("Request has expired"), expired.body());
    assertEquals(200, get(files("local", Instant.now().minus(Duration.ofMinutes(14)))
        .link(KEY, "y-kien.csv", Duration.ofMinutes(15))).statusCode(), "14 minutes old: still valid");

    HttpResponse<String> forged = get(files("not-the-key", Instant.now()).link(KEY, "y-kien.csv",
        Duration.ofMinutes(15)));
    assertEquals(403, forged.statusCode());
    IllegalStateException put = assertThrows(IllegalStateException.class, () -> files("not-the-key", Instant.now())
        .put(KEY, new Download("y-kien.csv", Download.CSV, CSV)));
    assertTrue(put.getMessage().contains("SignatureDoesNotMatch"), put.getMessage());
  }
}
