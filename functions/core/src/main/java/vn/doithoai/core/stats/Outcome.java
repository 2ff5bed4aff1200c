package vn.doithoai.core.stats;

import java.util.Locale;
import java.util.Optional;
import vn.doithoai.core.opinion.Opinion;

/**
 * Kết quả xử lý: the groups a report to the standing committee counts opinions in. Coarser than {@code
 * OpinionStatus} where the report does not care (an assignment is "in progress" whatever its due date) and
 * finer where it does (an answer at the meeting versus in writing).
 */
public enum Outcome {
  RECEIVED("Đang phân loại"),
  ACCEPTED("Đưa vào đối thoại, chưa trả lời"),
  IN_PROGRESS("Đã giao cơ quan, đang giải quyết"),
  ANSWERED_AT_MEETING("Đã trả lời tại hội nghị"),
  ANSWERED_IN_WRITING("Đã trả lời bằng văn bản"),
  CLOSED("Đã trả lời và kết thúc"),
  FORWARDED("Chuyển cơ quan có thẩm quyền cấp trên"),
  REDIRECTED("Hướng dẫn theo thủ tục khiếu nại, tố cáo"),
  REFUSED("Không tiếp nhận");

  private final String vietnamese;

  Outcome(String vietnamese) {
    this.vietnamese = vietnamese;
  }

  public String vietnamese() {
    return vietnamese;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Empty for an opinion merged into another: the other one carries it. */
  public static Optional<Outcome> of(Opinion o) {
    return Optional.ofNullable(switch (o.status()) {
      case RECEIVED -> RECEIVED;
      case ACCEPTED -> ACCEPTED;
      case ASSIGNED -> IN_PROGRESS;
      case ANSWERED -> o.answer().map(a -> a.atMeeting()).orElse(false) ? ANSWERED_AT_MEETING : ANSWERED_IN_WRITING;
      case CLOSED -> CLOSED;
      case FORWARDED -> FORWARDED;
      case REDIRECTED -> REDIRECTED;
      case REFUSED -> REFUSED;
      case MERGED -> null;
    });
  }
}
