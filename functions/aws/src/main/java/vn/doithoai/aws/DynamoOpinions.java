package vn.doithoai.aws;

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
import java.util.function.IntFunction;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.Ids;
import vn.doithoai.core.intake.InboxEntry;
import vn.doithoai.core.intake.IntakeResult;
import vn.doithoai.core.mail.OutgoingMail;
import vn.doithoai.core.mail.RaiserLetter;
import vn.doithoai.core.opinion.MergedRaisers;
import vn.doithoai.core.opinion.OpinionParts.Merged;
import software.amazon.awssdk.services.dynamodb.model.Update;
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
 *   <li>Tracking code: the opinion's id is {@code o_} and its code ({@link Ids#opinionIdFor}), so a code is
 *       found with one GetItem and is unique in the commune because the opinion's put is conditional. An opinion
 *       from a delivery (webhook, hosted form) carries {@code delivery} (its id) and {@code bodyHash}.
 *   <li>Earlier design, still read: {@code TRACK#{cid}#{code} / TRACK} (attribute {@code opinionId}) for opinions
 *       with 12-character ids, and the webhook inbox {@code INBOX#{cid}#{webhookId} / INBOX} (TTL 7 days).
 *   <li>Raisers of an opinion merged into a matter: {@code C#{cid} / OPR#{matterId}#{sourceId}} ({@link
 *       MatterRaisers}); the matter keeps counters ({@code mergedOpinions}, {@code mergedRaisers},
 *       {@code mergedWithoutConsent}) beside its document.
 *   <li>E-mail: {@code MAIL#{id} / MAIL}, written once ({@code attribute_not_exists}); see
 *       {@link DynamoMailOutbox}. An opinion's acknowledgement is queued from the stream.
 * </ul>
 */
public final class DynamoOpinions implements Opinions {
  /** Opinions per transaction in {@link #create}: one item each (and their pages, if long). */
  static final int CREATE_CHUNK = 30;
  /** The delivery (webhook id, {@code form-<token>}) an opinion was created from, and its body's hash. */
  static final String DELIVERY = "delivery";
  static final String BODY_HASH = "bodyHash";
  static final String NO_PLAN = "-";
  /** The merge counters, beside the opinion's document ({@link vn.doithoai.core.opinion.OpinionParts.Merged}). */
  static final String MERGED_OPINIONS = "mergedOpinions";
  static final String MERGED_RAISERS = "mergedRaisers";
  static final String MERGED_WITHOUT_CONSENT = "mergedWithoutConsent";

  private final DynamoTable table;

  public DynamoOpinions(DynamoTable table) {
    this.table = table;
  }

  /**
   * One conditional PutItem of the opinion ({@code attribute_not_exists(pk)}), not a transaction: the opinion's
   * key follows from the delivery id, so its condition is the idempotency, and it carries the delivery's id and
   * body hash to tell a retry (same id) from a collision of tracking codes (another id: the next attempt). A put
   * that fails returns the stored item ({@code ReturnValuesOnConditionCheckFailure}), so no read follows it.
   * Two concurrent deliveries of one id put the same key: one wins, the other finds it. Before that, one read of
   * the webhook inbox item of the earlier design, for a delivery accepted before it (its TTL: 7 days).
   */
  @Override
  public IntakeResult intake(InboxEntry entry, IntFunction<Opinion> attempt) {
    Optional<Map<String, AttributeValue>> legacy = table.get(inboxPk(entry), "INBOX");
    if (legacy.isPresent()) {
      return entry.bodyHash().equals(str(legacy.get(), BODY_HASH))
          ? new IntakeResult.Duplicate(str(legacy.get(), "trackingCode")) : new IntakeResult.Mismatch();
    }
    int vanished = 0;
    for (int k = 0; ; ) {
      Opinion opinion = attempt.apply(k);
      if (!entry.communeId().equals(opinion.communeId())) {
        throw new IllegalArgumentException("delivery and opinion of different communes");
      }
      OpinionPages.Split split = split(opinion);
      if (!split.pages().isEmpty()) {
        throw new IllegalArgumentException("a delivery's opinion has one raiser and no pages");
      }
      Map<String, AttributeValue> item = new HashMap<>(split.head());
      item.put(DELIVERY, s(entry.webhookId()));
      item.put(BODY_HASH, s(entry.bodyHash()));
      Map<String, AttributeValue> stored;
      try {
        table.client().putItem(b -> b.tableName(table.name()).item(item).conditionExpression(DynamoTable.NOT_EXISTS)
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        return new IntakeResult.Created(opinion.trackingCode());
      } catch (ConditionalCheckFailedException e) {
        stored = e.hasItem() && !e.item().isEmpty() ? e.item()
            : table.get(item.get(DynamoTable.PK).s(), item.get(DynamoTable.SK).s()).orElse(null);
      }
      if (stored == null) {
        if (++vanished > 3) {
          throw DomainException.staleVersion();
        }
        continue; // removed between the put and the read (an erasure): try the same key again
      }
      if (entry.webhookId().equals(str(stored, DELIVERY))) {
        return entry.bodyHash().equals(str(stored, BODY_HASH))
            ? new IntakeResult.Duplicate(opinion.trackingCode()) : new IntakeResult.Mismatch();
      }
      k++; // the code is another opinion's: the delivery's next code
    }
  }

  /**
   * Creates the opinions (the key of each is its tracking code: no item of its own) and the e-mails. One opinion
   * alone (no pages, no e-mails: a staff entry) is one conditional PutItem, since a transaction would double its
   * units. When everything fits in one transaction (100 items: one per opinion, one per e-mail) it is all or
   * nothing. A longer compiled list is written in
   * transactions of {@value #CREATE_CHUNK} opinions, then the e-mails (so no e-mail reports an opinion that was
   * not stored): each chunk is atomic, and a failure leaves the chunks before it stored.
   */
  @Override
  public void create(List<Opinion> opinions, List<OutgoingMail> mails) {
    if (opinions.size() == 1 && mails.isEmpty() && split(opinions.get(0)).pages().isEmpty()
        && keyedByCode(opinions.get(0))) {
      Opinion o = opinions.get(0);
      try {
        table.client().putItem(b -> b.tableName(table.name()).item(split(o).head())
            .conditionExpression(DynamoTable.NOT_EXISTS));
        return;
      } catch (ConditionalCheckFailedException e) {
        throw DomainException.conflict("already_exists", "Ý kiến có mã \"" + o.id() + "\" đã tồn tại.");
      }
    }
    long tracking = opinions.stream().filter(o -> !keyedByCode(o)).count();
    if (opinions.size() + tracking + mails.size() <= DynamoTable.MAX_TRANSACTION_ITEMS) {
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
      pages.addAll(OpinionPages.writes(table, split, java.util.Set.of()));
    }
    items.addAll(DynamoMailOutbox.queued(table, mails));
    for (Opinion o : opinions) {
      if (!keyedByCode(o)) {
        pages.add(table.putNew(legacyTrackingItem(o))); // an id that is not its code: the code needs its item
      }
    }
    items.addAll(pages); // after the items createConflict maps by position
    if (items.isEmpty()) {
      return;
    }
    DynamoTable.Outcome o = table.transact(items);
    if (!o.committed()) {
      throw createConflict(o, 0, opinions, mails);
    }
  }

  /** Maps a failed condition among opinion* mail* items starting at {@code first}. */
  private static RuntimeException createConflict(DynamoTable.Outcome o, int first, List<Opinion> opinions,
      List<OutgoingMail> mails) {
    for (int i = 0; i < opinions.size(); i++) {
      if (o.conditionFailed(first + i)) {
        return DomainException.conflict("already_exists", "Ý kiến có mã \"" + opinions.get(i).id()
            + "\" đã tồn tại.");
      }
    }
    for (int i = 0; i < mails.size(); i++) {
      if (o.conditionFailed(first + opinions.size() + i)) {
        return DomainException.conflict("already_exists", "Thư điện tử \"" + mails.get(i).id()
            + "\" đã được ghi trước đó.");
      }
    }
    if (o.anyConditionFailed()) { // after the e-mails: a tracking item of an opinion whose id is not its code
      return DomainException.conflict("already_exists", "Mã tra cứu đã được dùng cho một ý kiến khác.");
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
    String code = Ids.normalizeTrackingCode(trackingCode);
    if (code.isEmpty()) {
      return Optional.empty();
    }
    // the key of an opinion is its code; one created before that has a tracking item of its own
    Optional<Opinion> keyed = find(communeId, Ids.opinionIdFor(code)).filter(o -> o.trackingCode().equals(code));
    if (keyed.isPresent()) {
      return keyed;
    }
    return table.get(trackingPk(communeId, code), "TRACK").flatMap(item -> find(communeId, str(item, "opinionId")));
  }

  /**
   * One transaction: each opinion if its stored version is one less, and the e-mails (written once each). A
   * lost race is {@link DomainException#staleVersion()}. Tracking codes never change, so they are not
   * rewritten.
   */
  @Override
  public void save(List<Opinion> changed, List<OutgoingMail> mails,
      Map<String, Optional<PlanDeadline>> assignmentDeadlines, List<RaiserLetter> letters) {
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
    // a letter to a matter's merged raisers: one record, expanded page by page after the save
    for (RaiserLetter l : letters) {
      deadlines.add(table.putNew(DynamoMailOutbox.letterItem(l)));
    }
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
   * One transaction: the merged opinion (its stored version one less), the record of its raisers under the
   * matter ({@code attribute_not_exists}: written once), the matter's version and counters (an UpdateItem on
   * condition of the version read, so a matter closed or changed meanwhile is a version conflict; the matter's
   * document is not rewritten), and the records of opinions merged into the merged one, carried along. Without
   * those (the usual merge) it writes three items of a size that does not grow with the number of merges.
   */
  @Override
  public void merge(Opinion merged, Opinion absorbed, MergedRaisers record) {
    String cid = absorbed.communeId();
    List<TransactWriteItem> items = new ArrayList<>();
    OpinionPages.Split split = split(merged);
    items.add(table.putIfVersion(split.head(), merged.version() - 1));
    items.add(table.putNew(MatterRaisers.item(record)));
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":prev", n(absorbed.version() - 1));
    values.put(":next", n(absorbed.version()));
    values.put(":mo", n(absorbed.merged().opinions()));
    values.put(":mr", n(absorbed.merged().raisers()));
    values.put(":mw", n(absorbed.merged().withoutConsent()));
    items.add(TransactWriteItem.builder().update(Update.builder().tableName(table.name())
        .key(DynamoTable.key(communePk(cid), "OP#" + part(absorbed.id(), "opinion id")))
        .updateExpression("SET #v = :next, " + MERGED_OPINIONS + " = :mo, " + MERGED_RAISERS + " = :mr, "
            + MERGED_WITHOUT_CONSENT + " = :mw")
        .conditionExpression("#v = :prev").expressionAttributeNames(Map.of("#v", VERSION))
        .expressionAttributeValues(values).build()).build());
    if (merged.hasMergedRaisers()) {
      for (MergedRaisers carried : MatterRaisers.all(table, cid, merged.id(), Opinion.MAX_CARRIED)) {
        items.add(table.put(MatterRaisers.item(carried.into(absorbed.id())), null, null, null));
      }
    }
    items.addAll(OpinionPages.writes(table, split, split.pages().isEmpty() ? java.util.Set.of()
        : OpinionPages.storedPages(table, communePk(cid), "OP#" + merged.id())));
    DynamoTable.Outcome o = table.transact(items);
    if (o.committed()) {
      return;
    }
    if (o.conditionFailed(0) || o.conditionFailed(2)) {
      throw DomainException.staleVersion();
    }
    if (o.conditionFailed(1)) {
      throw DomainException.conflict("already_merged", "Ý kiến mã " + merged.trackingCode()
          + " đã được gộp vào ý kiến này trước đó.");
    }
    throw DynamoTable.unexpected(o);
  }

  @Override
  public MergedRaisers.Page mergedRaisers(String communeId, String matterId, Optional<String> cursor, int limit) {
    return MatterRaisers.page(table, communeId, matterId, cursor, limit);
  }

  @Override
  public boolean eraseMergedRaisers(String communeId, String matterId, String sourceId,
      java.util.function.Predicate<vn.doithoai.core.opinion.OpinionParts.Raiser> whose) {
    return MatterRaisers.erase(table, communeId, matterId, sourceId, whose);
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

  /** Items per page of {@link #eachOfPlan}: about 150 KB of opinions at the ~1.5 KB measured each. */
  static final int EACH_PAGE = 100;

  /**
   * The plan's partition of gsi1, {@value #EACH_PAGE} items a Query, projected to what an opinion is read from
   * ({@code doc}, its keys and {@code pages}: not the index and filter attributes): each page is handed over
   * and dropped before the next is read.
   */
  @Override
  public void eachOfPlan(String communeId, Optional<String> planId, java.util.function.Consumer<Opinion> each) {
    QueryRequest.Builder q = QueryRequest.builder().tableName(table.name()).indexName(DynamoTable.GSI1)
        .keyConditionExpression("gsi1pk = :p").expressionAttributeValues(Map.of(":p", s(gsi1pk(communeId, planId))))
        .projectionExpression("pk, sk, #d, #pg").expressionAttributeNames(Map.of("#d", DynamoTable.DOC,
            "#pg", OpinionPages.PAGES)).limit(EACH_PAGE);
    Map<String, AttributeValue> start = null;
    do {
      var page = table.client().query(q.exclusiveStartKey(start).build());
      page.items().forEach(item -> each.accept(read(item)));
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
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

  /**
   * One Query of a run ({@link Opinions.Run}): a plan's partition of gsi1 with {@code begins_with(gsi1sk,
   * "{status}#")}, newest first, or an agency's partition of gsi2, soonest due first (a due range in the key
   * condition). The narrowing is a filter expression (or, for gsi2, the key condition), so DynamoDB reads
   * {@code max} items at most and returns those kept, with the key after the last one read.
   */
  @Override
  public Chunk read(String communeId, Run run, Narrowing narrowing, Optional<String> from, int max) {
    QueryRequest.Builder q = runQuery(communeId, run, narrowing).limit(max);
    from.ifPresent(p -> q.exclusiveStartKey(startKey(communeId, run, p)));
    var page = table.client().query(q.tableName(table.name()).build());
    List<Opinion> out = new ArrayList<>();
    List<String> positions = new ArrayList<>();
    for (Map<String, AttributeValue> item : page.items()) {
      out.add(read(item));
      positions.add(position(run, item));
    }
    Optional<String> end = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
        ? Optional.of(position(run, page.lastEvaluatedKey())) : Optional.empty();
    return new Chunk(out, positions, end);
  }

  /** {@code Select=COUNT} pages of the run's query: DynamoDB counts, nothing but the number comes back. */
  @Override
  public long count(String communeId, Run run, Narrowing narrowing) {
    QueryRequest.Builder q = runQuery(communeId, run, narrowing).select(Select.COUNT).tableName(table.name());
    long n = 0;
    Map<String, AttributeValue> start = null;
    do {
      var page = table.client().query(q.exclusiveStartKey(start).build());
      n += page.count();
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return n;
  }

  private static QueryRequest.Builder runQuery(String communeId, Run run, Narrowing n) {
    Map<String, AttributeValue> values = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    List<String> filters = new ArrayList<>();
    String key;
    QueryRequest.Builder q = QueryRequest.builder();
    if (run instanceof Run.OfPlan p) {
      q.indexName(DynamoTable.GSI1).scanIndexForward(false);
      key = "gsi1pk = :p AND begins_with(gsi1sk, :st)";
      values.put(":p", s(gsi1pk(communeId, p.planId())));
      values.put(":st", s(p.status().code() + "#"));
      n.agencyId().ifPresent(a -> {
        filters.add("#a = :a");
        names.put("#a", "agencyId");
        values.put(":a", s(a));
      });
      n.dueFrom().ifPresent(d -> {
        filters.add("gsi2sk >= :from");
        values.put(":from", s(d.toString()));
      });
      n.dueBefore().ifPresent(d -> {
        filters.add("gsi2sk < :before");
        values.put(":before", s(d.toString()));
      });
    } else {
      Run.OfAgency a = (Run.OfAgency) run;
      q.indexName(DynamoTable.GSI2).scanIndexForward(true);
      values.put(":p", s(agencyPk(communeId, a.agencyId())));
      key = "gsi2pk = :p";
      if (n.dueFrom().isPresent() || n.dueBefore().isPresent()) {
        // "{due}#{id}": from "2026-12-01" (inclusive) to "2026-12-08" (every key of the 7th sorts below it)
        key += " AND gsi2sk BETWEEN :from AND :before";
        values.put(":from", s(n.dueFrom().map(Object::toString).orElse("0000")));
        values.put(":before", s(n.dueBefore().map(Object::toString).orElse("9999")));
      }
      n.planId().ifPresent(p -> {
        filters.add("gsi1pk = :plan");
        values.put(":plan", s(gsi1pk(communeId, Optional.of(p))));
      });
      n.status().ifPresent(st -> {
        filters.add("begins_with(gsi1sk, :st)");
        values.put(":st", s(st.code() + "#"));
      });
    }
    n.field().ifPresent(f -> {
      filters.add("#f = :f");
      names.put("#f", "field");
      values.put(":f", s(f.code()));
    });
    q.keyConditionExpression(key).expressionAttributeValues(values);
    if (!filters.isEmpty()) {
      q.filterExpression(String.join(" AND ", filters));
    }
    if (!names.isEmpty()) {
      q.expressionAttributeNames(names);
    }
    return q;
  }

  /**
   * Where a run goes on after an item: its index sort key without the status a plan run already names
   * ({@code {receivedAt}#{id}}, or {@code {due}#{id}} for an agency). The partition keys are not in it:
   * {@link #startKey} rebuilds them from the caller's commune and the run.
   */
  private static String position(Run run, Map<String, AttributeValue> key) {
    if (run instanceof Run.OfPlan p) {
      return key.get(GSI1SK).s().substring(p.status().code().length() + 1);
    }
    return key.get(GSI2SK).s();
  }

  /**
   * The ExclusiveStartKey of a position: the table and index keys of the caller's commune and run. A position
   * that does not fit the run's sort keys is refused: whatever it holds, it can only point inside the caller's
   * own partition.
   */
  private static Map<String, AttributeValue> startKey(String communeId, Run run, String position) {
    String shape = run instanceof Run.OfPlan ? "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z#[^#]+"
        : "\\d{4}-\\d{2}-\\d{2}#[^#]+";
    if (!position.matches(shape)) {
      throw DomainException.invalid(List.of(new vn.doithoai.core.common.FieldError("cursor",
          "Con trỏ trang không hợp lệ; hãy tải lại danh sách.")));
    }
    String id = position.substring(position.indexOf('#') + 1);
    Map<String, AttributeValue> k = DynamoTable.key(communePk(communeId), "OP#" + id);
    if (run instanceof Run.OfPlan p) {
      k.put(GSI1PK, s(gsi1pk(communeId, p.planId())));
      k.put(GSI1SK, s(p.status().code() + "#" + position));
    } else {
      k.put(GSI2PK, s(agencyPk(communeId, ((Run.OfAgency) run).agencyId())));
      k.put(GSI2SK, s(position));
    }
    return k;
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

  /**
   * The opinion in a stored item, with its pages if it has any ({@link OpinionPages}), and the version and merge
   * counters a merge updates beside its document ({@link #merge}).
   */
  private Opinion read(Map<String, AttributeValue> item) {
    String pk = item.get(DynamoTable.PK).s();
    String sk = item.get(DynamoTable.SK).s();
    Opinion o = OpinionPages.read(table, item, () -> table.get(pk, sk).orElseThrow(
        () -> new IllegalStateException("opinion removed while read")));
    if (!item.containsKey(MERGED_OPINIONS)) {
      return o; // nothing merged into it since raisers are kept apart
    }
    return o.stored(Long.parseLong(item.get(VERSION).n()), new Merged(number(item, MERGED_OPINIONS),
        number(item, MERGED_RAISERS), number(item, MERGED_WITHOUT_CONSENT)));
  }

  private static int number(Map<String, AttributeValue> item, String attribute) {
    AttributeValue v = item.get(attribute);
    return v == null ? 0 : Integer.parseInt(v.n());
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
    if (!o.merged().equals(Merged.NONE)) {
      item.put(MERGED_OPINIONS, n(o.merged().opinions()));
      item.put(MERGED_RAISERS, n(o.merged().raisers()));
      item.put(MERGED_WITHOUT_CONSENT, n(o.merged().withoutConsent()));
    }
    return item;
  }

  /** Whether the opinion's id is its tracking code's ({@link Ids#opinionIdFor}): then the code needs no item. */
  static boolean keyedByCode(Opinion o) {
    String code = Ids.normalizeTrackingCode(o.trackingCode() == null ? "" : o.trackingCode());
    return !code.isEmpty() && Ids.opinionIdFor(code).equals(o.id());
  }

  /**
   * The tracking item of the earlier design, still written for an opinion whose id is not its code (one built by a
   * tool or a test with an id of its own) and read for the opinions created before their key was their code.
   */
  static Map<String, AttributeValue> legacyTrackingItem(Opinion o) {
    Map<String, AttributeValue> item = new HashMap<>(
        DynamoTable.key(trackingPk(o.communeId(), o.trackingCode()), "TRACK"));
    item.put("opinionId", s(o.id()));
    return item;
  }
}
