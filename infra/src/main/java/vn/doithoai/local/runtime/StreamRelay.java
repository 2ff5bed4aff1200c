package vn.doithoai.local.runtime;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import vn.doithoai.core.common.Json;

/**
 * The Lambda event source mapping of each {@code Type: DynamoDB} event of the template, locally: polls the
 * table's stream in DynamoDB Local (turning the stream on if the table has none), and hands the records,
 * in order, in batches of at most {@code BatchSize}, to the function as a {@link DynamodbEvent}. A batch that
 * throws is retried whole; with {@code FunctionResponseTypes: [ReportBatchItemFailures]} a
 * {@link StreamsEventResponse} (or a Map of that shape) naming failed sequence numbers makes the relay go on
 * from the lowest of them, the records before it done — as Lambda does. With
 * {@code BisectBatchOnFunctionError} a batch that throws is split in two and the halves retried, down to the
 * record at fault. After {@code MaximumRetryAttempts} (default -1: until it succeeds; retries are quick
 * locally) a batch is parked in the dead letters with its {@code OnFailure} destination. The last sequence number done per shard is kept
 * in {@code <data>/stream.json}, so a restart neither loses nor replays; the first start reads from the
 * event's {@code StartingPosition}.
 */
final class StreamRelay implements AutoCloseable {
  private static final long POLL_MILLIS = 200;
  private static final long[] BACKOFF_MILLIS = {100, 200, 400, 800, 1000};

  private static final class ShardState {
    final String id;
    final String parent;
    String checkpoint; // last sequence number done
    boolean done;
    String iterator;
    List<Record> buffer = new ArrayList<>();
    int attempts;
    int limit; // after a bisection: how many records of the buffer the next delivery takes; 0: all
    long retryAt; // System.nanoTime()

    ShardState(String id, String parent) {
      this.id = id;
      this.parent = parent;
    }
  }

  private static final class Mapping {
    final String key;
    final String functionId;
    final String table;
    final String startingPosition;
    final int batchSize;
    final int maxRetries;
    final boolean reportFailures;
    final boolean bisect;
    final String onFailure;
    String streamArn;
    final Map<String, ShardState> shards = new LinkedHashMap<>();
    long refreshedAt;
    boolean warnedIgnoredFailures;

    Mapping(String key, String functionId, String table, String startingPosition, int batchSize, int maxRetries,
        boolean reportFailures, boolean bisect, String onFailure) {
      this.key = key;
      this.functionId = functionId;
      this.table = table;
      this.startingPosition = startingPosition;
      this.batchSize = batchSize;
      this.maxRetries = maxRetries;
      this.reportFailures = reportFailures;
      this.bisect = bisect;
      this.onFailure = onFailure;
    }
  }

  private final List<Mapping> mappings = new ArrayList<>();
  private final DynamoDbClient dynamo;
  private final DynamoDbStreamsClient streams;
  private final LocalFunctions functions;
  private final LocalClock clock;
  private final Activity activity;
  private final DeadLetters deadLetters;
  private final PrintStream log;
  private final Path file;
  private Map<String, Object> saved;
  private Thread poller;
  private volatile boolean running;
  private final Object wake = new Object();
  private boolean nudged; // guarded by wake

  StreamRelay(TemplateModel model, DynamoDbClient dynamo, URI endpoint, LocalFunctions functions, LocalClock clock,
      Activity activity, DeadLetters deadLetters, Path dataDir, PrintStream log) {
    this.dynamo = dynamo;
    this.functions = functions;
    this.clock = clock;
    this.activity = activity;
    this.deadLetters = deadLetters;
    this.log = log;
    this.file = dataDir.resolve("stream.json");
    for (TemplateModel.FunctionEvent ev : model.otherEvents()) {
      if (!"DynamoDB".equals(ev.type())) {
        continue;
      }
      Map<String, Object> p = ev.properties();
      String table = tableOf(model, AwsHttp.string(p.get("Stream")));
      if (table == null) {
        log.println("warning: the DynamoDB event " + ev.functionId() + "/" + ev.name()
            + " names no stream of a template table: not relayed locally");
        continue;
      }
      Integer batch = AwsHttp.integer(p.get("BatchSize"));
      Integer retries = AwsHttp.integer(p.get("MaximumRetryAttempts"));
      boolean report = AwsHttp.list(p.get("FunctionResponseTypes")).contains("ReportBatchItemFailures");
      String start = AwsHttp.string(p.get("StartingPosition"));
      mappings.add(new Mapping(ev.functionId() + "/" + ev.name(), ev.functionId(), table,
          start == null ? "TRIM_HORIZON" : start, Math.max(1, Math.min(batch == null ? 100 : batch, 1000)),
          retries == null ? -1 : retries, report, Boolean.TRUE.equals(p.get("BisectBatchOnFunctionError")),
          AwsHttp.string(AwsHttp.map(AwsHttp.map(p.get("DestinationConfig")).get("OnFailure")).get("Destination"))));
    }
    this.streams = mappings.isEmpty() ? null : DynamoDbStreamsClient.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .region(Region.of(TemplateModel.REGION))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .endpointOverride(endpoint)
        .build();
    for (Mapping m : mappings) { // the stream on now, so that nothing written from here on is missed
      open(m);
    }
    List<String> fed = functionIds();
    functions.afterEachInvocation(fn -> {
      if (!fed.contains(fn)) { // a stream function's own writes are read by the drain that called it
        nudge();
      }
    });
  }

  /** Polls now rather than at the next 200 ms tick: a function has just written (or may have). */
  void nudge() {
    synchronized (wake) {
      nudged = true;
      wake.notifyAll();
    }
  }

  /** The table a stream ARN (as the template resolves {@code !GetAtt T.StreamArn}) belongs to. */
  private static String tableOf(TemplateModel model, String streamArn) {
    if (streamArn != null) {
      int t = streamArn.indexOf(":table/");
      int s = streamArn.indexOf("/stream/");
      if (t >= 0 && s > t) {
        return streamArn.substring(t + ":table/".length(), s);
      }
    }
    List<TemplateModel.Table> withStream = model.tables().stream().filter(x -> x.streamViewType() != null).toList();
    return withStream.size() == 1 ? withStream.get(0).tableName() : null;
  }

  boolean active() {
    return !mappings.isEmpty();
  }

  /** The functions fed by a stream (the outbox relays). */
  List<String> functionIds() {
    return mappings.stream().map(m -> m.functionId).toList();
  }

  /**
   * Starts polling in the background: at once after any function other than the stream's own has run (an API
   * call, a schedule, a bus delivery), else every 200 ms (writes made without a function: tests, the CLI).
   */
  StreamRelay start() {
    if (mappings.isEmpty()) {
      return this;
    }
    running = true;
    poller = new Thread(() -> {
      while (running) {
        try {
          drain();
        } catch (RuntimeException | Error e) {
          log.println("stream relay: " + e);
        }
        try {
          synchronized (wake) {
            if (!nudged) {
              wake.wait(POLL_MILLIS);
            }
            nudged = false;
          }
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "local-stream-relay");
    poller.setDaemon(true);
    poller.start();
    return this;
  }

  /**
   * Reads and delivers whatever is there now, until a round finds nothing new (a batch waiting to be retried
   * is left for its time); returns how many records were handed to a function.
   */
  synchronized int drain() {
    int total = 0;
    for (int round = 0; round < 1000; round++) {
      int n = 0;
      for (Mapping m : mappings) {
        n += poll(m);
      }
      total += n;
      if (n == 0) {
        break;
      }
    }
    return total;
  }

  /**
   * While a batch failed and waits for its retry: how many milliseconds until the earliest is due (0: now);
   * -1 when none waits.
   */
  synchronized long retryInMillis() {
    long now = System.nanoTime();
    return mappings.stream().flatMap(m -> m.shards.values().stream()).filter(s -> !s.buffer.isEmpty())
        .mapToLong(s -> Math.max(0, (s.retryAt - now + 999_999) / 1_000_000)).min().orElse(-1);
  }

  private int poll(Mapping m) {
    try {
      if (m.streamArn == null) {
        open(m);
      }
      if (m.shards.isEmpty() || System.nanoTime() - m.refreshedAt > 2_000_000_000L) {
        refreshShards(m);
      }
      int n = 0;
      for (ShardState s : new ArrayList<>(m.shards.values())) {
        ShardState parent = s.parent == null ? null : m.shards.get(s.parent);
        if (!s.done && (parent == null || parent.done)) {
          n += poll(m, s);
        }
      }
      return n;
    } catch (ResourceNotFoundException e) { // the table or stream went away (deleted, recreated)
      log.println("stream relay " + m.key + ": " + e.getMessage() + "; starting over");
      m.streamArn = null;
      m.shards.clear();
      return 0;
    }
  }

  /** Turns the table's stream on if need be; takes its ARN and the saved positions. */
  private void open(Mapping m) {
    TableDescription t = dynamo.describeTable(r -> r.tableName(m.table)).table();
    if (t.streamSpecification() == null || !Boolean.TRUE.equals(t.streamSpecification().streamEnabled())) {
      dynamo.updateTable(r -> r.tableName(m.table).streamSpecification(s -> s.streamEnabled(true)
          .streamViewType(software.amazon.awssdk.services.dynamodb.model.StreamViewType.NEW_AND_OLD_IMAGES)));
      t = dynamo.describeTable(r -> r.tableName(m.table)).table();
    }
    m.streamArn = t.latestStreamArn();
    Map<String, Object> state = AwsHttp.map(saved().get(m.key));
    if (m.streamArn.equals(state.get("streamArn"))) {
      AwsHttp.map(state.get("shards")).forEach((id, v) -> {
        Map<String, Object> s = AwsHttp.map(v);
        ShardState shard = new ShardState(id, AwsHttp.string(s.get("parent")));
        shard.checkpoint = AwsHttp.string(s.get("checkpoint"));
        shard.done = Boolean.TRUE.equals(s.get("done"));
        m.shards.put(id, shard);
      });
    }
  }

  private void refreshShards(Mapping m) {
    String last = null;
    do {
      String from = last;
      StreamDescription d = streams.describeStream(r -> r.streamArn(m.streamArn).exclusiveStartShardId(from))
          .streamDescription();
      for (Shard sh : d.shards()) {
        m.shards.computeIfAbsent(sh.shardId(), id -> new ShardState(id, sh.parentShardId()));
      }
      last = d.lastEvaluatedShardId();
    } while (last != null);
    m.refreshedAt = System.nanoTime();
  }

  private int poll(Mapping m, ShardState s) {
    if (s.buffer.isEmpty()) {
      try {
        if (s.iterator == null) {
          s.iterator = iterator(m, s);
        }
        GetRecordsResponse r = streams.getRecords(b -> b.shardIterator(s.iterator).limit(m.batchSize));
        s.buffer = new ArrayList<>(r.records());
        s.iterator = r.nextShardIterator();
        if (s.iterator == null && s.buffer.isEmpty()) {
          s.done = true; // closed, and read to its end
          save();
        }
      } catch (ExpiredIteratorException e) {
        s.iterator = null;
        return 0;
      } catch (TrimmedDataAccessException e) {
        log.println("stream relay " + m.key + ": records trimmed before " + s.checkpoint + "; from the oldest");
        s.iterator = null;
        s.checkpoint = null;
        return 0;
      }
      if (s.buffer.isEmpty()) {
        return 0;
      }
      s.attempts = 0;
    } else if (System.nanoTime() - s.retryAt < 0) {
      return 0; // waiting to retry
    }
    return deliver(m, s);
  }

  private String iterator(Mapping m, ShardState s) {
    if (s.checkpoint != null) {
      return streams.getShardIterator(r -> r.streamArn(m.streamArn).shardId(s.id)
          .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(s.checkpoint)).shardIterator();
    }
    ShardIteratorType type = "LATEST".equals(m.startingPosition) ? ShardIteratorType.LATEST
        : ShardIteratorType.TRIM_HORIZON;
    return streams.getShardIterator(r -> r.streamArn(m.streamArn).shardId(s.id).shardIteratorType(type))
        .shardIterator();
  }

  /**
   * Hands the shard's batch (or, after a bisection, its first part) to the function; returns the number of
   * records handed.
   */
  private int deliver(Mapping m, ShardState s) {
    int size = s.limit > 0 ? Math.min(s.limit, s.buffer.size()) : s.buffer.size();
    List<Record> batch = new ArrayList<>(s.buffer.subList(0, size));
    DynamodbEvent event = new DynamodbEvent();
    List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
    for (Record r : batch) {
      records.add(convert(r, m.streamArn));
    }
    event.setRecords(records);
    Object response;
    Throwable failure = null;
    activity.begin();
    try {
      response = functions.invoke(m.functionId, event);
    } catch (Throwable t) {
      response = null;
      failure = t;
    } finally {
      activity.end();
    }
    int failedFrom = failure != null ? 0 : firstFailed(m, batch, response);
    if (failedFrom < 0) { // all done
      done(s, batch, size);
      return size;
    }
    if (failedFrom > 0) { // the records before the first failure are done
      done(s, batch.subList(0, failedFrom), failedFrom);
      batch = batch.subList(failedFrom, batch.size());
    }
    String reason = failure != null ? String.valueOf(failure) : "batchItemFailures from "
        + batch.get(0).dynamodb().sequenceNumber();
    if (failure != null && m.bisect && batch.size() > 1) { // split in two, retry the first half
      s.limit = (batch.size() + 1) / 2;
      log.println("stream batch of " + batch.size() + " → " + m.functionId + " failed, bisected: " + reason);
      return size;
    }
    s.attempts++;
    log.println("stream batch → " + m.functionId + " failed (attempt " + s.attempts + "): " + reason);
    if (m.maxRetries >= 0 && s.attempts > m.maxRetries) {
      List<String> sequenceNumbers = batch.stream().map(r -> r.dynamodb().sequenceNumber()).toList();
      deadLetters.add("stream:" + m.key, m.onFailure, reason, Map.of("shard", s.id, "sequenceNumbers",
          sequenceNumbers), clock.instant());
      done(s, batch, batch.size());
    } else {
      s.retryAt = System.nanoTime() + BACKOFF_MILLIS[Math.min(s.attempts - 1, BACKOFF_MILLIS.length - 1)] * 1_000_000;
    }
    return size;
  }

  /** The first {@code n} records of the buffer are done (delivered, or parked): the checkpoint moves on. */
  private void done(ShardState s, List<Record> records, int n) {
    s.checkpoint = records.get(records.size() - 1).dynamodb().sequenceNumber();
    s.buffer = new ArrayList<>(s.buffer.subList(n, s.buffer.size()));
    s.attempts = 0;
    if (s.buffer.isEmpty()) {
      s.limit = 0;
    }
    save();
  }

  /**
   * The index of the first record to retry, from the function's answer; -1 when the batch is done. A failure
   * naming no record of the batch fails it whole (index 0), as Lambda treats it.
   */
  private int firstFailed(Mapping m, List<Record> batch, Object response) {
    List<String> ids = new ArrayList<>();
    boolean malformed = false;
    if (response instanceof StreamsEventResponse r && r.getBatchItemFailures() != null) {
      for (StreamsEventResponse.BatchItemFailure f : r.getBatchItemFailures()) {
        ids.add(f == null ? null : f.getItemIdentifier());
      }
    } else if (response instanceof Map<?, ?> map && map.get("batchItemFailures") instanceof List<?> l) {
      for (Object o : l) {
        ids.add(AwsHttp.string(AwsHttp.map(o).get("itemIdentifier")));
      }
    }
    if (ids.isEmpty()) {
      return -1;
    }
    if (!m.reportFailures) {
      if (!m.warnedIgnoredFailures) {
        log.println("warning: " + m.functionId + " answers batchItemFailures, but its DynamoDB event lacks "
            + "FunctionResponseTypes: [ReportBatchItemFailures]; Lambda ignores them, and so does the local relay");
        m.warnedIgnoredFailures = true;
      }
      return -1;
    }
    int first = Integer.MAX_VALUE;
    for (String id : ids) {
      int index = -1;
      for (int i = 0; id != null && !id.isEmpty() && i < batch.size(); i++) {
        if (id.equals(batch.get(i).dynamodb().sequenceNumber())) {
          index = i;
        }
      }
      if (index < 0) {
        malformed = true;
      }
      first = Math.min(first, index < 0 ? 0 : index);
    }
    return malformed ? 0 : first;
  }

  // ------------------------------------------------------------------------------------------- conversion

  static DynamodbEvent.DynamodbStreamRecord convert(Record r, String streamArn) {
    DynamodbEvent.DynamodbStreamRecord out = new DynamodbEvent.DynamodbStreamRecord();
    out.setEventID(r.eventID());
    out.setEventName(r.eventNameAsString());
    out.setEventVersion(r.eventVersion() == null ? "1.1" : r.eventVersion());
    out.setEventSource("aws:dynamodb");
    out.setAwsRegion(TemplateModel.REGION);
    out.setEventSourceARN(streamArn);
    software.amazon.awssdk.services.dynamodb.model.StreamRecord d = r.dynamodb();
    StreamRecord s = new StreamRecord();
    if (d.approximateCreationDateTime() != null) {
      s.setApproximateCreationDateTime(Date.from(d.approximateCreationDateTime()));
    }
    s.setKeys(d.hasKeys() ? convert(d.keys()) : null);
    s.setNewImage(d.hasNewImage() ? convert(d.newImage()) : null);
    s.setOldImage(d.hasOldImage() ? convert(d.oldImage()) : null);
    s.setSequenceNumber(d.sequenceNumber());
    s.setSizeBytes(d.sizeBytes());
    if (d.streamViewTypeAsString() != null) {
      s.setStreamViewType(StreamViewType.fromValue(d.streamViewTypeAsString()));
    }
    out.setDynamodb(s);
    return out;
  }

  static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> convert(
      Map<String, AttributeValue> item) {
    Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> out =
        new LinkedHashMap<>();
    item.forEach((k, v) -> out.put(k, convert(v)));
    return out;
  }

  static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue convert(AttributeValue v) {
    var out = new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
    switch (v.type()) {
      case S -> out.setS(v.s());
      case N -> out.setN(v.n());
      case B -> out.setB(v.b().asByteBuffer());
      case SS -> out.setSS(v.ss());
      case NS -> out.setNS(v.ns());
      case BS -> out.setBS(v.bs().stream().map(b -> b.asByteBuffer()).toList());
      case M -> out.setM(convert(v.m()));
      case L -> out.setL(v.l().stream().map(StreamRelay::convert).toList());
      case BOOL -> out.setBOOL(v.bool());
      case NUL -> out.setNULL(Boolean.TRUE);
      default -> throw new IllegalArgumentException("unknown attribute type " + v.type());
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------- persistence

  private Map<String, Object> saved() {
    if (saved == null) {
      saved = new LinkedHashMap<>();
      if (Files.isRegularFile(file)) {
        try {
          saved.putAll(Json.readObject(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
          log.println("warning: cannot read " + file + " (" + e.getMessage() + "); reading the streams afresh");
        }
      }
    }
    return saved;
  }

  private void save() {
    Map<String, Object> doc = new LinkedHashMap<>(saved());
    for (Mapping m : mappings) {
      if (m.streamArn == null) {
        continue;
      }
      Map<String, Object> shards = new LinkedHashMap<>();
      m.shards.forEach((id, s) -> {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("parent", s.parent);
        v.put("checkpoint", s.checkpoint);
        v.put("done", s.done);
        shards.put(id, v);
      });
      doc.put(m.key, Map.of("streamArn", m.streamArn, "shards", shards));
    }
    saved = doc;
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, Json.write(doc), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  @Override
  public void close() {
    running = false;
    if (poller != null) {
      poller.interrupt();
      try {
        poller.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      if (streams != null) {
        streams.close();
      }
    }
  }
}
