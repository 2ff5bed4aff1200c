package vn.doithoai.core.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ContactIdsTest {
  @AfterEach
  void devKeyAgain() {
    ContactIds.useKey(ContactIds.DEV_KEY);
  }

  @Test
  void theSameContactHasTheSameOpaqueIdWhateverItsCase() {
    String id = ContactIds.of("Dung.HV@Example.vn ");
    assertEquals(id, ContactIds.of("dung.hv@example.vn"));
    assertTrue(id.matches("[a-z2-7]{16}"), id);
    assertNotEquals(id, ContactIds.of("dung.hv@example.com"));
  }

  @Test
  void anIdSaysNothingOfTheContactAndDependsOnTheKey() {
    String phone = "+84912345678";
    String dev = ContactIds.of(phone);
    assertTrue(!dev.contains("912") && !dev.contains("84"), dev);
    ContactIds.useKey("a-deployment-key-of-at-least-32-characters");
    assertNotEquals(dev, ContactIds.of(phone), "keyed: another deployment's ids differ");
    assertEquals("mail#o_1#ack#v1#" + ContactIds.of(phone), ContactIds.messageId("mail#o_1#ack#v1", phone));
  }

  @Test
  void aShortKeyIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> ContactIds.useKey("too-short"));
  }
}
