package vn.doithoai.core.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', value = {
      "0912345678        | +84912345678 | true",
      "0912 345 678      | +84912345678 | true",
      "0912.345.678      | +84912345678 | true",
      "84912345678       | +84912345678 | true",
      "+84 912 345 678   | +84912345678 | true",
      "(+84) 912-345-678 | +84912345678 | true",
      "0084912345678     | +84912345678 | true",
      "+84 0912 345 678  | +84912345678 | true",
      "0362345678        | +84362345678 | true",
      "0562345678        | +84562345678 | true",
      "0782345678        | +84782345678 | true",
      "0862345678        | +84862345678 | true",
      "024 3825 3536     | +842438253536 | false",
      "0205 3812 345     | +842053812345 | false",
      "+84 24 3825 3536  | +842438253536 | false",
  })
  void vietnameseNumbersAreStoredInE164AndOnlyMobilesTakeSms(String typed, String e164, boolean mobile) {
    assertEquals(new PhoneNumber.Valid(e164, mobile), PhoneNumber.parse(typed));
  }

  @ParameterizedTest
  @ValueSource(strings = {"091234567", "09123456789", "0112345678", "0412345678", "0612345678", "1234",
      "0912-345-67a", "số 0912345678", "+1 202 555 0100", "+33 6 12 34 56 78"})
  void anythingElseIsRefusedWithAVietnameseMessage(String typed) {
    PhoneNumber.Invalid invalid = assertInstanceOf(PhoneNumber.Invalid.class, PhoneNumber.parse(typed));
    assertEquals(true, invalid.message().startsWith("Số điện thoại") || invalid.message().startsWith("Chỉ nhận"),
        invalid.message());
  }

  @ParameterizedTest
  @CsvSource(nullValues = "null", value = {"0912 345 678,+84912345678", "024 3825 3536,null", "null,null",
      "abc,null"})
  void aStoredNumberTakesSmsOnlyWhenItIsAMobile(String stored, String expected) {
    assertEquals(Optional.ofNullable(expected), PhoneNumber.mobile(stored));
  }
}
