package vn.doithoai.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.doithoai.core.common.Json;

/**
 * The website developers' kit, run as written against the local runtime: the PHP example (NukeViet and most
 * commune portals) and the C# example (.NET portals) sign a delivery, a retry with the same id has one effect,
 * and both work with the local clock a week ahead (freshness is checked against real time). Each skips when
 * its interpreter is absent ({@code apt-get install -y php-cli}; the .NET SDK).
 */
class SigningExamplesTest {
  @TempDir
  static Path data;
  static LocalApi api;

  @BeforeAll
  static void start() {
    // the local clock a week ahead, as after POST /_local/clock {"advance":"P7D"}
    api = new LocalApi(data, Instant.now().plusSeconds(7 * 86400));
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
  }

  static boolean onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (new File(dir, command).canExecute()) {
        return true;
      }
    }
    return false;
  }

  record Run(int exit, String out) {}

  static Run run(List<String> command, String stdin, Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the example finished");
    return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  /** The example's own output: the JSON answer, then "HTTP nnn". */
  static void exercise(List<String> command, String name) throws Exception {
    String url = api.running.api().uri().toString().replaceAll("/$", "") + "/webhooks/demo/opinions";
    // decomposed Vietnamese (NFD), as some keyboards send it: the signature covers the exact bytes
    String body = Json.write(Map.of("content", Normalizer.normalize("Đề nghị sửa cầu treo bản Khòn Pát trước mùa lũ.",
        Normalizer.Form.NFD), "field", "infrastructure", "name", name, "email", "kit@example.vn"));
    List<String> args = new java.util.ArrayList<>(command);
    args.addAll(List.of(LocalApi.SECRET, url));
    String id = "msg_kit_" + name.hashCode() + "_" + System.nanoTime();
    Run first = run(args, body, Map.of("WEBHOOK_ID", id));
    assertEquals(0, first.exit(), first.out());
    assertTrue(first.out().contains("HTTP 202"), first.out());
    Matcher m = Pattern.compile("\"trackingCode\":\"([A-Z0-9-]+)\"").matcher(first.out());
    assertTrue(m.find(), first.out());
    Run retry = run(args, body, Map.of("WEBHOOK_ID", id));
    assertTrue(retry.out().contains("HTTP 200") && retry.out().contains(m.group(1)), "a retry: " + retry.out());
    Run wrong = run(replaceSecret(args), body, Map.of());
    assertTrue(wrong.out().contains("HTTP 401") && wrong.exit() != 0, wrong.out());
    Map<String, Object> status = Json.readObject(api.call("GET", "/public/demo/opinions/" + m.group(1), null, null)
        .body());
    assertEquals("received", status.get("status"));
  }

  static List<String> replaceSecret(List<String> args) {
    List<String> out = new java.util.ArrayList<>(args);
    out.set(out.size() - 2, "whsec_" + java.util.Base64.getEncoder().encodeToString("not the secret".getBytes(
        StandardCharsets.UTF_8)));
    return out;
  }

  @Test
  @DisplayName("PHP: infra/scripts/send-opinion.php signs a delivery that is accepted; its retry has one effect")
  void php() throws Exception {
    assumeTrue(onPath("php"), "php is not installed (apt-get install -y php-cli)");
    exercise(List.of("php", Path.of("scripts", "send-opinion.php").toString()), "Lò Thị Php");
  }

  @Test
  @DisplayName("C#: infra/scripts/dotnet signs a delivery that is accepted; its retry has one effect")
  void csharp() throws Exception {
    assumeTrue(onPath("dotnet"), "the .NET SDK is not installed");
    exercise(List.of("dotnet", "run", "--project", Path.of("scripts", "dotnet").toString(), "--"), "Lò Văn Net");
  }
}
