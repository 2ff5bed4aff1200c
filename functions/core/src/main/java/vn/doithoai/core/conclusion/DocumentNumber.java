package vn.doithoai.core.conclusion;

import vn.doithoai.core.plan.Issuer;

/**
 * Số và ký hiệu: state documents count per type and year ({@code Số: 12/TB-UBND}, Decree 30/2020); Party
 * documents per term ({@code Số 12-TB/ĐU}, the Party's own format). The sequence comes from an atomic counter.
 */
public record DocumentNumber(Issuer issuer, String type, int sequence) {
  public DocumentNumber {
    if (sequence < 1) {
      throw new IllegalArgumentException("document sequence must be positive");
    }
  }

  /** The counter a number is drawn from: issuer, type and year (state) or term (Party). */
  public static String counter(Issuer issuer, String type, int year) {
    return issuer == Issuer.PARTY_COMMITTEE ? "DU#" + type + "#term-" + term(year) : "UBND#" + type + "#" + year;
  }

  /** Party congress terms at commune level run five years: 2020–2025, 2025–2030, … (from the 2025 congresses). */
  static String term(int year) {
    int start = 2025 + Math.floorDiv(year - 2025, 5) * 5;
    return start + "-" + (start + 5);
  }

  /** "Số: 01/TB-UBND" or "Số 01-TB/ĐU", as printed under the issuer. */
  public String text() {
    return (issuer == Issuer.PARTY_COMMITTEE ? "Số " : "Số: ") + symbol();
  }

  /** "01/TB-UBND" or "01-TB/ĐU": two digits at least, as both Decree 30/2020 and Hướng dẫn 36-HD/VPTW print them. */
  public String symbol() {
    String n = twoDigits(Integer.toString(sequence));
    return issuer == Issuer.PARTY_COMMITTEE ? n + "-" + type + "/ĐU" : n + "/" + type + "-UBND";
  }

  /** In running text, lower-case "số" and no colon: "Thông báo số 01/TB-UBND". */
  public String inSentence(String documentName) {
    return documentName + " số " + symbol();
  }

  /**
   * In running text from a number as an office typed it ("12-KH/ĐU", "Số: 48/KH-UBND", "số 7-KH/ĐU"):
   * "Kế hoạch số 12-KH/ĐU"; the document's name alone when there is no number.
   */
  public static String inSentence(String documentName, String given) {
    String bare = bare(given);
    return bare.isEmpty() ? documentName : documentName + " số " + bare;
  }

  /** The number without "Số", "Số:" or "số", two digits at least: "Số: 1/KH-UBND" → "01/KH-UBND". */
  public static String bare(String given) {
    return given == null ? "" : twoDigits(given.strip().replaceFirst("^(Số|số)\\s*:?\\s*", ""));
  }

  /** "1/KH-UBND" → "01/KH-UBND", "7-KH/ĐU" → "07-KH/ĐU"; anything else unchanged. */
  public static String twoDigits(String symbol) {
    return symbol == null ? null : symbol.replaceFirst("^(\\d)(?!\\d)", "0$1");
  }
}
