package vn.doithoai.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.events.BusEvent;

/** The stream record of a fan-out record: one MailFanOutQueued when written, nothing when its cursor moves. */
class StreamEventsFanOutTest {
  private static final String ID = "fanout#o_0#v7#opinion.answered#00";
  private static final String DOC = "{\"id\":\"" + ID + "\",\"commune\":\"demo\",\"kind\":\"mail.fanout\","
      + "\"count\":2,\"bodies\":[{\"subject\":\"Kết quả\",\"text\":\"Nội dung\"}],\"mails\":[{\"id\":\"mail#o_0#"
      + "answered#v7#a@example.vn\",\"to\":\"a@example.vn\",\"cc\":[],\"b\":0},{\"id\":\"mail#o_0#answered#v7#"
      + "b@example.vn\",\"to\":\"b@example.vn\",\"cc\":[],\"b\":0}]}";

  private static DynamodbEvent.DynamodbStreamRecord record(String name) {
    DynamodbEvent.DynamodbStreamRecord r = new DynamodbEvent.DynamodbStreamRecord();
    r.setEventName(name);
    StreamRecord ddb = new StreamRecord();
    ddb.setKeys(Map.of("pk", new AttributeValue().withS("MAIL#" + ID), "sk", new AttributeValue().withS("FANOUT")));
    ddb.setNewImage(Map.of("pk", new AttributeValue().withS("MAIL#" + ID), "sk", new AttributeValue().withS("FANOUT"),
        "doc", new AttributeValue().withS(DOC)));
    r.setDynamodb(ddb);
    return r;
  }

  @Test
  @DisplayName("a fan-out record written → MailFanOutQueued with its id, commune and count, no address")
  void insert() {
    BusEvent e = StreamEvents.of(record("INSERT")).orElseThrow();
    assertEquals("MailFanOutQueued", e.detailType());
    Map<String, Object> detail = Json.readObject(e.detail());
    assertEquals(ID, detail.get("fanOutId"));
    assertEquals("demo", detail.get("commune"));
    assertEquals(2, ((Number) detail.get("count")).intValue());
    assertFalse(e.detail().contains("@"), "no personal data on the bus: " + e.detail());
    assertTrue(e.detail().contains("\"version\":1"));
  }

  @Test
  @DisplayName("its cursor moving (MODIFY) is no event, and never a MailQueued")
  void modify() {
    assertEquals(Optional.empty(), StreamEvents.of(record("MODIFY")));
  }
}
