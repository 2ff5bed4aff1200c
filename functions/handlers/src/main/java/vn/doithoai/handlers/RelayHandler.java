package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.doithoai.core.events.BusEvent;
import vn.doithoai.core.events.EventPublisher;
import vn.doithoai.core.intake.AcknowledgingOpinion;
import vn.doithoai.core.opinion.Channel;
import vn.doithoai.core.usage.UsageCounter;
import vn.doithoai.handlers.observability.Invocation;

/**
 * The outbox relay: the table's stream to the event bus. Records that fail to publish after the
 * publisher's retries are reported as batch item failures from the first one on, so Lambda retries them
 * (and, failing that, sends them to the stream's on-failure queue): nothing is skipped. An opinion's insert
 * also queues its acknowledgement ({@link AcknowledgingOpinion}: once, however often the record comes) and,
 * for one that came through the intake (webhook, hosted form), counts it in the commune's usage, so that the
 * intake request itself writes the opinion and one usage item only.
 */
public final class RelayHandler extends Edge.Handler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
  private final EventPublisher publisher;
  private final AcknowledgingOpinion acknowledging;

  public RelayHandler() {
    this(App.get().eventPublisher(), App.get().acknowledgingOpinion());
    this.edge = App.get().edge();
  }

  /** The relay alone (tests of the bus side): no acknowledgements queued. */
  RelayHandler(EventPublisher publisher) {
    this(publisher, null);
  }

  RelayHandler(EventPublisher publisher, AcknowledgingOpinion acknowledging) {
    this.publisher = publisher;
    this.acknowledging = acknowledging;
  }

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    Invocation invocation = Invocation.start(context, Invocation.Step.STREAM_RELAY);
    return edge.run(invocation, () -> relay(event, invocation));
  }

  private StreamsEventResponse relay(DynamodbEvent event, Invocation invocation) {
    List<BusEvent> events = new ArrayList<>();
    List<String> sequence = new ArrayList<>();
    String retryFrom = null;
    long acknowledged = 0;
    for (DynamodbEvent.DynamodbStreamRecord r : event.getRecords()) {
      try {
        acknowledged += acknowledge(r, invocation);
      } catch (RuntimeException e) {
        // the acknowledgement could not be queued (throttled, say): this record and the ones after it again
        invocation.failure(e);
        retryFrom = r.getDynamodb().getSequenceNumber();
        break;
      }
      StreamEvents.of(r).ifPresent(e -> {
        events.add(e);
        sequence.add(r.getDynamodb().getSequenceNumber());
      });
    }
    List<Integer> failed = events.isEmpty() ? List.of() : publisher.publish(events);
    List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
    if (!failed.isEmpty()) {
      int first = failed.stream().min(Integer::compare).orElseThrow();
      retryFrom = sequence.get(first);
    }
    if (retryFrom != null) {
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
        events.size()).count(Invocation.Count.FAILED, failed.size()).count(Invocation.Count.ACKNOWLEDGED, acknowledged);
    return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
  }

  /** An opinion's insert: its acknowledgement queued, and, from the intake, one opinion in the usage. */
  private int acknowledge(DynamodbEvent.DynamodbStreamRecord r, Invocation invocation) {
    if (acknowledging == null) {
      return 0;
    }
    Optional<StreamEvents.Inserted> inserted = StreamEvents.insertedOpinion(r);
    if (inserted.isEmpty()) {
      return 0;
    }
    StreamEvents.Inserted i = inserted.get();
    if (i.channel().filter(INTAKE_CHANNELS::contains).isPresent()) {
      invocation.usage(i.communeId(), UsageCounter.OPINIONS, 1);
    }
    return i.opinion().isPresent() ? acknowledging.acknowledge(i.opinion().get())
        : acknowledging.acknowledge(i.communeId(), i.opinionId());
  }

  /** The channels of the intake function, whose requests do not count the opinion themselves. */
  static final java.util.Set<Channel> INTAKE_CHANNELS = java.util.EnumSet.of(Channel.WEBSITE, Channel.PUBLIC_FORM,
      Channel.PUBLIC_FORM_UNVERIFIED);
}
