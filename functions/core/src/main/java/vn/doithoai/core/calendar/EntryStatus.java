package vn.doithoai.core.calendar;

/** How sure we are of a calendar entry: each day off carries one. */
public enum EntryStatus {
  /** Announced by an official notice (or set by law) and checked against it. */
  OFFICIAL("chính thức"),
  /** Believed to be right, but the announcing notice could not be confirmed. */
  UNCONFIRMED("chưa xác nhận"),
  /** Derived from the rules because nothing has been announced yet. */
  PROVISIONAL("tạm tính");

  private final String vietnamese;

  EntryStatus(String vietnamese) {
    this.vietnamese = vietnamese;
  }

  public String vietnamese() {
    return vietnamese;
  }

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static EntryStatus parse(String code) {
    return valueOf(code.trim().toUpperCase(java.util.Locale.ROOT));
  }

  /** The weaker of two statuses: a year is only as certain as its least certain entry. */
  public EntryStatus weakest(EntryStatus other) {
    return this.ordinal() >= other.ordinal() ? this : other;
  }
}
