package vn.doithoai.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code scale --communes 2 --templates 1} end to end, so that the command cannot rot: one template commune made
 * through the handlers and copied once, then every section. The numbers are not checked (two communes measure
 * nothing), only that each section ran on the seeded data.
 */
class ScaleBenchmarkSmokeTest {
  @Test
  @DisplayName("scale --communes 2: seed, reconcile, overrides, the 08:00 burst and the cost, on two communes")
  void tinyRunHasEverySection() {
    Path root = LambdaBenchmark.findRoot(Path.of(""));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);

    int code = Main.run(new String[] {"scale", "--communes", "2", "--templates", "1", "--root", root.toString()},
        out, quiet);

    String text = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(Main.OK, code, text);
    assertTrue(text.contains("AWS latencies assumed"), text);
    assertTrue(text.contains("WARNING: local times are measured on"), text);
    assertTrue(text.contains("Seed: 2 communes"), text);
    for (String section : List.of("1. Daily reconcile", "2. Calendar override", "3. 08:00 burst",
        "4. Cost per commune-month")) {
      assertTrue(text.contains(section), section + " in:\n" + text);
    }
    assertTrue(text.contains("open deadlines read"), text);
    assertTrue(text.contains("a commune's own (redateNow xa-00001"), text);
    assertTrue(text.contains("national, per commune"), text);
    assertTrue(text.contains("MAIL#PENDING") || text.contains("USAGE#"), "the burst wrote a shared partition:\n"
        + text);
    assertTrue(text.contains("total a commune-month"), text);
    assertFalse(text.contains("NaN"), "no NaN:\n" + text);
  }
}
