package vn.doithoai.core.common;

/**
 * A Vietnamese phone number as citizens write it ({@code 0912345678}, {@code 0912 345 678}, {@code 0912.345.678},
 * {@code 84912345678}, {@code +84 912 345 678}, {@code (+84) 912-345-678}), stored in one spelling, E.164
 * ({@code +84912345678}). Mobile numbers (10 digits from 03, 05, 07, 08, 09 since the 2018 renumbering) can
 * receive SMS; landlines (11 digits from 02: 024/028 and 02xx area codes) are kept for the record, but no SMS
 * goes to them. Other countries' numbers are refused: the SMS origination identity is registered for Vietnam only.
 */
public final class PhoneNumber {
  /** The outcome: the number in E.164 and whether it takes SMS, or why it cannot be used. */
  public sealed interface Parsed {}

  public record Valid(String e164, boolean mobile) implements Parsed {}

  public record Invalid(String message) implements Parsed {}

  private PhoneNumber() {}

  public static Parsed parse(String text) {
    String t = text.strip();
    if (!t.matches("[+(]{0,2}[0-9][0-9 ().-]*")) {
      return invalid();
    }
    boolean plus = t.startsWith("+") || t.startsWith("(+");
    String digits = t.replaceAll("[^0-9]", "");
    String national;
    if (plus || digits.startsWith("0084")) {
      String d = digits.startsWith("0084") ? digits.substring(2) : digits;
      if (!d.startsWith("84")) {
        return new Invalid("Chỉ nhận số điện thoại Việt Nam (bắt đầu bằng 0 hoặc +84).");
      }
      national = "0" + d.substring(2);
    } else if (digits.startsWith("84") && (digits.length() == 11 || digits.length() == 12)) {
      national = "0" + digits.substring(2);
    } else {
      national = digits;
    }
    if (national.startsWith("00")) {
      national = national.substring(1); // +84 0912…: the trunk zero written after the country code
    }
    if (national.matches("0[35789][0-9]{8}")) {
      return new Valid("+84" + national.substring(1), true);
    }
    if (national.matches("02[0-9]{9}")) {
      return new Valid("+84" + national.substring(1), false);
    }
    return invalid();
  }

  /** The mobile number in E.164, or empty: a landline, or a number stored before numbers were checked. */
  public static java.util.Optional<String> mobile(String stored) {
    if (stored == null || stored.isBlank()) {
      return java.util.Optional.empty();
    }
    return parse(stored) instanceof Valid v && v.mobile() ? java.util.Optional.of(v.e164())
        : java.util.Optional.empty();
  }

  private static Invalid invalid() {
    return new Invalid("Số điện thoại không hợp lệ: số di động gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09"
        + " (ví dụ 0912 345 678); số cố định gồm 11 chữ số, bắt đầu bằng 02.");
  }
}
