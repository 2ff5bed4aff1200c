package vn.doithoai.core.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** Thông báo / Công văn: the official document that announced a yearly arrangement. */
public record Notice(String id, String number, LocalDate date, String issuer, String title, String url) {
  public Notice {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(issuer, "issuer");
  }

  /**
   * "Thông báo số 6150/TB-BNV ngày 20/10/2025 của Bộ Nội vụ", "Bộ luật Lao động số 45/2019/QH14 ngày 20/11/2019 của
   * Quốc hội": the kind of document from its title (a code or law names itself) or its symbol (TB, CV, QĐ, NĐ).
   */
  public String citation() {
    return kind() + " số " + number + (date == null ? "" : " ngày " + VietnameseDates.format(date)) + " của " + issuer;
  }

  String kind() {
    String t = title == null ? "" : title.strip();
    java.util.regex.Matcher law = LAW.matcher(t);
    if (law.find()) {
      return law.group(1).strip();
    }
    for (String type : TYPES) {
      if (t.startsWith(type)) {
        return type;
      }
    }
    String symbol = number.replaceFirst("^[^/]*/", "").replaceFirst("^\\d{4}/", "").replaceFirst("-.*$", "");
    return switch (symbol) {
      case "TB" -> "Thông báo";
      case "CT" -> "Chỉ thị";
      case "QĐ" -> "Quyết định";
      case "NĐ" -> "Nghị định";
      case "NQ" -> "Nghị quyết";
      default -> "Công văn";
    };
  }

  /** "Bộ luật Lao động (Điều 111 …)" → "Bộ luật Lao động". */
  private static final java.util.regex.Pattern LAW =
      java.util.regex.Pattern.compile("^((?:Bộ luật|Luật) [^(,;:—]+?)\\s*(?:[(,;:—]|$)");
  private static final List<String> TYPES = List.of("Nghị quyết", "Nghị định", "Quyết định", "Thông báo", "Chỉ thị",
      "Công văn");
}
