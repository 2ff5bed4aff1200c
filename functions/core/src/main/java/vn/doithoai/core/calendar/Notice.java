package vn.doithoai.core.calendar;

import java.time.LocalDate;
import java.util.Objects;

/** Thông báo / Công văn: the official document that announced a yearly arrangement. */
public record Notice(String id, String number, LocalDate date, String issuer, String title, String url) {
  public Notice {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(issuer, "issuer");
  }

  /** "Thông báo số 6150/TB-BNV ngày 20/10/2025 của Bộ Nội vụ". */
  public String citation() {
    return "Văn bản số " + number + (date == null ? "" : " ngày " + VietnameseDates.format(date)) + " của " + issuer;
  }
}
