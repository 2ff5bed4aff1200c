package vn.doithoai.core.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Standard Webhooks verification, with the specification's own test vector. */
class WebhookVerifierTest {
  static final byte[] KEY = Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
  static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
  static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  static final Instant SENT = Instant.ofEpochSecond(1614265330);
  static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

  @Test
  @DisplayName("the Standard Webhooks test vector verifies, and signing reproduces it")
  void vector() {
    assertNull(WebhookVerifier.verify(ID, "1614265330", SIGNATURE, BODY, List.of(KEY), SENT));
    assertEquals(SIGNATURE, WebhookVerifier.signature(KEY, ID, 1614265330, BODY));
  }

  @Test
  @DisplayName("several signatures (rotation): any valid one with any valid key is enough")
  void rotation() {
    byte[] otherKey = new byte[32];
    String header = "v1,bm90LWEtc2lnbmF0dXJl " + SIGNATURE;
    assertNull(WebhookVerifier.verify(ID, "1614265330", header, BODY, List.of(otherKey, KEY), SENT));
  }

  @Test
  @DisplayName("a changed byte, id or key fails; so does a timestamp more than five minutes off either way")
  void failures() {
    byte[] changed = BODY.clone();
    changed[2] ^= 1;
    assertEquals(WebhookVerifier.Failure.BAD_SIGNATURE,
        WebhookVerifier.verify(ID, "1614265330", SIGNATURE, changed, List.of(KEY), SENT));
    assertEquals(WebhookVerifier.Failure.BAD_SIGNATURE,
        WebhookVerifier.verify("msg_other", "1614265330", SIGNATURE, BODY, List.of(KEY), SENT));
    assertEquals(WebhookVerifier.Failure.BAD_SIGNATURE,
        WebhookVerifier.verify(ID, "1614265330", SIGNATURE, BODY, List.of(), SENT));
    assertEquals(WebhookVerifier.Failure.STALE_TIMESTAMP,
        WebhookVerifier.verify(ID, "1614265330", SIGNATURE, BODY, List.of(KEY), SENT.plusSeconds(301)));
    assertEquals(WebhookVerifier.Failure.STALE_TIMESTAMP,
        WebhookVerifier.verify(ID, "1614265330", SIGNATURE, BODY, List.of(KEY), SENT.minusSeconds(301)));
    assertNull(WebhookVerifier.verify(ID, "1614265330", SIGNATURE, BODY, List.of(KEY), SENT.plusSeconds(299)));
    assertEquals(WebhookVerifier.Failure.MALFORMED_TIMESTAMP,
        WebhookVerifier.verify(ID, "soon", SIGNATURE, BODY, List.of(KEY), SENT));
    assertEquals(WebhookVerifier.Failure.BAD_SIGNATURE,
        WebhookVerifier.verify(ID, "1614265330", "v2,abc v1,%%%", BODY, List.of(KEY), SENT));
  }
}
