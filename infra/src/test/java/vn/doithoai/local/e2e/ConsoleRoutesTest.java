package vn.doithoai.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.local.runtime.TemplateModel;

/**
 * Issue #13's route note kept true: every HTTP route of template.yaml is either called by the console's scripts
 * (found in the JS, not taken on trust) or named "script-only" or "public" (citizens' pages) with a reason in
 * console/ROUTES.md, and the note lists each route once, as the template has it.
 */
class ConsoleRoutesTest {
  static final Path ROOT = Path.of("..");
  static final Path JS = ROOT.resolve("console/src/main/resources/console/assets/js");
  static final Path NOTE = ROOT.resolve("console/ROUTES.md");
  static final Pattern ROW = Pattern.compile("^\\|\\s*`(GET|POST|PUT|DELETE|PATCH) ([^`]+)`\\s*\\|(.*)\\|\\s*$");
  /** A path parameter as a script writes it: {@code ${enc(id)}} or {@code ' + enc(id)} (and {@code + '}). */
  static final String PARAM = "(?:\\$\\{[^}]*\\}|['\"`]\\s*\\+\\s*[\\w.()]+(?:\\s*\\+\\s*['\"`])?)";
  /** Where a path ends: its closing quote, a query, an argument's end, or what the script appends. */
  static final String END = "(?=[`'\"?,)]|\\$\\{|\\s*\\+\\s*(?:query\\(|['\"`]\\?))";

  static Map<String, String> scripts() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(JS)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".js")).sorted().toList()) {
        out.put(f.getFileName().toString(), Files.readString(f));
      }
    }
    return out;
  }

  /**
   * The pattern of {@code method path} in a script: each parameter as the script interpolates it; a literal
   * segment as written, or as a {@code ${name}} whose value ({@code 'triage'}) the script spells out elsewhere;
   * a GET also as a link under {@code /api} (a document, an export, the .ics) or as the pages {@code gather} reads.
   */
  static boolean calls(String script, String method, String path) {
    StringBuilder p = new StringBuilder();
    for (String segment : path.substring(1).split("/")) {
      p.append('/');
      if (segment.startsWith("{")) {
        p.append(PARAM);
      } else if (script.contains("'" + segment + "'")) {
        p.append("(?:").append(Pattern.quote(segment)).append("|\\$\\{\\w+\\})");
      } else {
        p.append(Pattern.quote(segment));
      }
    }
    String route = p + END;
    // api('GET', cond ? `/a` : `/b`) calls either
    String call = "api\\(\\s*'" + method + "'\\s*,\\s*(?:[^,;]*?[?:]\\s*)?[`'\"]" + route;
    String get = "/api" + route;
    // gather('/opinions', …): every page of a paged list (api.js)
    String gathered = "gather\\(\\s*[`'\"]" + route;
    return Pattern.compile(call).matcher(script).find()
        || method.equals("GET") && (Pattern.compile(get).matcher(script).find()
            || Pattern.compile(gathered).matcher(script).find());
  }

  @Test
  @DisplayName("every route of the template is reached by a console script or listed as script-only with a reason")
  void everyRouteIsReachedOrScriptOnly() throws IOException {
    List<String> routes = TemplateModel.load(ROOT.resolve("template.yaml")).httpRoutes().stream()
        .filter(r -> !"$default".equals(r.path())).map(TemplateModel.HttpRoute::routeKey).distinct().toList();
    assertTrue(routes.size() > 50, "the template's routes: " + routes.size());
    Map<String, String> note = new LinkedHashMap<>();
    for (String line : Files.readAllLines(NOTE)) {
      Matcher m = ROW.matcher(line);
      if (m.matches() && note.put(m.group(1) + " " + m.group(2).strip(), m.group(3).strip()) != null) {
        throw new AssertionError("listed twice in ROUTES.md: " + m.group(1) + " " + m.group(2));
      }
    }
    Map<String, String> scripts = scripts();
    List<String> problems = new ArrayList<>();
    for (String route : routes) {
      String method = route.substring(0, route.indexOf(' '));
      String path = route.substring(route.indexOf(' ') + 1);
      List<String> by = scripts.entrySet().stream().filter(s -> calls(s.getValue(), method, path))
          .map(Map.Entry::getKey).toList();
      String row = note.get(route);
      boolean scriptOnly = row != null && row.matches("(script-only|public): .{10,}");
      if (row == null) {
        problems.add(route + ": not in ROUTES.md" + (by.isEmpty() ? "" : " (called by " + by + ")"));
      } else if (by.isEmpty() && !scriptOnly) {
        problems.add(route + ": no console script calls it, and ROUTES.md says neither 'script-only: <reason>' nor "
            + "'public: <reason>'");
      } else if (!by.isEmpty() && scriptOnly) {
        problems.add(route + ": listed as script-only or public, but " + by + " call it");
      } else if (!by.isEmpty() && by.stream().noneMatch(row::contains)) {
        problems.add(route + ": ROUTES.md names none of the scripts that call it: " + by);
      }
    }
    TreeSet<String> gone = new TreeSet<>(note.keySet());
    routes.forEach(gone::remove);
    gone.forEach(r -> problems.add(r + ": in ROUTES.md but not in template.yaml"));
    assertEquals(List.of(), problems, String.join("\n", problems));
  }

  @Test
  @DisplayName("the matcher: a parameter as the script writes it, a named action, a link; a prefix is not a call")
  void matcher() {
    assertTrue(calls("api('GET', '/plans/' + enc(id))", "GET", "/plans/{planId}"));
    assertTrue(calls("api('POST', `/plans/${enc(p.id)}/announce`, {})", "POST", "/plans/{planId}/announce"));
    assertTrue(calls("api('POST', `/plans/${enc(p.id)}/${path}`, {}); action('Công bố', 'announce')", "POST",
        "/plans/{planId}/announce"));
    assertTrue(calls("const doc = `/api/conclusions/${enc(c.id)}/document`;", "GET",
        "/conclusions/{conclusionId}/document"));
    assertTrue(calls("api('GET', '/opinions' + query(params))", "GET", "/opinions"));
    assertTrue(!calls("api('POST', `/plans/${enc(p.id)}/${path}`, {})", "POST", "/plans/{planId}/announce"),
        "an action the script never names");
    assertTrue(!calls("api('POST', `/plans/${enc(p.id)}/announce`, {})", "GET", "/plans/{planId}"), "a prefix");
    assertTrue(!calls("api('GET', `/plans/${enc(p.id)}`)", "PUT", "/plans/{planId}"), "another method");
    assertTrue(!calls("api('POST', '/plans', body)", "GET", "/plans"), "another method, the same path");
    assertTrue(calls("api('GET', id ? `/plans/${enc(id)}/statistics` : `/statistics/${year}`)", "GET",
        "/statistics/{year}"), "either branch");
  }
}
