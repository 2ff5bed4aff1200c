package vn.doithoai.core.plan;

/** A plan's lifecycle: draft → announced → held → concluded → closed; or cancelled. */
public enum PlanStatus {
  DRAFT("bản nháp"),
  ANNOUNCED("đã công bố"),
  HELD("đã tổ chức"),
  CONCLUDED("đã có thông báo kết luận"),
  CLOSED("đã kết thúc"),
  CANCELLED("đã hủy");

  private final String vietnamese;

  PlanStatus(String vietnamese) {
    this.vietnamese = vietnamese;
  }

  public String vietnamese() {
    return vietnamese;
  }

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
