package vn.doithoai.core.conclusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.FieldError;
import vn.doithoai.core.common.Input;

/** The office edits the draft notice's matters: move, re-date, re-assign, add the chair's, drop; never invent. */
class ConclusionItemsTest {
  static final Conclusion DRAFT = DraftingConclusion.draft("c1", ConclusionTest.plan("party-committee"),
      ConclusionTest.record(), ConclusionTest.opinions(), ConclusionTest.OFFICE, ConclusionTest.NOW);

  static List<List<Conclusion.Item>> read(Map<String, Object> request) {
    Input in = new Input(request);
    List<List<Conclusion.Item>> items = ConclusionItems.read(in, DRAFT.content());
    in.check();
    return items;
  }

  static List<FieldError> errors(Map<String, Object> request) {
    return assertThrows(DomainException.class, () -> read(request)).fieldErrors();
  }

  static Map<String, Object> item(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  @DisplayName("parts left out stay as drafted")
  void absentPartsUnchanged() {
    List<List<Conclusion.Item>> items = read(Map.of());
    assertEquals(List.of(DRAFT.content().resolved(), DRAFT.content().assigned(), DRAFT.content().forwarded(),
        DRAFT.content().redirected()), items);
  }

  @Test
  @DisplayName("the assigned matter re-assigned with a new due date, the redirected one moved to forwarded, a "
      + "matter of the chair's added: tracking code and 'raised by' kept from the draft")
  void editMoveAndAdd() {
    Conclusion.Item assigned = DRAFT.content().assigned().get(0);
    List<List<Conclusion.Item>> items = read(Map.of(
        "assigned", List.of(item("opinionId", "o2", "text", "Đường thôn sạt lở", "agency", "Phòng Văn hóa - Xã hội",
            "due", "2026-01-15", "trackingCode", "GIẢ-MẠO", "raisedBy", "Ông Nguyễn Văn A")),
        "forwarded", List.of(item("opinionId", "o3", "text", "Khiếu nại thu hồi đất", "agency",
            "Thanh tra tỉnh Lạng Sơn")),
        "redirected", List.of(),
        "resolved", List.of(item("text", "Đồng chí Bí thư giao rà soát đèn đường toàn xã.",
            "raisedBy", "Đồng chí Bí thư"))));
    Conclusion.Item edited = items.get(1).get(0);
    assertEquals(new Conclusion.Item("o2", assigned.trackingCode(), "Đường thôn sạt lở", "Phòng Văn hóa - Xã hội",
        LocalDate.of(2026, 1, 15), assigned.raisedBy()), edited);
    assertEquals("DT-AAAA-0003", items.get(2).get(0).trackingCode());
    assertEquals("Thanh tra tỉnh Lạng Sơn", items.get(2).get(0).agency());
    assertEquals(List.of(), items.get(3));
    Conclusion.Item chair = items.get(0).get(0);
    assertNull(chair.opinionId());
    assertEquals("Đồng chí Bí thư", chair.raisedBy());
    assertEquals(1, items.get(0).size(), "the matter resolved at the meeting was dropped: the part was replaced");
  }

  @Test
  @DisplayName("Vietnamese field errors: an assignment needs its agency and due date, a forward its upper body, "
      + "every matter its text; an opinion not in the draft or listed twice is refused")
  void invalid() {
    List<FieldError> e = errors(Map.of(
        "assigned", List.of(item("opinionId", "o2", "text", " ", "due", "15/01/2026")),
        "forwarded", List.of(item("opinionId", "o9", "text", "Chuyển lên huyện")),
        "resolved", List.of(item("opinionId", "o1", "text", "Đã trả lời"), item("opinionId", "o1", "text", "Lặp"))));
    Map<String, String> byField = new HashMap<>();
    e.forEach(f -> byField.merge(f.field(), f.message(), (a, b) -> a + " | " + b));
    assertEquals("Vui lòng nhập nội dung của mục.", byField.get("assigned[0].text"));
    assertEquals("Vui lòng nhập cơ quan được giao giải quyết.", byField.get("assigned[0].agency"));
    assertEquals("Ngày không hợp lệ, cần dạng YYYY-MM-DD.", byField.get("assigned[0].due"));
    assertEquals("Vui lòng nhập cơ quan cấp trên nhận ý kiến chuyển đến.", byField.get("forwarded[0].agency"));
    assertEquals("Ý kiến này không có trong dự thảo; chỉ sửa, chuyển mục hoặc bỏ các ý kiến đã có.",
        byField.get("forwarded[0].opinionId"));
    assertEquals("Ý kiến DT-AAAA-0001 đã có ở một mục khác; mỗi ý kiến chỉ ở một mục.",
        byField.get("resolved[1].opinionId"));
    assertEquals(6, e.size(), e.toString());
    assertEquals(List.of(new FieldError("assigned[0].due", "Nhập hạn giải quyết của cơ quan được giao.")),
        errors(Map.of("assigned", List.of(item("text", "Sửa cầu", "agency", "Phòng Kinh tế")))));
  }

  @Test
  @DisplayName("the edited matters are what the draft then says, stored and read back unchanged")
  void editedDraftRoundTrips() {
    List<List<Conclusion.Item>> items = read(Map.of("redirected", List.of()));
    Conclusion.Content c = DRAFT.content();
    Conclusion edited = DRAFT.edit(new Conclusion.Content(c.title(), c.discussed(), items.get(0), items.get(1),
        items.get(2), items.get(3), c.closing(), c.signer(), c.distribution()), ConclusionTest.OFFICE,
        ConclusionTest.NOW);
    assertEquals(List.of(), edited.content().redirected());
    assertEquals(DRAFT.version() + 1, edited.version());
    assertEquals(edited, Conclusion.fromJson(edited.toJson()));
  }
}
