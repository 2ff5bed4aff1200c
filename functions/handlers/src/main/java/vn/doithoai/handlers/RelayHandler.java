package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.ArrayList;
import java.util.List;
import vn.doithoai.core.events.BusEvent;
import vn.doithoai.core.events.EventPublisher;
import vn.doithoai.handlers.observability.Invocation;

/**
 * The outbox relay: the table's stream to the event bus. Records that fail to publish after the
 * publisher's retries are reported as batch item failures from the first one on, so Lambda retries them
 * (and, failing that, sends them to the stream's on-failure queue): nothing is skipped.
 */
public final class RelayHandler extends Edge.Handler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
  private final EventPublisher publisher;

  public RelayHandler() {
    this(App.get().eventPublisher());
    this.edge = App.get().edge();
  }

  RelayHandler(EventPublisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    Invocation invocation = Invocation.start(context, Invocation.Step.STREAM_RELAY);
    return edge.run(invocation, () -> relay(event, invocation));
  }

  private StreamsEventResponse relay(DynamodbEvent event, Invocation invocation) {
    List<BusEvent> events = new ArrayList<>();
    List<String> sequence = new ArrayList<>();
    for (DynamodbEvent.DynamodbStreamRecord r : event.getRecords()) {
      StreamEvents.of(r).ifPresent(e -> {
        events.add(e);
        sequence.add(r.getDynamodb().getSequenceNumber());
      });
    }
    List<Integer> failed = events.isEmpty() ? List.of() : publisher.publish(events);
    List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
    String retryFrom = null;
    if (!failed.isEmpty()) {
      int first = failed.stream().min(Integer::compare).orElseThrow();
      retryFrom = sequence.get(first);
      failures.add(StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(retryFrom).build());
    }
    // storage counted for the records that are through, so that the ones Lambda retries are counted once
    for (DynamodbEvent.DynamodbStreamRecord r : event.getRecords()) {
      if (retryFrom != null && retryFrom.equals(r.getDynamodb().getSequenceNumber())) {
        break;
      }
      StoredUsage.count(r, invocation);
    }
    invocation.count(Invocation.Count.RECORDS, event.getRecords().size()).count(Invocation.Count.EVENTS,
        events.size()).count(Invocation.Count.FAILED, failed.size());
    return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
  }
}
