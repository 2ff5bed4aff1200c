package vn.doithoai.core.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The cursor of a paged list: base64url of {@code {"l": digest of the listing, "k": the store's position}}. The
 * listing names what the page belongs to (the commune and the query), so a cursor copied into another
 * commune's or another query's request is refused rather than continued.
 */
public final class PageCursor {
  private PageCursor() {}

  public static String write(String listing, String position) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("l", digest(listing));
    m.put("k", position);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(m).getBytes(StandardCharsets.UTF_8));
  }

  /** The position in {@code cursor} if it is a cursor of {@code listing}; empty for anything else. */
  public static Optional<String> read(String cursor, String listing) {
    try {
      Map<String, Object> m = Json.readObject(new String(Base64.getUrlDecoder().decode(cursor),
          StandardCharsets.UTF_8));
      return digest(listing).equals(m.get("l")) && m.get("k") instanceof String k ? Optional.of(k)
          : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty(); // not base64 or not JSON: not a cursor
    }
  }

  private static String digest(String listing) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(listing.getBytes(StandardCharsets.UTF_8)), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
