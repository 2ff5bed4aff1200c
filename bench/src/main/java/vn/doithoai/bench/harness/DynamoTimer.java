package vn.doithoai.bench.harness;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * An SDK interceptor, registered for every client of the measured JVM through the classpath file
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors} (which only the warm and primed runs
 * have): the time spent inside DynamoDB calls (SDK + HTTP + DynamoDB Local), the number of calls and of
 * successful writes, and — while {@link #capture} is on — each call's consumed capacity
 * ({@code ReturnConsumedCapacity: INDEXES} is added to the request) with the keys and sizes of the items it
 * touched. Single-threaded by design: the handlers call DynamoDB on the invoking thread.
 */
public final class DynamoTimer implements ExecutionInterceptor {
  private static final ExecutionAttribute<Long> START = new ExecutionAttribute<>("doithoai.bench.start");

  public static long nanos;
  public static int calls;
  /** Time and calls of the other AWS services (SES, EventBridge, Scheduler: the local stand-in). */
  public static long otherNanos;
  public static int otherCalls;
  public static int writes;
  public static boolean capture;
  public static boolean trace;
  public static final List<Map<String, Object>> captured = new ArrayList<>();
  public static final List<String> traced = new ArrayList<>();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    attributes.putAttribute(START, System.nanoTime());
  }

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    SdkRequest r = context.request();
    if (!capture || !(r instanceof DynamoDbRequest)) {
      return r;
    }
    ReturnConsumedCapacity all = ReturnConsumedCapacity.INDEXES;
    if (r instanceof GetItemRequest g) {
      return g.toBuilder().returnConsumedCapacity(all).build();
    }
    if (r instanceof PutItemRequest p) {
      return p.toBuilder().returnConsumedCapacity(all).build();
    }
    if (r instanceof UpdateItemRequest u) {
      return u.toBuilder().returnConsumedCapacity(all).build();
    }
    if (r instanceof DeleteItemRequest d) {
      return d.toBuilder().returnConsumedCapacity(all).build();
    }
    if (r instanceof QueryRequest q) {
      return q.toBuilder().returnConsumedCapacity(all).build();
    }
    if (r instanceof TransactWriteItemsRequest t) {
      return t.toBuilder().returnConsumedCapacity(all).build();
    }
    return r;
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    Long start = attributes.getAttribute(START);
    if (start == null) {
      return;
    }
    if (!(context.request() instanceof DynamoDbRequest)) {
      otherNanos += System.nanoTime() - start;
      otherCalls++;
      return;
    }
    nanos += System.nanoTime() - start;
    calls++;
    String op = operation(context.request());
    if (op.equals("PutItem") || op.equals("UpdateItem") || op.equals("DeleteItem")
        || op.equals("TransactWriteItems") || op.equals("BatchWriteItem")) {
      writes++;
    }
    if (trace) {
      traced.add(op);
    }
    if (capture) {
      captured.add(record(context.request(), context.response(), null));
    }
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    Long start = attributes.getAttribute(START);
    if (start == null) {
      return;
    }
    if (!(context.request() instanceof DynamoDbRequest)) {
      otherNanos += System.nanoTime() - start;
      otherCalls++;
      return;
    }
    nanos += System.nanoTime() - start;
    calls++;
    String failure = context.exception().getClass().getSimpleName();
    if (trace) {
      traced.add(operation(context.request()) + " (" + failure + ")");
    }
    if (capture) {
      captured.add(record(context.request(), null, failure));
    }
  }

  static String operation(SdkRequest r) {
    String n = r.getClass().getSimpleName();
    return n.endsWith("Request") ? n.substring(0, n.length() - "Request".length()) : n;
  }

  private static Map<String, Object> record(SdkRequest request, SdkResponse response, String failure) {
    Map<String, Object> m = new LinkedHashMap<>();
    String op = operation(request);
    m.put("op", op);
    if (failure != null) {
      m.put("failed", failure);
    }
    List<Map<String, Object>> items = new ArrayList<>();
    List<ConsumedCapacity> capacity = new ArrayList<>();
    if (request instanceof GetItemRequest g) {
      items.add(item("get", g.key(), response instanceof GetItemResponse r && r.hasItem() ? r.item() : null));
      if (response instanceof GetItemResponse r && r.consumedCapacity() != null) {
        capacity.add(r.consumedCapacity());
      }
    } else if (request instanceof PutItemRequest p) {
      items.add(item("put", p.item(), p.item()));
      if (response instanceof PutItemResponse r && r.consumedCapacity() != null) {
        capacity.add(r.consumedCapacity());
      }
    } else if (request instanceof UpdateItemRequest u) {
      items.add(item("update", u.key(), null));
      if (response instanceof UpdateItemResponse r && r.consumedCapacity() != null) {
        capacity.add(r.consumedCapacity());
      }
    } else if (request instanceof DeleteItemRequest d) {
      items.add(item("delete", d.key(), null));
      if (response instanceof DeleteItemResponse r && r.consumedCapacity() != null) {
        capacity.add(r.consumedCapacity());
      }
    } else if (request instanceof QueryRequest q) {
      m.put("index", q.indexName() == null ? "table" : q.indexName());
      if (response instanceof QueryResponse r) {
        long bytes = 0;
        for (Map<String, AttributeValue> i : r.items()) {
          bytes += size(i);
        }
        m.put("returned", r.count());
        m.put("returnedBytes", bytes);
        if (r.consumedCapacity() != null) {
          capacity.add(r.consumedCapacity());
        }
      }
    } else if (request instanceof TransactWriteItemsRequest t) {
      for (TransactWriteItem i : t.transactItems()) {
        if (i.put() != null) {
          items.add(item("put", i.put().item(), i.put().item()));
        } else if (i.update() != null) {
          items.add(item("update", i.update().key(), null));
        } else if (i.delete() != null) {
          items.add(item("delete", i.delete().key(), null));
        } else if (i.conditionCheck() != null) {
          items.add(item("check", i.conditionCheck().key(), null));
        }
      }
      if (response instanceof TransactWriteItemsResponse r && r.hasConsumedCapacity()) {
        capacity.addAll(r.consumedCapacity());
      }
    }
    m.put("items", items);
    double total = 0;
    double table = 0;
    Map<String, Object> gsi = new LinkedHashMap<>();
    for (ConsumedCapacity c : capacity) {
      total += c.capacityUnits() == null ? 0 : c.capacityUnits();
      if (c.table() != null && c.table().capacityUnits() != null) {
        table += c.table().capacityUnits();
      }
      if (c.globalSecondaryIndexes() != null) {
        c.globalSecondaryIndexes().forEach((k, v) -> gsi.merge(k, v.capacityUnits() == null ? 0.0 : v.capacityUnits(),
            (a, b) -> (Double) a + (Double) b));
      }
    }
    m.put("reported", !capacity.isEmpty());
    m.put("units", total);
    m.put("tableUnits", table);
    m.put("gsiUnits", gsi);
    return m;
  }

  private static Map<String, Object> item(String kind, Map<String, AttributeValue> key,
      Map<String, AttributeValue> whole) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", kind);
    m.put("label", label(key));
    m.put("key", (key.get("pk") == null ? "?" : key.get("pk").s()) + " / " + (key.get("sk") == null ? "?"
        : key.get("sk").s()));
    if (whole != null) {
      m.put("bytes", size(whole));
      List<String> indexes = new ArrayList<>();
      if (whole.containsKey("gsi1pk")) {
        indexes.add("gsi1");
      }
      if (whole.containsKey("gsi2pk")) {
        indexes.add("gsi2");
      }
      m.put("indexes", indexes);
    }
    return m;
  }

  /** {@code PK-PREFIX/SK-PREFIX} of a key, e.g. {@code C/OP} for an opinion or {@code INBOX/INBOX}. */
  static String label(Map<String, AttributeValue> key) {
    return prefix(key.get("pk")) + "/" + prefix(key.get("sk"));
  }

  private static String prefix(AttributeValue v) {
    if (v == null || v.s() == null) {
      return "?";
    }
    int hash = v.s().indexOf('#');
    return hash < 0 ? v.s() : v.s().substring(0, hash);
  }

  /** DynamoDB's item size: attribute names plus values (UTF-8 bytes; numbers about one byte per two digits). */
  public static long size(Map<String, AttributeValue> item) {
    long n = 0;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      n += e.getKey().getBytes(StandardCharsets.UTF_8).length + size(e.getValue());
    }
    return n;
  }

  private static long size(AttributeValue v) {
    if (v.s() != null) {
      return v.s().getBytes(StandardCharsets.UTF_8).length;
    }
    if (v.n() != null) {
      String digits = v.n().replace("-", "").replace(".", "");
      return (digits.length() + 1) / 2 + 1;
    }
    if (v.b() != null) {
      return v.b().asByteArray().length;
    }
    if (v.bool() != null || Boolean.TRUE.equals(v.nul())) {
      return 1;
    }
    if (v.hasL()) {
      long n = 3;
      for (AttributeValue x : v.l()) {
        n += 1 + size(x);
      }
      return n;
    }
    if (v.hasM()) {
      long n = 3;
      for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
        n += 1 + e.getKey().getBytes(StandardCharsets.UTF_8).length + size(e.getValue());
      }
      return n;
    }
    if (v.hasSs()) {
      return v.ss().stream().mapToLong(s -> s.getBytes(StandardCharsets.UTF_8).length).sum();
    }
    return 0;
  }
}
