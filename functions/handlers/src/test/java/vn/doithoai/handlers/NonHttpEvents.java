package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.doithoai.aws.DynamoTable;
import vn.doithoai.core.common.Json;

/**
 * Runs the sample events of the functions outside the HTTP API through their handlers, as Lambda would
 * deliver them: the relay gets a {@link DynamodbEvent}, the others the event JSON as a map. The records a
 * handler re-reads (a deadline, a pending e-mail, the commune) are seeded first.
 */
final class NonHttpEvents {
  static final Instant FIRE_TIME = Instant.parse("2025-12-24T01:00:30Z");

  private NonHttpEvents() {}

  static Map<String, Object> json(String name) {
    try {
      return Json.readObject(Files.readString(Events.DIR.resolve(name + ".json"), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Object run(String function, String name, RecordingDynamo rec, RecordingOutside outside) {
    DynamoTable table = new DynamoTable(rec.client, "doithoai-test");
    seed(rec, table);
    App app = new App(table, Clock.fixed(FIRE_TIME, ZoneOffset.UTC), "https://xa.example.vn", outside.outside());
    Map<String, Object> event = json(name);
    return switch (function) {
      case "RelayFunction" -> new RelayHandler(app.eventPublisher()).handleRequest(stream(event), null);
      case "SchedulesFunction" -> new SchedulesHandler(app.schedulingDeadlines()).handleRequest(event, null);
      case "DeadlinesFunction" -> new DeadlinesHandler(app.firingDeadlines()).handleRequest(event, null);
      case "MailerFunction" -> new MailerHandler(app.sendingMail(), app.suppressions(), app.sweepingMail())
          .handleRequest(event, null);
      case "ReconcileFunction" -> new ReconcileHandler(app.reconciling()).handleRequest(event, null);
      default -> throw new AssertionError(function);
    };
  }

  /** The commune, the sample deadline and the sample pending e-mail, written outside the recording. */
  @SuppressWarnings("unchecked")
  private static void seed(RecordingDynamo rec, DynamoTable table) {
    if (!rec.seeded) {
      DynamoDbClient raw = rec.real;
      Map<String, Object> changed = (Map<String, Object>) json("schedules-deadline-changed").get("detail");
      Map<String, Object> deadline = (Map<String, Object>) changed.get("after");
      raw.putItem(b -> b.tableName(table.name()).item(Map.of(
          "pk", sv("C#demo"), "sk", sv("DL#OP#o_sample#answer"), "gsi2pk", sv("DEADLINES#OPEN"),
          "gsi2sk", sv("2025-12-29T01:00:00Z#demo#OP#o_sample#answer"),
          "doc", sv(Json.write(deadline)), "version", software.amazon.awssdk.services.dynamodb.model.AttributeValue
              .builder().n("3").build())));
      Map<String, Object> relay = json("relay-stream");
      Map<String, Object> mailRecord = ((List<Map<String, Object>>) relay.get("Records")).get(0);
      String mailDoc = (String) ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) mailRecord
          .get("dynamodb")).get("NewImage")).get("doc")).get("S");
      Map<String, Object> mail = Json.readObject(mailDoc);
      raw.putItem(b -> b.tableName(table.name()).item(Map.of("pk", sv("MAIL#" + mail.get("id")), "sk", sv("MAIL"),
          "doc", sv(mailDoc), "status", sv("PENDING"), "gsi2pk", sv("MAIL#PENDING"),
          "gsi2sk", sv(mail.get("createdAt") + "#" + mail.get("id")))));
      new vn.doithoai.aws.DynamoCommunes(new DynamoTable(raw, table.name())).create(
          HandlerEventsTest.demoCommune(), List.of());
      rec.seeded = true;
    }
  }

  private static software.amazon.awssdk.services.dynamodb.model.AttributeValue sv(Object s) {
    return software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder().s(String.valueOf(s)).build();
  }

  /** The stream event JSON into the lambda-events model, as the Lambda runtime deserialises it. */
  static DynamodbEvent stream(Map<String, Object> json) {
    return SampleEvents.stream(json);
  }
}
