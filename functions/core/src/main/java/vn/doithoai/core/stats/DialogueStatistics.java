package vn.doithoai.core.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.BreakIterator;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import vn.doithoai.core.opinion.Channel;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.OpinionField;
import vn.doithoai.core.opinion.OpinionParts.Assignment;

/**
 * Số liệu đối thoại: what the report of results (báo cáo kết quả) to the standing committee and the Front
 * counts — opinions received by field, channel and outcome, how many assignments were answered on time, and
 * which are overdue. Computed from the opinions alone, so the same numbers come out wherever they are asked
 * for.
 *
 * <p>An opinion merged into another is counted once, in the opinion that absorbed it (which also took over
 * its raisers); raisers are counted with the compiled count where a list was compiled. Every enumeration is
 * listed in full, zeros included, so a chart or a table has a stable shape. Percentages have one decimal;
 * a rate with nothing to divide by is absent (JSON {@code null}), never NaN.
 */
public record DialogueStatistics(
    StatisticsScope scope,
    LocalDate today,
    int opinions,
    int raisers,
    int mergedAway,
    List<Count> byField,
    List<Count> byChannel,
    List<Count> byOutcome,
    Answers answers,
    List<Overdue> overdue) {

  /** Shortened contents in the overdue list stay readable on one line of a report. */
  static final int CONTENT_LENGTH = 120;

  public DialogueStatistics {
    byField = List.copyOf(byField);
    byChannel = List.copyOf(byChannel);
    byOutcome = List.copyOf(byOutcome);
    overdue = List.copyOf(overdue);
  }

  /** One line of a breakdown: a code, its Vietnamese label, opinions and raisers, share of all opinions. */
  public record Count(String code, String text, int opinions, int raisers, Optional<BigDecimal> percent) {}

  /**
   * The assignments to agencies: {@code onTime + late + overdueUnanswered + inProgress == assigned}. The rate
   * is on-time answers over all answered assignments (an answer at a later meeting counts too).
   */
  public record Answers(int assigned, int answered, int onTime, int late, int overdueUnanswered, int inProgress,
      Optional<BigDecimal> onTimeRate) {}

  /** An assignment past its current due date without an answer; days are calendar days after that date. */
  public record Overdue(String opinionId, String trackingCode, String agencyId, String agency, LocalDate due,
      long daysOverdue, String content) {}

  /** The statistics of one plan; opinions of other plans, if any are passed, are left out. */
  public static DialogueStatistics forPlan(String planId, List<Opinion> opinions, LocalDate today) {
    return of(new StatisticsScope.OfPlan(planId),
        opinions.stream().filter(o -> o.planId().filter(planId::equals).isPresent()).toList(), today);
  }

  /** The statistics of a year: pass the opinions of that year's plans and those received that year alone. */
  public static DialogueStatistics forYear(int year, List<Opinion> opinions, LocalDate today) {
    return of(new StatisticsScope.OfYear(year), opinions, today);
  }

  static DialogueStatistics of(StatisticsScope scope, List<Opinion> all, LocalDate today) {
    Tally t = new Tally(today);
    all.forEach(t::add);
    return t.result(scope);
  }

  /**
   * The statistics counted one opinion at a time, so that a caller can read the opinions page by page and keep
   * none of them: the memory is the counters and the overdue list, not the plan's or the year's opinions.
   */
  public static final class Tally {
    private final LocalDate today;
    private int seen;
    private int total;
    private int raisers;
    private int answered;
    private final Map<Timeliness, Integer> timeliness = new EnumMap<>(Timeliness.class);
    private final List<Overdue> overdue = new ArrayList<>();
    private final int[][] byField = new int[OpinionField.values().length][2];
    private final int[][] byChannel = new int[Channel.values().length][2];
    private final int[][] byOutcome = new int[Outcome.values().length][2];

    public Tally(LocalDate today) {
      this.today = today;
    }

    public void add(Opinion o) {
      seen++;
      if (o.mergedInto().isPresent()) {
        return; // counted once, in the opinion that absorbed it
      }
      total++;
      int r = o.raiserCount();
      raisers += r;
      count(byField, o.field().ordinal(), r);
      count(byChannel, o.channel().ordinal(), r);
      Outcome.of(o).ifPresent(out -> count(byOutcome, out.ordinal(), r));
      Optional<Timeliness> t = Timeliness.of(o, today);
      if (t.isEmpty()) {
        return;
      }
      timeliness.merge(t.get(), 1, Integer::sum);
      if (o.answer().isPresent()) {
        answered++;
      }
      if (t.get() == Timeliness.OVERDUE) {
        Assignment a = o.assignment().orElseThrow();
        overdue.add(new Overdue(o.id(), o.trackingCode(), a.agencyId(), a.agencyName(), a.currentDue(),
            ChronoUnit.DAYS.between(a.currentDue(), today), shorten(o.content(), CONTENT_LENGTH)));
      }
    }

    public DialogueStatistics result(StatisticsScope scope) {
      List<Overdue> late = new ArrayList<>(overdue);
      late.sort(Comparator.comparingLong(Overdue::daysOverdue).reversed().thenComparing(Overdue::trackingCode));
      int onTime = timeliness.getOrDefault(Timeliness.ON_TIME, 0);
      Answers answers = new Answers(timeliness.values().stream().mapToInt(Integer::intValue).sum(), answered,
          onTime, timeliness.getOrDefault(Timeliness.LATE, 0), timeliness.getOrDefault(Timeliness.OVERDUE, 0),
          timeliness.getOrDefault(Timeliness.IN_PROGRESS, 0), percent(onTime, answered));
      return new DialogueStatistics(scope, today, total, raisers, seen - total,
          counts(byField, OpinionField.values(), OpinionField::code, OpinionField::vietnamese),
          counts(byChannel, Channel.values(), Channel::code, Channel::vietnamese),
          counts(byOutcome, Outcome.values(), Outcome::code, Outcome::vietnamese), answers, late);
    }

    private static void count(int[][] table, int row, int raisers) {
      table[row][0]++;
      table[row][1] += raisers;
    }

    private <E extends Enum<E>> List<Count> counts(int[][] table, E[] values, Function<E, String> code,
        Function<E, String> text) {
      List<Count> out = new ArrayList<>();
      for (E value : values) {
        int[] c = table[value.ordinal()];
        out.add(new Count(code.apply(value), text.apply(value), c[0], c[1], percent(c[0], total)));
      }
      return out;
    }
  }

  /** {@code part / whole} as a percentage with one decimal, rounded half up; empty when {@code whole} is 0. */
  static Optional<BigDecimal> percent(int part, int whole) {
    if (whole == 0) {
      return Optional.empty();
    }
    return Optional.of(BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP));
  }

  /**
   * At most {@code max} characters with the ellipsis, cut between user-perceived characters (a decomposed
   * "ễ" stays whole) and, where possible, between words.
   */
  static String shorten(String text, int max) {
    String t = text.strip().replaceAll("\\s+", " ");
    if (t.length() <= max) {
      return t;
    }
    BreakIterator chars = BreakIterator.getCharacterInstance(Locale.forLanguageTag("vi"));
    chars.setText(t);
    int limit = max - 1; // room for the ellipsis
    int cut = chars.isBoundary(limit) ? limit : chars.preceding(limit);
    int space = t.lastIndexOf(' ', cut);
    if (space > limit / 2) {
      cut = space;
    }
    return t.substring(0, cut).stripTrailing() + "…";
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    scope.describe(m);
    m.put("today", today.toString());
    m.put("opinions", opinions);
    m.put("raisers", raisers);
    m.put("mergedAway", mergedAway);
    m.put("byField", byField.stream().map(DialogueStatistics::countJson).toList());
    m.put("byChannel", byChannel.stream().map(DialogueStatistics::countJson).toList());
    m.put("byOutcome", byOutcome.stream().map(DialogueStatistics::countJson).toList());
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("assigned", answers.assigned());
    a.put("answered", answers.answered());
    a.put("onTime", answers.onTime());
    a.put("late", answers.late());
    a.put("overdueUnanswered", answers.overdueUnanswered());
    a.put("inProgress", answers.inProgress());
    a.put("onTimeRate", answers.onTimeRate().orElse(null));
    m.put("answers", a);
    m.put("overdue", overdue.stream().map(o -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("opinionId", o.opinionId());
      x.put("trackingCode", o.trackingCode());
      x.put("agencyId", o.agencyId());
      x.put("agency", o.agency());
      x.put("due", o.due().toString());
      x.put("daysOverdue", o.daysOverdue());
      x.put("content", o.content());
      return (Object) x;
    }).toList());
    return m;
  }

  private static Object countJson(Count c) {
    Map<String, Object> x = new LinkedHashMap<>();
    x.put("code", c.code());
    x.put("text", c.text());
    x.put("opinions", c.opinions());
    x.put("raisers", c.raisers());
    x.put("percent", c.percent().orElse(null));
    return x;
  }
}
