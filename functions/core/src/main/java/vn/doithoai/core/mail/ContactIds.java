package vn.doithoai.core.mail;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The opaque stand-in for a contact (an e-mail address or a phone number) wherever an id or a key needs one:
 * HMAC-SHA256 of the contact under the deployment's secret key, truncated to 80 bits, in lower-case base 32
 * (16 characters). Deterministic, so the outbox's ids stay the same when a change is retried (exactly-once
 * relies on that), and a contact's records can be found again by hashing the contact (a citizen's export or
 * erasure); keyed, so nobody holding an id, an event or a dead letter can test guesses (a phone number has
 * only 10⁹ values: a plain hash would be reversed in seconds).
 *
 * <p>The key is a deployment constant set once at start ({@link #useKey}, from {@code CONTACT_ID_KEY}, an SSM
 * SecureString in AWS); until then the fixed {@link #DEV_KEY} (the local runtime and tests). It is global
 * rather than passed to every e-mail builder because ids are built in many domain places and the key, like
 * the time zone, never changes while a process runs. Changing it in a deployment would change every id: a
 * retried change would then queue its e-mails again under new ids, so it is never rotated without re-keying.
 */
public final class ContactIds {
  /** The key of the local runtime and tests: public, so never used in AWS (the template requires a key). */
  public static final String DEV_KEY = "doithoai-local-contact-id-key-not-secret";
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static volatile SecretKeySpec key = spec(DEV_KEY);

  private ContactIds() {}

  /** Sets the deployment's key (at least 32 characters), before any id is built. */
  public static void useKey(String secret) {
    Objects.requireNonNull(secret, "secret");
    if (secret.strip().length() < 32) {
      throw new IllegalArgumentException("the contact id key needs at least 32 characters");
    }
    key = spec(secret.strip());
  }

  /**
   * The opaque id of a contact, trimmed and lower-cased first, so {@code Dung@Example.VN} and
   * {@code dung@example.vn} are one contact; a phone number is hashed as given (store it normalised, E.164).
   */
  public static String of(String contact) {
    String c = Objects.requireNonNull(contact, "contact").strip().toLowerCase(Locale.ROOT);
    byte[] mac = mac(c);
    StringBuilder out = new StringBuilder(16);
    long bits = 0;
    for (int i = 0; i < 10; i++) {
      bits = (bits << 8) | (mac[i] & 0xff);
      if (i % 5 == 4) { // 40 bits → 8 characters
        for (int shift = 35; shift >= 0; shift -= 5) {
          out.append(ALPHABET[(int) (bits >>> shift) & 31]);
        }
        bits = 0;
      }
    }
    return out.toString();
  }

  /**
   * The id of an outbox message to {@code contact}: {@code prefix#<opaque id>}. The prefix names the change
   * and the event (never contact data); the opaque id keeps one message per contact.
   */
  public static String messageId(String prefix, String contact) {
    return prefix + "#" + of(contact);
  }

  /**
   * HMAC-SHA256 of {@code text} under the deployment's key: for other deterministic, unguessable names (a
   * webhook opinion's tracking code, derived from its delivery id so that a retry finds the same item).
   */
  public static byte[] mac(String text) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(key);
      return m.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SecretKeySpec spec(String secret) {
    return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }
}
