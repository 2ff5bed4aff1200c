package vn.doithoai.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import vn.doithoai.core.events.BusEvent;

/** The exact PutEvents calls, against a stub of the EventBridge JSON 1.1 API. */
class EventBridgePublisherTest {
  static final Instant NOW = Instant.parse("2025-11-03T02:15:20Z");

  private StubServer stub;
  private EventBridgeClient client;
  private EventBridgePublisher publisher;

  @BeforeEach
  void setUp() throws Exception {
    stub = new StubServer();
    System.setProperty(AwsClients.EVENTBRIDGE_ENDPOINT, stub.url());
    client = AwsClients.buildEventBridge();
    publisher = new EventBridgePublisher(client, "doithoai-bus", Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void tearDown() {
    System.clearProperty(AwsClients.EVENTBRIDGE_ENDPOINT);
    client.close();
    stub.close();
  }

  static List<BusEvent> events(int n) {
    List<BusEvent> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new BusEvent("doithoai.opinions", "OpinionReceived",
          "{\"n\":" + i + ",\"commune\":\"xa-tan-thanh\",\"title\":\"Đường liên thôn Nà Pàn\"}"));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> entries(StubServer.Request r) {
    return (List<Map<String, Object>>) r.json().get("Entries");
  }

  static int n(Map<String, Object> entry) {
    return ((Number) vn.doithoai.core.common.Json.readObject((String) entry.get("Detail")).get("n")).intValue();
  }

  /** Answers each entry: failed with the code {@code failure} returns for it, or given an event id. */
  static Function<StubServer.Request, StubServer.Reply> answer(Function<Map<String, Object>, String> failure) {
    return r -> {
      StringBuilder sb = new StringBuilder("{\"Entries\":[");
      int failed = 0;
      List<Map<String, Object>> list = entries(r);
      for (int i = 0; i < list.size(); i++) {
        String code = failure.apply(list.get(i));
        sb.append(i == 0 ? "" : ",");
        if (code == null) {
          sb.append("{\"EventId\":\"ev-").append(n(list.get(i))).append("\"}");
        } else {
          failed++;
          sb.append("{\"ErrorCode\":\"").append(code).append("\",\"ErrorMessage\":\"failed\"}");
        }
      }
      return StubServer.Reply.json(200, sb.append("],\"FailedEntryCount\":").append(failed).append('}').toString());
    };
  }

  @Test
  void twentyFiveEventsAreThreeRequestsOfAtMostTen() {
    stub.respond(answer(e -> null));
    List<BusEvent> events = events(25);

    assertEquals(List.of(), publisher.publish(events));

    List<StubServer.Request> requests = stub.requests();
    assertEquals(3, requests.size());
    assertEquals(List.of(10, 10, 5), requests.stream().map(r -> entries(r).size()).toList());
    int next = 0;
    for (StubServer.Request r : requests) {
      assertEquals("POST", r.method());
      assertEquals("/", r.pathOnly());
      assertEquals("AWSEvents.PutEvents", r.header("x-amz-target"));
      assertTrue(r.header("content-type").startsWith("application/x-amz-json-1.1"), r.header("content-type"));
      for (Map<String, Object> entry : entries(r)) {
        assertEquals("doithoai-bus", entry.get("EventBusName"));
        assertEquals("doithoai.opinions", entry.get("Source"));
        assertEquals("OpinionReceived", entry.get("DetailType"));
        assertEquals(events.get(next).detail(), entry.get("Detail"), "detail passed byte for byte, in order");
        assertEquals(NOW.getEpochSecond(), ((Number) entry.get("Time")).longValue());
        next++;
      }
    }
    assertEquals(25, next);
  }

  @Test
  void onlyTheFailedEntriesAreSentAgain() {
    Set<Integer> flaky = Set.of(2, 7, 13);
    Map<Integer, Integer> seen = new HashMap<>();
    stub.respond(answer(e -> {
      int n = n(e);
      int times = seen.merge(n, 1, Integer::sum);
      return flaky.contains(n) && times == 1 ? (n == 7 ? "ThrottlingException" : "InternalFailure") : null;
    }));

    assertEquals(List.of(), publisher.publish(events(15)));

    List<StubServer.Request> requests = stub.requests();
    assertEquals(4, requests.size(), "batch 1, its retry, batch 2, its retry");
    assertEquals(List.of(2, 7), entries(requests.get(1)).stream().map(EventBridgePublisherTest::n).toList());
    assertEquals(List.of(13), entries(requests.get(3)).stream().map(EventBridgePublisherTest::n).toList());
  }

  @Test
  void entriesThatKeepFailingAreReturnedAfterFourRetries() {
    stub.respond(answer(e -> switch (n(e)) {
      case 1 -> "InternalFailure";
      case 3 -> "MalformedDetail";
      default -> null;
    }));

    assertEquals(List.of(1, 3), publisher.publish(events(5)));

    List<StubServer.Request> requests = stub.requests();
    assertEquals(5, requests.size(), "one request and four retries");
    for (StubServer.Request r : requests.subList(1, 5)) {
      assertEquals(List.of(1), entries(r).stream().map(EventBridgePublisherTest::n).toList(),
          "a malformed entry is not retried");
    }
  }

  @Test
  void aBatchThatThrowsFailsWhole() {
    stub.respond(r -> entries(r).size() == 5
        ? StubServer.Reply.error(400, "AccessDeniedException", "not allowed")
        : answer(e -> null).apply(r));

    assertEquals(List.of(10, 11, 12, 13, 14), publisher.publish(events(15)));

    assertEquals(List.of(10, 5, 5, 5, 5, 5), stub.requests().stream().map(r -> entries(r).size()).toList());
  }

  @Test
  void batchesStayUnder256KiB() {
    stub.respond(answer(e -> null));
    String big = "x".repeat(100_000);
    List<BusEvent> events = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      events.add(new BusEvent("doithoai.plans", "PlanAnnounced", "{\"n\":" + i + ",\"pad\":\"" + big + "\"}"));
    }
    events.add(new BusEvent("doithoai.plans", "PlanAnnounced", "{\"n\":5,\"pad\":\"" + "y".repeat(270_000) + "\"}"));

    assertEquals(List.of(5), publisher.publish(events), "an entry over 256 KB can never be sent");

    assertEquals(List.of(2, 2, 1), stub.requests().stream().map(r -> entries(r).size()).toList());
    for (StubServer.Request r : stub.requests()) {
      assertTrue(r.body().length < 262_144 + 2_000, "request of " + r.body().length + " bytes");
    }
  }

  @Test
  void nothingToPublishSendsNothing() {
    assertEquals(List.of(), publisher.publish(List.of()));
    assertEquals(0, stub.requests().size());
  }
}
