package vn.doithoai.aws;

import static vn.doithoai.aws.DynamoTable.EXPIRES_AT;
import static vn.doithoai.aws.DynamoTable.GSI1PK;
import static vn.doithoai.aws.DynamoTable.GSI1SK;
import static vn.doithoai.aws.DynamoTable.GSI2PK;
import static vn.doithoai.aws.DynamoTable.GSI2SK;
import static vn.doithoai.aws.DynamoTable.VERSION;
import static vn.doithoai.aws.DynamoTable.communePk;
import static vn.doithoai.aws.DynamoTable.iso;
import static vn.doithoai.aws.DynamoTable.n;
import static vn.doithoai.aws.DynamoTable.part;
import static vn.doithoai.aws.DynamoTable.s;
import static vn.doithoai.aws.DynamoTable.str;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.intake.InboxEntry;
import vn.doithoai.core.intake.IntakeResult;
import vn.doithoai.core.mail.OutgoingMail;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.plan.PlanDeadline;
import vn.doithoai.core.opinion.OpinionField;
import vn.doithoai.core.opinion.OpinionStatus;
import vn.doithoai.core.opinion.Opinions;

/**
 * Opinions, their tracking codes, the webhook inbox and the e-mail outbox in the single table.
 *
 * <ul>
 *   <li>Opinion: {@code C#{cid} / OP#{id}}; gsi1 {@code C#{cid}#PLAN#{planId|-}#OPS /
 *       {status}#{receivedAt}#{id}}; {@code field} and {@code agencyId} as plain attributes for filters; while
 *       it has an assignment, gsi2 {@code C#{cid}#AGENCY#{agencyId} / {currentDue}#{id}}.
 *   <li>Tracking code: {@code TRACK#{cid}#{code} / TRACK}, attribute {@code opinionId}.
 *   <li>Webhook inbox: {@code INBOX#{cid}#{webhookId} / INBOX}: bodyHash, opinionId, trackingCode,
 *       receivedAt, {@code expiresAt} (TTL, epoch seconds).
 *   <li>E-mail: {@code MAIL#{id} / MAIL}, written once ({@code attribute_not_exists}); see
 *       {@link DynamoMailOutbox}.
 * </ul>
 */
public final class DynamoOpinions implements Opinions {
  /** Opinions per transaction in {@link #create}: each takes two items (opinion, tracking code). */
  static final int CREATE_CHUNK = 30;
  static final String NO_PLAN = "-";

  private final DynamoTable table;

  public DynamoOpinions(DynamoTable table) {
    this.table = table;
  }

  /**
   * One TransactWriteItems: inbox (new id only), opinion, tracking code, e-mails. If the inbox id exists the
   * stored entry decides: same body hash → {@code Duplicate} with the stored tracking code, another →
   * {@code Mismatch}. A transaction cancelled by another one in flight on the same item is tried again with
   * a jittered backoff, so any number of concurrent deliveries of one id create exactly one opinion.
   */
  @Override
  public IntakeResult intake(InboxEntry entry, Opinion opinion, List<OutgoingMail> mails) {
    if (!entry.communeId().equals(opinion.communeId())) {
      throw new IllegalArgumentException("inbox entry and opinion of different communes");
    }
    List<TransactWriteItem> items = new ArrayList<>();
    items.add(table.putNew(inboxItem(entry)));
    OpinionPages.Split split = split(opinion);
    items.add(table.putNew(split.head()));
    items.add(table.putNew(trackingItem(opinion)));
    items.addAll(DynamoMailOutbox.queued(table, mails));
    items.addAll(OpinionPages.writes(table, split, java.util.Set.of()));
    for (int round = 0; round < 3; round++) {
      DynamoTable.Outcome o = table.transact(items);
      if (o.committed()) {
        return new IntakeResult.Created(opinion.trackingCode());
      }
      if (o.conditionFailed(0) || o.transientOnly()) {
        Optional<IntakeResult> seen = stored(entry);
        if (seen.isPresent()) {
          return seen.get();
        }
        continue; // the inbox entry vanished meanwhile (TTL) or its writer is still in flight: try again
      }
      throw createConflict(o, 1, List.of(opinion), mails);
    }
    throw DomainException.staleVersion();
  }

  private Optional<IntakeResult> stored(InboxEntry entry) {
    return table.get(inboxPk(entry), "INBOX").map(item -> entry.bodyHash().equals(str(item, "bodyHash"))
        ? new IntakeResult.Duplicate(str(item, "trackingCode"))
        : new IntakeResult.Mismatch());
  }

  /**
   * Creates the opinions with their tracking codes and the e-mails. When everything fits in one transaction
   * (100 items: two per opinion, one per e-mail) it is all or nothing. A longer compiled list is written in
   * transactions of {@value #CREATE_CHUNK} opinions, then the e-mails (so no e-mail reports an opinion that was
   * not stored): each chunk is atomic, and a failure leaves the chunks before it stored.
   */
  @Override
  public void create(List<Opinion> opinions, List<OutgoingMail> mails) {
    if (2 * opinions.size() + mails.size() <= DynamoTable.MAX_TRANSACTION_ITEMS) {
      createChunk(opinions, mails);
      return;
    }
    for (int i = 0; i < opinions.size(); i += CREATE_CHUNK) {
      createChunk(opinions.subList(i, Math.min(opinions.size(), i + CREATE_CHUNK)), List.of());
    }
    for (int i = 0; i < mails.size(); i += DynamoTable.MAX_TRANSACTION_ITEMS) {
      createChunk(List.of(), mails.subList(i, Math.min(mails.size(), i + DynamoTable.MAX_TRANSACTION_ITEMS)));
    }
  }

  private void createChunk(List<Opinion> opinions, List<OutgoingMail> mails) {
    List<TransactWriteItem> items = new ArrayList<>();
    List<TransactWriteItem> pages = new ArrayList<>();
    for (Opinion o : opinions) {
      OpinionPages.Split split = split(o);
      items.add(table.putNew(split.head()));
      items.add(table.putNew(trackingItem(o)));
      pages.addAll(OpinionPages.writes(table, split, java.util.Set.of()));
    }
    items.addAll(DynamoMailOutbox.queued(table, mails));
    items.addAll(pages); // after the items createConflict maps by position
    if (items.isEmpty()) {
      return;
    }
    DynamoTable.Outcome o = table.transact(items);
    if (!o.committed()) {
      throw createConflict(o, 0, opinions, mails);
    }
  }

  /** Maps a failed condition among [opinion, tracking]* mail* items starting at {@code first}. */
  private static RuntimeException createConflict(DynamoTable.Outcome o, int first, List<Opinion> opinions,
      List<OutgoingMail> mails) {
    for (int i = 0; i < opinions.size(); i++) {
      if (o.conditionFailed(first + 2 * i)) {
        return DomainException.conflict("already_exists", "Ý kiến có mã \"" + opinions.get(i).id()
            + "\" đã tồn tại.");
      }
      if (o.conditionFailed(first + 2 * i + 1)) {
        return DomainException.conflict("already_exists", "Mã tra cứu \"" + opinions.get(i).trackingCode()
            + "\" đã được dùng cho một ý kiến khác.");
      }
    }
    for (int i = 0; i < mails.size(); i++) {
      if (o.conditionFailed(first + 2 * opinions.size() + i)) {
        return DomainException.conflict("already_exists", "Thư điện tử \"" + mails.get(i).id()
            + "\" đã được ghi trước đó.");
      }
    }
    return DynamoTable.unexpected(o);
  }

  @Override
  public Optional<Opinion> find(String communeId, String opinionId) {
    String pk = communePk(communeId);
    String sk = "OP#" + part(opinionId, "opinion id");
    return table.get(pk, sk).map(item -> read(item));
  }

  @Override
  public Optional<Opinion> findByTrackingCode(String communeId, String trackingCode) {
    if (trackingCode == null || trackingCode.isEmpty()) {
      return Optional.empty();
    }
    return table.get(trackingPk(communeId, trackingCode), "TRACK")
        .flatMap(item -> find(communeId, str(item, "opinionId")));
  }

  /**
   * One transaction: each opinion if its stored version is one less, and the e-mails (written once each). A
   * lost race is {@link DomainException#staleVersion()}. Tracking codes never change, so they are not
   * rewritten.
   */
  @Override
  public void save(List<Opinion> changed, List<OutgoingMail> mails,
      Map<String, Optional<PlanDeadline>> assignmentDeadlines) {
    List<TransactWriteItem> items = new ArrayList<>();
    List<TransactWriteItem> pages = new ArrayList<>();
    for (Opinion o : changed) {
      OpinionPages.Split split = split(o);
      items.add(table.putIfVersion(split.head(), o.version() - 1));
      // only a paged opinion needs to know which pages its stored version has (lists only grow)
      pages.addAll(OpinionPages.writes(table, split, split.pages().isEmpty() ? java.util.Set.of()
          : OpinionPages.storedPages(table, communePk(o.communeId()), "OP#" + o.id())));
    }
    // the assignment's open deadline is written with the opinion: it and its schedules follow every change
    List<TransactWriteItem> deadlines = new ArrayList<>();
    for (Opinion o : changed) {
      Optional<PlanDeadline> d = assignmentDeadlines.get(o.id());
      if (d == null) {
        continue;
      }
      if (d.isPresent()) {
        deadlines.add(table.put(DynamoPlans.deadlineItem(o.communeId(), d.get()), null, null, null));
      } else {
        deadlines.add(table.delete(DynamoTable.communePk(o.communeId()), "DL#" + PlanDeadline.ASSIGNMENTS + "#"
            + o.id() + "#answer"));
      }
    }
    // the e-mails themselves when they fit (a matter of up to ~95 addresses), else their fan-out records
    int room = DynamoTable.MAX_TRANSACTION_ITEMS - items.size() - deadlines.size() - pages.size();
    List<TransactWriteItem> queued = DynamoMailOutbox.queued(table, mails, room, fanOutKey(changed, mails));
    items.addAll(queued);
    items.addAll(deadlines);
    items.addAll(pages); // last: the failures below are mapped by position
    if (items.isEmpty()) {
      return;
    }
    DynamoTable.Outcome o = table.transact(items);
    if (o.committed()) {
      return;
    }
    for (int i = 0; i < changed.size(); i++) {
      if (o.conditionFailed(i)) {
        throw DomainException.staleVersion();
      }
    }
    for (int i = 0; i < queued.size(); i++) {
      if (o.conditionFailed(changed.size() + i)) {
        throw DomainException.conflict("already_exists", queued.size() == mails.size()
            ? "Thư điện tử \"" + mails.get(i).id() + "\" đã được ghi trước đó."
            : "Thư điện tử của thay đổi này đã được ghi trước đó.");
      }
    }
    throw DynamoTable.unexpected(o);
  }

  /**
   * The name of the fan-out records of a save's e-mails: the first changed opinion's id and new version (a
   * version is saved once) and the e-mails' kind; no personal data.
   */
  static String fanOutKey(List<Opinion> changed, List<OutgoingMail> mails) {
    if (changed.isEmpty() || mails.isEmpty()) {
      return null;
    }
    Opinion first = changed.get(0);
    String kind = mails.get(0).kind() == null ? "mail" : mails.get(0).kind().replace('#', '.');
    return "fanout#" + part(first.id(), "opinion id") + "#v" + first.version() + "#" + kind;
  }

  /**
   * A Query of gsi1 (never a Scan): the plan's partition, narrowed by status with {@code begins_with} on the
   * sort key, and by field and agency with a filter expression. Sorted by time received, then id.
   */
  /** A Query of the plan's opinions with Select COUNT, page after page: the count, no item read into memory. */
  @Override
  public int countByPlan(String communeId, String planId) {
    QueryRequest.Builder q = QueryRequest.builder().tableName(table.name()).indexName(DynamoTable.GSI1)
        .keyConditionExpression("gsi1pk = :p").select(software.amazon.awssdk.services.dynamodb.model.Select.COUNT)
        .expressionAttributeValues(Map.of(":p", s(gsi1pk(communeId, Optional.of(planId)))));
    int count = 0;
    Map<String, AttributeValue> start = null;
    do {
      var page = table.client().query(q.exclusiveStartKey(start).build());
      count += page.count();
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return count;
  }

  @Override
  public List<Opinion> byPlan(String communeId, Optional<String> planId, Optional<OpinionStatus> status,
      Optional<OpinionField> field, Optional<String> agencyId) {
    Map<String, AttributeValue> values = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    values.put(":p", s(gsi1pk(communeId, planId)));
    String key = "gsi1pk = :p";
    if (status.isPresent()) {
      key += " AND begins_with(gsi1sk, :st)";
      values.put(":st", s(status.get().code() + "#"));
    }
    List<String> filters = new ArrayList<>();
    if (field.isPresent()) {
      filters.add("#f = :f");
      names.put("#f", "field");
      values.put(":f", s(field.get().code()));
    }
    if (agencyId.isPresent()) {
      filters.add("#a = :a");
      names.put("#a", "agencyId");
      values.put(":a", s(agencyId.get()));
    }
    QueryRequest.Builder q = QueryRequest.builder().indexName(DynamoTable.GSI1).keyConditionExpression(key)
        .expressionAttributeValues(values);
    if (!filters.isEmpty()) {
      q.filterExpression(String.join(" AND ", filters)).expressionAttributeNames(names);
    }
    List<Opinion> out = new ArrayList<>();
    for (Map<String, AttributeValue> item : table.query(q, 0)) {
      out.add(read(item));
    }
    out.sort(Comparator.comparing(Opinion::receivedAt).thenComparing(Opinion::id));
    return out;
  }

  /** A Query of gsi2: every opinion with an assignment to the agency, soonest (current) due date first. */
  @Override
  public List<Opinion> byAgency(String communeId, String agencyId) {
    List<Opinion> out = new ArrayList<>();
    for (Map<String, AttributeValue> item : table.query(QueryRequest.builder().indexName(DynamoTable.GSI2)
        .keyConditionExpression("gsi2pk = :p")
        .expressionAttributeValues(Map.of(":p", s(agencyPk(communeId, agencyId))))
        .scanIndexForward(true), 0)) {
      out.add(read(item));
    }
    return out;
  }

  /** A Query of the commune's partition for its opinion items ({@code OP#…}; their pages are {@code OPP#…}). */
  @Override
  public List<Opinion> all(String communeId) {
    List<Opinion> out = new ArrayList<>();
    for (Map<String, AttributeValue> item : table.query(QueryRequest.builder()
        .keyConditionExpression("pk = :p AND begins_with(sk, :op)")
        .expressionAttributeValues(Map.of(":p", s(communePk(communeId)), ":op", s("OP#"))), 0)) {
      out.add(read(item));
    }
    out.sort(Comparator.comparing(Opinion::receivedAt).thenComparing(Opinion::id));
    return out;
  }

  /**
   * One page of a Scan filtered to opinion items ({@code begins_with(sk, "OP#")}); the cursor is the page's last
   * key, {@code pk} and {@code sk} joined by a newline (neither holds one).
   */
  @Override
  public Page everyCommune(Optional<String> cursor, int limit) {
    software.amazon.awssdk.services.dynamodb.model.ScanRequest.Builder scan =
        software.amazon.awssdk.services.dynamodb.model.ScanRequest.builder().tableName(table.name())
            .filterExpression("begins_with(sk, :op)").expressionAttributeValues(Map.of(":op", s("OP#")))
            .limit(limit);
    cursor.ifPresent(c -> {
      int nl = c.indexOf('\n');
      scan.exclusiveStartKey(DynamoTable.key(c.substring(0, nl), c.substring(nl + 1)));
    });
    software.amazon.awssdk.services.dynamodb.model.ScanResponse page = table.client().scan(scan.build());
    List<Opinion> out = new ArrayList<>();
    for (Map<String, AttributeValue> item : page.items()) {
      out.add(read(item));
    }
    Optional<String> next = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
        ? Optional.of(page.lastEvaluatedKey().get(DynamoTable.PK).s() + "\n"
            + page.lastEvaluatedKey().get(DynamoTable.SK).s())
        : Optional.empty();
    return new Page(out, next);
  }

  // ---- items ----

  static String gsi1pk(String communeId, Optional<String> planId) {
    return communePk(communeId) + "#PLAN#" + planId.map(p -> part(p, "plan id")).orElse(NO_PLAN) + "#OPS";
  }

  static String agencyPk(String communeId, String agencyId) {
    return communePk(communeId) + "#AGENCY#" + part(agencyId, "agency id");
  }

  static String trackingPk(String communeId, String trackingCode) {
    return "TRACK#" + part(communeId, "commune id") + "#" + trackingCode;
  }

  static String inboxPk(InboxEntry e) {
    return "INBOX#" + part(e.communeId(), "commune id") + "#" + e.webhookId();
  }

  /** The opinion in a stored item, with its pages if it has any ({@link OpinionPages}). */
  private Opinion read(Map<String, AttributeValue> item) {
    String pk = item.get(DynamoTable.PK).s();
    String sk = item.get(DynamoTable.SK).s();
    return OpinionPages.read(table, item, () -> table.get(pk, sk).orElseThrow(
        () -> new IllegalStateException("opinion removed while read")));
  }

  /** The opinion's item (its growing lists in pages once long) and those pages. */
  static OpinionPages.Split split(Opinion o) {
    return OpinionPages.split(o, indexedItem(o));
  }

  /** The opinion's item as stored (its pages apart). */
  static Map<String, AttributeValue> opinionItem(Opinion o) {
    return split(o).head();
  }

  /** Keys, index and filter attributes and the version; {@link OpinionPages#split} adds the doc. */
  private static Map<String, AttributeValue> indexedItem(Opinion o) {
    String cid = o.communeId();
    Map<String, AttributeValue> item = new HashMap<>(
        DynamoTable.key(communePk(cid), "OP#" + part(o.id(), "opinion id")));
    item.put(GSI1PK, s(gsi1pk(cid, o.planId())));
    item.put(GSI1SK, s(o.status().code() + "#" + iso(o.receivedAt()) + "#" + o.id()));
    item.put("field", s(o.field().code()));
    o.assignment().ifPresent(a -> {
      item.put("agencyId", s(a.agencyId()));
      item.put(GSI2PK, s(agencyPk(cid, a.agencyId())));
      item.put(GSI2SK, s(a.currentDue() + "#" + o.id()));
    });
    item.put(VERSION, n(o.version()));
    return item;
  }

  static Map<String, AttributeValue> trackingItem(Opinion o) {
    Map<String, AttributeValue> item = new HashMap<>(
        DynamoTable.key(trackingPk(o.communeId(), o.trackingCode()), "TRACK"));
    item.put("opinionId", s(o.id()));
    return item;
  }

  static Map<String, AttributeValue> inboxItem(InboxEntry e) {
    Map<String, AttributeValue> item = new HashMap<>(DynamoTable.key(inboxPk(e), "INBOX"));
    item.put("bodyHash", s(e.bodyHash()));
    item.put("opinionId", s(e.opinionId()));
    item.put("trackingCode", s(e.trackingCode()));
    item.put("receivedAt", s(e.receivedAt().toString()));
    item.put(EXPIRES_AT, n(e.expiresAt().getEpochSecond()));
    return item;
  }
}
