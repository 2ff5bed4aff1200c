package vn.doithoai.aws;

import static vn.doithoai.aws.DynamoTable.DOC;
import static vn.doithoai.aws.DynamoTable.GSI1PK;
import static vn.doithoai.aws.DynamoTable.GSI1SK;
import static vn.doithoai.aws.DynamoTable.SK;
import static vn.doithoai.aws.DynamoTable.VERSION;
import static vn.doithoai.aws.DynamoTable.communePk;
import static vn.doithoai.aws.DynamoTable.iso;
import static vn.doithoai.aws.DynamoTable.n;
import static vn.doithoai.aws.DynamoTable.part;
import static vn.doithoai.aws.DynamoTable.s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.plan.Plan;
import vn.doithoai.core.plan.PlanDeadline;
import vn.doithoai.core.plan.Plans;

/**
 * Plans and their open deadlines in the single table.
 *
 * <ul>
 *   <li>Plan: {@code C#{cid} / PLAN#{planId}}, gsi1 {@code C#{cid}#PLANS#{year} / {createdAt}#{planId}}.
 *   <li>Open deadline: {@code C#{cid} / DL#{planId}#{meetingId}#{ruleId}}, on no index: every reader (the
 *       per-commune reconcile, re-dating, priming) reads its commune's partition; doc = the deadline's JSON
 *       plus {@code commune}. Deadlines written before issue #18 still carry gsi2 keys
 *       {@code DEADLINES#OPEN / {dueAt}#…}: harmless (nothing queries that partition any more), they go when
 *       the deadline is next rewritten or closed.
 * </ul>
 *
 * A save writes the plan (if its stored version is the previous one) and its whole set of open deadlines in
 * one transaction, so a reminder never sees a deadline of a plan version that was not stored.
 */
public final class DynamoPlans implements Plans {
  private final DynamoTable table;

  public DynamoPlans(DynamoTable table) {
    this.table = table;
  }

  @Override
  public void create(Plan plan) {
    try {
      table.client().putItem(b -> b.tableName(table.name()).item(planItem(plan))
          .conditionExpression(DynamoTable.NOT_EXISTS));
    } catch (ConditionalCheckFailedException e) {
      throw DomainException.conflict("already_exists", "Kế hoạch có mã \"" + plan.id() + "\" đã tồn tại.");
    }
  }

  @Override
  public Optional<Plan> find(String communeId, String planId) {
    return table.get(communePk(communeId), "PLAN#" + part(planId, "plan id"))
        .map(item -> Plan.fromJson(DynamoTable.doc(item)));
  }

  /**
   * One TransactWriteItems: the plan, conditional on {@code version = plan.version() - 1}; a put for each new
   * or changed deadline; a delete for each stored deadline of the plan not in {@code openDeadlines}. At most
   * 99 deadline writes fit beside the plan (DynamoDB's 100 items per transaction); unchanged deadlines are not
   * rewritten, so only a plan with that many changes at once is refused.
   */
  @Override
  public void save(Plan plan, List<PlanDeadline> openDeadlines) {
    String pk = communePk(plan.communeId());
    String prefix = "DL#" + part(plan.id(), "plan id") + "#";
    Map<String, String> stored = new HashMap<>();
    for (Map<String, AttributeValue> item : table.query(QueryRequest.builder()
        .keyConditionExpression("pk = :pk AND begins_with(sk, :dl)")
        .expressionAttributeValues(Map.of(":pk", s(pk), ":dl", s(prefix)))
        .consistentRead(true), 0)) {
      stored.put(item.get(SK).s(), item.get(DOC).s());
    }
    Map<String, Map<String, AttributeValue>> next = new LinkedHashMap<>();
    for (PlanDeadline d : openDeadlines) {
      if (!d.planId().equals(plan.id())) {
        throw new IllegalArgumentException("deadline " + d.id() + " is not of plan " + plan.id());
      }
      Map<String, AttributeValue> item = deadlineItem(plan.communeId(), d);
      next.put(item.get(SK).s(), item); // a repeated deadline id: the last one wins
    }
    List<TransactWriteItem> items = new ArrayList<>();
    items.add(table.putIfVersion(planItem(plan), plan.version() - 1));
    for (Map.Entry<String, Map<String, AttributeValue>> e : next.entrySet()) {
      if (!e.getValue().get(DOC).s().equals(stored.get(e.getKey()))) {
        items.add(table.put(e.getValue(), null, null, null));
      }
    }
    for (String sk : stored.keySet()) {
      if (!next.containsKey(sk)) {
        items.add(table.delete(pk, sk));
      }
    }
    if (items.size() > DynamoTable.MAX_TRANSACTION_ITEMS) {
      throw new DomainException(DomainException.Kind.INVALID, "too_many_deadlines",
          "Kế hoạch có quá nhiều hạn thay đổi cùng lúc (" + (items.size() - 1) + "; tối đa "
              + (DynamoTable.MAX_TRANSACTION_ITEMS - 1) + ").");
    }
    DynamoTable.Outcome o = table.transact(items);
    if (!o.committed()) {
      if (o.conditionFailed(0) || o.transientOnly()) {
        throw DomainException.staleVersion();
      }
      throw DynamoTable.unexpected(o);
    }
  }

  @Override
  public List<Plan> byYear(String communeId, int year) {
    List<Plan> out = new ArrayList<>();
    for (Map<String, AttributeValue> item : table.query(QueryRequest.builder().indexName(DynamoTable.GSI1)
        .keyConditionExpression("gsi1pk = :p")
        .expressionAttributeValues(Map.of(":p", s(communePk(communeId) + "#PLANS#" + year)))
        .scanIndexForward(false), 0)) {
      out.add(Plan.fromJson(DynamoTable.doc(item)));
    }
    return out;
  }

  /** One paged Query of the commune's partition, {@code begins_with(sk, 'DL#')}, to its last page. */
  @Override
  public List<PlanDeadline> openDeadlinesOf(String communeId) {
    List<PlanDeadline> out = new ArrayList<>();
    for (Map<String, AttributeValue> item : table.query(QueryRequest.builder()
        .keyConditionExpression("pk = :pk AND begins_with(sk, :dl)")
        .expressionAttributeValues(Map.of(":pk", s(communePk(communeId)), ":dl", s("DL#"))), 0)) {
      out.add(PlanDeadline.fromJson(DynamoTable.doc(item)));
    }
    return out;
  }

  private static Map<String, AttributeValue> planItem(Plan p) {
    String cid = p.communeId();
    Map<String, AttributeValue> item = new HashMap<>(
        DynamoTable.key(communePk(cid), "PLAN#" + part(p.id(), "plan id")));
    item.put(GSI1PK, s(communePk(cid) + "#PLANS#" + p.content().year()));
    item.put(GSI1SK, s(iso(p.createdAt()) + "#" + p.id()));
    item.put(DOC, s(Json.write(p.toJson())));
    item.put(VERSION, n(p.version()));
    return item;
  }

  static Map<String, AttributeValue> deadlineItem(String communeId, PlanDeadline d) {
    String id = part(d.planId(), "plan id") + "#" + part(d.meetingId(), "meeting id") + "#"
        + part(d.ruleId(), "rule id");
    Map<String, AttributeValue> item = new HashMap<>(DynamoTable.key(communePk(communeId), "DL#" + id));
    Map<String, Object> doc = new LinkedHashMap<>(d.toJson());
    doc.put("commune", communeId);
    item.put(DOC, s(Json.write(doc)));
    item.put(VERSION, n(d.version()));
    return item;
  }
}
