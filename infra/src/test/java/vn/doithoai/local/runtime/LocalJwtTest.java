package vn.doithoai.local.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalJwtTest {
  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final Instant NOW = Instant.parse("2025-11-20T01:00:00Z");
  private static final LocalJwt JWT = at(NOW);
  private static final LocalJwt.Identity OFFICER =
      new LocalJwt.Identity("u-1", "Nguyễn Văn A", "lang-son-xa-1", List.of("office", "host"), null);

  private static LocalJwt at(Instant instant) {
    return new LocalJwt(KEY, Clock.fixed(instant, ZoneOffset.UTC));
  }

  private static String part(String token, int i) {
    return new String(Base64.getUrlDecoder().decode(token.split("\\.")[i]), StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("round trip: claims come back the way HTTP API's JWT authorizer passes them (strings, \"[a b]\")")
  void roundTrip() throws Exception {
    String token = JWT.issue(new LocalJwt.Identity("u-2", "Trần Thị B", "xa-2", List.of("agency"), "ag-7"),
        Duration.ofHours(12));
    assertFalse(token.contains("="), "base64url without padding");
    assertEquals("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", part(token, 0));
    Map<String, String> claims = JWT.verify(token);
    assertEquals("u-2", claims.get("sub"));
    assertEquals("Trần Thị B", claims.get("name"));
    assertEquals("xa-2", claims.get("commune"));
    assertEquals("[agency]", claims.get("roles"));
    assertEquals("ag-7", claims.get("agency"));
    assertEquals("doithoai-local", claims.get("iss"));
    assertEquals("doithoai", claims.get("aud"));
    assertEquals(Long.toString(NOW.getEpochSecond()), claims.get("iat"));
    assertEquals(Long.toString(NOW.getEpochSecond() + 12 * 3600), claims.get("exp"));

    Map<String, String> two = JWT.verify(JWT.issue(OFFICER, LocalJwt.DEFAULT_TTL));
    assertEquals("[office host]", two.get("roles"));
    assertFalse(two.containsKey("agency"));
    assertEquals(List.of("office", "host"), LocalJwt.parseListClaim(two.get("roles")));
  }

  @Test
  @DisplayName("claim formatting: numbers as decimal text, booleans, arrays bracketed and space-separated")
  void claimFormat() {
    assertEquals("1516239022", LocalJwt.claimString(1516239022));
    assertEquals("1516239022", LocalJwt.claimString(1516239022L));
    assertEquals("1.5", LocalJwt.claimString(1.5));
    assertEquals("true", LocalJwt.claimString(true));
    assertEquals("[user editor]", LocalJwt.claimString(List.of("user", "editor")));
    assertEquals("[]", LocalJwt.claimString(List.of()));
    assertEquals("[1 2]", LocalJwt.claimString(List.of(1, 2)));
  }

  @Test
  @DisplayName("a tampered payload or signature, another key, garbage: refused")
  void tampered() {
    String token = JWT.issue(OFFICER, Duration.ofHours(1));
    String[] p = token.split("\\.");
    String adminPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
        part(token, 1).replace("\"office\"", "\"admin\"").getBytes(StandardCharsets.UTF_8));
    assertThrows(LocalJwt.InvalidTokenException.class, () -> JWT.verify(p[0] + "." + adminPayload + "." + p[2]));
    char last = p[2].charAt(p[2].length() - 2);
    String badSig = p[2].substring(0, p[2].length() - 2) + (last == 'A' ? 'B' : 'A') + p[2].charAt(p[2].length() - 1);
    assertThrows(LocalJwt.InvalidTokenException.class, () -> JWT.verify(p[0] + "." + p[1] + "." + badSig));
    LocalJwt other = new LocalJwt("ffffffffffffffffffffffffffffffff".getBytes(StandardCharsets.US_ASCII),
        Clock.fixed(NOW, ZoneOffset.UTC));
    assertThrows(LocalJwt.InvalidTokenException.class, () -> other.verify(token));
    for (String garbage : new String[] {"", "a.b", "a.b.c.d", "!!!.???.###", p[0] + "." + p[1] + "."}) {
      assertThrows(LocalJwt.InvalidTokenException.class, () -> JWT.verify(garbage), garbage);
    }
  }

  @Test
  @DisplayName("alg none (unsigned) and any algorithm other than HS256: refused")
  void algorithms() {
    String claims = "{\"iss\":\"doithoai-local\",\"aud\":\"doithoai\",\"sub\":\"x\",\"exp\":"
        + (NOW.getEpochSecond() + 600) + "}";
    String b64Claims = Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    String noneHeader = Base64.getUrlEncoder().withoutPadding().encodeToString(
        "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    assertThrows(LocalJwt.InvalidTokenException.class, () -> JWT.verify(noneHeader + "." + b64Claims + "."));
    assertThrows(LocalJwt.InvalidTokenException.class,
        () -> JWT.verify(JWT.signWithHeader("{\"alg\":\"none\"}", claims)), "none, even with an HMAC attached");
    assertThrows(LocalJwt.InvalidTokenException.class,
        () -> JWT.verify(JWT.signWithHeader("{\"alg\":\"HS512\"}", claims)));
    assertThrows(LocalJwt.InvalidTokenException.class,
        () -> JWT.verify(JWT.signWithHeader("{\"alg\":\"RS256\"}", claims)));
  }

  @Test
  @DisplayName("expiry with 60 s leeway, nbf and iat in the future, missing exp")
  void time() throws Exception {
    String token = JWT.issue(OFFICER, Duration.ofHours(1));
    at(NOW.plusSeconds(3600 + 59)).verify(token);
    assertThrows(LocalJwt.InvalidTokenException.class, () -> at(NOW.plusSeconds(3600 + 60)).verify(token));
    assertThrows(LocalJwt.InvalidTokenException.class, () -> at(NOW.minusSeconds(61)).verify(token),
        "issued in the future");
    at(NOW.minusSeconds(59)).verify(token);
    long now = NOW.getEpochSecond();
    assertThrows(LocalJwt.InvalidTokenException.class, () -> JWT.verify(JWT.sign(
        "{\"iss\":\"doithoai-local\",\"aud\":\"doithoai\",\"sub\":\"x\"}")), "no exp");
    assertThrows(LocalJwt.InvalidTokenException.class, () -> JWT.verify(JWT.sign(
        "{\"iss\":\"doithoai-local\",\"aud\":\"doithoai\",\"sub\":\"x\",\"exp\":" + (now + 600) + ",\"nbf\":"
            + (now + 120) + "}")));
    JWT.verify(JWT.sign("{\"iss\":\"doithoai-local\",\"aud\":\"doithoai\",\"sub\":\"x\",\"exp\":" + (now + 600)
        + ",\"nbf\":" + (now + 30) + "}"));
  }

  @Test
  @DisplayName("issuer and audience must match (aud may be an array)")
  void issuerAndAudience() throws Exception {
    long exp = NOW.getEpochSecond() + 600;
    assertThrows(LocalJwt.InvalidTokenException.class, () -> JWT.verify(JWT.sign(
        "{\"iss\":\"doithoai-local\",\"aud\":\"someone-else\",\"sub\":\"x\",\"exp\":" + exp + "}")));
    assertThrows(LocalJwt.InvalidTokenException.class, () -> JWT.verify(JWT.sign(
        "{\"iss\":\"doithoai-local\",\"sub\":\"x\",\"exp\":" + exp + "}")), "no aud");
    assertThrows(LocalJwt.InvalidTokenException.class, () -> JWT.verify(JWT.sign(
        "{\"iss\":\"https://evil\",\"aud\":\"doithoai\",\"sub\":\"x\",\"exp\":" + exp + "}")));
    Map<String, String> c = JWT.verify(JWT.sign(
        "{\"iss\":\"doithoai-local\",\"aud\":[\"x\",\"doithoai\"],\"sub\":\"x\",\"exp\":" + exp + "}"));
    assertEquals("[x doithoai]", c.get("aud"));
  }

  @Test
  @DisplayName("the key: 32 random bytes, base64, created once per data dir, owner-only")
  void keyFile(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    LocalJwt a = LocalJwt.forDataDir(data);
    Path file = data.resolve(LocalJwt.KEY_FILE);
    byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
    assertEquals(32, key.length);
    assertArrayEquals(key, LocalJwt.loadOrCreateKey(data), "kept, not regenerated");
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
    String token = a.issue(OFFICER, Duration.ofMinutes(5));
    assertEquals("u-1", LocalJwt.forDataDir(data).verify(token).get("sub"));
    assertThrows(LocalJwt.InvalidTokenException.class, () -> LocalJwt.forDataDir(dir.resolve("other")).verify(token));
    assertTrue(Files.list(data).noneMatch(p -> p.toString().endsWith(".tmp")));
  }
}
