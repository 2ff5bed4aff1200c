package vn.doithoai.core.commune;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A commune website's signing secret (Standard Webhooks {@code whsec_…}). After a rotation the old secret
 * stays valid until {@code expiresAt}, so the website can switch over without losing a delivery.
 */
public record WebhookSecret(String id, String secret, Instant createdAt, Optional<Instant> expiresAt) {
  private static final SecureRandom RANDOM = new SecureRandom();

  public static WebhookSecret generate(String id, Instant now) {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return new WebhookSecret(id, "whsec_" + Base64.getEncoder().encodeToString(key), now, Optional.empty());
  }

  public boolean validAt(Instant at) {
    return expiresAt.map(at::isBefore).orElse(true);
  }

  /** The HMAC key: the base64 part after {@code whsec_}; a secret in another form is used as UTF-8 bytes. */
  public byte[] key() {
    if (secret.startsWith("whsec_")) {
      try {
        return Base64.getDecoder().decode(secret.substring(6));
      } catch (IllegalArgumentException e) {
        // not base64 after the prefix: fall through to the raw bytes
      }
    }
    return secret.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("secret", secret);
    m.put("createdAt", createdAt.toString());
    m.put("expiresAt", expiresAt.map(Instant::toString).orElse(null));
    return m;
  }

  public static WebhookSecret fromJson(Map<String, Object> m) {
    return new WebhookSecret((String) m.get("id"), (String) m.get("secret"),
        Instant.parse((String) m.get("createdAt")),
        Optional.ofNullable((String) m.get("expiresAt")).map(Instant::parse));
  }
}
