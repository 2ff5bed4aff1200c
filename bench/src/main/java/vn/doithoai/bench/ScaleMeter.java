package vn.doithoai.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * {@code bench scale}'s meter: every AWS SDK call in this JVM (the handlers' clients and the benchmark's own), by
 * service and operation, with its time and, for DynamoDB, the capacity it consumed ({@code ReturnConsumedCapacity}
 * is asked for on every request while a {@link Tally} is open). With {@link Tally#partitions} on, each item a
 * write touches is attributed to the partitions it lands on: the table's {@code pk} and, for an item that has one
 * before or after the write, {@code gsi1pk} and {@code gsi2pk} (an index with projection ALL is written whenever
 * its item changes). The images before and after are read with an unmetered GetItem around the write, so the
 * attribution is what the code wrote, not what we think it writes.
 *
 * <p>Registered for every client through the SDK's {@code execution.interceptors} resource; inert with no tally
 * open.
 */
public final class ScaleMeter implements ExecutionInterceptor {
  private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("scale-started");
  private static final ExecutionAttribute<List<Map<String, AttributeValue>>> BEFORE =
      new ExecutionAttribute<>("scale-before");
  private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);
  private static volatile Tally open;

  /** What was called while a tally was open. Thread-safe. */
  public static final class Tally implements AutoCloseable {
    final Map<String, long[]> calls = new TreeMap<>(); // service:operation → count, nanos
    double readUnits;
    double writeUnits;
    final boolean partitions;
    final DynamoDbClient lookup;
    final String table;
    /** partition ("table pk", "gsi2 MAIL#PENDING") → item writes, write units. */
    final Map<String, double[]> written = new HashMap<>();

    private Tally(boolean partitions, DynamoDbClient lookup, String table) {
      this.partitions = partitions;
      this.lookup = lookup;
      this.table = table;
    }

    synchronized void call(String op, long nanos, double rru, double wru) {
      long[] c = calls.computeIfAbsent(op, k -> new long[2]);
      c[0]++;
      c[1] += nanos;
      readUnits += rru;
      writeUnits += wru;
    }

    /** E-mails written while the tally was open, in order, each once: the outbox items ({@code MAIL#…}). */
    final java.util.Queue<String> mails = new java.util.concurrent.ConcurrentLinkedQueue<>();

    synchronized void write(String partition, double units) {
      if (partition.startsWith("table MAIL#") && !written.containsKey(partition)) {
        mails.add(partition.substring("table ".length()));
      }
      double[] w = written.computeIfAbsent(partition, k -> new double[2]);
      w[0]++;
      w[1] += units;
    }

    /** Calls by operation: count. */
    synchronized Map<String, Long> counts() {
      Map<String, Long> m = new TreeMap<>();
      calls.forEach((k, v) -> m.put(k, v[0]));
      return m;
    }

    /** Time spent inside SDK calls (the local stand-ins), milliseconds. */
    synchronized double sdkMillis() {
      return calls.values().stream().mapToLong(v -> v[1]).sum() / 1e6;
    }

    synchronized double readUnits() {
      return readUnits;
    }

    synchronized double writeUnits() {
      return writeUnits;
    }

    synchronized Map<String, double[]> written() {
      Map<String, double[]> m = new HashMap<>();
      written.forEach((k, v) -> m.put(k, v.clone()));
      return m;
    }

    @Override
    public void close() {
      synchronized (ScaleMeter.class) {
        if (open == this) {
          open = null;
        }
      }
    }
  }

  /** Opens a tally of calls and capacity. */
  static Tally open() {
    return open(false, null, null);
  }

  /** Opens a tally that also attributes each write to its partitions, reading images through {@code lookup}. */
  static Tally open(boolean partitions, DynamoDbClient lookup, String table) {
    synchronized (ScaleMeter.class) {
      if (open != null) {
        throw new IllegalStateException("a tally is already open");
      }
      Tally t = new Tally(partitions, lookup, table);
      open = t;
      return t;
    }
  }

  /** A call made without the SDK (an in-process stand-in), counted under {@code op} in the open tally. */
  static void count(String op) {
    Tally t = open;
    if (t != null) {
      t.call(op, 0, 0, 0);
    }
  }

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    SdkRequest r = context.request();
    if (open == null || INSIDE.get()) {
      return r;
    }
    ReturnConsumedCapacity indexes = ReturnConsumedCapacity.INDEXES;
    if (r instanceof GetItemRequest g) {
      return g.toBuilder().returnConsumedCapacity(indexes).build();
    } else if (r instanceof PutItemRequest p) {
      return p.toBuilder().returnConsumedCapacity(indexes).build();
    } else if (r instanceof UpdateItemRequest u) {
      return u.toBuilder().returnConsumedCapacity(indexes).build();
    } else if (r instanceof DeleteItemRequest d) {
      return d.toBuilder().returnConsumedCapacity(indexes).build();
    } else if (r instanceof QueryRequest q) {
      return q.toBuilder().returnConsumedCapacity(indexes).build();
    } else if (r instanceof TransactWriteItemsRequest t) {
      return t.toBuilder().returnConsumedCapacity(indexes).build();
    } else if (r instanceof BatchWriteItemRequest b) {
      return b.toBuilder().returnConsumedCapacity(indexes).build();
    }
    return r;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    if (open == null || INSIDE.get()) {
      return;
    }
    attributes.putAttribute(STARTED, System.nanoTime());
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    Tally t = open;
    if (t == null || INSIDE.get() || !t.partitions) {
      return;
    }
    attributes.putAttribute(BEFORE, images(t, keysOf(context.request())));
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    Tally t = open;
    Long started = attributes.getAttribute(STARTED);
    if (t == null || INSIDE.get() || started == null) {
      return;
    }
    long nanos = System.nanoTime() - started;
    String op = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + ":"
        + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    double[] units = units(context.response());
    t.call(op, nanos, units[0], units[1]);
    List<Map<String, AttributeValue>> before = attributes.getAttribute(BEFORE);
    if (t.partitions && before != null) {
      boolean transact = context.request() instanceof TransactWriteItemsRequest;
      List<Map<String, AttributeValue>> keys = keysOf(context.request());
      List<Map<String, AttributeValue>> after = images(t, keys);
      for (int i = 0; i < keys.size(); i++) {
        Map<String, AttributeValue> old = before.get(i);
        Map<String, AttributeValue> now = after.get(i);
        if (old.equals(now)) {
          continue; // a condition check, or a write whose condition failed
        }
        double size = Math.max(size(old), size(now));
        double wcu = Math.ceil(Math.max(size, 1) / 1024.0);
        t.write("table " + keys.get(i).get("pk").s(), wcu * (transact ? 2 : 1));
        for (String index : List.of("gsi1", "gsi2")) {
          String was = old.containsKey(index + "pk") ? old.get(index + "pk").s() : null;
          String is = now.containsKey(index + "pk") ? now.get(index + "pk").s() : null;
          if (was != null) {
            t.write(index + " " + was, wcu);
          }
          if (is != null && !is.equals(was)) {
            t.write(index + " " + is, wcu);
          }
        }
      }
    }
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    Tally t = open;
    Long started = attributes.getAttribute(STARTED);
    if (t != null && !INSIDE.get() && started != null) {
      // a cancelled transaction or a failed condition is a call all the same (its capacity is not reported)
      t.call(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + ":"
          + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), System.nanoTime() - started, 0, 0);
    }
  }

  /** The keys ({@code pk}, {@code sk}) of the items a write touches, in order; none for any other request. */
  private static List<Map<String, AttributeValue>> keysOf(SdkRequest r) {
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    if (r instanceof PutItemRequest p) {
      keys.add(key(p.item()));
    } else if (r instanceof UpdateItemRequest u) {
      keys.add(key(u.key()));
    } else if (r instanceof DeleteItemRequest d) {
      keys.add(key(d.key()));
    } else if (r instanceof TransactWriteItemsRequest tw) {
      for (TransactWriteItem i : tw.transactItems()) {
        if (i.put() != null) {
          keys.add(key(i.put().item()));
        } else if (i.update() != null) {
          keys.add(key(i.update().key()));
        } else if (i.delete() != null) {
          keys.add(key(i.delete().key()));
        }
      }
    } else if (r instanceof BatchWriteItemRequest b) {
      b.requestItems().values().forEach(list -> list.forEach(w -> keys.add(key(w.putRequest() != null
          ? w.putRequest().item() : w.deleteRequest().key()))));
    }
    return keys;
  }

  private static Map<String, AttributeValue> key(Map<String, AttributeValue> item) {
    return Map.of("pk", item.get("pk"), "sk", item.get("sk"));
  }

  private static List<Map<String, AttributeValue>> images(Tally t, List<Map<String, AttributeValue>> keys) {
    List<Map<String, AttributeValue>> out = new ArrayList<>();
    INSIDE.set(true);
    try {
      for (Map<String, AttributeValue> k : keys) {
        GetItemResponse r = t.lookup.getItem(b -> b.tableName(t.table).key(k).consistentRead(true));
        out.add(r.hasItem() ? r.item() : Map.of());
      }
    } finally {
      INSIDE.set(false);
    }
    return out;
  }

  /** DynamoDB's item size: attribute names plus values (numbers counted as their text, a fair bound). */
  static double size(Map<String, AttributeValue> item) {
    double bytes = 0;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      bytes += e.getKey().getBytes(StandardCharsets.UTF_8).length;
      AttributeValue v = e.getValue();
      if (v.s() != null) {
        bytes += v.s().getBytes(StandardCharsets.UTF_8).length;
      } else if (v.n() != null) {
        bytes += v.n().length();
      } else {
        bytes += v.toString().length();
      }
    }
    return bytes;
  }

  private static double[] units(SdkResponse r) {
    List<ConsumedCapacity> cc = new ArrayList<>();
    if (r instanceof GetItemResponse g && g.consumedCapacity() != null) {
      cc.add(g.consumedCapacity());
    } else if (r instanceof PutItemResponse p && p.consumedCapacity() != null) {
      cc.add(p.consumedCapacity());
    } else if (r instanceof UpdateItemResponse u && u.consumedCapacity() != null) {
      cc.add(u.consumedCapacity());
    } else if (r instanceof DeleteItemResponse d && d.consumedCapacity() != null) {
      cc.add(d.consumedCapacity());
    } else if (r instanceof QueryResponse q && q.consumedCapacity() != null) {
      cc.add(q.consumedCapacity());
    } else if (r instanceof TransactWriteItemsResponse t && t.hasConsumedCapacity()) {
      cc.addAll(t.consumedCapacity());
    } else if (r instanceof TransactGetItemsResponse t && t.hasConsumedCapacity()) {
      cc.addAll(t.consumedCapacity());
    } else if (r instanceof BatchWriteItemResponse b && b.hasConsumedCapacity()) {
      cc.addAll(b.consumedCapacity());
    }
    double read = 0;
    double write = 0;
    for (ConsumedCapacity c : cc) {
      double total = c.capacityUnits() == null ? 0 : c.capacityUnits();
      double r0 = c.readCapacityUnits() == null ? 0 : c.readCapacityUnits();
      double w0 = c.writeCapacityUnits() == null ? 0 : c.writeCapacityUnits();
      if (r0 == 0 && w0 == 0) {
        // DynamoDB Local reports a total only: a read request's units are reads, a write's are writes
        boolean writes = r instanceof PutItemResponse || r instanceof UpdateItemResponse
            || r instanceof DeleteItemResponse || r instanceof TransactWriteItemsResponse
            || r instanceof BatchWriteItemResponse;
        if (writes) {
          w0 = total;
        } else {
          r0 = total;
        }
      }
      read += r0;
      write += w0;
    }
    return new double[] {read, write};
  }
}
