package vn.doithoai.core.opinion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.common.Actor;
import vn.doithoai.core.opinion.OpinionParts.Raiser;

class OpinionPagingTest {
  static Opinion opinion(int n, String content, String name) {
    // n milliseconds apart, and every tenth on a whole second (Instant.toString drops its fraction)
    Instant at = Instant.parse("2026-11-03T01:00:00Z").plusMillis(n * 100L);
    return Opinion.received("o_" + n, "demo", Optional.empty(), "DT-AAAA-" + n, content, OpinionField.OTHER,
        Channel.WEBSITE, List.of(new Raiser(name, null, null, null, null, false)), Optional.empty(), at,
        Actor.system("webhook", "demo"));
  }

  static List<Opinion> sorted(int count) {
    List<Opinion> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      all.add(opinion(i, "Nội dung " + i, "Người " + i));
    }
    all.sort(OpinionPaging.order(OpinionPaging.Sort.NEWEST));
    return all;
  }

  @Test
  @DisplayName("pages of 10 over 25, newest first: next cursors walk every opinion once; previous goes back")
  void cursorsWalkTheListOnce() {
    List<Opinion> list = sorted(25);
    assertEquals("o_24", list.get(0).id());
    List<String> seen = new ArrayList<>();
    String after = "";
    List<OpinionPage> pages = new ArrayList<>();
    while (true) {
      OpinionPage p = OpinionPaging.page(list, OpinionPaging.Sort.NEWEST, after, 10, o -> Optional.empty(),
          Optional.empty());
      pages.add(p);
      p.opinions().forEach(e -> seen.add(e.opinion().id()));
      assertEquals(25, p.total());
      if (p.next().isEmpty()) {
        break;
      }
      after = OpinionPaging.after(OpinionPaging.Sort.NEWEST, p.next().get()).orElseThrow();
    }
    assertEquals(list.stream().map(Opinion::id).toList(), seen);
    assertEquals(3, pages.size());
    assertTrue(pages.get(0).previous().isEmpty());
    String back = OpinionPaging.after(OpinionPaging.Sort.NEWEST, pages.get(2).previous().orElseThrow()).orElseThrow();
    assertEquals("o_14", OpinionPaging.page(list, OpinionPaging.Sort.NEWEST, back, 10, o -> Optional.empty(),
        Optional.empty()).opinions().get(0).opinion().id(), "the previous page of the third is the second");
    String first = OpinionPaging.after(OpinionPaging.Sort.NEWEST, pages.get(1).previous().orElseThrow()).orElseThrow();
    assertEquals("", first, "the previous page of the second starts at the top");
  }

  @Test
  @DisplayName("a cursor of another sort or garbage is not a cursor")
  void badCursor() {
    assertTrue(OpinionPaging.after(OpinionPaging.Sort.NEWEST, "%%%").isEmpty());
    assertTrue(OpinionPaging.after(OpinionPaging.Sort.NEWEST, OpinionPaging.cursor(OpinionPaging.Sort.DUE, "x"))
        .isEmpty());
  }

  @Test
  @DisplayName("around: the neighbours of an opinion and its position in the list")
  void neighbours() {
    List<Opinion> list = sorted(5);
    OpinionPage.Neighbours n = OpinionPaging.page(list, OpinionPaging.Sort.NEWEST, "", 1, o -> Optional.empty(),
        Optional.of("o_2")).neighbours().orElseThrow();
    assertEquals(Optional.of("o_3"), n.previous());
    assertEquals(Optional.of("o_1"), n.next());
    assertEquals(3, n.position());
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
