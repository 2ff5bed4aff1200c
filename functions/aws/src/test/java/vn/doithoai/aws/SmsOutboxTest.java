package vn.doithoai.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.doithoai.core.mail.ContactIds;
import vn.doithoai.core.mail.OutgoingMail;
import vn.doithoai.core.mail.SendingMail;
import vn.doithoai.core.mail.SmsSender;

/** An SMS goes through the e-mail's exactly-once outbox: claimed, sent by the SMS port, marked, once. */
class SmsOutboxTest {
  static final String PHONE = "+84912345678";
  static final OutgoingMail SMS = SmsVoiceSenderTest.SMS;
  static final Clock CLOCK = Clock.fixed(DynamoMailOutboxClaimTest.AT, ZoneOffset.UTC);

  private DynamoTable table;
  private DynamoMailOutbox outbox;
  private final List<String> sentSms = new ArrayList<>();
  private final List<String> sentMail = new ArrayList<>();

  @BeforeEach
  void setUp() {
    table = TestTable.create();
    outbox = new DynamoMailOutbox(table);
    table.client().putItem(b -> b.tableName(table.name()).item(DynamoMailOutbox.mailItem(SMS)));
  }

  private SendingMail sending(Optional<SmsSender> sms) {
    return new SendingMail(outbox, new DynamoSuppressions(table), m -> {
      sentMail.add(m.id());
      return "ses-id";
    }, sms, CLOCK);
  }

  private Map<String, AttributeValue> item() {
    return TestTable.scan(table, "MAIL#" + SMS.id()).get(0);
  }

  @Test
  void anSmsIsSentOnceThroughTheSmsPortAndItsRecordNamesTheContactOnlyByItsOpaqueId() {
    SendingMail sending = sending(Optional.of(m -> {
      sentSms.add(m.to());
      return "sms-" + sentSms.size();
    }));

    assertEquals(SendingMail.Outcome.SENT, sending.send(SMS.id()));
    assertEquals(SendingMail.Outcome.NOT_PENDING, sending.send(SMS.id()), "a repeated event sends nothing");

    assertEquals(List.of(PHONE), sentSms);
    assertEquals(List.of(), sentMail);
    assertEquals("SENT", item().get("status").s());
    assertEquals("sms-1", item().get("messageId").s());
    assertEquals(ContactIds.of(PHONE), item().get("contact").s());
    assertEquals("MAIL#sms#o_1#ack#v1#" + ContactIds.of(PHONE), item().get("pk").s());
  }

  @Test
  void withoutAnOriginationIdentityTheSmsIsSuppressedWithTheReason() {
    assertEquals(SendingMail.Outcome.SUPPRESSED, sending(Optional.empty()).send(SMS.id()));
    assertEquals("SUPPRESSED", item().get("status").s());
    assertEquals("sms-disabled", item().get("suppressedReason").s());
  }

  @Test
  void aFailedSendPutsTheClaimBackForTheRetry() {
    SendingMail failing = sending(Optional.of(m -> {
      throw new IllegalStateException("service down");
    }));
    assertThrows(IllegalStateException.class, () -> failing.send(SMS.id()));
    assertEquals("PENDING", item().get("status").s());
  }

  @Test
  void aSuppressedNumberIsNotSentTo() {
    new DynamoSuppressions(table).suppress(PHONE, "opt-out", CLOCK.instant());
    assertEquals(SendingMail.Outcome.SUPPRESSED, sending(Optional.of(m -> "never")).send(SMS.id()));
    assertEquals("suppressed", item().get("suppressedReason").s());
  }
}
