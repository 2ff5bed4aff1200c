package vn.doithoai.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.mail.OutgoingMail;

class EmlWriterTest {
  private static String decodeWords(String header) {
    StringBuilder sb = new StringBuilder();
    Matcher m = Pattern.compile("=\\?UTF-8\\?B\\?([^?]*)\\?=").matcher(header);
    while (m.find()) {
      sb.append(new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8));
    }
    return sb.toString();
  }

  @Test
  @DisplayName("a long Vietnamese subject is split into encoded words of ≤ 75 characters, and decodes intact")
  void subject() {
    String subject = "[Xã Thiên Hòa] Kết quả xử lý ý kiến mã DT-AAAA-BBBB: Hướng dẫn theo thủ tục khiếu nại, tố cáo";
    String encoded = EmlWriter.encodedWord(subject);
    for (String word : encoded.split("\r\n ")) {
      assertTrue(word.length() <= 75, word);
    }
    assertEquals(subject, decodeWords(encoded));
  }

  @Test
  @DisplayName("CR/LF in a subject or address cannot inject a header; the From name is encoded")
  void noHeaderInjection() {
    OutgoingMail m = new OutgoingMail("id1", "demo", "a@example.vn\r\nBcc: all@example.vn",
        "Chào\r\nBcc: x@example.vn", "nội dung", null, "test", Instant.parse("2026-11-22T01:00:00Z"));
    String eml = EmlWriter.write(m, LocalMailDrain.FROM);
    assertFalse(eml.contains("\r\nBcc:"), eml);
    assertTrue(eml.startsWith("From: =?UTF-8?B?"), eml);
    assertEquals("Đối thoại", decodeWords(eml.lines().findFirst().orElseThrow()));
  }
}
