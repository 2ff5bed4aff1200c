package vn.doithoai.core.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FoldingTest {
  @Test
  @DisplayName("folding drops diacritics (composed or not), maps đ to d, lowers the case, keeps words apart")
  void fold() {
    assertEquals("duong lang thon na pan", Folding.fold("Đường  làng, thôn Nà Pàn!"));
    assertEquals("nguyen thi hoa", Folding.fold("Nguye\u0302\u0303n Thi\u0323 Hoa")); // decomposed input
    assertEquals("dt 7k2m 9qxr", Folding.fold("DT-7K2M-9QXR"));
  }

  @Test
  @DisplayName("“duong lang” finds “Đường làng”; every word must occur, in any order; a part of a word counts")
  void matches() {
    assertTrue(Folding.matches("Đường làng thôn Nà Pàn xuống cấp", "duong lang"));
    assertTrue(Folding.matches("Đường làng thôn Nà Pàn xuống cấp", "LANG đuong"));
    assertTrue(Folding.matches("Hoàng Văn Dũng", "dun"));
    assertFalse(Folding.matches("Đường làng thôn Nà Pàn", "duong lang khon"));
    assertTrue(Folding.matches("anything", "  "));
  }

  @Test
  @DisplayName("similarity ignores diacritics and word order: same words 1, nothing shared 0")
  void similarity() {
    assertEquals(1.0, Folding.similarity("đường làng xuống cấp", "xuong cap duong lang"), 1e-9);
    assertEquals(0.0, Folding.similarity("đường làng", "trạm y tế"), 1e-9);
    assertTrue(Folding.similarity("Đường làng thôn Nà Pàn bị xuống cấp", "Đề nghị sửa đường làng Nà Pàn")
        > Folding.similarity("Đường làng thôn Nà Pàn bị xuống cấp", "Trạm y tế thiếu thuốc"));
  }
}
