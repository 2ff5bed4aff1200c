package vn.doithoai.core.calendar;

import java.util.Objects;
import java.util.Optional;

/** Where a calendar entry comes from: a law article or an announcing notice, and how sure we are. */
public record Source(String citation, EntryStatus status, Notice notice) {
  static final String LABOUR_CODE_112 = "Bộ luật Lao động 2019, Điều 112";
  static final String LABOUR_CODE_111 = "Bộ luật Lao động 2019, Điều 111 khoản 3";

  public Source {
    Objects.requireNonNull(citation, "citation");
    Objects.requireNonNull(status, "status");
  }

  public static Source law(String citation) {
    return new Source(citation, EntryStatus.OFFICIAL, null);
  }

  public static Source derived(String rule) {
    return new Source(rule + " (tạm tính, chưa có thông báo)", EntryStatus.PROVISIONAL, null);
  }

  public static Source notice(Notice notice, EntryStatus status) {
    return new Source(notice.citation(), status, notice);
  }

  public Optional<Notice> announcedBy() {
    return Optional.ofNullable(notice);
  }
}
