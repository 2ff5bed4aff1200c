package vn.doithoai.aws;

import static vn.doithoai.aws.DynamoTable.DOC;
import static vn.doithoai.aws.DynamoTable.s;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.opinion.Opinion;

/**
 * The lists of an opinion that grow with every merge — its raisers, its audit trail, the opinions merged into
 * it — kept in pages of their own once one holds more than {@value #PAGE} entries, so that the opinion item
 * stays far below DynamoDB's 400 KB whatever the number of raisers (one item with everything inline failed
 * at the 1,253rd merge).
 *
 * <p>A page is {@code C#{cid} / OPP#{opinionId}#{list}#{nnnn}#{hash}} with the JSON array in {@code doc}; the
 * opinion item lists its pages' sort keys in {@code pages}, in order, and holds those lists empty. A page's
 * key names its content, so a page is never rewritten: a save puts the pages the stored version does not list
 * and deletes the ones it no longer lists, in the same transaction as the opinion (a merge: the last page of
 * each list, one put and one delete each). A reader gets the opinion, then its listed pages — the very ones
 * of that version; a page deleted meanwhile by a newer save makes it read again. An opinion without
 * {@code pages} (every one stored before, and every small one) reads as it always did.
 */
final class OpinionPages {
  /** Entries per page: about 66 KB of raisers at the ~330 bytes each measured. */
  static final int PAGE = 200;
  static final String PAGES = "pages";
  private static final List<String> LISTS = List.of("raisers", "audit", "mergedFrom");
  private static final int READ_TRIES = 5;

  private OpinionPages() {}

  /** An opinion as stored: its item, and its pages by sort key (empty when it holds everything inline). */
  record Split(Map<String, AttributeValue> head, Map<String, Map<String, AttributeValue>> pages) {
    Set<String> keys() {
      return pages.keySet();
    }
  }

  /** The item of {@code o} with {@code indexed} (keys, index and filter attributes), and its pages. */
  @SuppressWarnings("unchecked")
  static Split split(Opinion o, Map<String, AttributeValue> indexed) {
    Map<String, Object> doc = o.toJson();
    Map<String, AttributeValue> head = new HashMap<>(indexed);
    Map<String, Map<String, AttributeValue>> pages = new LinkedHashMap<>();
    String pk = indexed.get(DynamoTable.PK).s();
    for (String list : LISTS) {
      List<Object> entries = (List<Object>) doc.get(list);
      if (entries.size() <= PAGE) {
        continue;
      }
      for (int i = 0, n = 0; i < entries.size(); i += PAGE, n++) {
        String content = Json.write(entries.subList(i, Math.min(entries.size(), i + PAGE)));
        String sk = "OPP#" + o.id() + "#" + list + "#" + String.format("%04d", n) + "#" + hash(content);
        Map<String, AttributeValue> page = new HashMap<>(DynamoTable.key(pk, sk));
        page.put(DOC, s(content));
        pages.put(sk, page);
      }
      doc.put(list, List.of());
    }
    head.put(DOC, s(Json.write(doc)));
    if (!pages.isEmpty()) {
      head.put(PAGES, AttributeValue.fromSs(new ArrayList<>(pages.keySet())));
    }
    return new Split(head, pages);
  }

  /** The writes besides the opinion item itself: new pages, and pages of the stored version no longer used. */
  static List<TransactWriteItem> writes(DynamoTable table, Split next, Set<String> storedPages) {
    List<TransactWriteItem> out = new ArrayList<>();
    String pk = next.head().get(DynamoTable.PK).s();
    next.pages().forEach((sk, page) -> {
      if (!storedPages.contains(sk)) {
        out.add(table.put(page, null, null, null));
      }
    });
    for (String sk : storedPages) {
      if (!next.pages().containsKey(sk)) {
        out.add(table.delete(pk, sk));
      }
    }
    return out;
  }

  /** The sort keys of the pages the stored opinion lists (none for one stored inline or not stored). */
  static Set<String> storedPages(DynamoTable table, String pk, String sk) {
    var r = table.client().getItem(b -> b.tableName(table.name()).key(DynamoTable.key(pk, sk))
        .projectionExpression(PAGES).consistentRead(true));
    AttributeValue pages = r.hasItem() ? r.item().get(PAGES) : null;
    return pages == null ? Set.of() : new LinkedHashSet<>(pages.ss());
  }

  /**
   * The opinion in {@code item}, its pages read back in. {@code reread} gets the item again when a listed page
   * is gone (a newer version replaced it between the two reads).
   */
  static Opinion read(DynamoTable table, Map<String, AttributeValue> item,
      java.util.function.Supplier<Map<String, AttributeValue>> reread) {
    for (int attempt = 0; attempt < READ_TRIES; attempt++) {
      AttributeValue listed = item.get(PAGES);
      Map<String, Object> doc = DynamoTable.doc(item);
      if (listed == null) {
        return Opinion.fromJson(doc);
      }
      String pk = item.get(DynamoTable.PK).s();
      String prefix = "OPP#" + doc.get("id") + "#";
      Map<String, Map<String, AttributeValue>> found = new HashMap<>();
      for (Map<String, AttributeValue> page : table.query(QueryRequest.builder()
          .keyConditionExpression("pk = :pk AND begins_with(sk, :p)")
          .expressionAttributeValues(Map.of(":pk", s(pk), ":p", s(prefix))).consistentRead(true), 0)) {
        found.put(page.get(DynamoTable.SK).s(), page);
      }
      List<String> keys = new ArrayList<>(listed.ss());
      keys.sort(null); // the string set has no order; the sort keys do: list name, then page number
      if (found.keySet().containsAll(keys)) {
        Map<String, List<Object>> lists = new HashMap<>();
        for (String sk : keys) {
          String list = sk.substring(prefix.length(), sk.indexOf('#', prefix.length()));
          lists.computeIfAbsent(list, k -> new ArrayList<>()).addAll(DynamoTable.docArray(found.get(sk)));
        }
        doc.putAll(lists);
        return Opinion.fromJson(doc);
      }
      item = reread.get();
    }
    throw new IllegalStateException("opinion pages kept changing while read: " + DynamoTable.str(item, "pk"));
  }

  private static String hash(String content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(content.getBytes(StandardCharsets.UTF_8)), 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
