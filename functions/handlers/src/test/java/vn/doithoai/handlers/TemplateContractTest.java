package vn.doithoai.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * template.yaml against the code: every handler class exists; every variable the code reads is set; the
 * table's keys and indexes are the ones the adapters use. That each policy allows every AWS action and index
 * its function really uses is {@link FlowContractTest}'s part: the product's flow, walked with real ids.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemplateContractTest {
  private Map<String, Object> resources;
  private Map<String, Object> globalsEnv;

  @BeforeAll
  @SuppressWarnings("unchecked")
  void load() throws IOException {
    Map<String, Object> t = new Yaml(new CfnTags()).load(Files.readString(Path.of("..", "..", "template.yaml")));
    resources = (Map<String, Object>) t.get("Resources");
    globalsEnv = (Map<String, Object>) path(t, "Globals", "Function", "Environment", "Variables");
  }

  @Test
  @DisplayName("every function's handler is a RequestHandler class of the deployed jar")
  void handlersExist() throws ClassNotFoundException {
    for (Map.Entry<String, Map<String, Object>> f : functions().entrySet()) {
      String handler = (String) path(f.getValue(), "Properties", "Handler");
      String cls = handler.substring(0, handler.indexOf("::"));
      assertTrue(RequestHandler.class.isAssignableFrom(Class.forName(cls)), f.getKey() + ": " + cls);
      assertEquals("handleRequest", handler.substring(handler.indexOf("::") + 2));
    }
  }

  @Test
  @DisplayName("every configuration variable the code reads is set by the template (or by Lambda itself)")
  void environment() throws IOException {
    Set<String> read = new TreeSet<>();
    Pattern name = Pattern.compile("\"([A-Z][A-Z0-9_]{3,})\"");
    for (Path root : List.of(Path.of("src/main/java"), Path.of("../aws/src/main/java"))) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          String src = Files.readString(f);
          if (src.contains("getenv") || src.contains("getProperty") || src.contains("Config.get")) {
            Matcher m = name.matcher(src);
            while (m.find()) {
              read.add(m.group(1));
            }
          }
        }
      }
    }
    // AWS_REGION is set by Lambda; DOITHOAI_* (endpoint overrides, the clock offset) exist only locally
    Set<String> providedElsewhere = Set.of("AWS_REGION", "DOITHOAI_DYNAMODB_ENDPOINT");
    Set<String> set = new TreeSet<>(globalsEnv.keySet());
    functions().values().forEach(f -> {
      Object vars = path(f, "Properties", "Environment", "Variables");
      if (vars instanceof Map<?, ?> m) {
        m.keySet().forEach(k -> set.add((String) k));
      }
    });
    for (String v : read) {
      if (!providedElsewhere.contains(v) && !v.startsWith("DOITHOAI_")) {
        assertTrue(set.contains(v), "template sets no " + v + " (read by the code)");
      }
    }
    assertTrue(read.contains("TABLE_NAME"), read.toString());
  }

  @Test
  @DisplayName("the table's keys, indexes and TTL are those the adapters use")
  void table() {
    Map<String, Object> props = (Map<String, Object>) path(resources, "Table", "Properties");
    assertEquals("[{AttributeName=pk, KeyType=HASH}, {AttributeName=sk, KeyType=RANGE}]",
        props.get("KeySchema").toString());
    List<String> indexes = new ArrayList<>();
    for (Object o : (List<?>) props.get("GlobalSecondaryIndexes")) {
      Map<?, ?> i = (Map<?, ?>) o;
      indexes.add(i.get("IndexName") + "=" + i.get("KeySchema") + "/" + ((Map<?, ?>) i.get("Projection"))
          .get("ProjectionType"));
    }
    assertEquals(List.of(
        "gsi1=[{AttributeName=gsi1pk, KeyType=HASH}, {AttributeName=gsi1sk, KeyType=RANGE}]/ALL",
        "gsi2=[{AttributeName=gsi2pk, KeyType=HASH}, {AttributeName=gsi2sk, KeyType=RANGE}]/ALL"), indexes);
    assertEquals("expiresAt", path(props, "TimeToLiveSpecification", "AttributeName"));
    assertEquals("PAY_PER_REQUEST", props.get("BillingMode"));
    assertEquals(true, path(props, "PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled"));
    assertEquals("NEW_AND_OLD_IMAGES", path(props, "StreamSpecification", "StreamViewType"));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Map<String, Object>> functions() {
    Map<String, Map<String, Object>> f = new java.util.TreeMap<>();
    resources.forEach((id, r) -> {
      Map<String, Object> m = (Map<String, Object>) r;
      if ("AWS::Serverless::Function".equals(m.get("Type"))) {
        f.put(id, m);
      }
    });
    return f;
  }

  @SuppressWarnings("unchecked")
  private static Object path(Map<String, Object> m, String... keys) {
    Object o = m;
    for (String k : keys) {
      if (!(o instanceof Map<?, ?>)) {
        return null;
      }
      o = ((Map<String, Object>) o).get(k);
    }
    return o;
  }

  /** Reads CloudFormation's short-form tags (!Ref, !Sub, !GetAtt, …) as "Tag value" strings. */
  static final class CfnTags extends SafeConstructor {
    CfnTags() {
      super(new LoaderOptions());
      for (String tag : List.of("Ref", "Sub", "GetAtt", "If", "Equals", "Not", "Select", "Join", "Split",
          "FindInMap", "ImportValue", "Condition", "Base64", "And", "Or", "GetAZs", "Cidr")) {
        yamlConstructors.put(new org.yaml.snakeyaml.nodes.Tag("!" + tag), new AbstractConstruct() {
          @Override
          public Object construct(Node node) {
            if (node instanceof ScalarNode s) {
              return "!" + tag + " " + s.getValue();
            }
            if (node instanceof SequenceNode q) {
              return "!" + tag + " " + constructSequence(q);
            }
            return "!" + tag;
          }
        });
      }
    }
  }
}
