package vn.doithoai.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.doithoai.core.mail.OutgoingMail;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.OpinionField;

class DynamoMailOutboxTest {
  private DynamoTable table;
  private DynamoOpinions opinions;
  private DynamoMailOutbox outbox;

  @BeforeEach
  void setUp() {
    table = TestTable.create();
    opinions = new DynamoOpinions(table);
    outbox = new DynamoMailOutbox(table);
  }

  @Test
  void pendingOldestFirstThenMarkedSentOnce() {
    OutgoingMail late = Fixtures.mail("mail-late", Fixtures.T0.plusSeconds(120));
    OutgoingMail early = Fixtures.mail("mail-early", Fixtures.T0);
    OutgoingMail middle = Fixtures.mail("mail-middle", Fixtures.T0.plusMillis(60_500));
    Opinion o = Fixtures.opinion("o_1", Optional.empty(), OpinionField.OTHER, Fixtures.T0);
    opinions.create(List.of(o), List.of(late, early, middle));

    assertEquals(List.of(early, middle, late), outbox.pending(10));
    assertEquals(List.of(early, middle), outbox.pending(2));
    assertEquals("Xã Tân Thành đã tiếp nhận ý kiến của ông/bà", outbox.pending(1).get(0).subject());

    Instant sentAt = Instant.parse("2025-10-20T02:20:00Z");
    assertTrue(outbox.markSent("mail-early", sentAt));
    assertFalse(outbox.markSent("mail-early", sentAt.plusSeconds(5)), "a second markSent is a no-op");
    assertFalse(outbox.markSent("mail-khong-co", sentAt));
    assertEquals(List.of(middle, late), outbox.pending(10));
    assertEquals(Optional.of("SENT"), outbox.status("mail-early"));
    assertEquals(Optional.of(early), outbox.find("mail-early"));

    Map<String, AttributeValue> item = TestTable.scan(table, "MAIL#mail-early").get(0);
    assertEquals(sentAt.toString(), item.get("sentAt").s());
    assertFalse(item.containsKey("gsi2pk"));
    assertFalse(item.containsKey("gsi2sk"));
    assertEquals(List.of(), outbox.pending(0));
  }
}
