package vn.doithoai.local.runtime;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The local stand-in for the HTTP API's JWT authorizer and for the identity provider behind it: issues and
 * verifies HS256 tokens (issuer {@value #ISSUER}, audience {@value #AUDIENCE}) with a key kept in
 * {@code <dataDir>/local-jwt.key}. JDK crypto only; jackson-jr for the JSON.
 */
public final class LocalJwt {
  public static final String ISSUER = "doithoai-local";
  public static final String AUDIENCE = "doithoai";
  public static final String KEY_FILE = "local-jwt.key";
  public static final Duration DEFAULT_TTL = Duration.ofHours(12);
  static final long LEEWAY_SECONDS = 60;

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();
  private static final JSON JSON_STD = JSON.std;
  private static final String HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

  /** A token that must be refused: API Gateway answers 401 without invoking the function. */
  public static final class InvalidTokenException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidTokenException(String reason) {
      super(reason);
    }
  }

  /** What a token says about its holder. {@code agency} may be null. */
  public record Identity(String subject, String name, String commune, List<String> roles, String agency) {
    public Identity {
      Objects.requireNonNull(subject, "subject");
      roles = List.copyOf(roles);
    }
  }

  private final byte[] key;
  private final Clock clock;

  public LocalJwt(byte[] key, Clock clock) {
    if (key.length < 32) {
      throw new IllegalArgumentException("HS256 key must have at least 32 bytes");
    }
    this.key = key.clone();
    this.clock = clock;
  }

  /** The key of {@code dataDir}, created (32 random bytes, owner-only permissions) on first use. */
  public static LocalJwt forDataDir(Path dataDir) {
    return new LocalJwt(loadOrCreateKey(dataDir), Clock.systemUTC());
  }

  static byte[] loadOrCreateKey(Path dataDir) {
    Path file = dataDir.resolve(KEY_FILE);
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(dataDir);
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        Path tmp = dataDir.resolve(KEY_FILE + "." + ProcessHandle.current().pid() + ".tmp");
        Files.deleteIfExists(tmp);
        if (dataDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
          Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
          Files.createFile(tmp);
        }
        Files.writeString(tmp, Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.US_ASCII);
        try {
          Files.move(tmp, file); // no REPLACE_EXISTING: if another process won the race, use its key
        } catch (FileAlreadyExistsException e) {
          Files.deleteIfExists(tmp);
        }
      }
      byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
      if (key.length < 32) {
        throw new IllegalStateException(file + " holds fewer than 32 bytes; delete it to get a new key");
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create " + file, e);
    }
  }

  /** A signed token for {@code who}, valid from now for {@code ttl}. */
  public String issue(Identity who, Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive");
    }
    long now = clock.instant().getEpochSecond();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", ISSUER);
    claims.put("aud", AUDIENCE);
    claims.put("sub", who.subject());
    if (who.name() != null) {
      claims.put("name", who.name());
    }
    if (who.commune() != null) {
      claims.put("commune", who.commune());
    }
    claims.put("roles", who.roles());
    if (who.agency() != null) {
      claims.put("agency", who.agency());
    }
    claims.put("iat", now);
    claims.put("exp", now + ttl.toSeconds());
    return sign(write(claims));
  }

  /** Signs an arbitrary claims JSON object (tests use it to build tokens the issuer would never make). */
  String sign(String claimsJson) {
    return signWithHeader(HEADER, claimsJson);
  }

  String signWithHeader(String headerJson, String claimsJson) {
    String input = B64.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
        + B64.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
    return input + "." + B64.encodeToString(hmac(input));
  }

  /**
   * Verifies a token as the HTTP API's JWT authorizer would (signature, {@code alg} = HS256 only,
   * {@code exp} required, {@code nbf} and {@code iat} not in the future, 60 s leeway, issuer and audience)
   * and returns its claims the way the authorizer hands them to Lambda in
   * {@code requestContext.authorizer.jwt.claims}: see {@link #claimString}.
   */
  public Map<String, String> verify(String token) throws InvalidTokenException {
    if (token == null) {
      throw new InvalidTokenException("no token");
    }
    String[] parts = token.strip().split("\\.", -1);
    if (parts.length != 3) {
      throw new InvalidTokenException("not a JWS compact token");
    }
    Map<String, Object> header = object(parts[0]);
    if (!"HS256".equals(header.get("alg"))) {
      throw new InvalidTokenException("alg must be HS256"); // refuses "none" and any other algorithm
    }
    if (header.containsKey("crit")) {
      throw new InvalidTokenException("unsupported critical header");
    }
    byte[] signature = decode(parts[2]);
    byte[] expected = hmac(parts[0] + "." + parts[1]);
    if (!MessageDigest.isEqual(expected, signature)) { // constant time
      throw new InvalidTokenException("bad signature");
    }
    Map<String, Object> claims = object(parts[1]);
    long now = clock.instant().getEpochSecond();
    Long exp = seconds(claims.get("exp"));
    if (exp == null || now >= exp + LEEWAY_SECONDS) {
      throw new InvalidTokenException("expired or no exp");
    }
    Long nbf = seconds(claims.get("nbf"));
    if (claims.containsKey("nbf") && (nbf == null || now + LEEWAY_SECONDS < nbf)) {
      throw new InvalidTokenException("not yet valid");
    }
    Long iat = seconds(claims.get("iat"));
    if (claims.containsKey("iat") && (iat == null || now + LEEWAY_SECONDS < iat)) {
      throw new InvalidTokenException("issued in the future");
    }
    if (!ISSUER.equals(claims.get("iss"))) {
      throw new InvalidTokenException("wrong issuer");
    }
    Object aud = claims.get("aud");
    boolean audienceOk = aud instanceof List<?> l ? l.contains(AUDIENCE) : AUDIENCE.equals(aud);
    if (!audienceOk) {
      throw new InvalidTokenException("wrong audience");
    }
    Map<String, String> out = new LinkedHashMap<>();
    claims.forEach((k, v) -> {
      if (v != null) {
        out.put(k, claimString(v));
      }
    });
    return out;
  }

  /**
   * A claim value as API Gateway HTTP API's JWT authorizer passes it to Lambda (payload 2.0,
   * {@code requestContext.authorizer.jwt.claims}, a map of strings): strings as they are, numbers as
   * their decimal text ({@code "exp": "1612061676"}, as in the event quoted in
   * awsdocs/amazon-api-gateway-developer-guide issue #113), and arrays as one bracketed, space-separated
   * string, e.g. {@code ["office","host"]} → {@code "[office host]"}: "API Gateway HTTP API JWT
   * authorizer serializes array claims as bracketed space-separated strings"
   * (aws-solutions-library-samples/guidance-for-claude-code-with-amazon-bedrock pull request #803, which
   * fixed a parser for exactly this form, {@code '[id1 id2 id3]'}). The newer JWT authorizer for REST
   * APIs keeps claims as JSON instead; HTTP APIs do not. Objects are not covered by those sources: they
   * are rendered as compact JSON here (our issuer never puts one in a token).
   */
  static String claimString(Object v) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
    if (v instanceof Number || v instanceof Boolean || v instanceof BigInteger) {
      return v.toString();
    }
    if (v instanceof List<?> l) {
      List<String> items = new ArrayList<>();
      for (Object o : l) {
        items.add(o == null ? "" : claimString(o));
      }
      return "[" + String.join(" ", items) + "]";
    }
    return write(v);
  }

  /**
   * The roles of a verified token's {@code roles} claim in the form {@link #claimString} gives
   * ({@code "[office host]"}); also accepts a single role or a comma/space-separated list.
   */
  public static List<String> parseListClaim(String value) {
    if (value == null) {
      return List.of();
    }
    String s = value.strip();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    List<String> out = new ArrayList<>();
    for (String item : s.split("[\\s,]+")) {
      if (!item.isEmpty()) {
        out.add(item);
      }
    }
    return out;
  }

  private byte[] hmac(String input) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static byte[] decode(String part) throws InvalidTokenException {
    try {
      return B64_DECODE.decode(part);
    } catch (IllegalArgumentException e) {
      throw new InvalidTokenException("bad base64url");
    }
  }

  private static Map<String, Object> object(String part) throws InvalidTokenException {
    try {
      Object o = JSON_STD.anyFrom(new String(decode(part), StandardCharsets.UTF_8));
      if (o instanceof Map<?, ?> m) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) m;
        return map;
      }
    } catch (IOException | RuntimeException e) {
      // not JSON: refused below
    }
    throw new InvalidTokenException("not a JSON object");
  }

  private static Long seconds(Object o) {
    if (o instanceof Integer || o instanceof Long || o instanceof BigInteger) {
      return ((Number) o).longValue();
    }
    if (o instanceof Number n) {
      return (long) Math.floor(n.doubleValue());
    }
    return null;
  }

  private static String write(Object o) {
    try {
      return JSON_STD.asString(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
