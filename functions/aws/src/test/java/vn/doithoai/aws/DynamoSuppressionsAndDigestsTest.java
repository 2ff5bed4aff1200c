package vn.doithoai.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.mail.OutgoingMail;

class DynamoSuppressionsAndDigestsTest {
  static final Instant NOW = Instant.parse("2025-11-03T00:30:00Z");

  private DynamoTable table;

  @BeforeEach
  void setUp() {
    table = TestTable.create();
  }

  @Test
  void anAddressIsSuppressedWhateverItsCaseAndSpaces() {
    DynamoSuppressions s = new DynamoSuppressions(table);
    assertFalse(s.suppressed("duc.lv@example.vn"));

    s.suppress("  Duc.LV@Example.VN ", "Permanent bounce: General", NOW);

    assertTrue(s.suppressed("duc.lv@example.vn"));
    assertTrue(s.suppressed("DUC.LV@EXAMPLE.VN"));
    assertFalse(s.suppressed("hoa@example.vn"));
    assertFalse(s.suppressed(null));
    assertFalse(s.suppressed(" "));
    Map<String, AttributeValue> item = TestTable.scan(table, "SUPPRESS#").get(0);
    assertEquals("SUPPRESS#" + vn.doithoai.core.mail.ContactIds.of("duc.lv@example.vn"), item.get("pk").s(),
        "keyed by the opaque id, never the address");
    assertEquals("SUPPRESS", item.get("sk").s());
    assertEquals("Permanent bounce: General", item.get("reason").s());
    assertEquals(NOW.toString(), item.get("at").s());

    s.suppress("duc.lv@example.vn", "complaint", NOW.plusSeconds(60));
    assertEquals(Optional.of(new DynamoSuppressions.Entry("duc.lv@example.vn", "complaint", NOW.plusSeconds(60))),
        s.find("Duc.Lv@example.vn"));
    assertEquals(1, TestTable.scan(table, "SUPPRESS#").size());
  }

  @Test
  void oneDigestPerCommuneUnitAndDay() {
    String office = Commune.COMMITTEE_OFFICE;
    String to = "vanphong@tanthanh.gov.vn";
    DynamoDigests digests = new DynamoDigests(table, Clock.fixed(NOW, ZoneOffset.UTC));
    DynamoMailOutbox outbox = new DynamoMailOutbox(table);
    Commune c = Fixtures.commune(Fixtures.CID);
    LocalDate day = LocalDate.of(2025, 11, 3);
    String subject = "[Xã Tân Thành] Thời hạn trong tuần (03/11/2025): 2 sắp đến hạn, 1 quá hạn";

    assertTrue(digests.send(c, office, to, day, subject, "Kính gửi Văn phòng HĐND và UBND xã Tân Thành,\n", "<p>Kính gửi</p>"));
    assertFalse(digests.send(c, office, to, day, subject + " (lần 2)", "…", "…"), "the same day again");
    assertTrue(digests.send(c, office, to, day.plusDays(1), subject, "…", "…"));

    OutgoingMail first = outbox.find("digest#xa-tan-thanh#van-phong-hdnd-ubnd#2025-11-03").orElseThrow();
    assertEquals(new OutgoingMail("digest#xa-tan-thanh#van-phong-hdnd-ubnd#2025-11-03", Fixtures.CID, to,
        subject, "Kính gửi Văn phòng HĐND và UBND xã Tân Thành,\n", "<p>Kính gửi</p>", "deadline.digest", NOW,
        List.of("mttq@tanthanh.gov.vn")), first);
    assertEquals(2, outbox.pending(10).size());

    assertTrue(digests.send(c, "ban-xay-dung-dang", "bxdd@tanthanh.gov.vn", day, "Thời hạn", "…", null),
        "another unit, the same day: its own digest");
    OutgoingMail board = outbox.find("digest#xa-tan-thanh#ban-xay-dung-dang#2025-11-03").orElseThrow();
    assertEquals("bxdd@tanthanh.gov.vn", board.to());
    assertEquals(List.of(), board.cc(), "the Front is copied on the offices' digests only");
    assertFalse(digests.send(c, "ban-xay-dung-dang", " ", day.plusDays(2), "Thời hạn", "…", null), "no address");
  }
}
