package vn.doithoai.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.doithoai.local.runtime.TemplateModel;

/**
 * Every staff route of template.yaml, called with the tokens of another commune (each role), never reaches
 * the demo commune's records: 404 or 403 where a route names a record, and no demo data anywhere. Without a
 * token every staff route is 401.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationTest {
  @TempDir
  static Path data;
  private LocalApi api;
  private Map<String, String> ids;
  private final String secretTitle = "Kế hoạch riêng của xã Demo — không được lộ";
  private final String secretContent = "Ý kiến riêng của xã Demo — không được lộ";

  @BeforeAll
  void start() {
    api = new LocalApi(data);
    String office = api.token("demo", "office", null);
    LocalApi.Reply plan = api.call("POST", "/plans", office, Map.of("year", 2026, "issuer", "peoples-committee",
        "title", secretTitle, "hosts", List.of(Map.of("position", "Chủ tịch UBND xã")), "audience", "Nhân dân",
        "meetings", List.of(Map.of("id", "m1", "date", "2026-12-10")), "profile", "national-2025"));
    LocalApi.Reply opinion = api.call("POST", "/opinions", office, Map.of("content", secretContent, "raisers",
        List.of(Map.of("name", "Trần Văn Bí Mật", "email", "bimat@example.vn"))));
    String planId = plan.text("id");
    assertEquals(200, api.call("POST", "/plans/" + planId + "/meetings/m1/record", office, Map.of("chair", "Chủ tịch",
        "secretary", "Thư ký", "summary", secretContent)).status());
    LocalApi.Reply conclusion = api.call("POST", "/plans/" + planId + "/meetings/m1/conclusion", office, Map.of());
    // an export job of demo's (one above the inline threshold would take 501 opinions): written as the API does
    vn.doithoai.core.export.ExportJob job = new vn.doithoai.aws.DynamoExportJobs(new vn.doithoai.aws.DynamoTable(
        api.running.dynamo().client(), api.running.tablesCreated().get(0))).request(
        vn.doithoai.core.export.ExportJob.queued("demo", planId, "opinions", "xlsx", true, 501, "y-kien.xlsx",
            java.time.Instant.now()), java.time.Instant.EPOCH);
    ids = Map.of("planId", planId, "opinionId", opinion.text("id"), "communeId", "demo", "year", "2026",
        "meetingId", "m1", "conclusionId", conclusion.text("id"), "table", "opinions", "kind", "minutes",
        "instrumentId", "qdi-11-2019", "jobId", job.id());
    String platform = api.token("*", "admin", null);
    assertEquals(201, api.call("POST", "/communes", platform, Map.of("id", "xa-khac", "name", "Xã Khác",
        "province", "Lạng Sơn", "profile", "lang-son-320", "officeEmail", "vp@khac.example.vn")).status());
  }

  @AfterAll
  void stop() {
    api.close();
  }

  private List<TemplateModel.HttpRoute> staffRoutes() {
    List<TemplateModel.HttpRoute> routes = new ArrayList<>();
    for (TemplateModel.HttpRoute r : api.running.api().routes()) {
      if (r.authRequired()) {
        routes.add(r);
      }
    }
    assertTrue(routes.size() >= 20, "the template's staff routes: " + routes.size());
    return routes;
  }

  private String concrete(String path) {
    String p = path;
    for (Map.Entry<String, String> e : ids.entrySet()) {
      p = p.replace("{" + e.getKey() + "}", e.getValue());
    }
    return p;
  }

  @Test
  @DisplayName("another commune's tokens, every role, every staff route: 404 or 403 for demo's records, never data")
  void anotherCommuneNeverSeesData() {
    Map<String, Object> body = Map.ofEntries(Map.entry("id", "demo"), Map.entry("name", "x"),
        Map.entry("province", "x"), Map.entry("profile", "lang-son-320"), Map.entry("officeEmail", "a@b.vn"),
        Map.entry("decision", "accept"), Map.entry("into", ids.get("opinionId")),
        Map.entry("agency", "phong-kinh-te"), Map.entry("text", "x"), Map.entry("reason", "conduct"),
        Map.entry("body", "Sở Giao thông vận tải"), Map.entry("kind", "complaint"),
        Map.entry("date", "2026-12-20"), Map.entry("until", "2027-01-30"), Map.entry("version", 1));
    for (String role : List.of("admin", "office", "host", "agency", "front")) {
      String token = api.token("xa-khac", role, role.equals("agency") ? "phong-kinh-te" : null);
      for (TemplateModel.HttpRoute r : staffRoutes()) {
        String path = concrete(r.path());
        LocalApi.Reply reply = api.call(r.method(), path, token, r.method().equals("GET") ? null : body);
        String where = role + " " + r.method() + " " + path + " → " + reply.status() + " " + reply.body();
        assertFalse(reply.body().contains(secretTitle) || reply.body().contains(secretContent)
            || reply.body().contains("Trần Văn Bí Mật"), "leak: " + where);
        if (r.path().contains("{planId}") || r.path().contains("{opinionId}") || r.path().contains("{communeId}")
            || r.path().contains("{conclusionId}") || r.path().contains("{jobId}")) {
          assertTrue(reply.status() == 404 || reply.status() == 403, where);
        } else {
          assertTrue(reply.status() < 500, where);
        }
      }
    }
  }

  @Test
  @DisplayName("without a token every staff route is 401; with a tampered token too")
  void noTokenIs401() {
    String token = api.token("demo", "office", null);
    String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
    for (TemplateModel.HttpRoute r : staffRoutes()) {
      String path = concrete(r.path());
      assertEquals(401, api.call(r.method(), path, null, Map.of()).status(), r.method() + " " + path);
      assertEquals(401, api.call(r.method(), path, tampered, Map.of()).status(), r.method() + " " + path);
    }
  }

  @Test
  @DisplayName("the demo commune's own office does see its records (the isolation test is not vacuous)")
  void ownCommuneSees() {
    String office = api.token("demo", "office", null);
    assertTrue(api.call("GET", "/plans/" + ids.get("planId"), office, null).body().contains(secretTitle));
    assertTrue(api.call("GET", "/opinions/" + ids.get("opinionId"), office, null).body().contains(secretContent));
    LocalApi.Reply job = api.call("GET", "/exports/" + ids.get("jobId"), office, null);
    assertEquals(200, job.status(), job.body());
  }
}
