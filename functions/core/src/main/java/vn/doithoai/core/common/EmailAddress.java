package vn.doithoai.core.common;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address that SES can actually send to: a plain ASCII local part (dot-atom, RFC 5322, no quoting),
 * and a domain in ASCII, an internationalised domain (tên-miền.vn) being converted to punycode here. SES has no
 * SMTPUTF8, so an address with diacritics before the {@code @} is refused with a message a citizen can act on,
 * instead of being accepted and dying later in the dead-letter queue.
 */
public final class EmailAddress {
  private static final Pattern ATEXT = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern TLD = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");

  /** The outcome: the address to store (domain lower-cased and in punycode), or why it cannot be used. */
  public sealed interface Parsed {}

  public record Valid(String address) implements Parsed {}

  public record Invalid(String message) implements Parsed {}

  private EmailAddress() {}

  /** Reads an address already normalised by {@link Input#normalize}. */
  public static Parsed parse(String text) {
    int at = text.lastIndexOf('@');
    if (at <= 0 || at == text.length() - 1 || text.indexOf('@') != at) {
      return invalid();
    }
    String local = text.substring(0, at);
    if (!local.chars().allMatch(c -> c < 0x80)) {
      return new Invalid("Phần trước dấu @ của địa chỉ e-mail chỉ được dùng chữ không dấu, chữ số và các dấu . _ - +;"
          + " thư không gửi được tới địa chỉ có dấu tiếng Việt.");
    }
    if (local.length() > 64 || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
      return invalid();
    }
    for (String atom : local.split("\\.")) {
      if (!ATEXT.matcher(atom).matches()) {
        return invalid();
      }
    }
    String domain;
    try {
      // without ALLOW_UNASSIGNED and with the STD3 rules: only letters, digits and hyphens per label
      domain = IDN.toASCII(text.substring(at + 1), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return invalid();
    }
    String[] labels = domain.split("\\.", -1);
    if (labels.length < 2 || domain.length() > 253 || !TLD.matcher(labels[labels.length - 1]).matches()) {
      return invalid();
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        return invalid();
      }
    }
    String address = local + "@" + domain;
    return address.length() > 254 ? invalid() : new Valid(address);
  }

  private static Invalid invalid() {
    return new Invalid("Địa chỉ e-mail không hợp lệ.");
  }
}
