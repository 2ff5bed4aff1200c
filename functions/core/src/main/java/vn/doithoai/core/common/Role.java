package vn.doithoai.core.common;

import java.util.Locale;

/** A staff role, carried in the JWT and owning deadlines. */
public enum Role {
  /** Quản trị: registers communes, offices, agencies and secrets. */
  ADMIN("quản trị hệ thống"),
  /** Văn phòng (Văn phòng Đảng ủy / Văn phòng HĐND và UBND): runs the dialogue's paperwork. */
  OFFICE("văn phòng"),
  /** Người chủ trì: the Party secretary or People's Committee chairman who hosts, or a deputy. */
  HOST("người chủ trì"),
  /** Cơ quan chuyên môn: answers and resolves what is assigned to it. */
  AGENCY("cơ quan được giao"),
  /** Ủy ban MTTQ: compiles opinions beforehand, reads everything, supervises follow-up. */
  FRONT("Ủy ban MTTQ");

  private final String vietnamese;

  Role(String vietnamese) {
    this.vietnamese = vietnamese;
  }

  public String vietnamese() {
    return vietnamese;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role parse(String s) {
    return valueOf(s.trim().toUpperCase(Locale.ROOT));
  }
}
