package vn.doithoai.handlers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue #11, item 2: the dependency rules of ARCHITECTURE.md, checked on the compiled classes of core, aws and
 * handlers (ArchUnit).
 *
 * <ul>
 *   <li>core imports no AWS, Lambda or web code (the SDK, the Lambda events, our adapters and handlers, the
 *       local runtime, HTTP servers and clients);
 *   <li>core's contexts ({@code vn.doithoai.core.<context>}) form no new cycle. The cycles that exist today are
 *       written down below as known edges (debt to pay, not a licence): an edge that closes a new cycle fails,
 *       and so does a known edge that is gone (so that the list only shrinks);
 *   <li>"a handler only parses, calls one use case and maps", approximated as what a compiler can see: a
 *       {@code *Handler} class uses no AWS adapter and no AWS SDK (only {@link App} and {@link Config} wire
 *       them), and no port of core (the repository and service interfaces the adapters implement) — it reaches
 *       data only through a use case. The handlers that use a port today are listed, as debt.
 * </ul>
 */
class ArchitectureTest {
  private static JavaClasses classes;

  /** The edges between contexts that lie on a cycle today (from → to). */
  private static final Set<String> KNOWN_CYCLE_EDGES = Set.of(
      "calendar→plan", "commune→rules", "deadline→calendar", "deadline→commune",
      "deadline→mail", "deadline→plan", "deadline→rules", "document→followup", "followup→document",
      "intake→commune", "intake→mail", "intake→opinion", "intake→plan", "mail→calendar", "mail→commune",
      "mail→deadline", "mail→opinion", "mail→plan", "mail→rules", "opinion→calendar", "opinion→commune",
      "opinion→deadline", "opinion→intake", "opinion→mail", "opinion→plan", "opinion→rules", "plan→calendar",
      "plan→commune", "plan→deadline", "plan→rules", "rules→calendar",
      // issue #15's first step (units follow the plan's issuer; agencies told of a published notice's items):
      // debt to pay by moving Issuer out of plan and the notice's agency mails into conclusion
      "commune→plan", "conclusion→calendar", "conclusion→commune", "conclusion→mail", "conclusion→opinion",
      "conclusion→plan", "conclusion→rules", "mail→conclusion");

  /** Handlers that call a port directly today (handler → port), to be moved behind a use case. */
  private static final Set<String> KNOWN_PORT_USES = Set.of("ConclusionsHandler→Communes",
      "MailerHandler→Suppressions", "RelayHandler→EventPublisher");

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("vn.doithoai");
  }

  @Test
  @DisplayName("core depends on no AWS, Lambda or web code")
  void coreIsPlainJava() {
    noClasses().that().resideInAPackage("vn.doithoai.core..").should().dependOnClassesThat()
        .resideInAnyPackage("software.amazon..", "com.amazonaws..", "vn.doithoai.aws..", "vn.doithoai.handlers..",
            "vn.doithoai.local..", "java.net.http..", "com.sun.net.httpserver..", "javax.servlet..", "jakarta..")
        .check(classes);
  }

  @Test
  @DisplayName("core's contexts form no cycle beyond the known ones")
  void noNewCycleBetweenContexts() {
    Map<String, Set<String>> graph = new TreeMap<>();
    for (JavaClass c : classes) {
      String from = context(c);
      for (Dependency d : from == null ? Set.<Dependency>of() : c.getDirectDependenciesFromSelf()) {
        String to = context(d.getTargetClass());
        if (to != null && !to.equals(from)) {
          graph.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
        }
      }
    }
    Set<String> onCycles = new TreeSet<>();
    graph.forEach((from, tos) -> tos.stream().filter(to -> reaches(graph, to, from))
        .forEach(to -> onCycles.add(from + "→" + to)));
    Set<String> added = new TreeSet<>(onCycles);
    added.removeAll(KNOWN_CYCLE_EDGES);
    Set<String> gone = new TreeSet<>(KNOWN_CYCLE_EDGES);
    gone.removeAll(onCycles);
    assertEquals(Set.of(), added, "new dependencies that close a cycle between core's contexts");
    assertEquals(Set.of(), gone, "cycle edges that are gone: remove them from KNOWN_CYCLE_EDGES");
  }

  @Test
  @DisplayName("handlers use no AWS adapter or SDK directly, and no port except the known ones")
  void handlersAreThin() {
    noClasses().that().resideInAPackage("vn.doithoai.handlers").and().haveSimpleNameEndingWith("Handler")
        .should().dependOnClassesThat().resideInAnyPackage("vn.doithoai.aws..", "software.amazon.awssdk..")
        .because("only App and Config wire adapters").check(classes);
    Set<String> portUses = new TreeSet<>();
    for (JavaClass c : classes) {
      if (c.getPackageName().equals("vn.doithoai.handlers") && c.getSimpleName().endsWith("Handler")) {
        c.getDirectDependenciesFromSelf().stream().map(Dependency::getTargetClass).filter(ArchitectureTest::isPort)
            .forEach(p -> portUses.add(c.getSimpleName() + "→" + p.getSimpleName()));
      }
    }
    assertTrue(classes.stream().anyMatch(ArchitectureTest::isPort), "ports are recognised");
    assertEquals(KNOWN_PORT_USES, portUses, "handlers that reach a port instead of a use case");
  }

  /** A port: an interface of core that an AWS adapter implements. */
  private static boolean isPort(JavaClass c) {
    return c.isInterface() && c.getPackageName().startsWith("vn.doithoai.core.")
        && c.getAllSubclasses().stream().anyMatch(s -> s.getPackageName().startsWith("vn.doithoai.aws"));
  }

  private static String context(JavaClass c) {
    String pkg = c.getPackageName();
    if (!pkg.startsWith("vn.doithoai.core.")) {
      return null;
    }
    String rest = pkg.substring("vn.doithoai.core.".length());
    return rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
  }

  private static boolean reaches(Map<String, Set<String>> graph, String from, String to) {
    Set<String> seen = new TreeSet<>();
    Deque<String> todo = new ArrayDeque<>(Set.of(from));
    while (!todo.isEmpty()) {
      String n = todo.pop();
      if (n.equals(to)) {
        return true;
      }
      if (seen.add(n)) {
        todo.addAll(graph.getOrDefault(n, Set.of()));
      }
    }
    return false;
  }
}
