package vn.doithoai.aws;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import vn.doithoai.core.events.BusEvent;
import vn.doithoai.core.events.EventPublisher;

/**
 * PutEvents to the bus named by {@code EVENT_BUS_NAME}, in batches of at most 10 entries and 256 KB (entry
 * size as EventBridge counts it: 14 bytes for the time plus the UTF-8 bytes of source, detail type and
 * detail). Entries that fail ({@code FailedEntryCount} > 0, an {@code ErrorCode} per entry) are sent again,
 * only they, up to {@link #RETRIES} times with a jittered backoff from 50 ms doubling; a whole batch that
 * throws is retried the same way. Entries refused for what they are (malformed detail, not authorised, over
 * the size limit) are not retried. The indexes, into the caller's list, of the entries that still failed are
 * returned, in order, for the caller to keep (the stream relay lets the batch be retried).
 */
public final class EventBridgePublisher implements EventPublisher {
  public static final String BUS_NAME = "EVENT_BUS_NAME";
  static final int MAX_ENTRIES = 10;
  static final int MAX_REQUEST_BYTES = 256 * 1024;
  static final int RETRIES = 4;
  static final long BASE_BACKOFF_MS = 50;
  /** Per-entry error codes that a retry cannot fix. */
  static final Set<String> PERMANENT = Set.of("MalformedDetail", "InvalidArgument", "ValidationException",
      "NotAuthorizedForSourceException", "NotAuthorizedForDetailTypeException", "AccessDeniedException");

  private final EventBridgeClient client;
  private final String busName;
  private final Clock clock;

  public EventBridgePublisher(EventBridgeClient client, String busName, Clock clock) {
    this.client = Objects.requireNonNull(client);
    this.busName = Objects.requireNonNull(busName, "bus name");
    this.clock = Objects.requireNonNull(clock);
  }

  /** The shared client and the bus named by {@code EVENT_BUS_NAME} (required). */
  public static EventBridgePublisher fromEnvironment(Clock clock) {
    String bus = AwsClients.required(BUS_NAME);
    return new EventBridgePublisher(AwsClients.eventBridge(), bus, clock);
  }

  @Override
  public List<Integer> publish(List<BusEvent> events) {
    Set<Integer> failed = new TreeSet<>();
    List<Integer> batch = new ArrayList<>();
    long batchBytes = 0;
    for (int i = 0; i < events.size(); i++) {
      long size = entrySize(events.get(i));
      if (size > MAX_REQUEST_BYTES) {
        failed.add(i); // can never be sent
        continue;
      }
      if (batch.size() == MAX_ENTRIES || batchBytes + size > MAX_REQUEST_BYTES) {
        failed.addAll(send(events, batch));
        batch = new ArrayList<>();
        batchBytes = 0;
      }
      batch.add(i);
      batchBytes += size;
    }
    if (!batch.isEmpty()) {
      failed.addAll(send(events, batch));
    }
    return List.copyOf(failed);
  }

  /** Sends one batch with its retries; returns the indexes that still failed. */
  private List<Integer> send(List<BusEvent> events, List<Integer> indexes) {
    List<Integer> pending = indexes;
    List<Integer> permanent = new ArrayList<>();
    for (int attempt = 0; ; attempt++) {
      if (attempt > 0) {
        backoff(attempt);
      }
      List<Integer> retry = new ArrayList<>();
      Instant now = clock.instant();
      List<PutEventsRequestEntry> entries = new ArrayList<>();
      for (int i : pending) {
        BusEvent e = events.get(i);
        entries.add(PutEventsRequestEntry.builder().eventBusName(busName).source(e.source())
            .detailType(e.detailType()).detail(e.detail()).time(now).build());
      }
      try {
        PutEventsResponse r = client.putEvents(b -> b.entries(entries));
        if (r.failedEntryCount() != null && r.failedEntryCount() > 0) {
          List<PutEventsResultEntry> results = r.entries();
          for (int k = 0; k < pending.size(); k++) {
            PutEventsResultEntry result = k < results.size() ? results.get(k) : null;
            if (result == null || result.errorCode() != null || result.eventId() == null) {
              String code = result == null ? null : result.errorCode();
              (code != null && PERMANENT.contains(code) ? permanent : retry).add(pending.get(k));
            }
          }
        }
      } catch (SdkException e) {
        retry.addAll(pending);
      }
      if (retry.isEmpty() || attempt == RETRIES) {
        List<Integer> out = new ArrayList<>(permanent);
        out.addAll(retry);
        return out;
      }
      pending = retry;
    }
  }

  /** EventBridge's entry size: 14 bytes for Time, plus the UTF-8 bytes of Source, DetailType and Detail. */
  static long entrySize(BusEvent e) {
    return 14 + utf8(e.source()) + utf8(e.detailType()) + utf8(e.detail());
  }

  private static long utf8(String s) {
    return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Full jitter between half and all of 50 ms × 2^(attempt-1). */
  static void backoff(int attempt) {
    long cap = BASE_BACKOFF_MS << Math.min(attempt - 1, 10);
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry PutEvents", e);
    }
  }
}
