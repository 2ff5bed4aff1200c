package vn.doithoai.core.commune;

/**
 * How often a unit gets its digest of deadlines: every working day, on the first working day of each week, or
 * never (its reminders, due-day notices and escalations still reach it one by one).
 */
public enum DigestFrequency {
  DAILY("hằng ngày"),
  WEEKLY("hằng tuần"),
  OFF("không gửi");

  private final String vietnamese;

  DigestFrequency(String vietnamese) {
    this.vietnamese = vietnamese;
  }

  public String vietnamese() {
    return vietnamese;
  }

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
