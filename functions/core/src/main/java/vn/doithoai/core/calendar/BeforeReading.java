package vn.doithoai.core.calendar;

/**
 * The two readings of "at least N days before" an event ("trước ít nhất N ngày", "chậm nhất N ngày trước").
 */
public enum BeforeReading {
  /**
   * N whole days must lie between the act and the event, neither counted: the latest date is the (N+1)-th
   * day before. The default: an office that follows it is right under both readings.
   */
  STRICT("đủ N ngày trọn vẹn giữa hai mốc: hạn chót là ngày thứ N+1 trước"),
  /** The event may fall on the N-th day counted from the day after the act: the N-th day before. */
  INCLUSIVE("sự kiện rơi vào ngày thứ N kể từ ngày hôm sau: hạn chót là ngày thứ N trước");

  private final String vietnamese;

  BeforeReading(String vietnamese) {
    this.vietnamese = vietnamese;
  }

  public String vietnamese() {
    return vietnamese;
  }

  public static BeforeReading parse(String s) {
    return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
  }
}
