package vn.doithoai.core.opinion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.common.Actor;
import vn.doithoai.core.intake.InboxEntry;
import vn.doithoai.core.intake.IntakeResult;
import vn.doithoai.core.mail.OutgoingMail;
import vn.doithoai.core.opinion.OpinionParts.Raiser;

class OpinionPagingTest {
  static Opinion opinion(int n, String content, String name) {
    // several in one second: the order within it is the id's, as in the index
    Instant at = Instant.parse("2026-11-03T01:00:00Z").plusMillis(n * 300L);
    return Opinion.received(String.format("o_%03d", n), "demo", Optional.empty(), "DT-AAAA-" + n, content,
        OpinionField.OTHER, Channel.WEBSITE, List.of(new Raiser(name, null, null, null, null, false)),
        Optional.empty(), at, Actor.system("webhook", "demo"));
  }

  /** Two runs kept as sorted lists; a position is the index after an item; reads are counted. */
  static final class TwoRuns implements Opinions {
    final Map<String, List<Opinion>> runs;
    int reads;

    TwoRuns(List<Opinion> a, List<Opinion> b) {
      runs = Map.of(OpinionPaging.name(RUN_A), sortedCopy(a), OpinionPaging.name(RUN_B), sortedCopy(b));
    }

    static List<Opinion> sortedCopy(List<Opinion> l) {
      List<Opinion> c = new ArrayList<>(l);
      c.sort(OpinionPaging.order(OpinionPaging.Sort.NEWEST));
      return c;
    }

    @Override
    public Chunk read(String communeId, Run run, Narrowing narrowing, Optional<String> from, int max) {
      reads++;
      List<Opinion> all = runs.get(OpinionPaging.name(run));
      int start = from.map(Integer::parseInt).orElse(0);
      int end = Math.min(all.size(), start + max);
      List<String> positions = new ArrayList<>();
      for (int i = start; i < end; i++) {
        positions.add(Integer.toString(i + 1));
      }
      return new Chunk(all.subList(start, end), positions, end < all.size() ? Optional.of(Integer.toString(end))
          : Optional.empty());
    }

    @Override
    public long count(String communeId, Run run, Narrowing narrowing) {
      return runs.get(OpinionPaging.name(run)).size();
    }

    // ---- not used by paging ----
    @Override public IntakeResult intake(InboxEntry e, java.util.function.IntFunction<Opinion> o) { throw new AssertionError(); }
    @Override public void create(List<Opinion> o, List<OutgoingMail> m) { throw new AssertionError(); }
    @Override public Optional<Opinion> find(String c, String id) { throw new AssertionError(); }
    @Override public Optional<Opinion> findByTrackingCode(String c, String t) { throw new AssertionError(); }
    @Override public void save(List<Opinion> c, List<OutgoingMail> m,
        Map<String, Optional<vn.doithoai.core.plan.PlanDeadline>> d,
        List<vn.doithoai.core.mail.RaiserLetter> l) { throw new AssertionError(); }
    @Override public void merge(Opinion m, Opinion a, MergedRaisers r) { throw new AssertionError(); }
    @Override public MergedRaisers.Page mergedRaisers(String c, String m, Optional<String> from, int l) {
      throw new AssertionError();
    }
    @Override public boolean eraseMergedRaisers(String c, String m, String s,
        java.util.function.Predicate<OpinionParts.Raiser> w) { throw new AssertionError(); }
    @Override public List<Opinion> byPlan(String c, Optional<String> p, Optional<OpinionStatus> s,
        Optional<OpinionField> f, Optional<String> a) { throw new AssertionError(); }
    @Override public List<Opinion> byAgency(String c, String a) { throw new AssertionError(); }
    @Override public List<Opinion> all(String c) { throw new AssertionError(); }
    @Override public Page everyCommune(Optional<String> cursor, int limit) { throw new AssertionError(); }
  }

  static final Opinions.Run RUN_A = new Opinions.Run.OfPlan(Optional.empty(), OpinionStatus.RECEIVED);
  static final Opinions.Run RUN_B = new Opinions.Run.OfPlan(Optional.of("p_1"), OpinionStatus.RECEIVED);

  @Test
  @DisplayName("two runs merged newest first, page after page: every opinion once, in order, none skipped")
  void mergedPages() {
    List<Opinion> a = new ArrayList<>();
    List<Opinion> b = new ArrayList<>();
    for (int i = 0; i < 53; i++) {
      (i % 3 == 0 ? b : a).add(opinion(i, "Nội dung " + i, "Người " + i));
    }
    TwoRuns store = new TwoRuns(a, b);
    List<String> seen = new ArrayList<>();
    Optional<OpinionPaging.Cursor> cursor = Optional.empty();
    int pages = 0;
    do {
      OpinionPaging.Result r = OpinionPaging.page(store, "demo", "L", List.of(RUN_A, RUN_B),
          Opinions.Narrowing.NONE, OpinionPaging.Sort.NEWEST, o -> true, cursor, 10, 1000);
      assertTrue(r.opinions().size() <= 10);
      r.opinions().forEach(o -> seen.add(o.id()));
      cursor = r.next().map(n -> OpinionPaging.Cursor.decode(n).orElseThrow());
      cursor.ifPresent(c -> assertEquals("L", c.listing()));
      pages++;
    } while (cursor.isPresent());
    assertEquals(6, pages);
    List<String> expected = new ArrayList<>();
    for (int i = 52; i >= 0; i--) {
      expected.add(String.format("o_%03d", i));
    }
    assertEquals(expected, seen);
  }

  @Test
  @DisplayName("a filter applied after the read gives short pages while next goes on, within the read budget")
  void filteredAfterRead() {
    List<Opinion> a = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      a.add(opinion(i, i % 25 == 0 ? "Trạm y tế" : "Đường làng", "Người " + i));
    }
    TwoRuns store = new TwoRuns(a, List.of());
    OpinionPaging.Result r = OpinionPaging.page(store, "demo", "L", List.of(RUN_A, RUN_B), Opinions.Narrowing.NONE,
        OpinionPaging.Sort.NEWEST, o -> OpinionPaging.found(o, "tram y te"), Optional.empty(), 10, 40);
    assertTrue(r.read() <= 40, "the budget bounds the read: " + r.read());
    assertTrue(r.next().isPresent(), "the page ended on the budget, the list goes on");
    List<String> found = new ArrayList<>(r.opinions().stream().map(Opinion::id).toList());
    Optional<OpinionPaging.Cursor> c = r.next().flatMap(OpinionPaging.Cursor::decode);
    while (c.isPresent()) {
      OpinionPaging.Result more = OpinionPaging.page(store, "demo", "L", List.of(RUN_A, RUN_B),
          Opinions.Narrowing.NONE, OpinionPaging.Sort.NEWEST, o -> OpinionPaging.found(o, "tram y te"), c, 10, 40);
      more.opinions().forEach(o -> found.add(o.id()));
      c = more.next().flatMap(OpinionPaging.Cursor::decode);
    }
    assertEquals(List.of("o_075", "o_050", "o_025", "o_000"), found);
    assertEquals(4, new HashSet<>(found).size());
  }

  @Test
  @DisplayName("a page as large as the read budget (the merge candidates) is read within it, not cut to nothing")
  void pageAsLargeAsTheBudget() {
    List<Opinion> a = new ArrayList<>();
    List<Opinion> b = new ArrayList<>();
    for (int i = 0; i < 53; i++) {
      (i % 2 == 0 ? a : b).add(opinion(i, "Nội dung " + i, "Người " + i));
    }
    OpinionPaging.Result r = OpinionPaging.page(new TwoRuns(a, b), "demo", "L", List.of(RUN_A, RUN_B),
        Opinions.Narrowing.NONE, OpinionPaging.Sort.NEWEST, o -> true, Optional.empty(), 1000, 1000);
    assertEquals(53, r.opinions().size());
    assertTrue(r.next().isEmpty());
  }

  @Test
  @DisplayName("a cursor is base64url JSON: anything else is not one")
  void cursors() {
    OpinionPaging.Cursor c = new OpinionPaging.Cursor("abc", Map.of("p:-:received", "o_1\nreceived#x#o_1"));
    assertEquals(Optional.of(c), OpinionPaging.Cursor.decode(c.encode()));
    assertTrue(OpinionPaging.Cursor.decode("%%%").isEmpty());
    assertTrue(OpinionPaging.Cursor.decode("eyJ4IjoxfQ").isEmpty()); // {"x":1}
    assertTrue(!OpinionPaging.listing("demo", OpinionPaging.Sort.NEWEST, "f")
        .equals(OpinionPaging.listing("khac", OpinionPaging.Sort.NEWEST, "f")));
  }

  @Test
  @DisplayName("search: tracking code, content and raiser's name, with or without diacritics")
  void search() {
    Opinion o = opinion(1, "Đường làng thôn Nà Pàn xuống cấp", "Hoàng Văn Dũng");
    assertTrue(OpinionPaging.found(o, "duong lang"));
    assertTrue(OpinionPaging.found(o, "hoang van dung"));
    assertTrue(OpinionPaging.found(o, "dt-aaaa-1"));
    assertTrue(OpinionPaging.found(o, "DTAAAA1"));
    assertTrue(!OpinionPaging.found(o, "tram y te"));
  }
}
