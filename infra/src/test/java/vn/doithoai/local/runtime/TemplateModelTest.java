package vn.doithoai.local.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TemplateModelTest {
  static Path fixture() {
    try {
      return Path.of(TemplateModelTest.class.getResource("fixture-template.yaml").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final TemplateModel MODEL = TemplateModel.load(fixture());

  @Test
  @DisplayName("tables: resolved name, attributes, keys, GSIs with projections, TTL, stream; false conditions dropped")
  void tables() {
    assertEquals(1, MODEL.tables().size(), "ProdOnlyTable has Condition IsProd, false with Stage=test");
    TemplateModel.Table t = MODEL.table("Table");
    assertEquals("doithoai-fixture-test", t.tableName());
    assertEquals(Map.of("pk", "S", "sk", "S", "gsi1pk", "S", "gsi1sk", "S", "due", "N"), t.attributes());
    assertEquals(List.of(new TemplateModel.KeyElement("pk", "HASH"), new TemplateModel.KeyElement("sk", "RANGE")),
        t.keySchema());
    assertEquals(2, t.globalIndexes().size());
    TemplateModel.Index byDue = t.globalIndexes().get(1);
    assertEquals("byDue", byDue.indexName());
    assertEquals("INCLUDE", byDue.projectionType());
    assertEquals(List.of("title", "owner"), byDue.nonKeyAttributes());
    assertEquals(new TemplateModel.KeyElement("due", "RANGE"), byDue.keySchema().get(1));
    assertEquals("ALL", t.globalIndexes().get(0).projectionType());
    assertEquals("expiresAt", t.ttlAttribute());
    assertEquals("NEW_AND_OLD_IMAGES", t.streamViewType());
    assertTrue(t.localIndexes().isEmpty());
  }

  @Test
  @DisplayName("functions: handler, Globals merged with the function's own environment, intrinsics resolved or null")
  void functions() {
    assertEquals(2, MODEL.functions().size());
    TemplateModel.Function echo = MODEL.function("EchoFunction");
    assertEquals("vn.doithoai.local.runtime.EchoHandler::handleRequest", echo.handler());
    assertEquals("vn.doithoai.local.runtime.EchoHandler", echo.handlerClass());
    assertEquals("handleRequest", echo.handlerMethod());
    assertEquals(5, echo.timeoutSeconds());
    assertEquals(512, echo.memorySize());
    Map<String, String> env = echo.environment();
    assertEquals("doithoai-fixture-test", env.get("TABLE_NAME"), "!Ref of a table is its TableName");
    assertEquals("test", env.get("STAGE"));
    assertEquals("30", env.get("RETENTION_DAYS"), "a Number parameter's default, as a string");
    assertEquals("test-own", env.get("OVERRIDDEN"), "the function's own variable wins over Globals");
    assertEquals("arn:aws:dynamodb:ap-southeast-1:000000000000:table/doithoai-fixture-test", env.get("TABLE_ARN"));
    assertEquals("a:ap-southeast-1:test", env.get("JOINED"));
    assertEquals("rehearsal", env.get("MODE"), "!If on a false condition takes !FindInMap");
    assertEquals("aGk=", env.get("ENCODED"));
    assertEquals("y", env.get("SECOND"));
    assertEquals("test-long", env.get("LONG_FORM"), "long-form Fn::Sub");
    assertEquals("${Literal}-test", env.get("ESCAPED"));
    assertEquals("test@000000000000", env.get("SUB_VARS"));
    assertEquals("on", env.get("FLAG"), "!Or of !Equals");
    assertEquals("arn:aws:dynamodb:ap-southeast-1:000000000000:table/doithoai-fixture-test/stream/local",
        env.get("STREAM_ARN"), "a local stream label; the relay finds the table by it");
    for (String unresolvable : List.of("IMPORTED", "FIRST_AZ", "POOL", "CIDR", "BROKEN")) {
      assertTrue(env.containsKey(unresolvable), unresolvable);
      assertNull(env.get(unresolvable), unresolvable + " cannot be known locally: null, no crash");
    }
    assertEquals(Boolean.TRUE, MODEL.condition("NotProd"));
    assertEquals("vn.doithoai.local.runtime.FailingHandler", MODEL.function("FailingFunction").handlerClass());
    assertEquals("handleRequest", MODEL.function("FailingFunction").handlerMethod());
    assertEquals(20, MODEL.function("FailingFunction").timeoutSeconds(), "Globals.Function.Timeout");
  }

  @Test
  @DisplayName("HttpApi routes: method upper-case, ANY, Authorizer NONE public, API default authorizer otherwise")
  void routes() {
    Map<String, TemplateModel.HttpRoute> byEvent = new java.util.HashMap<>();
    MODEL.httpRoutes().forEach(r -> byEvent.put(r.eventName(), r));
    assertEquals(6, byEvent.size());
    TemplateModel.HttpRoute webhook = byEvent.get("Webhook");
    assertEquals("POST", webhook.method());
    assertEquals("/webhooks/{commune}/opinions", webhook.path());
    assertEquals("POST /webhooks/{commune}/opinions", webhook.routeKey());
    assertFalse(webhook.authRequired());
    TemplateModel.HttpRoute plan = byEvent.get("Plan");
    assertTrue(plan.authRequired());
    assertEquals("DoithoaiJwt", plan.authorizer(), "the API's DefaultAuthorizer");
    assertEquals("ANY /files/{proxy+}", byEvent.get("Files").routeKey());
    assertFalse(byEvent.get("Health").authRequired(),
        "an event of the implicit API, which has no default authorizer, is public as in AWS");
    assertEquals("FailingFunction", byEvent.get("Boom").functionId());

    List<TemplateModel.FunctionEvent> others = MODEL.otherEvents();
    assertEquals(List.of("ScheduleV2", "DynamoDB"), others.stream().map(TemplateModel.FunctionEvent::type).toList());
    TemplateModel.FunctionEvent nightly = others.get(0);
    assertEquals("Nightly", nightly.name());
    assertEquals("cron(0 1 * * ? *)", nightly.properties().get("ScheduleExpression"));
    assertEquals("{\"stage\":\"test\"}", nightly.properties().get("Input"));
    assertTrue(others.get(1).properties().containsKey("Stream"));
    assertEquals("arn:aws:dynamodb:ap-southeast-1:000000000000:table/doithoai-fixture-test/stream/local",
        others.get(1).properties().get("Stream"));
  }

  @Test
  @DisplayName("parameter overrides replace defaults everywhere, conditions included")
  void overrides() {
    TemplateModel prod = TemplateModel.load(fixture(), Map.of("Stage", "prod"));
    assertEquals(List.of("doithoai-fixture-prod", "prod-only"), prod.tables().stream()
        .map(TemplateModel.Table::tableName).toList());
    assertEquals("live", prod.function("EchoFunction").environment().get("MODE"));
    assertEquals("off", prod.function("EchoFunction").environment().get("FLAG"));
  }

  @Test
  @DisplayName("every short-form tag parses; a reference cycle or unknown name resolves to null")
  void shortForms() {
    String yaml = """
        Resources:
          Loop:
            Type: AWS::DynamoDB::Table
            Properties:
              TableName: !Sub "${Loop}-x"
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: !Sub "${Missing}"
              Environment:
                Variables:
                  A: !Ref Nowhere
                  B: !GetAtt Fn.Arn
                  C: !Cidr [!Select [0, !GetAZs ""], 1, 2]
                  D: !And [!Condition X, !Not [!Equals [a, b]]]
                  E: !Join ["", [!Base64 x, !Split [",", "a"]]]
                  F: !ImportValue {"Fn::Sub": "${AWS::StackName}-out"}
        """;
    TemplateModel m = TemplateModel.parse(new StringReader(yaml), Path.of("inline.yaml"), Map.of());
    assertEquals("Loop", m.tables().get(0).tableName(), "a TableName that refers to itself: the logical id");
    TemplateModel.Function fn = m.function("Fn");
    assertNull(fn.handler());
    assertEquals("arn:aws:lambda:ap-southeast-1:000000000000:function:Fn", fn.environment().get("B"),
        "a function's ARN: the local one, by logical id");
    fn.environment().forEach((k, v) -> assertTrue(k.equals("B") || v == null, k));
    assertEquals(6, fn.environment().size());
  }

  @Test
  @DisplayName("the real template.yaml parses: its single table as documented")
  void realTemplate() {
    TemplateModel real = TemplateModel.load(Path.of("..", "template.yaml"));
    TemplateModel.Table table = real.table("Table");
    assertTrue(table.tableName().startsWith("doithoai-"), table.tableName());
    assertEquals("expiresAt", table.ttlAttribute());
    assertEquals(List.of("pk", "sk"), table.keySchema().stream().map(TemplateModel.KeyElement::attributeName).toList());
    assertTrue(table.globalIndexes().stream().anyMatch(i -> i.indexName().equals("gsi1")));
    for (TemplateModel.Function f : real.functions()) {
      assertNotNull(f.handler(), f.logicalId() + " has a handler");
      if (f.environment().containsKey("TABLE_NAME")) {
        assertEquals(table.tableName(), f.environment().get("TABLE_NAME"));
      }
      for (TemplateModel.HttpRoute r : f.httpRoutes()) {
        assertTrue(r.path().startsWith("/") || r.path().equals("$default"), r.routeKey());
      }
    }
  }

  @Test
  @DisplayName("the real template's asynchronous parts: rules to functions, the schedule target's alias, "
      + "async retries, groups, buses, configuration sets")
  void realTemplateAsync() {
    TemplateModel real = TemplateModel.load(Path.of("..", "template.yaml"));
    Map<String, TemplateModel.Rule> rules = new java.util.HashMap<>();
    real.rules().forEach(r -> rules.put(r.id(), r));
    assertEquals("doithoai-prod", rules.get("MailQueuedRule").busName());
    assertEquals(List.of("MailQueued", "MailFanOutQueued"), rules.get("MailQueuedRule").pattern().get("detail-type"));
    assertEquals("MailerFunction", rules.get("MailQueuedRule").targets().get(0).functionId());
    assertEquals("SchedulesFunction", rules.get("DeadlineChangedRule").targets().get(0).functionId());
    assertEquals("default", rules.get("SesEventsRule").busName());
    String target = real.function("SchedulesFunction").environment().get("SCHEDULE_TARGET_ARN");
    assertEquals("arn:aws:lambda:ap-southeast-1:000000000000:function:DeadlinesFunction:live", target,
        "!Ref DeadlinesFunction.Alias: the alias ARN");
    assertEquals("DeadlinesFunction", real.functionIdOf(target));
    assertEquals("arn:aws:lambda:ap-southeast-1:000000000000:function:DeadlinesFunction",
        ServeCommand.schedulerTarget(real).get("SCHEDULE_TARGET_ARN"));
    assertEquals(new TemplateModel.AsyncInvoke(2, "arn:aws:sqs:ap-southeast-1:000000000000:MailDeadLetters"),
        real.function("MailerFunction").asyncInvoke());
    assertEquals(new TemplateModel.AsyncInvoke(2, "arn:aws:sqs:ap-southeast-1:000000000000:ScheduleDeadLetters"),
        real.function("DeadlinesFunction").asyncInvoke(), "a failed fire is parked, not dropped");
    assertEquals(new TemplateModel.AsyncInvoke(2, null), real.function("PlansFunction").asyncInvoke(),
        "Lambda's defaults");
    assertEquals(List.of("doithoai-prod"), real.scheduleGroups());
    assertEquals(List.of("doithoai-prod"), real.eventBuses());
    assertEquals(List.of("doithoai-prod"), real.configurationSets());
  }
}
