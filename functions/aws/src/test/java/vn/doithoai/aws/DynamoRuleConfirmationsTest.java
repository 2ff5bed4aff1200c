package vn.doithoai.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import vn.doithoai.core.common.AuditEntry;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.rules.RuleConfirmation;

class DynamoRuleConfirmationsTest {
  static RuleConfirmation confirmation(String by) {
    return new RuleConfirmation("qdi-11-2019", "Quy định số 11-QĐi/TW ngày 18/02/2019, đã đối chiếu",
        new AuditEntry(Instant.parse("2026-05-04T01:00:00Z"), by, "admin", "rule.confirmed", "qdi-11-2019", ""));
  }

  @Test
  @DisplayName("one conditional PutItem: RULES#CONFIRMED / RULE#<instrument>, only if none exists")
  void requestShape() {
    PutItemRequest r = new DynamoRuleConfirmations(TestTable.create()).request(confirmation("u-platform"));
    assertEquals("RULES#CONFIRMED", r.item().get("pk").s());
    assertEquals("RULE#qdi-11-2019", r.item().get("sk").s());
    assertEquals("attribute_not_exists(pk)", r.conditionExpression());
  }

  @Test
  @DisplayName("four admins confirming at once: one confirmation recorded, the others a conflict")
  void onceUnderRace() throws Exception {
    DynamoRuleConfirmations store = new DynamoRuleConfirmations(TestTable.create());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    int recorded = 0;
    int conflicts = 0;
    try {
      List<Future<Boolean>> tries = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        String by = "u-" + i;
        tries.add(pool.submit(() -> {
          try {
            store.add(confirmation(by));
            return true;
          } catch (DomainException e) {
            assertEquals("rule_already_confirmed", e.code());
            return false;
          }
        }));
      }
      for (Future<Boolean> f : tries) {
        if (f.get()) {
          recorded++;
        } else {
          conflicts++;
        }
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(1, recorded);
    assertEquals(3, conflicts);
    List<RuleConfirmation> all = store.all();
    assertEquals(1, all.size());
    assertEquals("rule.confirmed", all.get(0).audit().action());
  }
}
