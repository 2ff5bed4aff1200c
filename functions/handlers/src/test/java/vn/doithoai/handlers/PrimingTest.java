package vn.doithoai.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SnapStart priming's own rules; what it does against DynamoDB (reads only, no write) is checked by the
 * benchmark's smoke test, which primes real functions against DynamoDB Local and counts their writes.
 */
class PrimingTest {
  @Test
  @DisplayName("the function comes from Lambda's _HANDLER: class name, with or without ::method")
  void handlerName() {
    assertEquals("PublicHandler", Priming.handlerName("vn.doithoai.handlers.PublicHandler::handleRequest"));
    assertEquals("DeadlinesHandler", Priming.handlerName("vn.doithoai.handlers.DeadlinesHandler"));
    assertEquals("Other", Priming.handlerName("com.example.Other::handle"));
    assertEquals("", Priming.handlerName(null));
    assertEquals("", Priming.handlerName("  "));
  }

  @Test
  @DisplayName("a step that fails (here: no table configured) is recorded, never thrown: the snapshot goes on")
  void failuresAreRecorded() {
    Priming p = new Priming("PublicHandler");
    if (Config.get("TABLE_NAME") == null) {
      p.beforeCheckpoint(null);
      assertFalse(p.failures().isEmpty());
      assertTrue(p.failures().get(0).startsWith("app: "), p.failures().toString());
    }
  }
}
