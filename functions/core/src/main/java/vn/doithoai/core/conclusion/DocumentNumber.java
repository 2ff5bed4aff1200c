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

  /** "Số: 12/TB-UBND" or "Số 12-TB/ĐU". */
  public String text() {
    return issuer == Issuer.PARTY_COMMITTEE ? "Số " + sequence + "-" + type + "/ĐU"
        : "Số: " + sequence + "/" + type + "-UBND";
  }
}
