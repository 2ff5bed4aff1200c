package vn.doithoai.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.mail.SmsText;
import vn.doithoai.local.runtime.DemoCommand;
import vn.doithoai.local.runtime.LocalServices;
import vn.doithoai.local.runtime.OutboxMail;

/**
 * Citizens who leave only a phone number, on the local runtime: every SMS (acknowledgement, decision, extension,
 * answer) goes outbox record → stream → relay → bus → mailer → SMS stand-in once, across a duplicate webhook
 * delivery, outbox sweeps and a restart of {@code serve} on the same data.
 */
class PhoneOnlyCitizenEndToEndTest {
  static final String MAI = "0987 654 321";
  static final String SON = "+84 912 000 111";

  @Test
  @DisplayName("a phone-only citizen receives each SMS exactly once, across a retried webhook, sweeps and a restart")
  void eachSmsExactlyOnce(@TempDir Path data) throws Exception {
    try (LocalApi api = new LocalApi(data, DemoCommand.START)) {
      phoneOnlyFlow(api);
    }
    List<String> before = sms(data);
    // started again on the same data (a runtime per JVM: another process), which sweeps the outbox at start
    OutboxKillRestartTest.Serve again = new OutboxKillRestartTest.Serve(data);
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (again.lines.stream().noneMatch(l -> l.contains("mail sweep at start")) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertTrue(again.lines.stream().anyMatch(l -> l.contains("mail sweep at start: MailerFunction: waiting=0")),
          String.join("\n", again.lines));
      Thread.sleep(1000);
    } finally {
      again.process.destroy();
      again.process.waitFor();
    }
    List<String> after = sms(data);

    assertEquals(before, after, "nothing sent again after the restart");
    assertEquals(List.of(
        "+84912000111 opinion.ack", "+84912000111 opinion.refused",
        "+84987654321 opinion.ack", "+84987654321 opinion.answered", "+84987654321 opinion.extended"),
        after.stream().map(l -> l.substring(0, l.indexOf(" |"))).sorted().toList(), String.join("\n", after));
    for (String line : after) {
      assertTrue(line.contains("GSM-7"), "unaccented by default (one GSM-7 alphabet): " + line);
    }
    assertTrue(OutboxMail.readAll(data.resolve("outbox")).stream().anyMatch(m -> "dung@example.vn".equals(m.to())
        && m.subject().contains("Đã tiếp nhận")), "the e-mail citizen is told by e-mail");
    assertTrue(after.stream().noneMatch(l -> l.startsWith("+84912345678 ")), "and not by SMS (he left a phone too)");
  }

  /**
   * Two phone-only citizens by the signed webhook (one sent twice), and an e-mail one: Mai's opinion is accepted,
   * assigned, extended and answered; Sơn's is refused.
   */
  static void phoneOnlyFlow(LocalApi api) {
    String office = api.token("demo", "office", null);
    String agency = api.token("demo", "agency", "phong-kinh-te");
    byte[] mai = Json.write(Map.of("content", "Xin hỏi thời hạn cấp giấy chứng nhận quyền sử dụng đất.",
        "field", "land", "name", "Lý Thị Mai", "phone", MAI)).getBytes(StandardCharsets.UTF_8);
    assertEquals(202, api.webhook("demo", "msg_sms_mai", mai, "application/json").status());
    assertEquals(200, api.webhook("demo", "msg_sms_mai", mai, "application/json").status(), "the same delivery again");
    byte[] son = Json.write(Map.of("content", "Đề nghị sửa cầu tràn thôn Khòn Pá trước mùa mưa.",
        "field", "infrastructure", "name", "Hà Văn Sơn", "phone", SON)).getBytes(StandardCharsets.UTF_8);
    assertEquals(202, api.webhook("demo", "msg_sms_son", son, "application/json").status());
    byte[] dung = Json.write(Map.of("content", "Đường liên thôn Nà Pàn xuống cấp.", "field", "infrastructure",
        "name", "Hoàng Văn Dũng", "email", "dung@example.vn", "phone", "0912 345 678"))
        .getBytes(StandardCharsets.UTF_8);
    assertEquals(202, api.webhook("demo", "msg_sms_dung", dung, "application/json").status());
    byte[] bad = Json.write(Map.of("content", "Một ý kiến có số điện thoại sai.", "name", "Người thử",
        "phone", "12345")).getBytes(StandardCharsets.UTF_8);
    LocalApi.Reply refused = api.webhook("demo", "msg_sms_bad", bad, "application/json");
    assertEquals(400, refused.status(), refused.body());
    assertTrue(refused.body().contains("Số điện thoại không hợp lệ"), refused.body());

    String maiId = opinionOf(api, office, "Lý Thị Mai");
    String sonId = opinionOf(api, office, "Hà Văn Sơn");
    assertEquals(200, api.call("POST", "/opinions/" + maiId + "/triage", office, Map.of("decision", "accept")).status());
    LocalApi.Reply assigned = api.call("POST", "/opinions/" + maiId + "/assign", office,
        Map.of("agency", "phong-kinh-te"));
    assertEquals(200, assigned.status(), assigned.body());
    @SuppressWarnings("unchecked")
    LocalDate due = LocalDate.parse((String) ((Map<String, Object>) assigned.json().get("assignment")).get("due"));
    LocalApi.Reply extended = api.call("POST", "/opinions/" + maiId + "/extend", agency,
        Map.of("until", due.plusDays(3).toString(), "reason", "Cần đo đạc lại thửa đất"));
    assertEquals(200, extended.status(), extended.body());
    assertEquals(200, api.call("POST", "/opinions/" + maiId + "/answer", agency, Map.of("text",
        "Hồ sơ đủ điều kiện, giấy chứng nhận được cấp trong tháng 12.", "mode", "written")).status());
    assertEquals(200, api.call("POST", "/opinions/" + sonId + "/refuse", office, Map.of("reason", "settled-matter",
        "note", "Đã trả lời tại Văn bản số 15/UBND")).status());
    api.running.services().awaitQuiet(LocalServices.SETTLE_TIMEOUT);
    api.clockTo(api.running.clock().instant().plus(Duration.ofMinutes(20))); // outbox sweeps run meanwhile
  }

  @SuppressWarnings("unchecked")
  private static String opinionOf(LocalApi api, String office, String name) {
    LocalApi.Reply list = api.call("GET", "/opinions", office, null);
    for (Map<String, Object> o : (List<Map<String, Object>>) list.json().get("opinions")) {
      for (Map<String, Object> r : (List<Map<String, Object>>) o.get("raisers")) {
        if (name.equals(r.get("name"))) {
          return (String) o.get("id");
        }
      }
    }
    throw new AssertionError("no opinion of " + name + ": " + list.body());
  }

  /** Each SMS written by the stand-in: "number kind | segments | text". */
  static List<String> sms(Path data) {
    List<String> out = new ArrayList<>();
    for (OutboxMail m : OutboxMail.readAll(data.resolve("outbox"))) {
      if (m.file().getFileName().toString().endsWith(".sms.eml")) {
        SmsText.Segments s = SmsText.measure(m.text());
        out.add(m.to() + " " + m.kind() + " | " + s.segments() + " " + s.encoding() + " | " + m.text());
      }
    }
    return out;
  }

}
