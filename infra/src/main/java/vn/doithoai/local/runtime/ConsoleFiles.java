package vn.doithoai.local.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * The staff console's static files (module {@code console/}, under {@code console/} on the classpath), as S3
 * and CloudFront serve them in AWS: a content type, a strong ETag for revalidation, gzip when asked for, and
 * the security headers every page carries — above all a Content-Security-Policy that allows only our own
 * scripts and styles and requires Trusted Types, so that no string can ever reach an HTML sink.
 */
public final class ConsoleFiles {
  /** The page's policy; the same string goes into CloudFront's response headers policy. */
  public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; font-src 'self'; manifest-src 'self'; form-action 'self'; "
      + "frame-ancestors 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types 'none'";

  public static final Map<String, String> SECURITY_HEADERS = Map.of(
      "Content-Security-Policy", CONTENT_SECURITY_POLICY,
      "X-Content-Type-Options", "nosniff",
      "Referrer-Policy", "same-origin",
      "Cross-Origin-Opener-Policy", "same-origin",
      "Permissions-Policy", "camera=(), microphone=(), geolocation=()");

  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "json", "application/json; charset=utf-8",
      "svg", "image/svg+xml",
      "png", "image/png",
      "ico", "image/x-icon",
      "txt", "text/plain; charset=utf-8");

  /** A file ready to send: its bytes, gzipped bytes (null when not worth it), type and ETag. */
  public record File(byte[] bytes, byte[] gzipped, String contentType, String etag) {}

  private final String root;
  private final ClassLoader loader;
  private final Map<String, Optional<File>> cache = new ConcurrentHashMap<>();

  public ConsoleFiles() {
    this("console", ConsoleFiles.class.getClassLoader());
  }

  ConsoleFiles(String root, ClassLoader loader) {
    this.root = root;
    this.loader = loader;
  }

  /**
   * The file of a decoded request path: {@code /} and paths ending in {@code /} are their folder's
   * {@code index.html}; a path with {@code ..}, a backslash, a NUL, or a last segment without a known extension
   * is never a file.
   */
  public Optional<File> find(String path) {
    if (!path.startsWith("/") || path.contains("..") || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0
        || path.contains("//")) {
      return Optional.empty();
    }
    String p = path.endsWith("/") ? path + "index.html" : path;
    String name = p.substring(p.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    if (dot <= 0 || !TYPES.containsKey(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    return cache.computeIfAbsent(p, this::load);
  }

  private Optional<File> load(String p) {
    URL url = loader.getResource(root + p);
    if (url == null) {
      return Optional.empty();
    }
    byte[] bytes;
    try (InputStream in = url.openStream()) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + url, e);
    }
    String ext = p.substring(p.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    String type = TYPES.get(ext);
    boolean text = type.startsWith("text/") || ext.equals("json") || ext.equals("svg");
    return Optional.of(new File(bytes, text && bytes.length > 512 ? gzip(bytes) : null, type, etag(bytes)));
  }

  private static String etag(byte[] bytes) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
      return "\"" + HexFormat.of().formatHex(d, 0, 12) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
