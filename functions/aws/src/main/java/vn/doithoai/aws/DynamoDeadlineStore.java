package vn.doithoai.aws;

import static vn.doithoai.aws.DynamoTable.communePk;
import static vn.doithoai.aws.DynamoTable.n;
import static vn.doithoai.aws.DynamoTable.s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import vn.doithoai.core.deadline.DeadlineStore;
import vn.doithoai.core.deadline.Fired;
import vn.doithoai.core.mail.OutgoingMail;
import vn.doithoai.core.plan.PlanDeadline;

/**
 * Open deadlines (the items {@link DynamoPlans} and the opinions repository write: {@code C#{cid} /
 * DL#{deadlineId}}) and the once-only record of each fired step: {@code FIRE#{cid}#{deadlineId}#{step}#v{n} /
 * FIRE} with {@code commune}, {@code deadlineId}, {@code step}, {@code version} and {@code at}.
 *
 * <p>{@link #recordFired} writes that record and the step's e-mails in one transaction, each conditional on not
 * existing: a schedule that fires twice, or a fire racing the reconciler, has exactly one effect. FIRE records
 * carry no TTL: they are small, one per step actually fired, and the proof that a step had its effect.
 */
public final class DynamoDeadlineStore implements DeadlineStore {
  static final String FIRE_SK = "FIRE";
  private static final int MAX_MAIL_RETRIES = 5;

  private final DynamoTable table;
  private final DynamoPlans plans;

  public DynamoDeadlineStore(DynamoTable table) {
    this.table = table;
    this.plans = new DynamoPlans(table);
  }

  @Override
  public Optional<PlanDeadline> find(String communeId, String deadlineId) {
    if (deadlineId == null || deadlineId.isEmpty()) {
      throw new IllegalArgumentException("invalid deadline id for a key: " + deadlineId);
    }
    return table.get(communePk(communeId), "DL#" + deadlineId)
        .map(item -> PlanDeadline.fromJson(DynamoTable.doc(item)));
  }

  /**
   * One TransactWriteItems: the FIRE record and every e-mail (by id; a repeated id is written once), all with
   * {@code attribute_not_exists(pk)}. False, with nothing written, if the FIRE record exists. An e-mail that
   * exists while the FIRE record does not (not produced by this code: its ids include the step and version) is
   * left as it is and the rest written again. At most 99 e-mails fit beside the record.
   */
  @Override
  public boolean recordFired(Fired fired, List<OutgoingMail> mails) {
    Map<String, OutgoingMail> byId = new LinkedHashMap<>();
    for (OutgoingMail m : mails) {
      byId.putIfAbsent(m.id(), m);
    }
    if (byId.size() + 1 > DynamoTable.MAX_TRANSACTION_ITEMS) {
      throw new IllegalArgumentException("a fired step writes at most " + (DynamoTable.MAX_TRANSACTION_ITEMS - 1)
          + " e-mails, not " + byId.size());
    }
    List<OutgoingMail> pending = new ArrayList<>(byId.values());
    for (int attempt = 0; ; attempt++) {
      List<TransactWriteItem> items = new ArrayList<>();
      items.add(table.putNew(fireItem(fired)));
      items.addAll(DynamoMailOutbox.queued(table, pending));
      DynamoTable.Outcome o = table.transact(items);
      if (o.committed()) {
        return true;
      }
      if (o.conditionFailed(0)) {
        return false;
      }
      if (!o.anyConditionFailed() || attempt >= MAX_MAIL_RETRIES) {
        throw DynamoTable.unexpected(o);
      }
      List<OutgoingMail> next = new ArrayList<>();
      for (int i = 0; i < pending.size(); i++) {
        if (!o.conditionFailed(i + 1)) {
          next.add(pending.get(i));
        }
      }
      pending = next;
    }
  }

  @Override
  public boolean wasFired(Fired fired) {
    return table.get(firePk(fired), FIRE_SK).isPresent();
  }

  /** One paged Query of the commune's partition ({@link DynamoPlans#openDeadlinesOf}). */
  @Override
  public List<PlanDeadline> openOf(String communeId) {
    return plans.openDeadlinesOf(communeId);
  }

  static String firePk(Fired fired) {
    return "FIRE#" + fired.key();
  }

  static Map<String, AttributeValue> fireItem(Fired fired) {
    Map<String, AttributeValue> item = new HashMap<>(DynamoTable.key(firePk(fired), FIRE_SK));
    item.put("commune", s(fired.communeId()));
    item.put("deadlineId", s(fired.deadlineId()));
    item.put("step", s(fired.step()));
    item.put(DynamoTable.VERSION, n(fired.version()));
    item.put("at", s(fired.at().toString()));
    return item;
  }
}
