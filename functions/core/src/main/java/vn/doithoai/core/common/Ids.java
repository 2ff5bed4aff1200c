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
