package vn.doithoai.core.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue #11, item 3: one strict JSON reader, addresses that can be sent to, and text normalised once. */
class StrictInputTest {
  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"", " ", "\n\t ", "{\"a\":1,\"a\":2}", "{\"o\":{\"k\":1,\"k\":1}}", "{\"a\":1}}}garbage",
      "{\"a\":1}{\"b\":2}", "{\"a\":1} x", "[1]", "\"text\"", "null", "{", "{\"a\":\"\\ud800\"", "1e999999"})
  @DisplayName("malformed, duplicated, trailing or non-object JSON is one 400 (malformed_json)")
  void rejected(String body) {
    DomainException e = assertThrows(DomainException.class, () -> Json.readObject(body));
    assertEquals(DomainException.Kind.INVALID, e.kind());
    assertEquals("malformed_json", e.code());
  }

  @Test
  @DisplayName("nesting up to the limit is read, one level deeper is refused, ten thousand levels too (no stack overflow)")
  void depth() {
    assertEquals(1, Json.readObject(nested(Json.MAX_DEPTH)).size());
    assertThrows(DomainException.class, () -> Json.readObject(nested(Json.MAX_DEPTH + 1)));
    assertThrows(DomainException.class, () -> Json.readObject(nested(10_000)));
    assertThrows(DomainException.class, () -> Json.readObject("{\"a\":" + "[".repeat(100_000)));
  }

  /** An object whose nesting (objects and arrays together) is {@code depth}. */
  private static String nested(int depth) {
    StringBuilder sb = new StringBuilder("{\"a\":");
    for (int i = 1; i < depth; i++) {
      sb.append(i % 2 == 0 ? "{\"a\":" : "[");
    }
    sb.append("1");
    for (int i = depth - 1; i >= 1; i--) {
      sb.append(i % 2 == 0 ? "}" : "]");
    }
    return sb.append("}").toString();
  }

  @Test
  @DisplayName("a well-formed object with a trailing newline is read as before")
  void wellFormed() {
    assertEquals(Map.of("a", List.of(1, "hai", true), "b", Map.of("c", "Đối thoại")),
        Json.readObject(" {\"a\":[1,\"hai\",true],\"b\":{\"c\":\"Đối thoại\"}}\n"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"a\"b@xa.vn", ".a@xa.vn", "a.@xa.vn", "a..b@xa.vn", "a@b..vn", "a@b.vn.", "a@-b.vn",
      "a@b", "a@b.c", "@b.vn", "a@", "a@@b.vn", "a@b@c.vn", "a b@xa.vn", "a@b_c.vn", "a@b.v1", "a@\uFFFD.vn",
      "\"a b\"@xa.vn", "a@[127.0.0.1]"})
  @DisplayName("addresses SES can never send to are refused")
  void undeliverable(String address) {
    assertInstanceOf(EmailAddress.Invalid.class, EmailAddress.parse(address));
  }

  @Test
  @DisplayName("diacritics before @ get a message a citizen can act on; an IDN domain is stored in punycode")
  void vietnameseAddresses() {
    EmailAddress.Parsed local = EmailAddress.parse("ý.kiến@xa.vn");
    assertTrue(((EmailAddress.Invalid) local).message().contains("không dấu"));
    assertEquals(new EmailAddress.Valid("y.kien@xn--x-yfa.vn"), EmailAddress.parse("y.kien@Xã.vn"));
    assertEquals(new EmailAddress.Valid("Nguyen.Van+A@ubnd-xa.gov.vn"), EmailAddress.parse("Nguyen.Van+A@UBND-XA.gov.vn"));
  }

  @Test
  @DisplayName("Input.email reports the problem on its field, and a required address that is absent")
  void inputEmail() {
    Input in = new Input(Map.of("email", "ý.kiến@xa.vn"));
    assertTrue(in.email("email", false).isEmpty());
    assertTrue(in.email("officeEmail", true).isEmpty());
    DomainException e = assertThrows(DomainException.class, in::check);
    assertEquals(List.of("email", "officeEmail"), e.fieldErrors().stream().map(FieldError::field).toList());
  }

  @Test
  @DisplayName("word-separating controls become a space, other controls go, a lone surrogate becomes U+FFFD")
  void controls() {
    assertEquals("đường liên thôn", Input.normalize("đường\u000Bliên\u000Cthôn"));
    assertEquals("một hai ba bốn", Input.normalize("một\u0085hai\u2028ba\u001Fbốn"));
    assertEquals("ab", Input.normalize("a\u0000\u0007\u007Fb"));
    assertEquals("a\uFFFDb", Input.normalize("a\uD800b"));
    assertEquals("😀", Input.normalize("\uD83D\uDE00"), "a valid surrogate pair is kept");
  }

  @Test
  @DisplayName("integers are exact: no wrap-around of huge numbers, no truncation of fractions")
  void integers() {
    Input in = new Input(Map.of("a", new java.math.BigInteger("18446744073709551621"), "b", 3.7, "c", 3.0));
    assertTrue(in.integer("a", 0, 100).isEmpty());
    assertTrue(in.integer("b", 0, 100).isEmpty());
    assertEquals(3, in.integer("c", 0, 100).orElseThrow());
  }
}
