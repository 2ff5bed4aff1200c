package vn.doithoai.core.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SmsTextTest {
  @ParameterizedTest(name = "{0} × ''{1}'' → {2} {3}")
  @CsvSource({
      "160, a, GSM-7, 1", "161, a, GSM-7, 2", "306, a, GSM-7, 2", "307, a, GSM-7, 3",
      "70, ă, UCS-2, 1", "71, ă, UCS-2, 2", "134, ă, UCS-2, 2", "135, ă, UCS-2, 3",
      "80, €, GSM-7, 1", "81, €, GSM-7, 2"})
  void segmentsAre160Or153InGsm7And70Or67InUcs2(int n, String c, String encoding, int segments) {
    SmsText.Segments s = SmsText.measure(c.repeat(n));
    assertEquals(encoding, s.encoding());
    assertEquals(segments, s.segments());
  }

  @Test
  void oneVietnameseLetterSendsTheWholeMessageInUcs2() {
    assertEquals("UCS-2", SmsText.measure("a".repeat(100) + "đ").encoding());
    assertEquals(2, SmsText.measure("a".repeat(100) + "đ").segments());
  }

  @Test
  void theUnaccentedVariantFitsTheGsmAlphabet() {
    String text = "UBND xã Tân Thành: ý kiến mã DT-7K3M-9QX2 được gia hạn đến 19/12/2025. Đường làng, ưu tiên.";
    String plain = SmsText.unaccented(text);
    assertEquals("UBND xa Tan Thanh: y kien ma DT-7K3M-9QX2 duoc gia han den 19/12/2025. Duong lang, uu tien.",
        plain);
    assertEquals("GSM-7", SmsText.measure(plain).encoding());
  }
}
