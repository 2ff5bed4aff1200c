package vn.doithoai.core.plan;

/** Who issues the plan: the Party committee (Số 12-KH/ĐU) or the People's Committee (Số: 48/KH-UBND). */
public enum Issuer {
  PARTY_COMMITTEE("Ban Thường vụ Đảng ủy"),
  PEOPLES_COMMITTEE("Ủy ban nhân dân");

  private final String vietnamese;

  Issuer(String vietnamese) {
    this.vietnamese = vietnamese;
  }

  public String vietnamese() {
    return vietnamese;
  }
}
