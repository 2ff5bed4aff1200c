package vn.doithoai.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import vn.doithoai.core.common.Folding;
import vn.doithoai.core.common.Json;
import vn.doithoai.local.runtime.DemoCommand;

/**
 * Issue #17's promise, checked over the end-to-end flows: seed 000 as the demo runs it, then phone-only and
 * e-mail citizens through acknowledgement, triage, assignment, extension, answer and refusal
 * ({@link PhoneOnlyCitizenEndToEndTest#phoneOnlyFlow}). Nothing the product emits besides the messages
 * themselves — bus events (the archive), the runtime's log lines, dead letters, DynamoDB keys (pk, sk, index
 * keys) and record ids — holds a raiser's name (also unaccented), e-mail or phone (as stored and as people
 * write it). The raisers looked for are those actually stored, read from the table.
 */
class PersonalDataScanEndToEndTest {
  @Test
  @DisplayName("no raiser's name, e-mail or phone in any bus event, log line, dead letter or DynamoDB key or id")
  void noPersonalDataOutsideTheMessages(@TempDir Path data) throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PersonalDataScan.Result scan;
    try (LocalApi api = new LocalApi(data, DemoCommand.START, new PrintStream(log, true, StandardCharsets.UTF_8))) {
      PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
      DemoCommand.scenario(api.running, quiet, Instant.parse("2025-11-25T01:00:00Z")); // seed 000, as the demo runs it
      PhoneOnlyCitizenEndToEndTest.phoneOnlyFlow(api);
      scan = PersonalDataScan.run(api.running, data, log.toString(StandardCharsets.UTF_8));
    }
    assertTrue(scan.personal().containsAll(List.of("Hoàng Văn Dũng", "dung@example.vn", "Lý Thị Mai",
        "+84987654321", "0987654321", "Hà Văn Sơn", "+84912000111")),
        "the scan looks for the raisers actually stored: " + scan.personal());
    assertTrue(scan.sources().get("bus events").contains("\"MailQueued\""), "the scan has events to read");
    assertTrue(scan.sources().get("log").contains("sms: "), "the scan has the runtime's log to read");
    assertEquals(List.of(), scan.hits(), "personal data outside the messages");
  }
}
