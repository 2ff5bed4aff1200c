package vn.doithoai.core.common;

import java.security.SecureRandom;

/**
 * Identifiers: random, URL-safe, unguessable (another commune cannot enumerate them). Tracking codes use
 * Crockford's base 32 so that a citizen can read one over the phone: no I, L, O or U.
 */
public final class Ids {
  private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final char[] LOWER = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  /** A record id such as {@code p_7k3m9qx2ab4t}: a prefix and 60 random bits. */
  public static String newId(String prefix) {
    return prefix + "_" + random(LOWER, 12);
  }

  /** A tracking code such as {@code DT-7K3M-9QX2}: 40 random bits. */
  public static String trackingCode() {
    String r = random(CROCKFORD, 8);
    return "DT-" + r.substring(0, 4) + "-" + r.substring(4);
  }

  /** The tracking code whose 40 bits are the first five bytes of {@code digest} (a keyed hash). */
  public static String trackingCode(byte[] digest) {
    long bits = 0;
    for (int i = 0; i < 5; i++) {
      bits = (bits << 8) | (digest[i] & 0xff);
    }
    char[] out = new char[8];
    for (int i = 0; i < 8; i++) {
      out[i] = CROCKFORD[(int) (bits >>> (35 - 5 * i)) & 31];
    }
    String r = new String(out);
    return "DT-" + r.substring(0, 4) + "-" + r.substring(4);
  }

  /**
   * The id of an opinion created with {@code trackingCode} ({@code DT-7K3M-9QX2} → {@code o_7k3m9qx2}): the
   * opinion's key is its code, so the code needs no item or index of its own and is unique in the commune
   * because the opinion's conditional put is. Opinions created before this (12-character ids) keep theirs.
   */
  public static String opinionIdFor(String trackingCode) {
    String t = normalizeTrackingCode(trackingCode);
    if (t.isEmpty()) {
      throw new IllegalArgumentException("not a tracking code: " + trackingCode);
    }
    return "o_" + (t.substring(3, 7) + t.substring(8)).toLowerCase(java.util.Locale.ROOT);
  }

  /** Normalises what a citizen typed: case, spaces, and the letters people confuse with digits. */
  public static String normalizeTrackingCode(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
      char d = switch (c) {
        case 'O' -> '0';
        case 'I', 'L' -> '1';
        default -> c;
      };
      if (Character.isLetterOrDigit(d)) {
        sb.append(d);
      }
    }
    String t = sb.toString();
    if (t.startsWith("DT")) {
      t = t.substring(2);
    }
    return t.length() == 8 ? "DT-" + t.substring(0, 4) + "-" + t.substring(4) : "";
  }

  private static String random(char[] alphabet, int n) {
    char[] out = new char[n];
    for (int i = 0; i < n; i++) {
      out[i] = alphabet[RANDOM.nextInt(alphabet.length)];
    }
    return new String(out);
  }
}
