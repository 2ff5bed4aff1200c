package vn.doithoai.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.doithoai.local.runtime.TemplateModel;

/**
 * {@code bench lambda --quick} end to end, so that the command cannot rot: one cold start of every function of
 * the template and of the floor, two primed starts, a few warm calls of every route, and the table with every
 * row. The numbers are not checked (a smoke run is no measurement), only that each row was measured without
 * error and that priming wrote nothing.
 */
class LambdaBenchmarkSmokeTest {
  static final List<String> WARM_ROUTES = List.of("POST /webhooks/{commune}/opinions",
      "GET /public/{commune}/opinions/{trackingCode}", "POST /opinions", "GET /opinions/{opinionId}",
      "POST /opinions/{opinionId}/triage", "POST /opinions/{opinionId}/assign", "POST /opinions/{opinionId}/extend",
      "POST /opinions/{opinionId}/answer", "POST /opinions/{opinionId}/close",
      "POST /opinions/{opinionId}/triage (redirect)", "POST /opinions/{opinionId}/forward",
      "POST /opinions/{opinionId}/refuse", "POST /opinions/{opinionId}/merge", "POST /opinions/compiled",
      "GET /opinions", "POST /plans", "GET /plans/{planId}", "PUT /plans/{planId}", "POST /plans/{planId}/announce",
      "POST /plans/{planId}/deadlines/complete", "POST /plans/{planId}/reschedule", "POST /plans/{planId}/cancel",
      "POST /plans/{planId}/hold", "GET /plans", "POST /communes", "GET /communes/{communeId}",
      "PUT /communes/{communeId}", "POST /communes/{communeId}/webhook-secrets", "GET /calendar/{year}",
      "deadline fire", "mail send", "stream batch", "deadline changed");

  @Test
  @DisplayName("bench lambda --quick: every function cold (and the floor), two primed, every route warm, cost")
  void quickRunHasEveryRow(@TempDir Path tmp) throws Exception {
    Path root = LambdaBenchmark.findRoot(Path.of(""));
    Path jar = root.resolve("functions/handlers/target/doithoai-functions.jar");
    assertTrue(Files.isRegularFile(jar), jar + " is built by the handlers module before this one");
    Path markdown = tmp.resolve("benchmarks.md");
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);

    Results r = LambdaBenchmark.run(new LambdaBenchmark.Options(1, 3, true, root, jar, markdown, quiet));

    Set<String> functions = TemplateModel.load(root.resolve("template.yaml")).functions().stream()
        .map(TemplateModel.Function::logicalId).collect(Collectors.toSet());
    Set<String> measured = r.cold().stream().map(Results.ColdRow::function).collect(Collectors.toSet());
    assertTrue(measured.containsAll(functions), "cold rows " + measured + " lack some of " + functions);
    assertTrue(measured.contains("floor"));
    for (Results.ColdRow row : r.cold()) {
      assertEquals(0, row.errors(), row.function() + ": " + row.firstError());
      assertEquals(1, row.runs(), row.function());
      // the session function signs in through Cognito and never touches the table: it loads the fewest classes
      assertTrue(row.median() > 0 && row.classes() > 500, row.toString());
      if (row.primedRuns() > 0) {
        assertEquals(0, row.primingWrites(), row.function() + " priming wrote: " + row.primingOps());
        assertTrue(row.primingCalls() > 0 || row.function().equals("SessionFunction"),
            row.function() + " priming made no DynamoDB call");
        assertTrue(row.primingFailures().isEmpty(), row.function() + ": " + row.primingFailures());
      }
    }
    assertEquals(2, r.cold().stream().filter(c -> c.primedRuns() > 0).count());

    List<String> routes = r.warm().stream().map(Results.WarmRow::route).toList();
    assertEquals(WARM_ROUTES, routes);
    for (Results.WarmRow w : r.warm()) {
      assertEquals(3, w.n(), w.route());
      assertEquals(0, w.errors(), w.route() + ": " + w.firstError());
    }
    assertTrue(r.warm().stream().filter(w -> w.route().startsWith("POST /webhooks")).findFirst().orElseThrow()
        .capacityReported(), "consumed capacity reported for the webhook intake");

    String text = r.text();
    for (String section : List.of("1. Cold start", "2. Warm", "3. Capacity", "4. Cost", "5. Targets")) {
      assertTrue(text.contains(section), section);
    }
    for (String f : functions) {
      assertTrue(text.contains(f), f);
    }
    assertTrue(r.communeMonthly() > 0);
    String md = Files.readString(markdown, StandardCharsets.UTF_8);
    assertTrue(md.startsWith("# Benchmarks"));
    assertTrue(md.contains("conclusion publishing: "));
    assertFalse(md.contains("NaN"), "no NaN in the document");
  }
}
