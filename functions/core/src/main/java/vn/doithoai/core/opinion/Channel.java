package vn.doithoai.core.opinion;

/** How an opinion reached the commune. */
public enum Channel {
  WEBSITE("Trang thông tin điện tử của xã"),
  FRONT("Ủy ban MTTQ tổng hợp"),
  UNION("Đoàn thể chính trị - xã hội"),
  VILLAGE("Thôn, tổ dân phố"),
  PARTY_CELL("Chi bộ"),
  MEETING_CARD("Phiếu câu hỏi tại hội nghị"),
  SPOKEN("Phát biểu tại hội nghị"),
  STAFF_ENTRY("Cán bộ nhập thay"),
  /** The hosted form on the commune's public page, with its proof of work solved. */
  PUBLIC_FORM("Biểu mẫu trên trang công khai của xã"),
  /** The hosted form sent without the proof of work (no JavaScript): a clerk checks it is a person's. */
  PUBLIC_FORM_UNVERIFIED("Biểu mẫu trên trang công khai (chưa xác minh, chờ kiểm tra)");

  private final String vietnamese;

  Channel(String vietnamese) {
    this.vietnamese = vietnamese;
  }

  public String vietnamese() {
    return vietnamese;
  }

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
