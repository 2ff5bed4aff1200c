package vn.doithoai.core.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what looks like a person's data in Vietnamese free text — the text citizens type and the notice quotes:
 * phone numbers (0912 345 678, 0912.345.678, +84 912 345 678, (+84) 912-345-678, 84912345678, landlines
 * 0205 3812 345), e-mail addresses, and a name after a form of address ("ông Nguyễn Văn A", "chị Lường Thị
 * Hoa"). It flags for a person to decide; it never removes anything itself, and it cannot find a name without
 * a form of address.
 */
public final class PersonalData {
  /** What a finding is, in the words the office reads. */
  public enum Kind {
    PHONE("số điện thoại"),
    EMAIL("địa chỉ e-mail"),
    NAME("họ tên");

    private final String vietnamese;

    Kind(String vietnamese) {
      this.vietnamese = vietnamese;
    }

    public String vietnamese() {
      return vietnamese;
    }

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A span of the text: {@code text} is {@code source.substring(start, end)}. */
  public record Finding(Kind kind, int start, int end, String text) {}

  // 0 or +84 / (+84) / 84, then a non-zero digit and 8–9 more: mobiles (10 digits) and landlines (11), each
  // digit optionally after one space, dot or dash; not inside a longer number.
  private static final Pattern PHONE = Pattern.compile(
      "(?<![\\p{N}+])(?:\\(\\+84\\)|\\+84|84|0)[ .\\-]?[1-9](?:[ .\\-]?\\p{N}){8,9}(?!\\p{N})");
  private static final Pattern EMAIL = Pattern.compile(
      "[\\p{L}\\p{N}._%+\\-]+@[\\p{L}\\p{N}\\-]+(?:\\.[\\p{L}\\p{N}\\-]+)*\\.\\p{L}{2,}");
  // A form of address, any case, then one to four capitalised words (letters with their combining marks, for
  // text typed decomposed).
  private static final String WORD = "\\p{Lu}\\p{M}*[\\p{Ll}\\p{M}]*";
  private static final Pattern NAME = Pattern.compile(
      "(?<![\\p{L}\\p{M}])(?iu:ông|bà|anh|chị|cô|chú|bác|cụ)\\s+(" + WORD + "(?:[ \\t]+" + WORD + "){0,3})"
          + "(?![\\p{L}\\p{M}])");
  // Capitalised words after a form of address that are offices and titles, not names ("ông Chủ tịch").
  private static final Set<String> TITLES = Set.of("chủ", "phó", "bí", "trưởng", "giám", "chánh", "đại", "tổ",
      "cán", "công", "ủy", "uỷ", "hội", "ban", "trạm", "bộ", "thượng", "trung", "thiếu");

  private PersonalData() {}

  /** Every finding, in text order; overlapping ones (an e-mail's digits) are reported once. */
  public static List<Finding> find(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    List<Finding> all = new ArrayList<>();
    add(all, EMAIL.matcher(text), Kind.EMAIL, 0);
    add(all, PHONE.matcher(text), Kind.PHONE, 0);
    Matcher m = NAME.matcher(text);
    while (m.find()) {
      String name = m.group(1);
      String first = name.split("[ \\t]+")[0].toLowerCase(java.util.Locale.ROOT);
      if (!TITLES.contains(first)) {
        all.add(new Finding(Kind.NAME, m.start(1), m.end(1), name));
      }
    }
    all.sort(Comparator.comparingInt(Finding::start));
    List<Finding> out = new ArrayList<>();
    for (Finding f : all) {
      if (out.stream().noneMatch(o -> f.start() < o.end() && o.start() < f.end())) {
        out.add(f);
      }
    }
    return out;
  }

  private static void add(List<Finding> into, Matcher m, Kind kind, int group) {
    while (m.find()) {
      into.add(new Finding(kind, m.start(group), m.end(group), m.group(group)));
    }
  }
}
