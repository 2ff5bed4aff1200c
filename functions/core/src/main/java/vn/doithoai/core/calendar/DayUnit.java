package vn.doithoai.core.calendar;

/** How a period is counted. */
public enum DayUnit {
  /** Ngày làm việc. */
  WORKING_DAYS("ngày làm việc"),
  /** Ngày (calendar days; art. 148 moves a last day off to the next working day). */
  CALENDAR_DAYS("ngày");

  private final String vietnamese;

  DayUnit(String vietnamese) {
    this.vietnamese = vietnamese;
  }

  public String vietnamese() {
    return vietnamese;
  }
}
