package vn.doithoai.core.events;

import java.util.List;

/** Port: publishes events to the bus (EventBridge PutEvents). Returns the indexes that still failed. */
public interface EventPublisher {
  List<Integer> publish(List<BusEvent> events);
}
