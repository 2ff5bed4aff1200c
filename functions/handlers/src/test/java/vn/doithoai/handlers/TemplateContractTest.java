package vn.doithoai.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import vn.doithoai.aws.DynamoCommunes;
import vn.doithoai.aws.DynamoTable;
import vn.doithoai.core.commune.Agency;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.commune.WebhookSecret;

/**
 * template.yaml against the code: every handler class exists; every variable the code reads is set; the
 * table's keys and indexes are the ones the adapters use; and every DynamoDB action and index a function
 * really uses — recorded while its sample events run — is allowed by that function's policy.
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

  @Test
  @DisplayName("each function's policy allows every DynamoDB action and index its events use, on its routes")
  void iamCoversEveryCall() throws IOException {
    Map<String, String> routeToFunction = new HashMap<>();
    functions().forEach((id, f) -> {
      Map<String, Object> events = (Map<String, Object>) path(f, "Properties", "Events");
      if (events != null) {
        events.values().forEach(e -> {
          Map<String, Object> p = (Map<String, Object>) ((Map<String, Object>) e).get("Properties");
          if ("HttpApi".equals(((Map<String, Object>) e).get("Type"))) {
            routeToFunction.put(p.get("Method") + " " + p.get("Path"), id);
          }
        });
      }
    });
    Map<String, RecordingDynamo> used = new HashMap<>();
    Map<String, RecordingOutside> outsides = new HashMap<>();
    try (Stream<Path> files = Files.list(Events.DIR)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        String name = file.getFileName().toString().replace(".json", "");
        String function = NON_HTTP.entrySet().stream().filter(e -> name.startsWith(e.getKey()))
            .map(Map.Entry::getValue).findFirst().orElse(null);
        APIGatewayV2HTTPEvent event = null;
        if (function == null) {
          event = Events.load(name);
          function = routeToFunction.get(event.getRouteKey());
          if (function == null) {
            fail("event " + name + " has route " + event.getRouteKey() + ", which no function serves");
          }
        }
        RecordingDynamo rec = used.computeIfAbsent(function, k -> new RecordingDynamo(TestTable.create().client()));
        RecordingOutside outside = outsides.computeIfAbsent(function, k -> new RecordingOutside());
        if (event != null) {
          run(function, rec, outside, event);
        } else {
          NonHttpEvents.run(function, name, rec, outside);
        }
      }
    }
    assertEquals(functions().keySet(), used.keySet(), "every function has sample events");
    // the non-HTTP samples really did their work (so the check above is not vacuous)
    assertTrue(used.get("DeadlinesFunction").actions.contains("dynamodb:PutItem"), "a step was fired");
    assertTrue(outsides.get("MailerFunction").actions.contains("ses:SendEmail"), "an e-mail was sent");
    assertTrue(outsides.get("SchedulesFunction").actions.contains("scheduler:CreateSchedule"), "schedules made");
    assertTrue(outsides.get("RelayFunction").actions.contains("events:PutEvents"), "events relayed");
    assertTrue(used.get("ReconcileFunction").actions.contains("dynamodb:Query"), "open deadlines read");
    for (Map.Entry<String, RecordingDynamo> u : used.entrySet()) {
      Set<String> allowed = new TreeSet<>();
      Set<String> indexes = new TreeSet<>();
      Object policies = path(functions().get(u.getKey()), "Properties", "Policies");
      for (Object st : policies == null ? List.of() : (List<?>) policies) {
        for (Object s : (List<?>) ((Map<?, ?>) st).get("Statement")) {
          Map<?, ?> stmt = (Map<?, ?>) s;
          ((List<?>) stmt.get("Action")).forEach(a -> allowed.add((String) a));
          Object res = stmt.get("Resource");
          for (Object r : res instanceof List<?> l ? l : List.of(res)) {
            Matcher m = Pattern.compile("/index/(\\w+)").matcher(String.valueOf(r));
            if (m.find()) {
              indexes.add(m.group(1));
            }
          }
        }
      }
      Set<String> needed = new TreeSet<>(u.getValue().actions);
      needed.addAll(outsides.get(u.getKey()).actions);
      assertTrue(allowed.containsAll(needed), u.getKey() + " uses " + needed + " but may only " + allowed);
      assertTrue(indexes.containsAll(u.getValue().indexes), u.getKey() + " queries " + u.getValue().indexes
          + " but may only " + indexes);
    }
  }

  /** Sample events of functions outside the HTTP API, by file-name prefix. */
  static final Map<String, String> NON_HTTP = Map.of("relay-", "RelayFunction", "schedules-", "SchedulesFunction",
      "deadlines-", "DeadlinesFunction", "mailer-", "MailerFunction", "reconcile-", "ReconcileFunction");

  private void run(String function, RecordingDynamo rec, RecordingOutside outside, APIGatewayV2HTTPEvent event) {
    DynamoTable table = new DynamoTable(rec.client, "doithoai-test");
    if (new DynamoCommunes(table).find("demo").isEmpty()) {
      new DynamoCommunes(new DynamoTable(rec.client, "doithoai-test")).create(new Commune("demo", "Xã Demo",
          "Lạng Sơn", "lang-son-320", "VP Đảng ủy", "VP UBND", "vp@demo.example.vn", null, null, null,
          List.of(new Agency("phong-kinh-te", "Phòng Kinh tế", null)), 1, HandlerEventsTest.EVENTS_INSTANT),
          List.of(new WebhookSecret("ws", HandlerEventsTest.SECRET, HandlerEventsTest.EVENTS_INSTANT,
              Optional.empty())));
      rec.actions.clear();
    }
    App app = new App(table, Clock.fixed(HandlerEventsTest.EVENTS_INSTANT, ZoneOffset.UTC), "", outside.outside());
    ApiHandler handler = switch (function) {
      case "IntakeFunction" -> new WebhookHandler(app.submittingOpinion());
      case "PublicFunction" -> new PublicHandler(app);
      case "PlansFunction" -> new PlansHandler(app.managingPlans());
      case "OpinionsFunction" -> new OpinionsHandler(app.handlingOpinions());
      case "ConclusionsFunction" -> new ConclusionsHandler(app.publishingConclusion(), app.communes());
      case "FollowUpFunction" -> new FollowUpHandler(app.followingUp(), app.exporting());
      case "CommunesFunction" -> new CommunesHandler(app.managingCommunes(), app.changingCalendar(), app.calendars());
      default -> throw new AssertionError("no handler wired for " + function);
    };
    handler.handleRequest(event, null);
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
