package vn.doithoai.core.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.doithoai.core.plan.PlanParts.Meeting;

/**
 * Tiếp xúc thường xuyên: a regular plan holds one meeting per period of its year (seed 001: "hội nghị giao ban với
 * các đoàn thể hằng quý"). Each is a meeting known by its window — the period — with its own id ({@code q1}…,
 * {@code t01}…), so it is dated, held and concluded like any other. Periods already over when the plan is entered
 * are left out: nobody holds last quarter's briefing.
 */
public enum Recurrence {
  QUARTERLY(3, "q", "Giao ban hằng quý, quý "),
  MONTHLY(1, "t", "Giao ban hằng tháng, tháng ");

  private final int months;
  private final String prefix;
  private final String note;

  Recurrence(int months, String prefix, String note) {
    this.months = months;
    this.prefix = prefix;
    this.note = note;
  }

  /** The meetings of {@code year}'s periods not over on {@code today} and not already among {@code given}. */
  List<Meeting> meetings(int year, LocalDate today, String venue, String audience, List<Meeting> given) {
    List<Meeting> out = new ArrayList<>();
    for (int i = 0; i < 12 / months; i++) {
      LocalDate from = LocalDate.of(year, 1 + i * months, 1);
      LocalDate to = from.plusMonths(months).minusDays(1);
      String id = prefix + (months == 1 ? String.format("%02d", i + 1) : String.valueOf(i + 1));
      if (to.isBefore(today) || given.stream().anyMatch(m -> m.id().equals(id))) {
        continue;
      }
      out.add(new Meeting(id, Optional.empty(), Optional.of(from), Optional.of(to), venue, List.of(),
          note + (months == 1 ? String.valueOf(i + 1) : ROMAN[i]) + "/" + year, audience, null, Optional.empty()));
    }
    return out;
  }

  private static final String[] ROMAN = {"I", "II", "III", "IV"};
}
