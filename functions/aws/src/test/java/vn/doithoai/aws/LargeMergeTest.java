package vn.doithoai.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.OpinionField;
import vn.doithoai.core.opinion.OpinionParts.Raiser;

/**
 * A matter stored the old way — every merged raiser inline, its raisers, audit trail and merged ids kept in pages
 * ({@link OpinionPages}) — still reads whole, and takes further merges the new way ({@link MatterRaisers}).
 */
class LargeMergeTest {
  /** The number of raisers of one matter this is tested with. */
  static final int RAISERS = 5_000;
  private static final Optional<String> PLAN = Optional.of("p_big");

  private DynamoTable table;
  private DynamoOpinions opinions;

  @BeforeEach
  void setUp() {
    table = TestTable.create();
    opinions = new DynamoOpinions(table);
  }

  private static Opinion citizen(int i) {
    Raiser r = new Raiser("Nguyễn Văn Công dân " + i, "0912 " + String.format("%06d", i), "cong.dan" + i
        + "@example.vn", "Số " + i + ", đường Hùng Vương, khu phố Chi Lăng", "Thôn Nà Pàn", i % 2 == 0);
    Opinion o = Fixtures.opinion("o_" + i, PLAN, OpinionField.INFRASTRUCTURE, Fixtures.T0.plusSeconds(i));
    return new Opinion(o.id(), o.communeId(), o.planId(), o.trackingCode(), o.content(), o.field(), o.channel(),
        List.of(r), o.compiled(), o.receivedAt(), o.status(), o.decision(), o.mergedInto(), o.mergedFrom(),
        o.assignment(), o.answer(), o.version(), o.audit());
  }

  /** The target after n-1 merges as they were made before raisers were kept apart: every raiser inline. */
  private static Opinion absorbed(int n) {
    List<Opinion> merged = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      merged.add(citizen(i));
    }
    return Fixtures.legacyMatter(citizen(0), merged, Fixtures.T0.plusSeconds(RAISERS + 60));
  }

  /** An item's size as DynamoDB counts it: attribute names and values, UTF-8. */
  private static int size(Map<String, AttributeValue> item) {
    int n = 0;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      n += e.getKey().getBytes(StandardCharsets.UTF_8).length;
      AttributeValue v = e.getValue();
      if (v.s() != null) {
        n += v.s().getBytes(StandardCharsets.UTF_8).length;
      } else if (v.n() != null) {
        n += v.n().length();
      } else if (v.hasSs()) {
        n += v.ss().stream().mapToInt(x -> x.getBytes(StandardCharsets.UTF_8).length).sum();
      }
    }
    return n;
  }

  @Test
  @DisplayName(RAISERS + " raisers on one matter stored the old way, ten more by real merges: every item under "
      + "100 KB, everything read back")
  void aMatterOfFiveThousandRaisers() {
    int bulk = RAISERS - 10;
    Opinion target = absorbed(bulk);
    opinions.create(List.of(target), List.of());
    for (int i = bulk; i < RAISERS; i++) {
      Opinion source = citizen(i);
      opinions.create(List.of(source), List.of());
      Opinion stored = opinions.find(Fixtures.CID, "o_0").orElseThrow();
      Instant at = Fixtures.T0.plusSeconds(RAISERS + 120 + i);
      opinions.merge(source.mergeInto(stored, Fixtures.OFFICE, at), stored.absorb(source, Fixtures.OFFICE, at),
          vn.doithoai.core.opinion.MergedRaisers.of(stored, source, at, Fixtures.OFFICE));
    }

    Opinion read = opinions.find(Fixtures.CID, "o_0").orElseThrow();
    assertEquals(bulk, read.raisers().size(), "the old list, inline");
    assertEquals(RAISERS, read.raiserCount());
    assertEquals(bulk - 1, read.mergedFrom().size());
    assertEquals(10, read.merged().opinions(), "the new merges, kept apart");
    List<Raiser> every = new ArrayList<>();
    opinions.forEachRaiser(read, every::add);
    assertEquals(RAISERS, every.size(), "both shapes read as one list");
    assertEquals("cong.dan4999@example.vn", every.get(RAISERS - 1).email(), "in merge order");
    assertEquals(citizen(1234).raisers().get(0), read.raisers().get(1234));
    assertEquals(read, opinions.byPlan(Fixtures.CID, PLAN, Optional.empty(), Optional.empty(), Optional.empty())
        .stream().filter(o -> o.id().equals("o_0")).findFirst().orElseThrow(), "the list reads the same");

    List<Map<String, AttributeValue>> items = TestTable.scan(table, "C#" + Fixtures.CID);
    int largest = items.stream().mapToInt(LargeMergeTest::size).max().orElseThrow();
    Map<String, AttributeValue> head = items.stream().filter(i -> i.get("sk").s().equals("OP#o_0")).findFirst()
        .orElseThrow();
    System.out.println("large merge: " + RAISERS + " raisers, " + head.get(OpinionPages.PAGES).ss().size()
        + " pages, opinion item " + size(head) + " B, largest item " + largest + " B");
    assertTrue(size(head) < 20_000, "the opinion item stays small: " + size(head));
    assertTrue(largest < 100_000, "every item far below 400 KB: " + largest);
    assertEquals(75, head.get(OpinionPages.PAGES).ss().size(), "25 pages each of raisers, audit, merged ids");
    assertEquals(75, items.stream().filter(i -> i.get("sk").s().startsWith("OPP#o_0#")).count(),
        "no page left over from earlier versions");
  }

  @Test
  @DisplayName("an opinion stored with every raiser inline (before pages) still reads, and pages on its next save")
  @SuppressWarnings("unchecked")
  void anInlineRecordStillReads() {
    Opinion target = absorbed(OpinionPages.PAGE + 50);
    Map<String, AttributeValue> legacy = new HashMap<>(DynamoOpinions.opinionItem(citizen(0)));
    legacy.put(DynamoTable.DOC, AttributeValue.fromS(Json.write(target.toJson())));
    legacy.put(DynamoTable.VERSION, AttributeValue.fromN(Long.toString(target.version())));
    table.client().putItem(b -> b.tableName(table.name()).item(legacy));
    assertFalse(legacy.containsKey(OpinionPages.PAGES));

    assertEquals(target, opinions.find(Fixtures.CID, "o_0").orElseThrow());

    Opinion source = citizen(9_999);
    opinions.create(List.of(source), List.of());
    Instant at = Fixtures.T0.plusSeconds(99_999);
    Opinion merged = target.absorb(source, Fixtures.OFFICE, at);
    opinions.merge(source.mergeInto(target, Fixtures.OFFICE, at), merged,
        vn.doithoai.core.opinion.MergedRaisers.of(target, source, at, Fixtures.OFFICE));
    Opinion read = opinions.find(Fixtures.CID, "o_0").orElseThrow();
    assertEquals(OpinionPages.PAGE + 50, read.raisers().size(), "the old list stays as it was");
    assertEquals(OpinionPages.PAGE + 51, read.raiserCount());
    assertEquals(merged, read);
    assertThrows(DomainException.class, () -> opinions.save(List.of(target.close("", Fixtures.OFFICE, at)),
        List.of()), "a save from before the merge is a stale version");
    assertEquals(read, opinions.find(Fixtures.CID, "o_0").orElseThrow(), "and changes nothing");
  }

  @Test
  @DisplayName("a stored raiser list pages only past " + OpinionPages.PAGE + " entries")
  void aSmallOpinionStaysInline() {
    Opinion small = absorbed(OpinionPages.PAGE);
    opinions.create(List.of(small), List.of());
    Map<String, AttributeValue> head = TestTable.scan(table, "C#" + Fixtures.CID).stream()
        .filter(i -> i.get("sk").s().equals("OP#o_0")).findFirst().orElseThrow();
    assertFalse(head.containsKey(OpinionPages.PAGES));
    assertEquals(small, opinions.find(Fixtures.CID, "o_0").orElseThrow());
    List<Object> raisers = (List<Object>) Json.readObject(head.get(DynamoTable.DOC).s()).get("raisers");
    assertEquals(OpinionPages.PAGE, raisers.size());
  }
}
