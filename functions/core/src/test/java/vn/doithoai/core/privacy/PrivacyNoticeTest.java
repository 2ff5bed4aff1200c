package vn.doithoai.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PrivacyNoticeTest {
  @Test
  @DisplayName("one word changed in the notice is a new version; the current version names the current text")
  void versionFollowsTheText() {
    PrivacyNotice current = PrivacyNotice.current();
    List<String> changed = new ArrayList<>(current.paragraphs());
    changed.set(0, changed.get(0).replace("chỉ để", "để"));
    assertNotEquals(current.version(), new PrivacyNotice(current.edition(), changed).version());
    assertTrue(current.version().matches("2026-01\\.[0-9a-f]{12}"), current.version());
    assertEquals(Optional.of(current), PrivacyNotice.of(current.version()));
    assertEquals(Optional.empty(), PrivacyNotice.of("2026-01.000000000000"));
  }

  @Test
  @DisplayName("the notice names the commune, the purpose, the retention, the rights and the law, escaped in HTML")
  void textForACommune() {
    String html = PrivacyNotice.current().html("Xã <Demo>");
    assertTrue(html.contains("Xã &lt;Demo&gt; thu thập"), html);
    for (String must : List.of("xem xét, trả lời", "24 tháng", "cung cấp, xóa", "91/2025/QH15", "356/2025/NĐ-CP",
        PrivacyNotice.current().version())) {
      assertTrue(html.contains(must), must);
    }
  }
}
