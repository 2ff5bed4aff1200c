package vn.doithoai.core.rights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.opinion.OpinionParts.Raiser;

class ContactTest {
  @ParameterizedTest(name = "\"{0}\" → {1} {2}")
  @CsvSource(delimiter = '|', value = {
      "0912 345 678       | PHONE | +84912345678",
      "+84 912.345.678    | PHONE | +84912345678",
      "(+84) 912-345-678  | PHONE | +84912345678",
      "84912345678        | PHONE | +84912345678",
      "0205 3812 345      | PHONE | +842053812345",
      "' Dung.HV@Example.VN '| EMAIL | dung.hv@example.vn"})
  @DisplayName("a contact in one spelling, however typed")
  void normalised(String typed, Contact.Kind kind, String value) {
    assertEquals(new Contact(kind, value), Contact.parse(typed));
  }

  @ParameterizedTest
  @CsvSource({"Dũng", "12345", "dung@", "'   '"})
  @DisplayName("neither an e-mail nor a phone number: a 400 naming the field")
  void refused(String typed) {
    DomainException e = assertThrows(DomainException.class, () -> Contact.parse(typed));
    assertEquals("contact", e.fieldErrors().get(0).field());
  }

  @Test
  @DisplayName("a raiser is reached by their phone or e-mail as stored, whatever the spelling")
  void reaches() {
    Raiser r = new Raiser("Hoàng Văn Dũng", "0912.345.678", "Dung.HV@example.vn", null, null, false);
    assertTrue(Contact.parse("+84912345678").reaches(r));
    assertTrue(Contact.parse("dung.hv@example.vn").reaches(r));
    assertFalse(Contact.parse("0912345679").reaches(r));
    assertFalse(Contact.parse("dung@example.vn").reaches(r));
  }

  @Test
  @DisplayName("the keyed hash depends on the key and the commune, and never shows the contact")
  void keyedHash() {
    Contact c = Contact.parse("0912 345 678");
    byte[] k1 = "key-one".getBytes(StandardCharsets.UTF_8);
    String h = c.keyedHash(k1, "demo");
    assertTrue(h.matches("[0-9a-f]{64}") && !h.contains("0912345678") && !h.contains("912345678"), h);
    assertEquals(h, Contact.parse("+84 912 345 678").keyedHash(k1, "demo"));
    assertNotEquals(h, c.keyedHash("key-two".getBytes(StandardCharsets.UTF_8), "demo"));
    assertNotEquals(h, c.keyedHash(k1, "other"));
  }
}
