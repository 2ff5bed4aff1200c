package vn.doithoai.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.usage.UsageCounter;
import vn.doithoai.handlers.observability.Invocation;

class StoredUsageTest {
  private static DynamodbEvent.DynamodbStreamRecord record(String name, String pk, Map<String, AttributeValue> before,
      Map<String, AttributeValue> after) {
    DynamodbEvent.DynamodbStreamRecord r = new DynamodbEvent.DynamodbStreamRecord();
    r.setEventName(name);
    StreamRecord s = new StreamRecord();
    s.setKeys(Map.of("pk", new AttributeValue(pk), "sk", new AttributeValue("X")));
    s.setOldImage(before);
    s.setNewImage(after);
    r.setDynamodb(s);
    return r;
  }

  @Test
  @DisplayName("the commune of a record: C#, TRACK#, INBOX# keys, else its commune attribute or its document's")
  void communeOfARecord() {
    assertEquals("demo", StoredUsage.commune("C#demo", null));
    assertEquals("xa-b", StoredUsage.commune("TRACK#xa-b#DT-1234-5678", null));
    assertEquals("xa-c", StoredUsage.commune("INBOX#xa-c#msg_1", null));
    assertEquals("xa-d", StoredUsage.commune("FIRE#x", Map.of("commune", new AttributeValue("xa-d"))));
    assertEquals("xa-e", StoredUsage.commune("MAIL#m1", Map.of("doc", new AttributeValue("{\"commune\":\"xa-e\"}"))));
    assertNull(StoredUsage.commune("SUPPRESS#abc", Map.of()));
  }

  @Test
  @DisplayName("an insert adds an item and its bytes, a change the difference, a removal takes both away")
  void itemsAndBytes() {
    Map<String, AttributeValue> small = Map.of("pk", new AttributeValue("C#demo"), "doc", new AttributeValue("ab"));
    Map<String, AttributeValue> large = Map.of("pk", new AttributeValue("C#demo"), "doc", new AttributeValue("abcdé"));
    Invocation inv = Invocation.start(null, Invocation.Step.STREAM_RELAY);
    StoredUsage.count(record("INSERT", "C#demo", null, small), inv);
    assertEquals(Map.of(UsageCounter.STORED_ITEMS, 1L, UsageCounter.STORED_BYTES, 2L + 6 + 3 + 2),
        inv.usage().get("demo"));
    StoredUsage.count(record("MODIFY", "C#demo", small, large), inv);
    assertEquals(13L + 4, inv.usage().get("demo").get(UsageCounter.STORED_BYTES), "é is two bytes in UTF-8");
    StoredUsage.count(record("REMOVE", "C#demo", large, null), inv);
    assertEquals(Map.of(UsageCounter.STORED_ITEMS, 0L, UsageCounter.STORED_BYTES, 0L), inv.usage().get("demo"));
  }

  @Test
  @DisplayName("the usage counters' own records are not counted: no loop through the stream")
  void usageItemsSkipped() {
    Invocation inv = Invocation.start(null, Invocation.Step.STREAM_RELAY);
    StoredUsage.count(record("INSERT", "USAGE#2026-12", null, Map.of("commune", new AttributeValue("demo"))), inv);
    assertTrue(inv.usage().isEmpty());
  }
}
