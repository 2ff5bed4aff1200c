package vn.doithoai.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.doithoai.local.runtime.DemoCommand;
import vn.doithoai.local.runtime.OutboxMail;
import vn.doithoai.local.runtime.ServeCommand;

/**
 * Seed 000 (Lạng Sơn, {@code lang-son-320}, meeting Thu 20/11/2025) on the local runtime with the real
 * handlers, as the demo runs it, the clock advanced day by day to Fri 05/12/2025: the outbox holds the
 * meeting notice's reminders, the conclusion notice's reminders (3 and 1 working days before Thu 04/12, by Lạng Sơn's rule: the art. 43 floor binds only a People's Committee plan), its
 * due-day notice and its overdue escalation, each once, at 08:00 on the right working day — every e-mail
 * having gone outbox record → stream → relay → bus → mailer → SES.
 */
class DeadlinesEndToEndTest {
  private static final String CONCLUSION = "Văn phòng ra thông báo ý kiến kết luận của người chủ trì đối thoại";
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  @Test
  @DisplayName("seed 000: notice reminder, conclusion-notice reminders and escalation on the right days, once")
  void seed000(@TempDir Path data) throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream quiet = new PrintStream(log, true, StandardCharsets.UTF_8);
    List<String> lines;
    try (ServeCommand.Running r = ServeCommand.start(new ServeCommand.Config(Path.of("..", "template.yaml"), data, 0,
        DemoCommand.SECRET, DemoCommand.START), quiet)) {
      assertEquals(null, r.mail(), "e-mail goes through the relay, the bus and the mailer, not the drain");
      DemoCommand.scenario(r, quiet, Instant.parse("2025-12-05T01:00:00Z"));
      lines = OutboxMail.readAll(data.resolve("outbox")).stream()
          .map(m -> MINUTE.format(m.date().atZone(ZoneId.of("Asia/Ho_Chi_Minh"))) + "  " + m.to() + "  " + m.subject())
          .toList();
    } catch (AssertionError | RuntimeException e) {
      System.err.println(log.toString(StandardCharsets.UTF_8));
      throw e;
    }
    String all = String.join("\n", lines);
    Set<String> seen = new HashSet<>();
    for (String line : lines) {
      assertTrue(seen.add(line), "sent twice: " + line + "\n" + all);
    }
    for (String expected : Stream.concat(Stream.of(
        // the meeting notice (due Mon 10/11): reminders, the due day, then the ladder
        "2025-11-06 08:00  vanphong@demo.example.vn  [Xã Demo] Nhắc hạn 10/11/2025: Mời các thành phần tham gia đối "
            + "thoại và thông báo",
        "2025-11-07 08:00  vanphong@demo.example.vn  [Xã Demo] Nhắc hạn 10/11/2025: Mời các thành phần tham gia đối "
            + "thoại và thông báo",
        "2025-11-10 08:00  vanphong@demo.example.vn  [Xã Demo] Đến hạn hôm nay: Mời các thành phần tham gia đối "
            + "thoại và thông báo",
        "2025-11-11 08:00  vanphong@demo.example.vn  [Xã Demo] QUÁ HẠN 1 ngày: Mời các thành phần tham gia đối thoại và "
            + "thông báo"), List.of(
        // the conclusion notice by Lạng Sơn's 10 working days (due Thu 04/12), not the art. 43 floor (Mon 01/12):
        // the plan is the Party committee's and cites QĐ 320-QĐ/TU only; 3 and 1 working days before, the due
        // day, then overdue
        "2025-12-01 08:00  vanphong@demo.example.vn  [Xã Demo] Nhắc hạn 04/12/2025: %1$s",
        "2025-12-03 08:00  vanphong@demo.example.vn  [Xã Demo] Nhắc hạn 04/12/2025: %1$s",
        "2025-12-04 08:00  vanphong@demo.example.vn  [Xã Demo] Đến hạn hôm nay: %1$s",
        "2025-12-05 08:00  vanphong@demo.example.vn  [Xã Demo] QUÁ HẠN 1 ngày: %1$s").stream()
        .map(l -> l.formatted(CONCLUSION))).toList()) {
      assertTrue(lines.contains(expected), "missing: " + expected + "\n" + all);
    }
    assertEquals(1, lines.stream().filter(l -> l.contains("dung@example.vn") && l.contains("Đã tiếp nhận")).count(),
        "the citizen's acknowledgement, once\n" + all);
    assertFalse(lines.stream().anyMatch(l -> l.contains(CONCLUSION) && l.compareTo("2025-12-01") < 0),
        "no conclusion-notice e-mail before its first reminder\n" + all);
    assertFalse(Files.exists(data.resolve("dead-letters.jsonl")) && Files.readString(data.resolve(
        "dead-letters.jsonl")).contains("\"source\":\"bus:"), "no bus delivery dead-lettered");
  }
}
