package vn.doithoai.core.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InputTest {
  @Test
  @DisplayName("decomposed (NFD) Vietnamese becomes NFC with every diacritic kept; control characters go")
  void normalisation() {
    String nfd = java.text.Normalizer.normalize("Đường liên thôn xuống cấp", java.text.Normalizer.Form.NFD);
    assertEquals("Đường liên thôn xuống cấp", Input.normalize("  " + nfd + "\u0000\u0007 "));
    assertEquals("dòng 1\ndòng 2", Input.normalize("dòng 1\r\ndòng 2"));
    assertEquals("<script>alert(1)</script>", Input.normalize("<script>alert(1)</script>"),
        "input keeps the text as typed; output encoding happens where it is shown");
  }

  @Test
  @DisplayName("every field's problem is reported at once, in Vietnamese, with its path")
  void collectsErrors() {
    Input in = new Input(Map.of("year", "abc", "items", java.util.List.of(Map.of("content", ""))));
    in.integer("year", 2020, 2100);
    in.requiredText("title", 100, "tên kế hoạch");
    in.objects("items", 10, i -> i.requiredText("content", 100, "nội dung"));
    DomainException e = assertThrows(DomainException.class, in::check);
    assertEquals(3, e.fieldErrors().size());
    assertTrue(e.fieldErrors().stream().anyMatch(f -> f.field().equals("items[0].content")));
    assertTrue(e.fieldErrors().stream().anyMatch(f -> f.message().contains("tên kế hoạch")));
  }

  @Test
  @DisplayName("tracking codes are read forgivingly: case, spaces, O for 0, I and L for 1")
  void trackingCodes() {
    assertEquals("DT-0K3M-9QX1", Ids.normalizeTrackingCode(" dt-oK3m 9qxl "));
    assertEquals("", Ids.normalizeTrackingCode("DT-123"));
    assertTrue(Ids.trackingCode().matches("DT-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}"));
  }

  @Test
  @DisplayName("a wrong opinion field is answered with the fields' Vietnamese names, the code beside each")
  void choiceInVietnamese() {
    Input in = new Input(Map.of("field", "roads"));
    in.choice("field", vn.doithoai.core.opinion.OpinionField.class);
    DomainException e = assertThrows(DomainException.class, in::check);
    String message = e.fieldErrors().get(0).message();
    assertTrue(message.contains("Đất đai (land)") && message.contains("Hạ tầng, giao thông (infrastructure)"), message);
  }

  @Test
  @DisplayName("a phone number is stored in E.164; one that is not a Vietnamese number is a field error (400)")
  void phoneNumbers() {
    Input ok = new Input(Map.of("phone", "0912 345 678"));
    assertEquals(java.util.Optional.of("+84912345678"), ok.phone("phone"));
    ok.check();
    Input bad = new Input(Map.of("phone", "12345"));
    assertEquals(java.util.Optional.empty(), bad.phone("phone"));
    DomainException e = assertThrows(DomainException.class, bad::check);
    assertEquals("phone", e.fieldErrors().get(0).field());
    assertTrue(e.fieldErrors().get(0).message().startsWith("Số điện thoại không hợp lệ"));
  }
}
