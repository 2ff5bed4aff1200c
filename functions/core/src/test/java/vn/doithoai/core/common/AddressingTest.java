package vn.doithoai.core.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AddressingTest {
  @Test
  @DisplayName("a citizen is Ông or Bà when the name came with it, else Công dân; a commune is lower-case mid-sentence")
  void citizens() {
    assertEquals("Kính gửi Bà Nguyễn Thị Hoa,", Addressing.dearCitizen("Bà Nguyễn Thị Hoa"));
    assertEquals("Kính gửi Ông Hoàng Văn Nam,", Addressing.dearCitizen("ông hoàng Văn Nam".replace("hoàng", "Hoàng")));
    assertEquals("Kính gửi Công dân Nguyễn Thị Hoa,", Addressing.dearCitizen("Nguyễn Thị Hoa"));
    assertEquals("Kính gửi Công dân,", Addressing.dearCitizen(" "));
    assertEquals("Công dân Bàn Văn Sơn", Addressing.citizen("Bàn Văn Sơn"), "a family name that starts like Bà");
    assertEquals("xã Demo", Addressing.communeInSentence("Xã Demo"));
    assertEquals("phường Hà Đông", Addressing.communeInSentence("Phường Hà Đông"));
  }
}
