package vn.doithoai.core.opinion;

/** Where an opinion stands; the last five are ends of the road. */
public enum OpinionStatus {
  RECEIVED("Đã tiếp nhận"),
  ACCEPTED("Đưa vào đối thoại"),
  ASSIGNED("Đã giao cơ quan giải quyết"),
  ANSWERED("Đã trả lời"),
  CLOSED("Đã kết thúc"),
  REDIRECTED("Hướng dẫn theo thủ tục khiếu nại, tố cáo"),
  FORWARDED("Đã chuyển cơ quan cấp trên"),
  REFUSED("Không tiếp nhận"),
  MERGED("Đã gộp với ý kiến cùng nội dung");

  private final String vietnamese;

  OpinionStatus(String vietnamese) {
    this.vietnamese = vietnamese;
  }

  public String vietnamese() {
    return vietnamese;
  }

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public boolean open() {
    return this == RECEIVED || this == ACCEPTED || this == ASSIGNED;
  }
}
