package vn.doithoai.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.doithoai.core.opinion.OpinionParts.Answer;
import vn.doithoai.core.opinion.OpinionParts.Assignment;

/** On time or not, as a table: the due date in Vietnam, an extension, and today. */
class TimelinessTest {
  static final LocalDate DUE = LocalDate.of(2025, 12, 19);
  static final LocalDate TODAY = LocalDate.of(2025, 12, 30);

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("answered before the due date", null, "2025-12-15T03:00:00Z", TODAY, Timeliness.ON_TIME),
        Arguments.of("answered 23:59 on the due day in Hanoi", null, "2025-12-19T16:59:00Z", TODAY,
            Timeliness.ON_TIME),
        Arguments.of("answered 00:30 the next day in Hanoi (still the 19th in UTC)", null, "2025-12-19T17:30:00Z",
            TODAY, Timeliness.LATE),
        Arguments.of("answered after the due date, within the extension", "2026-01-05", "2025-12-30T03:00:00Z",
            TODAY, Timeliness.ON_TIME),
        Arguments.of("answered after the extension", "2026-01-05", "2026-01-06T03:00:00Z", TODAY, Timeliness.LATE),
        Arguments.of("unanswered, due date passed", null, null, TODAY, Timeliness.OVERDUE),
        Arguments.of("unanswered, today is the due date", null, null, DUE, Timeliness.IN_PROGRESS),
        Arguments.of("unanswered, extension not passed", "2026-01-05", null, TODAY, Timeliness.IN_PROGRESS));
  }

  @ParameterizedTest(name = "{0}: {4}")
  @MethodSource("cases")
  @DisplayName("one rule for exports and statistics")
  void timeliness(String name, String extendedTo, String answeredAt, LocalDate today, Timeliness expected) {
    Assignment a = new Assignment("dia-chinh", "Công chức Địa chính - Xây dựng", Instant.parse("2025-11-24T03:00:00Z"),
        DUE, LocalDate.of(2026, 1, 6), Optional.ofNullable(extendedTo).map(LocalDate::parse), "Chờ kinh phí");
    Optional<Answer> answer = Optional.ofNullable(answeredAt)
        .map(at -> new Answer("Đã giải quyết.", false, List.of(), Instant.parse(at), "u-diachinh"));
    assertEquals(expected, Timeliness.of(a, answer, today));
  }
}
