package vn.doithoai.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import vn.doithoai.core.common.Json;
import vn.doithoai.local.runtime.DemoCommand;

/**
 * Issue #17 item 5, the proof: seed 000's demo on the local runtime (the citizen Hoàng Văn Dũng writes through the
 * commune website; a question card from the meeting), its conclusion notice published; then the office exports
 * what is held about the citizen (JSON and a page) and erases it. The conclusion notice and the plan's statistics
 * read the same as before, and no item of the table holds the citizen's name or e-mail any more.
 */
class PrivacyRequestsEndToEndTest {
  private static final String NAME = "Hoàng Văn Dũng";
  private static final String EMAIL = "dung@example.vn";

  @Test
  @DisplayName("seed 000: a citizen's data exported and erased; the notice and statistics unchanged; nothing left")
  void exportThenErase(@TempDir Path data) {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    try (LocalApi api = new LocalApi(data, DemoCommand.START)) {
      DemoCommand.scenario(api.running, quiet, Instant.parse("2025-11-21T01:00:00Z"));
      String office = api.token("demo", "office", null);
      String host = api.token("demo", "host", null);
      @SuppressWarnings("unchecked")
      Map<String, Object> plan = ((List<Map<String, Object>>) api.call("GET", "/plans?year=2025", office, null).json()
          .get("plans")).get(0);
      String planId = (String) plan.get("id");
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> opinions = (List<Map<String, Object>>) api.call("GET", "/opinions?plan=" + planId,
          office, null).json().get("opinions");
      assertEquals(2, opinions.size());
      LocalApi.Reply recorded = api.call("POST", "/plans/" + planId + "/meetings/m1/record", office, Map.of(
          "attendees", 80, "chair", "Bí thư Đảng ủy", "secretary", "Văn phòng Đảng ủy", "raised",
          opinions.stream().map(o -> Map.of("opinion", o.get("id"))).toList()));
      assertEquals(200, recorded.status(), recorded.body());
      LocalApi.Reply drafted = api.call("POST", "/plans/" + planId + "/meetings/m1/conclusion", office, Map.of());
      assertEquals(201, drafted.status(), drafted.body());
      String conclusion = drafted.text("id");
      assertEquals(200, api.call("POST", "/conclusions/" + conclusion + "/approve", host, Map.of()).status());
      LocalApi.Reply published = api.call("POST", "/conclusions/" + conclusion + "/publish", office, Map.of());
      assertEquals(200, published.status(), published.body());
      api.advanceDaily(Instant.parse("2025-11-24T01:00:00Z"));
      String noticeBefore = api.call("GET", "/public/demo/conclusions/" + conclusion, null, null).body();
      String statisticsBefore = api.call("GET", "/plans/" + planId + "/statistics", office, null).body();
      assertTrue(anyItemHolds(api, List.of(NAME, EMAIL)), "the demo stored the citizen's name and e-mail");

      // roles and tenants: an agency may not; another commune's office finds nothing of this one's
      Map<String, Object> export = Map.of("kind", "export", "contact", " Dung@Example.VN ", "reason",
          "Đơn đề nghị nộp tại Văn phòng ngày 24/11/2025");
      assertEquals(403, api.call("POST", "/privacy/requests", api.token("demo", "agency", "phong-kinh-te"), export)
          .status());
      LocalApi.Reply elsewhere = api.call("POST", "/privacy/requests", api.token("other", "office", null), export);
      assertEquals(201, elsewhere.status(), elsewhere.body());
      assertEquals(List.of(), ((Map<?, ?>) elsewhere.json().get("export")).get("opinions"));

      LocalApi.Reply exported = api.call("POST", "/privacy/requests", office, export);
      assertEquals(201, exported.status(), exported.body());
      Map<?, ?> held = (Map<?, ?>) exported.json().get("export");
      List<?> heldOpinions = (List<?>) held.get("opinions");
      assertEquals(1, heldOpinions.size(), "the citizen's one opinion, not the question card: " + held);
      assertTrue(heldOpinions.toString().contains(NAME) && heldOpinions.toString().contains("assigned"),
          heldOpinions.toString());
      assertTrue(heldOpinions.toString().contains("2026-01."), "with the consent record's notice version");
      List<?> mails = (List<?>) held.get("mails");
      assertTrue(mails.toString().contains("Đã tiếp nhận ý kiến"), "the acknowledgement e-mail: " + mails);
      assertFalse(exported.body().contains("Nguyễn Thị Hoa"), "nothing of the other raiser");
      String auditLine = Json.write(exported.json().get("request"));
      assertFalse(auditLine.contains(EMAIL) || auditLine.contains(NAME), "the audit holds a hash: " + auditLine);

      LocalApi.Reply page = api.callAccepting("POST", "/privacy/requests", office, export, "text/html");
      assertEquals(201, page.status(), page.body());
      assertTrue(page.body().contains("Dữ liệu cá nhân đang lưu giữ") && page.body().contains(NAME)
          && page.body().contains("03/11/2025"), page.body());

      Map<String, Object> erase = Map.of("kind", "erase", "contact", EMAIL, "reason",
          "Đơn đề nghị xóa dữ liệu nộp tại Văn phòng ngày 24/11/2025");
      LocalApi.Reply erased = api.call("POST", "/privacy/requests", office, erase);
      assertEquals(201, erased.status(), erased.body());
      Map<?, ?> done = (Map<?, ?>) erased.json().get("request");
      assertEquals(1, ((Number) done.get("raisersErased")).intValue(), erased.body());
      assertTrue(((Number) done.get("mailsErased")).intValue() >= 1, erased.body());
      LocalApi.Reply again = api.call("POST", "/privacy/requests", office, erase);
      assertEquals(200, again.status(), "nothing left to erase: " + again.body());
      assertEquals(done.get("id"), ((Map<?, ?>) again.json().get("request")).get("id"), "the first erasure answers");

      assertEquals(noticeBefore, api.call("GET", "/public/demo/conclusions/" + conclusion, null, null).body(),
          "the published notice reads the same");
      assertEquals(statisticsBefore, api.call("GET", "/plans/" + planId + "/statistics", office, null).body(),
          "the statistics count the same");
      assertFalse(anyItemHolds(api, List.of(NAME, EMAIL)), "no item holds the citizen's name or e-mail");
      assertTrue(anyItemHolds(api, List.of("Nguyễn Thị Hoa")), "the other raiser is untouched");
      LocalApi.Reply after = api.call("POST", "/privacy/requests", office, export);
      assertEquals(List.of(), ((Map<?, ?>) after.json().get("export")).get("opinions"));
    }
  }

  /** Scans every item of every table: any string attribute (and any string inside a JSON one) holding one of them. */
  private static boolean anyItemHolds(LocalApi api, List<String> needles) {
    List<String> hits = new ArrayList<>();
    for (String table : api.running.tablesCreated()) {
      Map<String, AttributeValue> start = null;
      do {
        Map<String, AttributeValue> from = start;
        ScanResponse page = api.running.dynamo().client().scan(b -> b.tableName(table).exclusiveStartKey(from));
        for (Map<String, AttributeValue> item : page.items()) {
          for (AttributeValue v : item.values()) {
            String text = v.s() == null ? String.valueOf(v) : v.s();
            String decoded = text.startsWith("{") ? Json.write(Json.readObject(text)) : text;
            for (String n : needles) {
              if (text.contains(n) || decoded.contains(n)) {
                hits.add(n + " in " + item.get("pk").s() + " / " + item.get("sk").s());
              }
            }
          }
        }
        start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
      } while (start != null);
    }
    if (!hits.isEmpty()) {
      System.err.println("items holding " + needles + ":\n  " + String.join("\n  ", hits));
    }
    return !hits.isEmpty();
  }
}
