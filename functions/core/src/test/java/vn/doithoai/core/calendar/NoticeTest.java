package vn.doithoai.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NoticeTest {
  @Test
  @DisplayName("a source is cited by its kind: the Labour Code by name, a Government Office letter as Công văn")
  void citations() {
    assertEquals("Bộ luật Lao động số 45/2019/QH14 ngày 20/11/2019 của Quốc hội", new Notice("blld", "45/2019/QH14",
        LocalDate.of(2019, 11, 20), "Quốc hội", "Bộ luật Lao động (Điều 111 khoản 3: nghỉ bù)", null).citation());
    assertEquals("Thông báo số 9441/TB-BNV ngày 20/10/2025 của Bộ Nội vụ", new Notice("tb", "9441/TB-BNV",
        LocalDate.of(2025, 10, 20), "Bộ Nội vụ", "", null).citation());
    assertEquals("Công văn số 245/VPCP-KGVX của Văn phòng Chính phủ", new Notice("cv", "245/VPCP-KGVX", null,
        "Văn phòng Chính phủ", "", null).citation());
    assertEquals("Nghị quyết số 28/2026/QH16 của Quốc hội", new Notice("nq", "28/2026/QH16", null, "Quốc hội",
        "Nghị quyết về phát triển văn hóa Việt Nam (Ngày Văn hóa Việt Nam 24/11)", null).citation());
  }
}
