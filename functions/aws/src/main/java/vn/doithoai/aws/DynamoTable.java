package vn.doithoai.aws;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * The single table and the few operations every repository shares: typed attribute values, consistent
 * GetItem, paginated Query, and TransactWriteItems that retries while another transaction on the same item
 * is in flight.
 *
 * <p>Keys (all strings): {@code pk}/{@code sk}; GSI {@code gsi1} on {@code gsi1pk}/{@code gsi1sk} and GSI
 * {@code gsi2} on {@code gsi2pk}/{@code gsi2sk}, both projecting ALL; TTL on {@code expiresAt} (epoch
 * seconds). Each record is kept as its JSON text in {@code doc} with a number {@code version} for
 * conditions.
 */
public final class DynamoTable {
  /** DynamoDB's limit of items in one TransactWriteItems. */
  public static final int MAX_TRANSACTION_ITEMS = 100;
  static final int MAX_CONFLICT_TRIES = 10;

  static final String PK = "pk";
  static final String SK = "sk";
  static final String GSI1 = "gsi1";
  static final String GSI2 = "gsi2";
  static final String GSI1PK = "gsi1pk";
  static final String GSI1SK = "gsi1sk";
  static final String GSI2PK = "gsi2pk";
  static final String GSI2SK = "gsi2sk";
  static final String DOC = "doc";
  static final String VERSION = "version";
  static final String EXPIRES_AT = "expiresAt";

  static final String NOT_EXISTS = "attribute_not_exists(pk)";

  private final DynamoDbClient client;
  private final String name;

  public DynamoTable(DynamoDbClient client, String name) {
    if (name == null || name.length() < 3) {
      throw new IllegalArgumentException("a DynamoDB table name has at least 3 characters: " + name);
    }
    this.client = client;
    this.name = name;
  }

  /** The shared client ({@link DynamoClients#client()}) and the table named by {@code TABLE_NAME}. */
  public static DynamoTable fromEnvironment() {
    String table = DynamoClients.config(DynamoClients.TABLE_NAME);
    if (table == null || table.isBlank()) {
      throw new IllegalStateException(DynamoClients.TABLE_NAME + " is not set");
    }
    return new DynamoTable(DynamoClients.client(), table.trim());
  }

  public DynamoDbClient client() {
    return client;
  }

  public String name() {
    return name;
  }

  // ---- values and keys ----

  static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  static AttributeValue n(long v) {
    return AttributeValue.fromN(Long.toString(v));
  }

  static Map<String, AttributeValue> key(String pk, String sk) {
    Map<String, AttributeValue> k = new HashMap<>();
    k.put(PK, s(pk));
    k.put(SK, s(sk));
    return k;
  }

  /**
   * An instant as a sort-key part: ISO-8601 UTC truncated to whole seconds, so that every value has the same
   * length ({@code 2025-11-10T01:00:00Z}) and string order is time order. Ties within a second are broken by
   * the id that follows it in each key.
   */
  static String iso(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** A key part taken from an id: refused if it holds the separator, so one key can never imitate another. */
  static String part(String id, String what) {
    if (id == null || id.isEmpty() || id.indexOf('#') >= 0) {
      throw new IllegalArgumentException("invalid " + what + " for a key: " + id);
    }
    return id;
  }

  static String communePk(String communeId) {
    return "C#" + part(communeId, "commune id");
  }

  static Map<String, Object> doc(Map<String, AttributeValue> item) {
    return Json.readObject(item.get(DOC).s());
  }

  /** A JSON array kept in {@code doc}; core's {@link Json} reads objects only, so it is read inside one. */
  @SuppressWarnings("unchecked")
  static List<Object> docArray(Map<String, AttributeValue> item) {
    Object list = Json.readObject("{\"a\":" + item.get(DOC).s() + "}").get("a");
    return list == null ? List.of() : (List<Object>) list;
  }

  static String str(Map<String, AttributeValue> item, String attribute) {
    AttributeValue v = item.get(attribute);
    return v == null ? null : v.s();
  }

  // ---- reads ----

  /** A strongly consistent GetItem. */
  Optional<Map<String, AttributeValue>> get(String pk, String sk) {
    GetItemResponse r = client.getItem(b -> b.tableName(name).key(key(pk, sk)).consistentRead(true));
    return r.hasItem() && !r.item().isEmpty() ? Optional.of(r.item()) : Optional.empty();
  }

  /**
   * Runs a query (its table name is filled in) page after page until {@code limit} items are collected or
   * the index is exhausted; {@code limit <= 0} means all.
   */
  List<Map<String, AttributeValue>> query(QueryRequest.Builder request, int limit) {
    List<Map<String, AttributeValue>> out = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    request.tableName(name);
    do {
      if (limit > 0) {
        request.limit(limit - out.size());
      }
      QueryResponse page = client.query(request.exclusiveStartKey(start).build());
      out.addAll(page.items());
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null && (limit <= 0 || out.size() < limit));
    return limit > 0 && out.size() > limit ? out.subList(0, limit) : out;
  }

  // ---- writes ----

  TransactWriteItem put(Map<String, AttributeValue> item, String condition, Map<String, String> names,
      Map<String, AttributeValue> values) {
    Put.Builder p = Put.builder().tableName(name).item(item);
    if (condition != null) {
      p.conditionExpression(condition);
      if (names != null && !names.isEmpty()) {
        p.expressionAttributeNames(names);
      }
      if (values != null && !values.isEmpty()) {
        p.expressionAttributeValues(values);
      }
    }
    return TransactWriteItem.builder().put(p.build()).build();
  }

  TransactWriteItem putNew(Map<String, AttributeValue> item) {
    return put(item, NOT_EXISTS, null, null);
  }

  TransactWriteItem putIfVersion(Map<String, AttributeValue> item, long previousVersion) {
    return put(item, "#v = :prev", Map.of("#v", VERSION), Map.of(":prev", n(previousVersion)));
  }

  TransactWriteItem delete(String pk, String sk) {
    return TransactWriteItem.builder().delete(Delete.builder().tableName(name).key(key(pk, sk)).build()).build();
  }

  /** What a transaction did: committed, or cancelled with one reason code per item (in request order). */
  record Outcome(boolean committed, List<String> reasons) {
    static final Outcome OK = new Outcome(true, List.of());

    String reason(int i) {
      return i < reasons.size() ? reasons.get(i) : "Unknown";
    }

    boolean conditionFailed(int i) {
      return "ConditionalCheckFailed".equals(reason(i));
    }

    boolean anyConditionFailed() {
      return reasons.contains("ConditionalCheckFailed");
    }

    /** Cancelled only because of a concurrent transaction (or throttling): worth trying again. */
    boolean transientOnly() {
      return !committed && !anyConditionFailed()
          && (reasons.contains("TransactionConflict") || reasons.contains("ThrottlingError"));
    }
  }

  /** One TransactWriteItems attempt. */
  Outcome transactOnce(List<TransactWriteItem> items) {
    if (items.size() > MAX_TRANSACTION_ITEMS) {
      throw new IllegalArgumentException("a transaction holds at most " + MAX_TRANSACTION_ITEMS + " items, not "
          + items.size());
    }
    try {
      client.transactWriteItems(b -> b.transactItems(items));
      return Outcome.OK;
    } catch (TransactionCanceledException e) {
      List<String> codes = new ArrayList<>();
      if (e.hasCancellationReasons()) {
        for (CancellationReason r : e.cancellationReasons()) {
          codes.add(r.code() == null ? "None" : r.code());
        }
      }
      return new Outcome(false, codes);
    } catch (TransactionConflictException e) {
      return new Outcome(false, List.of("TransactionConflict"));
    }
  }

  /**
   * A transaction, tried again with a jittered exponential backoff (about 1 s in all) while it is cancelled
   * only because another transaction on one of its items is in flight. A failed condition is returned at
   * once: the caller maps it (already exists, stale version).
   */
  Outcome transact(List<TransactWriteItem> items) {
    Outcome o = transactOnce(items);
    for (int attempt = 1; attempt < MAX_CONFLICT_TRIES && o.transientOnly(); attempt++) {
      backoff(attempt);
      o = transactOnce(items);
    }
    return o;
  }

  static void backoff(int attempt) {
    long cap = Math.min(200, 5L << Math.min(attempt, 6));
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, cap + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry a DynamoDB transaction", e);
    }
  }

  /** A cancelled transaction that none of the caller's mappings explains. */
  static RuntimeException unexpected(Outcome o) {
    if (o.transientOnly()) {
      return DomainException.staleVersion();
    }
    return new IllegalStateException("DynamoDB transaction cancelled: " + o.reasons());
  }
}
