package vn.doithoai.core.rights;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.FieldError;
import vn.doithoai.core.common.PhoneNumber;
import vn.doithoai.core.opinion.OpinionParts.Raiser;

/**
 * A way to reach a citizen, as a request names it: an e-mail address (NFC, trimmed, lower case) or a phone
 * number (its digits, {@code +84}/{@code 84} written as {@code 0}: "+84 912.345.678" is "0912345678").
 */
public record Contact(Kind kind, String value) {
  public enum Kind { EMAIL, PHONE }

  /** The contact a person typed, or a 400 with a Vietnamese message. */
  public static Contact parse(String typed) {
    String s = typed == null ? "" : Normalizer.normalize(typed, Normalizer.Form.NFC).strip();
    if (s.contains("@")) {
      String e = s.toLowerCase(Locale.ROOT);
      if (e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
        return new Contact(Kind.EMAIL, e);
      }
    } else {
      Optional<String> p = phone(s);
      if (p.isPresent()) {
        return new Contact(Kind.PHONE, p.get());
      }
    }
    throw DomainException.invalid(List.of(new FieldError("contact",
        "Vui lòng nhập địa chỉ e-mail hoặc số điện thoại của công dân (ví dụ 0912 345 678).")));
  }

  /** A Vietnamese phone number in the one spelling intake stores, E.164 ({@link PhoneNumber}), if it is one. */
  public static Optional<String> phone(String typed) {
    if (typed == null || typed.isBlank()) {
      return Optional.empty();
    }
    return PhoneNumber.parse(typed) instanceof PhoneNumber.Valid v ? Optional.of(v.e164()) : Optional.empty();
  }

  /** Whether a raiser can be reached by this contact. */
  public boolean reaches(Raiser r) {
    return switch (kind) {
      case EMAIL -> r.email() != null && Normalizer.normalize(r.email(), Normalizer.Form.NFC).strip()
          .toLowerCase(Locale.ROOT).equals(value);
      case PHONE -> phone(r.phone()).map(value::equals).orElse(false);
    };
  }

  /** The contact of a raiser: e-mail first, else phone; empty when they left neither. */
  public static Optional<Contact> of(Raiser r) {
    if (r.email() != null && !r.email().isBlank()) {
      return Optional.of(parse(r.email()));
    }
    return phone(r.phone()).map(p -> new Contact(Kind.PHONE, p));
  }

  /**
   * A keyed hash (HMAC-SHA-256) of the contact within its commune: what an audit keeps instead of the contact,
   * so the same contact's requests are found again without the record holding it.
   */
  public String keyedHash(byte[] key, String communeId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal((communeId + "\n" + kind.name().toLowerCase(Locale.ROOT) + ":"
          + value).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
