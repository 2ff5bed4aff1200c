package vn.doithoai.core.opinion;

/** Lĩnh vực: the field an opinion belongs to, which decides the agency that answers it. */
public enum OpinionField implements vn.doithoai.core.common.Labelled {
  LAND("Đất đai"),
  CONSTRUCTION_PLANNING("Xây dựng, quy hoạch"),
  INFRASTRUCTURE("Hạ tầng, giao thông"),
  ENVIRONMENT("Môi trường"),
  SOCIAL_POLICY("Chính sách xã hội"),
  HEALTH("Y tế"),
  EDUCATION("Giáo dục"),
  SECURITY_ORDER("An ninh, trật tự"),
  ADMINISTRATIVE_PROCEDURES("Thủ tục hành chính"),
  OFFICIALS_CONDUCT("Thái độ, trách nhiệm của cán bộ"),
  OTHER("Lĩnh vực khác");

  private final String vietnamese;

  OpinionField(String vietnamese) {
    this.vietnamese = vietnamese;
  }

  @Override
  public String vietnamese() {
    return vietnamese;
  }

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
