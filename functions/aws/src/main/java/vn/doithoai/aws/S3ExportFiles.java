package vn.doithoai.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import vn.doithoai.core.common.Download;
import vn.doithoai.core.export.ExportFiles;

/**
 * Large exports in S3: PutObject of the finished file, and a presigned GetObject link (SigV4, query string,
 * {@code response-content-disposition} naming the file). Two REST calls do not need the S3 client (a further
 * ~3.5 MB of jars on every function's cold start): the SDK's own SigV4 signer ({@code http-auth-aws}, already
 * on the classpath) signs them, and the URL-connection client sends the put. Virtual-hosted addresses in AWS
 * ({@code https://<bucket>.s3.<region>.amazonaws.com/<key>}); path-style on {@code DOITHOAI_S3_ENDPOINT} (the
 * local runtime's stand-in), with the dummy credentials the other stand-ins take.
 *
 * <p>A presigned URL made with a Lambda role's temporary credentials stops working when they expire, whatever
 * its own expiry (https://docs.aws.amazon.com/AmazonS3/latest/userguide/ShareObjectPreSignedURL.html); the
 * role's credentials outlive the 15 minutes asked for in practice, and the console simply asks again.
 */
public final class S3ExportFiles implements ExportFiles {
  public static final String BUCKET = "EXPORT_BUCKET";
  public static final String ENDPOINT = "DOITHOAI_S3_ENDPOINT";

  private final String bucket;
  private final String region;
  private final URI endpoint;
  private final boolean pathStyle;
  private final AwsCredentialsProvider credentials;
  private final SdkHttpClient http;
  private final Clock clock;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

  /** {@code endpoint} null: AWS itself. {@code clock}: the real time (S3 checks a link's expiry against its own). */
  public S3ExportFiles(String bucket, String region, URI endpoint, AwsCredentialsProvider credentials, Clock clock) {
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalStateException(BUCKET + " is not set");
    }
    this.bucket = bucket.trim();
    this.region = region;
    this.pathStyle = endpoint != null;
    this.endpoint = endpoint != null ? endpoint : URI.create("https://" + this.bucket + ".s3." + region
        + ".amazonaws.com");
    this.credentials = credentials;
    this.http = UrlConnectionHttpClient.builder().build();
    this.clock = clock;
  }

  /** {@code EXPORT_BUCKET}, {@code AWS_REGION}, and {@code DOITHOAI_S3_ENDPOINT} when set. */
  public static S3ExportFiles fromEnvironment() {
    String region = DynamoClients.config(DynamoClients.REGION);
    String endpoint = DynamoClients.config(ENDPOINT);
    boolean local = endpoint != null && !endpoint.isBlank();
    return new S3ExportFiles(DynamoClients.config(BUCKET), region == null || region.isBlank()
        ? DynamoClients.DEFAULT_REGION : region.trim(), local ? URI.create(endpoint.trim()) : null,
        local ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
            : DefaultCredentialsProvider.builder().build(), Clock.systemUTC());
  }

  @Override
  public void put(String key, Download file) {
    byte[] body = file.bytes();
    SdkHttpFullRequest request = base(key, SdkHttpMethod.PUT)
        .putHeader("Content-Type", file.contentType())
        .putHeader("Content-Length", Integer.toString(body.length))
        .putHeader("x-amz-content-sha256", sha256(body))
        .build();
    SignedRequest signed = signer.sign(r -> common(r.request(request).payload(ContentStreamProvider.fromByteArray(body))
        .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true)));
    try {
      HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
          .contentStreamProvider(signed.payload().orElse(null)).build()).call();
      String detail = response.responseBody().map(S3ExportFiles::text).orElse("");
      if (!response.httpResponse().isSuccessful()) {
        throw new IllegalStateException("S3 PutObject " + key + " answered " + response.httpResponse().statusCode()
            + ": " + detail);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("S3 PutObject " + key, e);
    }
  }

  @Override
  public URI link(String key, String fileName, Duration validFor) {
    String disposition = "attachment; filename=\"" + Download.ascii(fileName) + "\"; filename*=UTF-8''"
        + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    SdkHttpFullRequest request = base(key, SdkHttpMethod.GET)
        .putRawQueryParameter("response-content-disposition", disposition).build();
    SignedRequest signed = signer.sign(r -> common(r.request(request))
        .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
        .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, validFor)
        .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false));
    return signed.request().getUri();
  }

  private SignRequest.Builder<AwsCredentialsIdentity> common(SignRequest.Builder<AwsCredentialsIdentity> r) {
    return r.identity(credentials.resolveCredentials())
        .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
        .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
        .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
        .putProperty(HttpSigner.SIGNING_CLOCK, clock);
  }

  private SdkHttpFullRequest.Builder base(String key, SdkHttpMethod method) {
    StringBuilder path = new StringBuilder(pathStyle ? "/" + segment(bucket) : "");
    for (String part : key.split("/", -1)) {
      path.append('/').append(segment(part));
    }
    return SdkHttpFullRequest.builder().method(method).uri(endpoint).encodedPath(path.toString());
  }

  /** RFC 3986: unreserved characters kept, every other byte %XX (S3's rule for a key in a path). */
  static String segment(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(InputStream in) {
    try (in) {
      byte[] b = in.readNBytes(2000);
      return new String(b, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
