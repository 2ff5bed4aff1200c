package vn.doithoai.core.intake;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signature check: {@code webhook-signature} holds space-separated {@code v1,<base64>}
 * entries, each an HMAC-SHA256 of {@code id.timestamp.body} over the exact received bytes; any valid secret
 * and any entry may match (key rotation); the timestamp must be within five minutes either way; comparison
 * is constant-time.
 */
public final class WebhookVerifier {
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  /** Why a delivery was not accepted as authentic. */
  public enum Failure { MALFORMED_TIMESTAMP, STALE_TIMESTAMP, BAD_SIGNATURE }

  private WebhookVerifier() {}

  /** Null when the delivery is authentic, otherwise why not. */
  public static Failure verify(String id, String timestamp, String signatureHeader, byte[] body,
      List<byte[]> keys, Instant now) {
    long ts;
    try {
      ts = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      return Failure.MALFORMED_TIMESTAMP;
    }
    Instant sent = Instant.ofEpochSecond(ts);
    if (sent.isBefore(now.minus(TOLERANCE)) || sent.isAfter(now.plus(TOLERANCE))) {
      return Failure.STALE_TIMESTAMP;
    }
    byte[] prefix = (id + "." + ts + ".").getBytes(StandardCharsets.UTF_8);
    for (byte[] key : keys) {
      byte[] expected = sign(key, prefix, body);
      for (String entry : signatureHeader.trim().split(" +")) {
        int comma = entry.indexOf(',');
        if (comma < 0 || !entry.substring(0, comma).equals("v1")) {
          continue;
        }
        byte[] given;
        try {
          given = Base64.getDecoder().decode(entry.substring(comma + 1));
        } catch (IllegalArgumentException e) {
          continue;
        }
        if (MessageDigest.isEqual(expected, given)) {
          return null;
        }
      }
    }
    return Failure.BAD_SIGNATURE;
  }

  /** The signature header value a sender would produce: {@code v1,<base64>}. */
  public static String signature(byte[] key, String id, long timestamp, byte[] body) {
    byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
    return "v1," + Base64.getEncoder().encodeToString(sign(key, prefix, body));
  }

  private static byte[] sign(byte[] key, byte[] prefix, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(prefix);
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
    }
  }
}
