package vn.doithoai.core.common;

/**
 * How a letter or a notice names a person: "đồng chí" for officials; for citizens "Ông" or "Bà" when the name
 * was given with it, otherwise "Công dân" (the form does not ask for gender, so it is never guessed).
 */
public final class Addressing {
  private Addressing() {}

  /** "Ông Hoàng Văn Nam", "Bà Lý Thị Hà", "Công dân Nguyễn Thị Hoa"; "Công dân" without a name. */
  public static String citizen(String name) {
    String n = name == null ? "" : name.strip().replaceAll("\\s+", " ");
    if (n.isEmpty()) {
      return "Công dân";
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(?iu)(ông|bà|công dân)\\s+(.+)$").matcher(n);
    if (m.matches()) {
      String t = m.group(1).toLowerCase(java.util.Locale.ROOT);
      return (t.equals("ông") ? "Ông" : t.equals("bà") ? "Bà" : "Công dân") + " " + m.group(2);
    }
    return "Công dân " + n;
  }

  /** "Kính gửi Ông Hoàng Văn Nam," / "Kính gửi Công dân,". */
  public static String dearCitizen(String name) {
    return "Kính gửi " + citizen(name) + ",";
  }

  /** "xã Demo" for "Xã Demo": a commune's name inside a sentence. */
  public static String communeInSentence(String communeName) {
    return communeName == null ? "" : communeName.strip().replaceFirst("^Xã\\s", "xã ").replaceFirst("^Phường\\s",
        "phường ");
  }
}
