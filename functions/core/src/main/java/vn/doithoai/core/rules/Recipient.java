package vn.doithoai.core.rules;

/** Who an escalation goes to. */
public enum Recipient {
  /** The head of the unit responsible for the deadline (thủ trưởng đơn vị chịu trách nhiệm). */
  OWNER_HEAD("thủ trưởng đơn vị chịu trách nhiệm"),
  /** The office running the dialogue. */
  OFFICE("văn phòng"),
  /** The host (Bí thư / Chủ tịch). */
  HOST("người chủ trì"),
  /** The Fatherland Front committee, which supervises. */
  FRONT("Ủy ban MTTQ");

  private final String vietnamese;

  Recipient(String vietnamese) {
    this.vietnamese = vietnamese;
  }

  public String vietnamese() {
    return vietnamese;
  }
}
