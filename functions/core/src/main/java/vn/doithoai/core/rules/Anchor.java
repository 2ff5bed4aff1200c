package vn.doithoai.core.rules;

/** The event a deadline is counted from. */
public enum Anchor {
  /** Ngày tổ chức hội nghị đối thoại. */
  MEETING("ngày đối thoại"),
  /** Ngày ban hành thông báo kết luận. */
  CONCLUSION_NOTICE("ngày thông báo kết luận");

  private final String vietnamese;

  Anchor(String vietnamese) {
    this.vietnamese = vietnamese;
  }

  public String vietnamese() {
    return vietnamese;
  }
}
