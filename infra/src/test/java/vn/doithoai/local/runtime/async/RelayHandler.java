package vn.doithoai.local.runtime.async;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The outbox relay of the fixture: an item with {@code event} and {@code detail} is published to the bus;
 * one with {@code failOnce} fails the first time it is seen (reported as a batch item failure).
 */
public final class RelayHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
  public static final Set<String> FAILED = ConcurrentHashMap.newKeySet();

  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    for (DynamodbEvent.DynamodbStreamRecord r : event.getRecords()) {
      Map<String, AttributeValue> item = r.getDynamodb().getNewImage();
      Clients.LOG.add("relay " + r.getEventName() + " " + r.getDynamodb().getKeys().get("pk").getS() + " "
          + r.getEventSourceARN());
      if (item == null || !item.containsKey("event")) {
        continue;
      }
      if (item.containsKey("failOnce") && FAILED.add(r.getEventID())) {
        return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(
            r.getDynamodb().getSequenceNumber())));
      }
      Clients.publish(item.get("event").getS(), item.get("detail").getS());
    }
    return new StreamsEventResponse();
  }
}
