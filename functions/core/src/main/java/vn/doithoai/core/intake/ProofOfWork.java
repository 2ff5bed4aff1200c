package vn.doithoai.core.intake;

import java.util.LinkedHashMap;
import java.util.Map;
import org.altcha.altcha.Altcha;

/**
 * Bằng chứng công việc: the hosted form's proof of work, in the ALTCHA protocol rather than a picture CAPTCHA,
 * so that nobody has to read distorted letters. The server signs a challenge (SHA-256 of salt and a secret
 * number up to {@link #MAX_NUMBER}) with its HMAC key; the page's small script finds the number in a few
 * seconds; a bot must spend the same work on every submission. The salt carries the form's one-time token and
 * an expiry, so a solution is good for one form, one opinion, for {@link #VALID_SECONDS}.
 */
public final class ProofOfWork {
  static final long MAX_NUMBER = 50_000;
  static final long VALID_SECONDS = 3 * 3600; // an older person may take a long time to write

  /** A challenge as the script reads it from the form. */
  public record Challenge(String algorithm, String challenge, long maxNumber, String salt, String signature) {}

  private final String hmacKey;

  /** With {@code hmacKey} null or blank nothing verifies: every submission goes to the clerk's review. */
  public ProofOfWork(String hmacKey) {
    this.hmacKey = hmacKey == null || hmacKey.isBlank() ? null : hmacKey;
  }

  public boolean enabled() {
    return hmacKey != null;
  }

  public Challenge challenge(String formToken) {
    if (hmacKey == null) {
      return null;
    }
    try {
      Altcha.Challenge c = Altcha.createChallenge(new Altcha.ChallengeOptions().setHmacKey(hmacKey)
          .setMaxNumber(MAX_NUMBER).setExpiresInSeconds(VALID_SECONDS).addParam("token", formToken));
      return new Challenge(c.algorithm, c.challenge, c.maxnumber, c.salt, c.signature);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create a proof-of-work challenge", e);
    }
  }

  /**
   * True when {@code payload} (the ALTCHA base64 JSON the script puts in the form) solves a challenge we
   * signed, not expired, for this form's token.
   */
  public boolean verify(String payload, String formToken) {
    if (hmacKey == null || payload == null || payload.isBlank() || payload.length() > 2000) {
      return false;
    }
    try {
      if (!Altcha.verifySolution(payload, hmacKey, true)) {
        return false;
      }
      String json = new String(java.util.Base64.getDecoder().decode(payload), java.nio.charset.StandardCharsets.UTF_8);
      Object salt = vn.doithoai.core.common.Json.readObject(json).get("salt");
      if (!(salt instanceof String s)) {
        return false;
      }
      Map<String, String> params = new LinkedHashMap<>(Altcha.extractParams(s));
      return formToken.equals(params.get("token"));
    } catch (Exception e) {
      return false; // a malformed payload is an unsolved one
    }
  }
}
