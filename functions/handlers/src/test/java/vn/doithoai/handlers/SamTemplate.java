package vn.doithoai.handlers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * What template.yaml says a test must hold the code to: the functions and their handler classes, the HTTP
 * routes each serves, the bus rules that invoke them, and the IAM actions and index resources each policy
 * allows.
 */
final class SamTemplate {
  static final Path FILE = Path.of("..", "..", "template.yaml");

  /** A function's policy: each action allowed, with the resources its statements allow it on. */
  record Policy(Map<String, Set<String>> resources) {
    Set<String> actions() {
      return resources.keySet();
    }

    /** The table's indexes named in a resource of {@code action} ({@code ${Table.Arn}/index/gsi1} → gsi1). */
    Set<String> indexes(String action) {
      Set<String> out = new TreeSet<>();
      for (String r : resources.getOrDefault(action, Set.of())) {
        Matcher m = Pattern.compile("\\$\\{Table\\.Arn}/index/(\\w+)").matcher(r);
        if (m.find()) {
          out.add(m.group(1));
        }
      }
      return out;
    }

    /** Whether {@code action} is allowed on the table itself ({@code !GetAtt Table.Arn}). */
    boolean onTable(String action) {
      return resources.getOrDefault(action, Set.of()).contains("!GetAtt Table.Arn");
    }
  }

  private final Map<String, Map<String, Object>> functions = new TreeMap<>();
  private final Map<String, Object> resources;

  @SuppressWarnings("unchecked")
  SamTemplate(String yaml) {
    Map<String, Object> t = new Yaml(new TemplateContractTest.CfnTags()).load(yaml);
    resources = (Map<String, Object>) t.get("Resources");
    resources.forEach((id, r) -> {
      Map<String, Object> m = (Map<String, Object>) r;
      if ("AWS::Serverless::Function".equals(m.get("Type"))) {
        functions.put(id, m);
      }
    });
  }

  static SamTemplate load() {
    try {
      return new SamTemplate(Files.readString(FILE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Set<String> functions() {
    return functions.keySet();
  }

  /** The handler class of a function ({@code Handler: cls::handleRequest}). */
  String handlerClass(String function) {
    String handler = (String) properties(function).get("Handler");
    return handler.substring(0, handler.indexOf("::"));
  }

  /** "METHOD /path" → the function serving it, for every HttpApi event. */
  @SuppressWarnings("unchecked")
  Map<String, String> routes() {
    Map<String, String> routes = new TreeMap<>();
    functions.forEach((id, f) -> {
      Map<String, Object> events = (Map<String, Object>) properties(id).get("Events");
      if (events != null) {
        events.values().forEach(e -> {
          Map<String, Object> event = (Map<String, Object>) e;
          Map<String, Object> p = (Map<String, Object>) event.get("Properties");
          if ("HttpApi".equals(event.get("Type"))) {
            routes.put(p.get("Method") + " " + p.get("Path"), id);
          }
        });
      }
    });
    return routes;
  }

  /** Each bus rule's detail types → the functions it targets ({@code Arn: !GetAtt Fn.Arn}). */
  @SuppressWarnings("unchecked")
  Map<String, Set<String>> busRules() {
    Map<String, Set<String>> rules = new LinkedHashMap<>();
    resources.values().forEach(r -> {
      Map<String, Object> m = (Map<String, Object>) r;
      if ("AWS::Events::Rule".equals(m.get("Type"))) {
        Map<String, Object> p = (Map<String, Object>) m.get("Properties");
        Map<String, Object> pattern = (Map<String, Object>) p.get("EventPattern");
        for (Object type : (List<Object>) pattern.get("detail-type")) {
          for (Object target : (List<Object>) p.get("Targets")) {
            String arn = String.valueOf(((Map<String, Object>) target).get("Arn"));
            Matcher fn = Pattern.compile("!GetAtt (\\w+)\\.Arn|!Ref (\\w+)\\.Alias").matcher(arn);
            if (fn.matches()) {
              rules.computeIfAbsent((String) type, k -> new TreeSet<>())
                  .add(fn.group(1) != null ? fn.group(1) : fn.group(2));
            }
          }
        }
      }
    });
    return rules;
  }

  Policy policy(String function) {
    Map<String, Set<String>> resources = new TreeMap<>();
    Object policies = properties(function).get("Policies");
    for (Object st : policies == null ? List.of() : (List<?>) policies) {
      if (st instanceof String ref && ref.startsWith("!Ref ")) { // a managed policy of the template: its document
        st = ((Map<?, ?>) ((Map<?, ?>) this.resources.get(ref.substring(5))).get("Properties")).get("PolicyDocument");
      }
      for (Object s : (List<?>) ((Map<?, ?>) st).get("Statement")) {
        Map<?, ?> stmt = (Map<?, ?>) s;
        Object action = stmt.get("Action");
        Object res = stmt.get("Resource");
        for (Object a : action instanceof List<?> l ? l : List.of(action)) {
          Set<String> on = resources.computeIfAbsent((String) a, k -> new TreeSet<>());
          for (Object r : res instanceof List<?> l ? l : List.of(res)) {
            on.add(String.valueOf(r));
          }
        }
      }
    }
    return new Policy(resources);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> properties(String function) {
    Map<String, Object> f = functions.get(function);
    if (f == null) {
      throw new IllegalArgumentException("no function " + function + " in template.yaml");
    }
    return (Map<String, Object>) f.get("Properties");
  }
}
