package vn.doithoai.core.conclusion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.privacy.PersonalData;

/**
 * The notice quotes what citizens typed, where they put names and phone numbers: before it is published every
 * such phrase the detector ({@link PersonalData}) finds in a matter's text is either redacted or confirmed by
 * the office as not personal data. Staff responses carry the open flags; publishing refuses while any is open.
 */
public final class PersonalDataReview {
  private PersonalDataReview() {}

  /** An open flag: which part and matter of the notice (1-based), what kind, the phrase and where it is. */
  public record Flag(String part, int item, String trackingCode, PersonalData.Kind kind, int start, int end,
      String text) {}

  private static final Map<String, String> PARTS = Map.of("resolved", "Giải quyết tại hội nghị",
      "assigned", "Giao giải quyết", "forwarded", "Chuyển cơ quan cấp trên", "redirected",
      "Hướng dẫn khiếu nại, tố cáo");

  public static List<Flag> open(Conclusion c) {
    List<Flag> out = new ArrayList<>();
    scan(out, "resolved", c.content().resolved(), c);
    scan(out, "assigned", c.content().assigned(), c);
    scan(out, "forwarded", c.content().forwarded(), c);
    scan(out, "redirected", c.content().redirected(), c);
    return out;
  }

  private static void scan(List<Flag> out, String part, List<Conclusion.Item> items, Conclusion c) {
    for (int i = 0; i < items.size(); i++) {
      Conclusion.Item item = items.get(i);
      for (PersonalData.Finding f : PersonalData.find(item.text())) {
        if (!c.notPersonal().contains(f.text())) {
          out.add(new Flag(part, i + 1, item.trackingCode(), f.kind(), f.start(), f.end(), f.text()));
        }
      }
    }
  }

  /** Refuses (409) to publish while a flag is open, naming each matter and what was found in it. */
  public static void requireResolved(Conclusion c) {
    List<Flag> flags = open(c);
    if (flags.isEmpty()) {
      return;
    }
    Map<String, List<String>> byItem = new LinkedHashMap<>();
    for (Flag f : flags) {
      String where = "phần \"" + PARTS.get(f.part()) + "\", mục " + f.item()
          + (f.trackingCode() == null || f.trackingCode().isBlank() ? "" : " (" + f.trackingCode() + ")");
      List<String> kinds = byItem.computeIfAbsent(where, k -> new ArrayList<>());
      if (!kinds.contains(f.kind().vietnamese())) {
        kinds.add(f.kind().vietnamese());
      }
    }
    List<String> lines = new ArrayList<>();
    byItem.forEach((where, kinds) -> lines.add(where + ": " + String.join(", ", kinds)));
    throw DomainException.conflict("personal_data_unresolved", "Chưa thể ban hành: nội dung còn thông tin cá nhân "
        + "chưa xử lý ở " + String.join("; ", lines) + ". Hãy ẩn các cụm từ này hoặc xác nhận chúng không phải "
        + "thông tin cá nhân.");
  }

  /** The notice as staff see it: the stored form and its open flags ({@code personalData}). */
  public static Map<String, Object> toJson(Conclusion c) {
    Map<String, Object> m = c.toJson();
    m.put("personalData", open(c).stream().map(f -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("part", f.part());
      x.put("item", f.item());
      x.put("trackingCode", f.trackingCode());
      x.put("kind", f.kind().code());
      x.put("kindText", f.kind().vietnamese());
      x.put("start", f.start());
      x.put("end", f.end());
      x.put("text", f.text());
      return (Object) x;
    }).toList());
    return m;
  }
}
