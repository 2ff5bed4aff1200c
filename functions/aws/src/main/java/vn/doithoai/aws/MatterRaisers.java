package vn.doithoai.aws;

import static vn.doithoai.aws.DynamoTable.DOC;
import static vn.doithoai.aws.DynamoTable.communePk;
import static vn.doithoai.aws.DynamoTable.part;
import static vn.doithoai.aws.DynamoTable.s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.opinion.MergedRaisers;
import vn.doithoai.core.opinion.OpinionParts.Raiser;

/**
 * The raisers merged into a matter, one item per merged opinion in the commune's partition:
 * {@code C#{cid} / OPR#{matterId}#{sourceId}}, the record's JSON in {@code doc}. The key holds opinion ids only,
 * never contact data; {@code OPR#} is outside {@code begins_with(sk, "OP#")}, so the opinion queries never meet
 * these items, and a matter's records are one Query ({@code begins_with(sk, "OPR#{matterId}#")}) away, page by
 * page, in the order of the merged opinions' ids.
 */
final class MatterRaisers {
  private MatterRaisers() {}

  static String prefix(String matterId) {
    return "OPR#" + part(matterId, "opinion id") + "#";
  }

  static String sk(String matterId, String sourceId) {
    return prefix(matterId) + part(sourceId, "opinion id");
  }

  static Map<String, AttributeValue> item(MergedRaisers r) {
    Map<String, AttributeValue> item = new HashMap<>(DynamoTable.key(communePk(r.communeId()),
        sk(r.matterId(), r.sourceId())));
    item.put(DOC, s(Json.write(r.toJson())));
    return item;
  }

  static MergedRaisers record(Map<String, AttributeValue> item) {
    return MergedRaisers.fromJson(DynamoTable.doc(item));
  }

  /** One page of a matter's records (a strongly consistent Query: a merge just made is seen). */
  static MergedRaisers.Page page(DynamoTable table, String communeId, String matterId, Optional<String> cursor,
      int limit) {
    QueryRequest.Builder q = QueryRequest.builder().tableName(table.name())
        .keyConditionExpression("pk = :p AND begins_with(sk, :r)")
        .expressionAttributeValues(Map.of(":p", s(communePk(communeId)), ":r", s(prefix(matterId))))
        .consistentRead(true).limit(limit);
    cursor.ifPresent(c -> q.exclusiveStartKey(DynamoTable.key(communePk(communeId), c)));
    QueryResponse r = table.client().query(q.build());
    List<MergedRaisers> records = new ArrayList<>(r.count());
    for (Map<String, AttributeValue> item : r.items()) {
      records.add(record(item));
    }
    Optional<String> next = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty()
        ? Optional.of(r.lastEvaluatedKey().get(DynamoTable.SK).s()) : Optional.empty();
    return new MergedRaisers.Page(records, next);
  }

  /** Every record of a matter (at most {@code max}: a merged matter's records carried into the next one). */
  static List<MergedRaisers> all(DynamoTable table, String communeId, String matterId, int max) {
    List<MergedRaisers> out = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      MergedRaisers.Page p = page(table, communeId, matterId, cursor, Math.max(1, max + 1 - out.size()));
      out.addAll(p.records());
      cursor = p.next();
    } while (cursor.isPresent() && out.size() <= max);
    if (out.size() > max) {
      throw new IllegalStateException("more than " + max + " merged records under one matter to carry");
    }
    return out;
  }

  /** Rewrites one record with the raisers {@code whose} erased, on condition it did not change meanwhile. */
  static boolean erase(DynamoTable table, String communeId, String matterId, String sourceId,
      java.util.function.Predicate<Raiser> whose) {
    for (int attempt = 0; attempt < 5; attempt++) {
      Optional<Map<String, AttributeValue>> found = table.get(communePk(communeId), sk(matterId, sourceId));
      if (found.isEmpty()) {
        return false;
      }
      String before = found.get().get(DOC).s();
      Map<String, AttributeValue> next = item(record(found.get()).erase(whose));
      if (next.get(DOC).s().equals(before)) {
        return true;
      }
      try {
        table.client().putItem(b -> b.tableName(table.name()).item(next).conditionExpression("#d = :before")
            .expressionAttributeNames(Map.of("#d", DOC)).expressionAttributeValues(Map.of(":before", s(before))));
        return true;
      } catch (ConditionalCheckFailedException e) {
        // another erasure rewrote it meanwhile: read again
      }
    }
    throw new IllegalStateException("merged raisers kept changing while erased");
  }
}
