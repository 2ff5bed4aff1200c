package vn.doithoai.core.usage;

/**
 * What a commune used in a month, counted where it happens (the handler edge, the table's stream): each a
 * driver of the AWS bill. Stored items and bytes are net changes (written minus removed).
 */
public enum UsageCounter {
  API_STAFF("apiStaff", "Yêu cầu của cán bộ (API)"),
  API_PUBLIC("apiPublic", "Lượt mở trang công khai"),
  API_WEBHOOK("apiWebhook", "Ý kiến gửi từ trang web của xã (webhook)"),
  OPINIONS("opinions", "Ý kiến tiếp nhận"),
  EMAILS("emails", "Thư điện tử đã gửi"),
  SMS_SEGMENTS("smsSegments", "Đoạn tin nhắn SMS đã gửi"),
  SCHEDULE_FIRES("scheduleFires", "Lượt nhắc hạn, đến hạn, quá hạn"),
  STORED_ITEMS("storedItems", "Bản ghi lưu trữ (tăng thêm)"),
  STORED_BYTES("storedBytes", "Dung lượng lưu trữ, byte (tăng thêm)");

  private final String code;
  private final String vietnamese;

  UsageCounter(String code, String vietnamese) {
    this.code = code;
    this.vietnamese = vietnamese;
  }

  /** The attribute name in the table and the key in JSON. */
  public String code() {
    return code;
  }

  /** The column header of the statement. */
  public String vietnamese() {
    return vietnamese;
  }
}
