package vn.doithoai.aws;

import static vn.doithoai.aws.DynamoTable.DOC;
import static vn.doithoai.aws.DynamoTable.GSI2PK;
import static vn.doithoai.aws.DynamoTable.GSI2SK;
import static vn.doithoai.aws.DynamoTable.iso;
import static vn.doithoai.aws.DynamoTable.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.mail.MailOutbox;
import vn.doithoai.core.mail.OutgoingMail;

/**
 * The e-mail outbox: {@code MAIL#{id} / MAIL}, doc, {@code status} PENDING, then SENDING while a sender holds
 * it ({@code claimedAt}), then SENT ({@code sentAt}, {@code messageId}) or SUPPRESSED ({@code suppressedAt});
 * until it is sent or suppressed, gsi2 {@code MAIL#PENDING#{n} / {createdAt}#{id}} (n = its shard, below). Mails
 * are written by the
 * repositories in the same transaction as the change they report; a sender claims one, sends it and marks it
 * sent, once ({@link MailOutbox}: the SES mailer), or lists the pending ones and marks each sent (the local
 * runtime's .eml writer).
 *
 * <p>A claimed mail keeps its gsi2 entry, so one whose sender died between claim and mark is still listed by
 * {@link #pending} (with status SENDING) and can be sent by the local drain or put back by
 * {@link #releaseIfClaimedBefore}: the sweep ({@link vn.doithoai.core.mail.SweepingMailOutbox}) reads
 * {@link #waiting} and does so. In AWS, gsi2 is eventually consistent: a mail just marked sent may still be
 * listed for a moment, which is why {@link #markSent(String, Instant)} says whether this call was the one that
 * marked it.
 *
 * <p><b>Shards</b> (issue #18). One partition key for every unsent mail of the country was a hot partition: at
 * 08:00 about 9,000 reminder mails are queued nationally, landing in ≈ 10 s, and each costs ≈ 2 index writes
 * (its put on the index, its removal once sent), so ≈ 1,800 index write units a second against DynamoDB's limit
 * of 1,000 WCU/s per partition (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html;
 * index write costs: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.Writes).
 * The goal is no partition above 30 % of it, 300 WCU/s: at least 1,800 / 300 = 6 shards for index entries of
 * 1 KB. {@value #SHARDS} shards give ≈ 113 WCU/s each (11 %; a CRC-32 of 9,000 ids puts ≈ 560 ± 24 mails in a
 * shard: the busiest had 601, 120 WCU/s, 12 %, in DynamoMailOutboxShardsTest), leaving room before 30 % for
 * index entries of up to ≈ 2.4 KB (a reminder's text and HTML) or a burst 2.5 times as fast. Reading costs one
 * Query per shard: {@link #pending} and the sweep's {@link #waiting} (every 5 minutes) read {@value #SHARDS} + 1
 * partitions, ≈ 0.5 read unit each when empty: ≈ 2,500 read units a day ($0.0003 on demand).
 *
 * <p>The legacy key {@code MAIL#PENDING} (mails queued before the shards) is read too, so none is stranded;
 * it can be dropped from {@link #unfinished} one release after this one, once it is empty.
 */
public final class DynamoMailOutbox implements MailOutbox {
  /** The pending index's partition key before the shards; read (never written) until it is empty. */
  static final String PENDING_PK = "MAIL#PENDING";
  /** Shards of the pending index (see the class comment for why 16). */
  static final int SHARDS = 16;
  public static final String PENDING = "PENDING";
  public static final String SENDING = "SENDING";
  public static final String SENT = "SENT";
  public static final String SUPPRESSED = "SUPPRESSED";

  private final DynamoTable table;

  public DynamoMailOutbox(DynamoTable table) {
    this.table = table;
  }

  /** The writes that queue {@code mails}, each only once, for the transaction of the change they report. */
  static List<TransactWriteItem> queued(DynamoTable table, List<OutgoingMail> mails) {
    List<TransactWriteItem> out = new ArrayList<>(mails.size());
    for (OutgoingMail m : mails) {
      out.add(table.putNew(mailItem(m)));
    }
    return out;
  }

  /**
   * The writes that queue {@code mails} in a transaction with {@code room} items left: the e-mails themselves
   * when they fit (as always), else their fan-out records ({@link #fanOutItems}), each put once, named
   * {@code fanOutKey#nn}: {@code fanOutKey} must name the change uniquely and hold no personal data (the
   * opinion's id and new version, and the e-mails' kind).
   */
  static List<TransactWriteItem> queued(DynamoTable table, List<OutgoingMail> mails, int room, String fanOutKey) {
    if (mails.size() <= room) {
      return queued(table, mails);
    }
    if (fanOutKey == null) {
      throw new IllegalStateException(mails.size() + " e-mails do not fit in the transaction and have no fan-out name");
    }
    List<Map<String, AttributeValue>> records = fanOutItems(mails, fanOutKey);
    if (records.size() > room) {
      throw new IllegalStateException(mails.size() + " e-mails need " + records.size()
          + " fan-out records; the transaction has room for " + room);
    }
    List<TransactWriteItem> out = new ArrayList<>(records.size());
    for (Map<String, AttributeValue> r : records) {
      out.add(table.putNew(r));
    }
    return out;
  }

  /**
   * One conditional PutItem per e-mail ({@code attribute_not_exists(pk)}), not a transaction: each e-mail stands
   * alone (its id names its change), so a put that finds its id taken was written before — by this very stream
   * record's earlier delivery — and is skipped. A transaction would double every unit for no guarantee more.
   */
  @Override
  public int queue(List<OutgoingMail> mails) {
    int written = 0;
    for (OutgoingMail m : mails) {
      try {
        table.client().putItem(b -> b.tableName(table.name()).item(mailItem(m))
            .conditionExpression(DynamoTable.NOT_EXISTS));
        written++;
      } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
        // queued already: a replayed stream record
      }
    }
    return written;
  }

  /**
   * E-mails not yet sent nor suppressed (pending, or claimed and not finished), oldest first. Fan-out records
   * met on the way are expanded first (the local runtime's drain reads here), so only e-mails are returned.
   */
  public List<OutgoingMail> pending(int limit) {
    for (int round = 0; ; round++) {
      List<Map<String, AttributeValue>> items = unfinished(null, limit);
      List<String> fanOuts = items.stream().filter(DynamoMailOutbox::isFanOut).map(DynamoMailOutbox::idOf).toList();
      if (fanOuts.isEmpty() || round == 10) {
        List<OutgoingMail> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
          if (!isFanOut(item)) {
            out.add(OutgoingMail.fromJson(DynamoTable.doc(item)));
          }
        }
        return out;
      }
      fanOuts.forEach(this::expand);
    }
  }

  /** For the sweep: e-mails queued before {@code queuedBefore}, not yet sent nor suppressed, oldest first. */
  @Override
  public List<Waiting> waiting(Instant queuedBefore, int limit) {
    List<Waiting> out = new ArrayList<>();
    for (Map<String, AttributeValue> item : unfinished(queuedBefore, limit)) {
      if (isFanOut(item)) {
        out.add(new Waiting(idOf(item), Optional.empty(), true));
        continue;
      }
      String claimedAt = DynamoTable.str(item, "claimedAt");
      out.add(new Waiting(item.get(DynamoTable.PK).s().substring("MAIL#".length()),
          SENDING.equals(DynamoTable.str(item, "status")) && claimedAt != null
              ? Optional.of(Instant.parse(claimedAt)) : Optional.empty()));
    }
    return out;
  }

  /**
   * The unfinished e-mails (gsi2, every shard and the legacy key, merged oldest first), those queued before
   * {@code queuedBefore} when it is given. The sort key starts with the queuing instant, so the bound is a
   * key condition: a sweep reads only what it may act on.
   */
  private List<Map<String, AttributeValue>> unfinished(Instant queuedBefore, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    List<Map<String, AttributeValue>> all = new ArrayList<>();
    for (int shard = -1; shard < SHARDS; shard++) {
      Map<String, AttributeValue> values = new HashMap<>();
      values.put(":p", s(shard < 0 ? PENDING_PK : pendingPk(shard)));
      String key = "gsi2pk = :p";
      if (queuedBefore != null) {
        key += " AND gsi2sk < :before";
        values.put(":before", s(iso(queuedBefore)));
      }
      // each shard's oldest (up to the limit): the oldest of all are among them
      all.addAll(table.query(QueryRequest.builder().indexName(DynamoTable.GSI2).keyConditionExpression(key)
          .expressionAttributeValues(values).scanIndexForward(true), limit));
    }
    all.sort(java.util.Comparator.comparing((Map<String, AttributeValue> i) -> i.get(GSI2SK).s()));
    return all.size() > limit ? all.subList(0, limit) : all;
  }

  /** The pending index's partition of an e-mail or fan-out record: a stable hash of its id, mod {@link #SHARDS}. */
  static String pendingPk(String id) {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return pendingPk((int) (crc.getValue() % SHARDS));
  }

  private static String pendingPk(int shard) {
    return PENDING_PK + "#" + shard;
  }

  /** One e-mail by id, whatever its status (strongly consistent). */
  public Optional<OutgoingMail> find(String mailId) {
    return table.get(pk(mailId), "MAIL").map(item -> OutgoingMail.fromJson(DynamoTable.doc(item)));
  }

  /** The stored status ({@code PENDING}, {@code SENDING}, {@code SENT}, {@code SUPPRESSED}), if it exists. */
  public Optional<String> status(String mailId) {
    return table.get(pk(mailId), "MAIL").map(item -> DynamoTable.str(item, "status"));
  }

  /**
   * Marks an e-mail sent at {@code at} (pending, or claimed by a sender that did not finish) and takes it off
   * the pending index. True if this call did it; false if it was already sent or suppressed (or does not
   * exist): a second call is a no-op.
   */
  public boolean markSent(String mailId, Instant at) {
    return finish(mailId, SENT, "sentAt", at, null, null);
  }

  /** Pending → sending, conditionally; the e-mail, or empty if it is not pending (taken, sent, unknown). */
  @Override
  public Optional<OutgoingMail> claim(String mailId, Instant now) {
    try {
      UpdateItemResponse r = table.client().updateItem(b -> b.tableName(table.name())
          .key(DynamoTable.key(pk(mailId), "MAIL"))
          .updateExpression("SET #s = :sending, claimedAt = :now")
          .conditionExpression("#s = :pending")
          .expressionAttributeNames(Map.of("#s", "status"))
          .expressionAttributeValues(Map.of(":sending", s(SENDING), ":now", s(iso(now)),
              ":pending", s(PENDING)))
          .returnValues(ReturnValue.ALL_NEW));
      return Optional.of(OutgoingMail.fromJson(DynamoTable.doc(r.attributes())));
    } catch (ConditionalCheckFailedException e) {
      return Optional.empty();
    }
  }

  /** Sent with the service's message id; a no-op for one already sent or suppressed. */
  @Override
  public void markSent(String mailId, Instant at, String messageId) {
    finish(mailId, SENT, "sentAt", at, "messageId", messageId);
  }

  /** Not sent, never again, with the reason; a no-op for one already sent or suppressed. */
  @Override
  public void markSuppressed(String mailId, Instant at, String reason) {
    finish(mailId, SUPPRESSED, "suppressedAt", at, "suppressedReason", reason);
  }

  /** Sending → pending, so that a retry claims it again; a no-op unless it is claimed. */
  @Override
  public void release(String mailId) {
    try {
      table.client().updateItem(b -> b.tableName(table.name()).key(DynamoTable.key(pk(mailId), "MAIL"))
          .updateExpression("SET #s = :pending REMOVE claimedAt")
          .conditionExpression("#s = :sending")
          .expressionAttributeNames(Map.of("#s", "status"))
          .expressionAttributeValues(Map.of(":pending", s(PENDING), ":sending", s(SENDING))));
    } catch (ConditionalCheckFailedException e) {
      // not claimed (sent, suppressed, released already, or unknown): nothing to undo
    }
  }

  /**
   * Puts back an e-mail claimed before {@code claimedBefore} whose sender never finished (a crash between claim
   * and mark): true if this call released it. For the sweep ({@link vn.doithoai.core.mail.SweepingMailOutbox}).
   */
  @Override
  public boolean releaseIfClaimedBefore(String mailId, Instant claimedBefore) {
    try {
      table.client().updateItem(b -> b.tableName(table.name()).key(DynamoTable.key(pk(mailId), "MAIL"))
          .updateExpression("SET #s = :pending REMOVE claimedAt")
          .conditionExpression("#s = :sending AND claimedAt < :before")
          .expressionAttributeNames(Map.of("#s", "status"))
          .expressionAttributeValues(Map.of(":pending", s(PENDING), ":sending", s(SENDING),
              ":before", s(iso(claimedBefore)))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /** The pending index's sort key moved to {@code now} (the back of the line), counting the attempt. */
  @Override
  public void requeue(String mailId, Instant now) {
    try {
      table.client().updateItem(b -> b.tableName(table.name()).key(DynamoTable.key(pk(mailId), "MAIL"))
          .updateExpression("SET gsi2sk = :sk ADD attempts :one")
          .conditionExpression("#s = :pending")
          .expressionAttributeNames(Map.of("#s", "status"))
          .expressionAttributeValues(Map.of(":sk", s(iso(now) + "#" + mailId), ":one", DynamoTable.n(1),
              ":pending", s(PENDING))));
    } catch (ConditionalCheckFailedException e) {
      // sent or claimed meanwhile: nothing to move
    }
  }

  /** Pending or sending → {@code status}, with its instant, off the pending index; false if it was not. */
  private boolean finish(String mailId, String status, String instantAttribute, Instant at, String noteAttribute,
      String note) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":status", s(status));
    values.put(":at", s(at.toString()));
    values.put(":pending", s(PENDING));
    values.put(":sending", s(SENDING));
    String set = "SET #s = :status, " + instantAttribute + " = :at";
    if (note != null) {
      set += ", " + noteAttribute + " = :note";
      values.put(":note", s(note));
    }
    String update = set + " REMOVE gsi2pk, gsi2sk, claimedAt";
    try {
      table.client().updateItem(b -> b.tableName(table.name()).key(DynamoTable.key(pk(mailId), "MAIL"))
          .updateExpression(update)
          .conditionExpression("#s IN (:pending, :sending)")
          .expressionAttributeNames(Map.of("#s", "status"))
          .expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  static String pk(String mailId) {
    return "MAIL#" + mailId;
  }

  private static boolean isFanOut(Map<String, AttributeValue> item) {
    return FANOUT_SK.equals(item.get(DynamoTable.SK).s());
  }

  private static String idOf(Map<String, AttributeValue> item) {
    return item.get(DynamoTable.PK).s().substring("MAIL#".length());
  }

  // ---- fan-out: e-mails too many for the transaction of their change ----

  /**
   * The sort key of a fan-out record: {@code MAIL#{fanOutId} / FANOUT}, doc {@code {id, commune, kind, count,
   * bodies: [{commune, subject, text, html, kind, createdAt}], mails: [{id, to, cc, b}]}} (each distinct body
   * once, each e-mail naming its body by index), {@code count} and {@code cursor} (how many of its e-mails are
   * written), on the pending index (gsi2 {@code MAIL#PENDING#{n} / {createdAt}#{fanOutId}}) until done; then off
   * it, with a TTL.
   */
  static final String FANOUT_SK = "FANOUT";
  static final String FANOUT_KIND = "mail.fanout";
  /** The most a fan-out record's doc holds (UTF-8 bytes): far below DynamoDB's 400 KB per item. */
  static final int FANOUT_MAX_BYTES = 150_000;
  /** The most e-mails one fan-out record holds. */
  static final int FANOUT_MAX_MAILS = 1_000;
  /** E-mails written per expansion transaction: with the fan-out's cursor, DynamoDB's 100 items. */
  static final int EXPAND_BATCH = DynamoTable.MAX_TRANSACTION_ITEMS - 1;
  /** The most bytes of e-mail records per expansion transaction (DynamoDB allows 4 MB). */
  static final int EXPAND_MAX_BYTES = 3_000_000;
  /** A fan-out record done is deleted by DynamoDB's TTL this long after its e-mails were queued. */
  static final java.time.Duration FANOUT_KEPT = java.time.Duration.ofDays(30);

  /** The fan-out records that hold {@code mails}, in order, named {@code fanOutKey#00}, {@code #01}, … */
  static List<Map<String, AttributeValue>> fanOutItems(List<OutgoingMail> mails, String fanOutKey) {
    List<Map<String, AttributeValue>> out = new ArrayList<>();
    int i = 0;
    while (i < mails.size()) {
      String id = fanOutKey + "#" + String.format("%02d", out.size());
      List<Object> bodies = new ArrayList<>();
      Map<String, Integer> bodyIndex = new HashMap<>();
      List<Object> entries = new ArrayList<>();
      int bytes = 200;
      while (i < mails.size() && entries.size() < FANOUT_MAX_MAILS) {
        OutgoingMail m = mails.get(i);
        Map<String, Object> body = body(m);
        String bodyJson = Json.write(body);
        Integer b = bodyIndex.get(bodyJson);
        int add = 0;
        if (b == null) {
          add += utf8(bodyJson) + 1;
        }
        Map<String, Object> entry = new java.util.LinkedHashMap<>();
        entry.put("id", m.id());
        entry.put("to", m.to());
        entry.put("cc", m.cc());
        entry.put("b", b == null ? bodies.size() : b);
        add += utf8(Json.write(entry)) + 1;
        if (!entries.isEmpty() && bytes + add > FANOUT_MAX_BYTES) {
          break;
        }
        if (b == null) {
          bodyIndex.put(bodyJson, bodies.size());
          bodies.add(body);
        }
        entries.add(entry);
        bytes += add;
        i++;
      }
      OutgoingMail first = mails.get(i - entries.size());
      Map<String, Object> doc = new java.util.LinkedHashMap<>();
      doc.put("id", id);
      doc.put("commune", first.communeId());
      doc.put("kind", FANOUT_KIND);
      doc.put("count", entries.size());
      doc.put("bodies", bodies);
      doc.put("mails", entries);
      Map<String, AttributeValue> item = new HashMap<>(DynamoTable.key(pk(id), FANOUT_SK));
      item.put(DOC, s(Json.write(doc)));
      item.put("count", DynamoTable.n(entries.size()));
      item.put(CURSOR, DynamoTable.n(0));
      item.put(GSI2PK, s(pendingPk(id)));
      item.put(GSI2SK, s(iso(first.createdAt()) + "#" + id));
      item.put("queuedAt", s(first.createdAt().toString()));
      out.add(item);
    }
    return out;
  }

  private static final String CURSOR = "cursor";

  private static Map<String, Object> body(OutgoingMail m) {
    Map<String, Object> b = new java.util.LinkedHashMap<>();
    b.put("commune", m.communeId());
    b.put("subject", m.subject());
    b.put("text", m.text());
    b.put("html", m.html());
    b.put("kind", m.kind());
    b.put("createdAt", m.createdAt().toString());
    return b;
  }

  private static int utf8(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }

  /** The e-mails a fan-out record holds, in order. */
  @SuppressWarnings("unchecked")
  static List<OutgoingMail> fanOutMails(Map<String, AttributeValue> item) {
    Map<String, Object> doc = DynamoTable.doc(item);
    List<Map<String, Object>> bodies = (List<Map<String, Object>>) doc.get("bodies");
    List<OutgoingMail> out = new ArrayList<>();
    for (Map<String, Object> e : (List<Map<String, Object>>) doc.get("mails")) {
      Map<String, Object> b = bodies.get(((Number) e.get("b")).intValue());
      out.add(new OutgoingMail((String) e.get("id"), (String) b.get("commune"), (String) e.get("to"),
          (String) b.get("subject"), (String) b.get("text"), (String) b.get("html"), (String) b.get("kind"),
          Instant.parse((String) b.get("createdAt")), (List<String>) e.getOrDefault("cc", List.of())));
    }
    return out;
  }

  /**
   * Expansion: batch after batch from the record's cursor, one transaction each that puts the batch's e-mails
   * ({@code attribute_not_exists}) and moves the cursor past them on condition that it has not moved (the last
   * batch also takes the record off the pending index): a batch is written whole or not at all, an expander
   * that dies between batches leaves the cursor where the next one (the sweep, a retried event) goes on, and
   * two racing expanders cannot both write a batch. An e-mail already there (the only way: written by someone
   * else) is left out of the batch, not written again.
   */
  @Override
  public int expand(String fanOutId) {
    int written = 0;
    java.util.Set<String> present = new java.util.HashSet<>();
    for (int round = 0; ; round++) {
      if (round > 10 * FANOUT_MAX_MAILS) {
        throw new IllegalStateException("fan-out " + fanOutId + " made no progress");
      }
      Optional<Map<String, AttributeValue>> found = table.get(pk(fanOutId), FANOUT_SK);
      if (found.isEmpty()) {
        return written;
      }
      Map<String, AttributeValue> item = found.get();
      if (LETTER_KIND.equals(DynamoTable.doc(item).get("kind"))) {
        return expandLetter(fanOutId);
      }
      long cursor = Long.parseLong(item.get(CURSOR).n());
      List<OutgoingMail> mails = fanOutMails(item);
      if (cursor >= mails.size() && !item.containsKey(GSI2PK)) {
        return written; // done
      }
      List<TransactWriteItem> writes = new ArrayList<>();
      int next = (int) cursor;
      int bytes = 0;
      while (next < mails.size() && next - cursor < EXPAND_BATCH) {
        Map<String, AttributeValue> mail = mailItem(mails.get(next));
        int size = utf8(mail.get(DOC).s()) + 300;
        if (next > cursor && bytes + size > EXPAND_MAX_BYTES) {
          break;
        }
        bytes += size;
        if (!present.contains(mails.get(next).id())) {
          writes.add(table.putNew(mail));
        }
        next++;
      }
      Map<String, AttributeValue> values = new HashMap<>();
      values.put(":c", DynamoTable.n(cursor));
      values.put(":next", DynamoTable.n(next));
      String update = "SET #c = :next";
      if (next >= mails.size()) {
        update += ", " + DynamoTable.EXPIRES_AT + " = :exp REMOVE " + GSI2PK + ", " + GSI2SK;
        values.put(":exp", DynamoTable.n(Instant.parse(DynamoTable.str(item, "queuedAt")).plus(FANOUT_KEPT)
            .getEpochSecond()));
      }
      String expression = update;
      writes.add(TransactWriteItem.builder().update(software.amazon.awssdk.services.dynamodb.model.Update.builder()
          .tableName(table.name()).key(DynamoTable.key(pk(fanOutId), FANOUT_SK)).updateExpression(expression)
          .conditionExpression("#c = :c").expressionAttributeNames(Map.of("#c", CURSOR))
          .expressionAttributeValues(values).build()).build());
      DynamoTable.Outcome o = table.transact(writes);
      if (o.committed()) {
        written += writes.size() - 1;
        continue;
      }
      if (o.conditionFailed(writes.size() - 1)) {
        continue; // another expander moved the cursor: read where it stands
      }
      boolean explained = false;
      for (int i = 0; i < writes.size() - 1; i++) {
        if (o.conditionFailed(i)) {
          present.add(idOf(writes.get(i).put().item()));
          explained = true;
        }
      }
      if (!explained) {
        throw DynamoTable.unexpected(o);
      }
    }
  }

  // ---- letters: one message to every raiser merged into a matter, page by page ----

  static final String LETTER_KIND = "mail.letter";
  /** The sort key of the last raiser record whose messages a letter's expansion has written. */
  private static final String AFTER = "after";
  /** Raiser records read per step of a letter's expansion. */
  static final int LETTER_RECORDS = 40;
  /**
   * Steps one call takes at most: {@value} × {@value #LETTER_RECORDS} = 2,400 merged opinions. A step is one
   * strongly consistent Query and one TransactWriteItems of at most 100 items: assuming ~100 ms each in AWS,
   * about 6 s, within the mailer's 15 s. A larger matter's letter stays on the pending index where the call
   * stopped, and the 5-minute sweep goes on from there (another 2,400 each time).
   */
  static final int LETTER_STEPS_PER_CALL = 60;

  /**
   * A letter's record: {@code MAIL#{letterId} / FANOUT} (so the stream, the mailer and the sweep expand it like a
   * fan-out record), doc {@code {id, commune, kind: mail.letter, letter}}, no personal data; {@code cursor}
   * counts the messages written, {@code after} names the last raiser record done; on the pending index until
   * done.
   */
  static Map<String, AttributeValue> letterItem(vn.doithoai.core.mail.RaiserLetter l) {
    Map<String, Object> doc = new java.util.LinkedHashMap<>();
    doc.put("id", l.id());
    doc.put("commune", l.communeId());
    doc.put("kind", LETTER_KIND);
    doc.put("letter", l.toJson());
    Map<String, AttributeValue> item = new HashMap<>(DynamoTable.key(pk(l.id()), FANOUT_SK));
    item.put(DOC, s(Json.write(doc)));
    item.put(CURSOR, DynamoTable.n(0));
    item.put(GSI2PK, s(PENDING_PK));
    item.put(GSI2SK, s(iso(l.createdAt()) + "#" + l.id()));
    item.put("queuedAt", s(l.createdAt().toString()));
    return item;
  }

  /**
   * A letter's expansion, step by step: the next raiser records after {@code after} (a Query of the matter's
   * records, {@value #LETTER_RECORDS} at most), as many as make at most {@value #EXPAND_BATCH} messages, written
   * in one transaction with {@code after} moved past them on condition it has not moved (the step that finds no
   * record left takes the letter off the pending index). Memory and time per step are bounded whatever the
   * number of raisers, and one call takes at most {@value #LETTER_STEPS_PER_CALL} steps; an expander that stops
   * or dies between steps leaves {@code after} where the next one (the sweep) goes on. A
   * message already there (the same address told through the matter's listed raisers, or an earlier record) is
   * left out, not written again: one message per address.
   */
  @SuppressWarnings("unchecked")
  private int expandLetter(String letterId) {
    int written = 0;
    int steps = 0;
    java.util.Set<String> present = new java.util.HashSet<>();
    for (int round = 0; ; round++) {
      if (round > 10 * LETTER_STEPS_PER_CALL) {
        throw new IllegalStateException("letter " + letterId + " made no progress");
      }
      if (steps >= LETTER_STEPS_PER_CALL) {
        return written; // the sweep goes on from here
      }
      Optional<Map<String, AttributeValue>> found = table.get(pk(letterId), FANOUT_SK);
      if (found.isEmpty() || !found.get().containsKey(GSI2PK)) {
        return written; // gone or done
      }
      Map<String, AttributeValue> item = found.get();
      vn.doithoai.core.mail.RaiserLetter letter = vn.doithoai.core.mail.RaiserLetter.fromJson(
          (Map<String, Object>) DynamoTable.doc(item).get("letter"));
      Optional<String> after = Optional.ofNullable(DynamoTable.str(item, AFTER));
      vn.doithoai.core.opinion.MergedRaisers.Page page = MatterRaisers.page(table, letter.communeId(),
          letter.matterId(), after, LETTER_RECORDS);
      Map<String, OutgoingMail> batch = new java.util.LinkedHashMap<>();
      String last = after.orElse(null);
      int taken = 0;
      for (vn.doithoai.core.opinion.MergedRaisers r : page.records()) {
        List<OutgoingMail> mails = letter.to(r.raisers());
        if (taken > 0 && batch.size() + mails.size() > EXPAND_BATCH) {
          break;
        }
        for (OutgoingMail m : mails) {
          batch.putIfAbsent(m.id(), m);
        }
        last = MatterRaisers.sk(r.matterId(), r.sourceId());
        taken++;
      }
      boolean done = taken == page.records().size() && page.next().isEmpty();
      List<OutgoingMail> toWrite = batch.values().stream().filter(m -> !present.contains(m.id())).toList();
      // a record of more raisers than one transaction holds (an old matter's list carried along): its
      // messages first, each written once whatever happens, then the step moves past it
      while (toWrite.size() > EXPAND_BATCH) {
        List<OutgoingMail> chunk = toWrite.subList(0, EXPAND_BATCH);
        for (OutgoingMail m : chunk) {
          try {
            table.client().putItem(b -> b.tableName(table.name()).item(mailItem(m))
                .conditionExpression(DynamoTable.NOT_EXISTS));
            written++;
          } catch (ConditionalCheckFailedException e) {
            // already written
          }
          present.add(m.id());
        }
        toWrite = toWrite.subList(EXPAND_BATCH, toWrite.size());
      }
      List<TransactWriteItem> writes = new ArrayList<>();
      for (OutgoingMail m : toWrite) {
        writes.add(table.putNew(mailItem(m)));
      }
      Map<String, AttributeValue> values = new HashMap<>();
      values.put(":n", DynamoTable.n(toWrite.size()));
      String update = "SET #c = #c + :n";
      if (last != null) {
        update += ", #a = :last";
        values.put(":last", s(last));
      }
      if (done) {
        update += ", " + DynamoTable.EXPIRES_AT + " = :exp REMOVE " + GSI2PK + ", " + GSI2SK;
        values.put(":exp", DynamoTable.n(Instant.parse(DynamoTable.str(item, "queuedAt")).plus(FANOUT_KEPT)
            .getEpochSecond()));
      }
      String condition;
      if (after.isPresent()) {
        condition = "#a = :after";
        values.put(":after", s(after.get()));
      } else {
        condition = "attribute_not_exists(#a)";
      }
      condition += " AND attribute_exists(" + GSI2PK + ")";
      writes.add(TransactWriteItem.builder().update(software.amazon.awssdk.services.dynamodb.model.Update.builder()
          .tableName(table.name()).key(DynamoTable.key(pk(letterId), FANOUT_SK)).updateExpression(update)
          .conditionExpression(condition).expressionAttributeNames(Map.of("#c", CURSOR, "#a", AFTER))
          .expressionAttributeValues(values).build()).build());
      DynamoTable.Outcome o = table.transact(writes);
      if (o.committed()) {
        written += writes.size() - 1;
        steps++;
        if (done) {
          return written;
        }
        continue;
      }
      if (o.conditionFailed(writes.size() - 1)) {
        steps++; // another expander moved on: read where it stands
        continue;
      }
      boolean explained = false;
      for (int i = 0; i < writes.size() - 1; i++) {
        if (o.conditionFailed(i)) {
          present.add(idOf(writes.get(i).put().item()));
          explained = true;
        }
      }
      if (!explained) {
        throw DynamoTable.unexpected(o);
      }
    }
  }

  /** The item a repository puts (with {@code attribute_not_exists(pk)}) in the transaction of its change. */
  static Map<String, AttributeValue> mailItem(OutgoingMail m) {
    Map<String, AttributeValue> item = new HashMap<>(DynamoTable.key(pk(m.id()), "MAIL"));
    item.put(DOC, s(Json.write(m.toJson())));
    item.put("status", s(PENDING));
    // the recipient's opaque id: how a citizen's export or erasure finds the messages sent to a contact
    item.put("contact", s(vn.doithoai.core.mail.ContactIds.of(m.to())));
    item.put(GSI2PK, s(pendingPk(m.id())));
    item.put(GSI2SK, s(iso(m.createdAt()) + "#" + m.id()));
    return item;
  }
}
