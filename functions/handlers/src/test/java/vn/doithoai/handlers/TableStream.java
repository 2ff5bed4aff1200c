package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The table's stream read as Lambda's event source mapping reads it: every shard from its start, then on
 * from where the last read stopped; records in sequence order, in the lambda-events model the relay gets.
 */
final class TableStream {
  private final DynamoDbStreamsClient streams;
  private final String streamArn;
  private final Map<String, String> iterators = new LinkedHashMap<>();

  TableStream(DynamoDbStreamsClient streams, String streamArn) {
    this.streams = streams;
    this.streamArn = streamArn;
  }

  /** The records written since the last call. */
  List<DynamodbEvent.DynamodbStreamRecord> next() {
    for (Shard s : streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards()) {
      iterators.computeIfAbsent(s.shardId(), id -> streams.getShardIterator(b -> b.streamArn(streamArn)
          .shardId(id).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
    }
    List<Record> records = new ArrayList<>();
    for (Map.Entry<String, String> shard : iterators.entrySet()) {
      String iterator = shard.getValue();
      while (iterator != null) {
        String current = iterator;
        GetRecordsResponse r = streams.getRecords(b -> b.shardIterator(current).limit(1000));
        records.addAll(r.records());
        iterator = r.nextShardIterator();
        shard.setValue(iterator == null ? current : iterator);
        if (r.records().isEmpty()) {
          break;
        }
      }
    }
    records.sort(Comparator.comparing(r -> new java.math.BigInteger(r.dynamodb().sequenceNumber())));
    return records.stream().map(this::convert).toList();
  }

  private DynamodbEvent.DynamodbStreamRecord convert(Record r) {
    DynamodbEvent.DynamodbStreamRecord out = new DynamodbEvent.DynamodbStreamRecord();
    out.setEventID(r.eventID());
    out.setEventName(r.eventNameAsString());
    out.setEventVersion(r.eventVersion());
    out.setEventSource("aws:dynamodb");
    out.setEventSourceARN(streamArn);
    var d = r.dynamodb();
    StreamRecord s = new StreamRecord();
    s.setKeys(d.hasKeys() ? convert(d.keys()) : null);
    s.setNewImage(d.hasNewImage() ? convert(d.newImage()) : null);
    s.setOldImage(d.hasOldImage() ? convert(d.oldImage()) : null);
    s.setSequenceNumber(d.sequenceNumber());
    s.setSizeBytes(d.sizeBytes());
    s.setStreamViewType(StreamViewType.fromValue(d.streamViewTypeAsString()));
    out.setDynamodb(s);
    return out;
  }

  private static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> convert(
      Map<String, AttributeValue> item) {
    Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> out =
        new LinkedHashMap<>();
    item.forEach((k, v) -> out.put(k, convert(v)));
    return out;
  }

  private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue convert(
      AttributeValue v) {
    var out = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
    switch (v.type()) {
      case S -> out.setS(v.s());
      case N -> out.setN(v.n());
      case B -> out.setB(v.b().asByteBuffer());
      case SS -> out.setSS(v.ss());
      case NS -> out.setNS(v.ns());
      case BS -> out.setBS(v.bs().stream().map(b -> b.asByteBuffer()).toList());
      case M -> out.setM(convert(v.m()));
      case L -> out.setL(v.l().stream().map(TableStream::convert).toList());
      case BOOL -> out.setBOOL(v.bool());
      case NUL -> out.setNULL(Boolean.TRUE);
      default -> throw new IllegalArgumentException("attribute type " + v.type());
    }
    return out;
  }
}
