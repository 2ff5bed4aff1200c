package vn.doithoai.core.conclusion;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import vn.doithoai.core.common.Input;

/**
 * The matters of a draft notice as the office edits them: each part ({@code resolved}, {@code assigned},
 * {@code forwarded}, {@code redirected}) a list of {@code {opinionId?, text, agency?, due?, raisedBy?}}; a part
 * left out stays as it was. An item may name only an opinion the draft already holds (the drafting decided which
 * opinions a notice answers, and publishing mails their raisers), once; its tracking code and "raised by" (as
 * far as the raisers consented) come from the draft, never from the request. A matter the chair raised has no
 * opinion and may say who raised it.
 */
final class ConclusionItems {
  static final List<String> PARTS = List.of("resolved", "assigned", "forwarded", "redirected");

  private ConclusionItems() {}

  /** The content's four parts after the request: the old ones where a part is absent. Errors are collected. */
  static List<List<Conclusion.Item>> read(Input in, Conclusion.Content old) {
    Map<String, Conclusion.Item> known = new HashMap<>();
    Stream.of(old.resolved(), old.assigned(), old.forwarded(), old.redirected()).flatMap(List::stream)
        .filter(i -> i.opinionId() != null).forEach(i -> known.putIfAbsent(i.opinionId(), i));
    Map<String, String> seen = new HashMap<>();
    List<List<Conclusion.Item>> olds = List.of(old.resolved(), old.assigned(), old.forwarded(), old.redirected());
    List<List<Conclusion.Item>> out = new java.util.ArrayList<>();
    for (int p = 0; p < PARTS.size(); p++) {
      String part = PARTS.get(p);
      out.add(in.has(part) ? in.objects(part, 300, i -> item(part, i, known, seen)) : olds.get(p));
    }
    return out;
  }

  private static Conclusion.Item item(String part, Input i, Map<String, Conclusion.Item> known,
      Map<String, String> seen) {
    Optional<String> opinionId = i.id("opinionId");
    Conclusion.Item was = opinionId.map(known::get).orElse(null);
    if (opinionId.isPresent() && was == null) {
      i.error("opinionId", "Ý kiến này không có trong dự thảo; chỉ sửa, chuyển mục hoặc bỏ các ý kiến đã có.");
    }
    if (opinionId.isPresent() && seen.putIfAbsent(opinionId.get(), part) != null) {
      i.error("opinionId", "Ý kiến " + (was == null ? opinionId.get() : was.trackingCode())
          + " đã có ở một mục khác; mỗi ý kiến chỉ ở một mục.");
    }
    String text = i.requiredText("text", 5000, "nội dung của mục");
    String agency = switch (part) {
      case "assigned" -> i.requiredText("agency", 200, "cơ quan được giao giải quyết");
      case "forwarded" -> i.requiredText("agency", 200, "cơ quan cấp trên nhận ý kiến chuyển đến");
      case "redirected" -> i.text("agency", 500).orElse(null);
      default -> null;
    };
    var due = part.equals("assigned") ? i.date("due") : Optional.<java.time.LocalDate>empty();
    if (part.equals("assigned") && !i.has("due")) {
      i.error("due", "Nhập hạn giải quyết của cơ quan được giao.");
    }
    String raisedBy = was != null ? was.raisedBy() : i.text("raisedBy", 200).orElse(null);
    return new Conclusion.Item(was == null ? null : was.opinionId(), was == null ? "" : was.trackingCode(), text,
        agency, due.orElse(null), raisedBy);
  }
}
