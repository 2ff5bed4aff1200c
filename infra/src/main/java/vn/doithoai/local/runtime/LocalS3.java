package vn.doithoai.local.runtime;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Amazon S3, locally, for the template's buckets, path-style ({@code /<bucket>/<key>}): {@code PutObject}
 * signed in its Authorization header and {@code GetObject} by a presigned URL (the query string's SigV4), as the
 * export worker writes and the console's link reads. The signature is checked as S3 does — the canonical request
 * rebuilt from what arrived, signed with the stand-ins' one key pair ({@code local}/{@code local}) — so a link
 * whose path, query or expiry was touched is refused (403 {@code SignatureDoesNotMatch}), and an expired one too
 * (403 {@code AccessDenied}, "Request has expired"), against the real time, as S3 knows no local clock. Objects
 * are files under {@code <data>/s3/<bucket>/<key>}, their content type beside them under {@code <data>/s3-meta}.
 * Everything else is 501 {@code NotImplemented}.
 */
final class LocalS3 {
  static final String ACCESS_KEY = "local";
  private static final String SECRET_KEY = "local";
  private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
  /** S3 refuses a header-signed request whose time is more than 15 minutes off. */
  private static final Duration SKEW = Duration.ofMinutes(15);

  private final Set<String> buckets;
  private final Path root;
  private final Path meta;
  private final Clock clock;
  private final PrintStream log;

  LocalS3(TemplateModel model, Path dataDir, Clock clock, PrintStream log) {
    this.buckets = new LinkedHashSet<>(model.buckets());
    this.root = dataDir.resolve("s3");
    this.meta = dataDir.resolve("s3-meta");
    this.clock = clock;
    this.log = log;
  }

  /** A request for one of the template's buckets. */
  boolean handles(AwsHttp.Request r) {
    String[] parts = r.path().split("/", 3);
    return parts.length >= 2 && buckets.contains(parts[1]);
  }

  void serve(HttpExchange exchange, AwsHttp.Request r) throws IOException {
    try {
      String[] parts = r.path().split("/", 3);
      String bucket = parts[1];
      String key = parts.length == 3 ? AwsHttp.decode(parts[2].replace("+", "%2B")) : "";
      if (key.isEmpty() || key.contains("..") || key.startsWith("/")) {
        throw new S3Error(400, "InvalidRequest", "Bucket operations are not supported locally.");
      }
      boolean presigned = r.query().containsKey("X-Amz-Signature");
      verify(r, presigned);
      Path file = root.resolve(bucket).resolve(key).normalize();
      Path type = meta.resolve(bucket).resolve(key).normalize();
      if (!file.startsWith(root.resolve(bucket)) || !type.startsWith(meta.resolve(bucket))) {
        throw new S3Error(400, "InvalidRequest", "Invalid key.");
      }
      switch (r.method()) {
        case "PUT" -> {
          String sha = r.header("x-amz-content-sha256");
          if (sha != null && !sha.startsWith("UNSIGNED") && !sha.equals(hex(sha256(r.body())))) {
            throw new S3Error(400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does "
                + "not match what was computed.");
          }
          write(file, r.body());
          write(type, String.valueOf(r.header("Content-Type")).getBytes(StandardCharsets.UTF_8));
          log.println("s3: put " + bucket + "/" + key + " (" + r.body().length + " B)");
          exchange.getResponseHeaders().set("ETag", "\"" + hex(md5(r.body())) + "\"");
          exchange.sendResponseHeaders(200, -1);
        }
        case "GET" -> {
          if (!Files.isRegularFile(file)) {
            throw new S3Error(404, "NoSuchKey", "The specified key does not exist.");
          }
          byte[] body = Files.readAllBytes(file);
          exchange.getResponseHeaders().set("Content-Type", Files.isRegularFile(type)
              ? Files.readString(type, StandardCharsets.UTF_8) : "binary/octet-stream");
          String disposition = r.query().get("response-content-disposition");
          if (disposition != null) {
            exchange.getResponseHeaders().set("Content-Disposition", disposition);
          }
          exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
          try (OutputStream os = exchange.getResponseBody()) {
            os.write(body);
          }
        }
        default -> throw new S3Error(501, "NotImplemented", r.method() + " is not supported locally.");
      }
    } catch (S3Error e) {
      byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + e.code + "</Code><Message>"
          + e.getMessage() + "</Message></Error>").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/xml");
      exchange.sendResponseHeaders(e.status, xml.length);
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(xml);
      }
    }
  }

  /** SigV4, from the Authorization header or the presigned query string, against the stand-ins' key. */
  private void verify(AwsHttp.Request r, boolean presigned) {
    String credential;
    String signedHeaders;
    String signature;
    String amzDate;
    String payloadHash;
    if (presigned) {
      Map<String, String> q = r.query();
      if (!"AWS4-HMAC-SHA256".equals(q.get("X-Amz-Algorithm"))) {
        throw new S3Error(400, "AuthorizationQueryParametersError", "X-Amz-Algorithm only supports "
            + "\"AWS4-HMAC-SHA256\"");
      }
      credential = q.get("X-Amz-Credential");
      signedHeaders = q.get("X-Amz-SignedHeaders");
      signature = q.get("X-Amz-Signature");
      amzDate = q.get("X-Amz-Date");
      payloadHash = q.getOrDefault("X-Amz-Content-Sha256", "UNSIGNED-PAYLOAD");
      Instant signed = instant(amzDate);
      long expires;
      try {
        expires = Long.parseLong(String.valueOf(q.get("X-Amz-Expires")));
      } catch (NumberFormatException e) {
        throw new S3Error(400, "AuthorizationQueryParametersError", "X-Amz-Expires should be a number");
      }
      if (expires < 1 || expires > 604_800) {
        throw new S3Error(400, "AuthorizationQueryParametersError", "X-Amz-Expires must be less than a week "
            + "(in seconds) that is 604800");
      }
      if (clock.instant().isAfter(signed.plusSeconds(expires))) {
        throw new S3Error(403, "AccessDenied", "Request has expired");
      }
    } else {
      String auth = r.header("Authorization");
      if (auth == null || !auth.startsWith("AWS4-HMAC-SHA256 ")) {
        throw new S3Error(403, "AccessDenied", "Access Denied");
      }
      credential = field(auth, "Credential");
      signedHeaders = field(auth, "SignedHeaders");
      signature = field(auth, "Signature");
      amzDate = r.header("x-amz-date");
      payloadHash = r.header("x-amz-content-sha256");
      if (payloadHash == null) {
        throw new S3Error(400, "InvalidRequest", "Missing required header for this request: x-amz-content-sha256");
      }
      Instant signed = instant(amzDate);
      if (Duration.between(signed, clock.instant()).abs().compareTo(SKEW) > 0) {
        throw new S3Error(403, "RequestTimeTooSkewed", "The difference between the request time and the current "
            + "time is too large.");
      }
    }
    String[] scope = credential == null ? new String[0] : credential.split("/");
    if (scope.length != 5 || !"s3".equals(scope[3]) || !"aws4_request".equals(scope[4]) || signedHeaders == null
        || signature == null) {
      throw new S3Error(400, "AuthorizationHeaderMalformed", "The authorization header is malformed.");
    }
    if (!ACCESS_KEY.equals(scope[0])) {
      throw new S3Error(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.");
    }
    StringBuilder canonical = new StringBuilder();
    canonical.append(r.method()).append('\n').append(r.path()).append('\n').append(canonicalQuery(r)).append('\n');
    for (String h : signedHeaders.split(";")) {
      List<String> values = r.exchange().getRequestHeaders().get(h);
      String v = values == null ? "" : String.join(",", values);
      canonical.append(h).append(':').append(v.strip().replaceAll("\\s+", " ")).append('\n');
    }
    canonical.append('\n').append(signedHeaders).append('\n').append(payloadHash);
    String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope[1] + "/" + scope[2] + "/s3/aws4_request\n"
        + hex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    byte[] key = hmac(("AWS4" + SECRET_KEY).getBytes(StandardCharsets.UTF_8), scope[1]);
    key = hmac(hmac(hmac(key, scope[2]), "s3"), "aws4_request");
    String expected = hex(hmac(key, stringToSign));
    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII))) {
      throw new S3Error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the "
          + "signature you provided.");
    }
  }

  /** Every parameter but the signature, names and values RFC 3986-encoded, sorted. */
  private static String canonicalQuery(AwsHttp.Request r) {
    String raw = r.exchange().getRequestURI().getRawQuery();
    List<String> pairs = new ArrayList<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = AwsHttp.decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : AwsHttp.decode(pair.substring(eq + 1));
        if (!name.equals("X-Amz-Signature")) {
          pairs.add(encode(name) + "=" + encode(value));
        }
      }
    }
    pairs.sort(null);
    return String.join("&", pairs);
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
  }

  private static String field(String auth, String name) {
    for (String part : auth.substring("AWS4-HMAC-SHA256 ".length()).split(",")) {
      String p = part.strip();
      if (p.startsWith(name + "=")) {
        return p.substring(name.length() + 1);
      }
    }
    return null;
  }

  private static Instant instant(String amzDate) {
    try {
      return LocalDateTime.parse(String.valueOf(amzDate), AMZ_DATE).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new S3Error(403, "AccessDenied", "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
    }
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.write(tmp, bytes);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] sha256(byte[] b) {
    return digest("SHA-256", b);
  }

  private static byte[] md5(byte[] b) {
    return digest("MD5", b);
  }

  private static byte[] digest(String algorithm, byte[] b) {
    try {
      return MessageDigest.getInstance(algorithm).digest(b);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  /** An S3 error: status, code, message (answered as S3's XML). */
  private static final class S3Error extends RuntimeException {
    final int status;
    final String code;

    S3Error(int status, String code, String message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }
}
