package vn.doithoai.core.rules;

/** Whom an instrument binds: the commune Party committee (cấp ủy) or the commune People's Committee (UBND). */
public enum Authority {
  PARTY_COMMITTEE("cấp ủy đảng"),
  PEOPLES_COMMITTEE("Ủy ban nhân dân");

  private final String vietnamese;

  Authority(String vietnamese) {
    this.vietnamese = vietnamese;
  }

  public String vietnamese() {
    return vietnamese;
  }

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
