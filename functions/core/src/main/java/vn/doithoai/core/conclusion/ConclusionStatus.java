package vn.doithoai.core.conclusion;

/** A conclusion notice's life: drafted by the office, approved by the host, published (then immutable). */
public enum ConclusionStatus {
  DRAFT("dự thảo"),
  APPROVED("đã duyệt"),
  PUBLISHED("đã ban hành");

  private final String vietnamese;

  ConclusionStatus(String vietnamese) {
    this.vietnamese = vietnamese;
  }

  public String vietnamese() {
    return vietnamese;
  }

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
