package vn.doithoai.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ValidationException;
import vn.doithoai.core.common.Role;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.deadline.ScheduleSpec;
import vn.doithoai.core.deadline.Step;
import vn.doithoai.core.plan.PlanDeadline;
import vn.doithoai.core.rules.Recipient;

/** The exact requests EventBridgeScheduler makes, against a stub of the Scheduler REST-JSON API. */
class EventBridgeSchedulerTest {
  static final String TARGET = "arn:aws:lambda:ap-southeast-1:123456789012:function:doithoai-deadlines:live";
  static final String ROLE = "arn:aws:iam::123456789012:role/doithoai-scheduler";
  static final String DLQ = "arn:aws:sqs:ap-southeast-1:123456789012:doithoai-schedules-dlq";
  /** 2025-11-03 09:15:20 in Hà Nội. */
  static final Instant NOW = Instant.parse("2025-11-03T02:15:20Z");

  private StubServer stub;
  private SchedulerClient client;
  private EventBridgeScheduler scheduler;

  @BeforeEach
  void setUp() throws Exception {
    stub = new StubServer();
    System.setProperty(AwsClients.SCHEDULER_ENDPOINT, stub.url());
    System.setProperty(DynamoClients.REGION, "ap-southeast-1");
    client = AwsClients.buildScheduler();
    scheduler = new EventBridgeScheduler(client, "doithoai-deadlines", TARGET, ROLE, DLQ,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void tearDown() {
    System.clearProperty(AwsClients.SCHEDULER_ENDPOINT);
    System.clearProperty(DynamoClients.REGION);
    client.close();
    stub.close();
  }

  static ScheduleSpec spec(Instant at) {
    Step step = new Step("reminder-1", Step.Kind.REMINDER, at, List.of(Recipient.OFFICE), List.of(Recipient.HOST));
    PlanDeadline d = new PlanDeadline("p_01", "m1", "notice", "Thông báo công khai thời gian, địa điểm đối thoại",
        Role.OFFICE, LocalDate.of(2025, 11, 10), Instant.parse("2025-11-10T01:00:00Z"), "vn-2025.3", 4,
        Fixtures.CID, "Kế hoạch đối thoại năm 2025", Optional.empty(), List.of(step));
    return ScheduleSpec.of(d, step);
  }

  @Test
  @SuppressWarnings("unchecked")
  void createsOneTimeScheduleInVietnamWallTimeWithEveryTargetSetting() {
    stub.respond(r -> StubServer.Reply.json(200,
        "{\"ScheduleArn\":\"arn:aws:scheduler:ap-southeast-1:123456789012:schedule/g/n\"}"));
    // 08:00:30 in Hà Nội: the seconds are dropped (minute precision)
    ScheduleSpec spec = spec(Instant.parse("2025-11-06T01:00:30Z"));

    assertEquals(EventBridgeScheduler.Created.CREATED, scheduler.createSchedule(spec));

    List<StubServer.Request> requests = stub.requests();
    assertEquals(1, requests.size());
    StubServer.Request r = requests.get(0);
    assertEquals("POST", r.method());
    assertEquals("/schedules/" + spec.name(), r.pathOnly());
    assertTrue(spec.name().matches("[0-9a-zA-Z_.-]{1,64}"), spec.name());
    assertTrue(r.header("authorization").contains("/ap-southeast-1/scheduler/aws4_request"), r.header("authorization"));
    Map<String, Object> body = r.json();
    assertEquals("doithoai-deadlines", body.get("GroupName"));
    assertEquals("at(2025-11-06T08:00:00)", body.get("ScheduleExpression"));
    assertEquals("Asia/Ho_Chi_Minh", body.get("ScheduleExpressionTimezone"));
    assertEquals(Map.of("Mode", "OFF"), body.get("FlexibleTimeWindow"));
    assertEquals("DELETE", body.get("ActionAfterCompletion"));
    assertEquals("ENABLED", body.get("State"));
    assertNotNull(body.get("ClientToken"));
    String description = (String) body.get("Description");
    assertEquals("Doi thoai: reminder-1 of p_01#m1#notice", description);
    Map<String, Object> target = (Map<String, Object>) body.get("Target");
    assertEquals(TARGET, target.get("Arn"));
    assertEquals(ROLE, target.get("RoleArn"));
    assertEquals(Map.of("commune", Fixtures.CID, "deadline", "p_01#m1#notice", "step", "reminder-1", "version", 4),
        Json.readObject((String) target.get("Input")));
    assertEquals(Json.write(spec.input()), target.get("Input"));
    Map<String, Object> retry = (Map<String, Object>) target.get("RetryPolicy");
    assertEquals(10, ((Number) retry.get("MaximumRetryAttempts")).intValue());
    assertEquals(86400, ((Number) retry.get("MaximumEventAgeInSeconds")).intValue());
    assertEquals(Map.of("Arn", DLQ), target.get("DeadLetterConfig"));
    assertEquals(Map.of("Arn", TARGET, "RoleArn", ROLE, "Input", target.get("Input"), "RetryPolicy", retry,
        "DeadLetterConfig", Map.of("Arn", DLQ)), target, "no other target field");
  }

  @Test
  void aScheduleThatExistsIsSuccess() {
    stub.respond(r -> StubServer.Reply.error(409, "ConflictException",
        "Schedule dt-x already exists."));
    ScheduleSpec spec = spec(Instant.parse("2025-11-06T01:00:00Z"));

    assertEquals(EventBridgeScheduler.Created.ALREADY_EXISTS, scheduler.createSchedule(spec));
    assertFalse(scheduler.create(spec), "already there: not counted as created");
    assertEquals(2, stub.requests().size(), "a 409 is not retried");
  }

  @Test
  void aStepIsScheduledWithOneCreateScheduleAndNoGetSchedule() {
    java.util.Set<String> made = java.util.concurrent.ConcurrentHashMap.newKeySet();
    stub.respond(r -> made.add(r.pathOnly()) ? StubServer.Reply.json(200, "{\"ScheduleArn\":\"arn\"}")
        : StubServer.Reply.error(409, "ConflictException", "Schedule already exists."));
    ScheduleSpec spec = spec(Instant.parse("2025-11-06T01:00:00Z"));

    assertTrue(scheduler.create(spec), "a new name: created");
    assertFalse(scheduler.create(spec), "the same name again: ConflictException, already there");
    List<StubServer.Request> requests = stub.requests();
    assertEquals(List.of("POST", "POST"), requests.stream().map(StubServer.Request::method).toList(),
        "CreateSchedule only, never a GetSchedule first");
  }

  @Test
  void otherRefusalsAreThrown() {
    stub.respond(r -> StubServer.Reply.error(400, "ValidationException", "Invalid RoleArn"));
    ScheduleSpec spec = spec(Instant.parse("2025-11-06T01:00:00Z"));
    assertThrows(ValidationException.class, () -> scheduler.create(spec));
  }

  @Test
  void deleteIsIdempotent() {
    stub.respond(r -> StubServer.Reply.json(200, "{}"));
    scheduler.delete("dt-abc-v4-due");
    stub.respond(r -> StubServer.Reply.error(404, "ResourceNotFoundException", "Schedule dt-abc-v4-due does not exist."));
    scheduler.delete("dt-abc-v4-due");

    List<StubServer.Request> requests = stub.requests();
    assertEquals(2, requests.size());
    for (StubServer.Request r : requests) {
      assertEquals("DELETE", r.method());
      assertEquals("/schedules/dt-abc-v4-due", r.pathOnly());
      assertTrue(r.path().contains("groupName=doithoai-deadlines"), r.path());
    }
  }

  @Test
  void existsAsksGetSchedule() {
    stub.respond(r -> StubServer.Reply.json(200, "{\"Name\":\"dt-abc-v4-due\",\"GroupName\":\"doithoai-deadlines\","
        + "\"ScheduleExpression\":\"at(2025-11-06T08:00:00)\",\"State\":\"ENABLED\"}"));
    assertTrue(scheduler.exists("dt-abc-v4-due"));
    stub.respond(r -> StubServer.Reply.error(404, "ResourceNotFoundException", "Schedule dt-abc-v4-due does not exist."));
    assertFalse(scheduler.exists("dt-abc-v4-due"));

    for (StubServer.Request r : stub.requests()) {
      assertEquals("GET", r.method());
      assertEquals("/schedules/dt-abc-v4-due", r.pathOnly());
      assertTrue(r.path().contains("groupName=doithoai-deadlines"), r.path());
    }
  }

  @Test
  void anInstantInTheCurrentMinuteIsScheduledForTheNextOne() {
    stub.respond(r -> StubServer.Reply.json(200, "{\"ScheduleArn\":\"arn\"}"));
    // 09:15:50 in Hà Nội while it is 09:15:20: at(09:15:00) would be in the past and never fire
    assertEquals(EventBridgeScheduler.Created.MOVED_TO_NEXT_MINUTE,
        scheduler.createSchedule(spec(Instant.parse("2025-11-03T02:15:50Z"))));
    // missed by five minutes (a slow call): still scheduled, for the next minute
    assertEquals(EventBridgeScheduler.Created.MOVED_TO_NEXT_MINUTE,
        scheduler.createSchedule(spec(Instant.parse("2025-11-03T02:10:00Z"))));
    for (StubServer.Request r : stub.requests()) {
      assertEquals("at(2025-11-03T09:16:00)", r.json().get("ScheduleExpression"));
    }
    // the first whole minute after now is kept as it is
    stub.clear();
    scheduler.create(spec(Instant.parse("2025-11-03T02:16:00Z")));
    assertEquals("at(2025-11-03T09:16:00)", stub.requests().get(0).json().get("ScheduleExpression"));
  }

  @Test
  void anInstantLongPastIsNotCreatedAndNeverThrows() {
    stub.respond(r -> StubServer.Reply.error(400, "ValidationException", "at() expression is in the past"));
    assertEquals(EventBridgeScheduler.Created.SKIPPED_PAST,
        scheduler.createSchedule(spec(Instant.parse("2025-11-02T01:00:00Z"))));
    assertEquals(0, stub.requests().size(), "no request for a step the reconciler handles");
    // the service's clock ahead of ours: its refusal of an instant a minute away is not an error either
    assertEquals(EventBridgeScheduler.Created.SKIPPED_PAST,
        scheduler.createSchedule(spec(Instant.parse("2025-11-03T02:16:10Z"))));
    assertEquals(1, stub.requests().size());
  }

  @Test
  void withoutGroupOrDeadLetterQueueThoseFieldsAreOmitted() {
    stub.respond(r -> StubServer.Reply.json(200, "{\"ScheduleArn\":\"arn\"}"));
    EventBridgeScheduler plain = new EventBridgeScheduler(client, null, TARGET, ROLE, " ",
        Clock.fixed(NOW, ZoneOffset.UTC));
    plain.create(spec(Instant.parse("2025-11-06T01:00:00Z")));
    plain.delete("dt-abc-v4-due");
    Map<String, Object> body = stub.requests().get(0).json();
    assertFalse(body.containsKey("GroupName"));
    assertFalse(((Map<?, ?>) body.get("Target")).containsKey("DeadLetterConfig"));
    assertFalse(stub.requests().get(1).path().contains("groupName"));
  }

  @Test
  void descriptionIsPrintableAsciiAndAtMost512() {
    ScheduleSpec spec = new ScheduleSpec("dt-x", NOW, Map.of("step", "nhắc-1", "deadline", "Đ".repeat(600)));
    String d = EventBridgeScheduler.description(spec);
    assertEquals(512, d.length());
    assertTrue(d.startsWith("Doi thoai: nhac-1 of DDD"), d);
    assertTrue(d.chars().allMatch(c -> c >= 0x20 && c < 0x7F));
    assertEquals("Doi thoai: due of ??", EventBridgeScheduler.description(
        new ScheduleSpec("dt-y", NOW, Map.of("step", "due", "deadline", "中文"))));
  }

  @Test
  void theEnvironmentNamesTheTargetAndRole() {
    System.setProperty(EventBridgeScheduler.TARGET_ARN, TARGET);
    try {
      assertThrows(IllegalStateException.class, () -> EventBridgeScheduler.fromEnvironment(Clock.systemUTC()));
    } finally {
      System.clearProperty(EventBridgeScheduler.TARGET_ARN);
    }
  }
}
