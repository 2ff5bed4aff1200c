package vn.doithoai.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import vn.doithoai.core.calendar.WorkingCalendar;
import vn.doithoai.local.Args;
import vn.doithoai.local.CliException;

/**
 * {@code bench calendar}: add-working-days over a two-year span, the indexed calendar against a
 * day-by-day walk over the same calendar, in one run. A documented stand-in for JMH: warm-up rounds, then
 * the median and spread of measured rounds.
 */
final class CalendarBenchmark {
  private static final int SPAN = 500;
  private static final int WARMUP = 5;
  private static final int ROUNDS = 11;
  /** The indexed path is fast: more operations a round keep the timer's resolution out of the result. */
  private static final int INDEXED_REPEATS = 50;

  private CalendarBenchmark() {}

  static String run(Args args) {
    args.expectWords(1);
    WorkingCalendar calendar = WorkingCalendar.vietnam();
    LocalDate[] starts = new LocalDate[365];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = LocalDate.of(2025, 1, 1).plusDays(i);
    }
    Runnable indexed = () -> {
      for (int rep = 0; rep < INDEXED_REPEATS; rep++) {
        for (LocalDate s : starts) {
          sink(calendar.addWorkingDays(s, SPAN));
        }
      }
    };
    Runnable walk = () -> {
      for (LocalDate s : starts) {
        sink(walk(calendar, s, SPAN));
      }
    };
    double[] a = measure(indexed, starts.length * INDEXED_REPEATS);
    double[] b = measure(walk, starts.length);
    double ratio = b[ROUNDS / 2] / a[ROUNDS / 2];
    return String.format(
        "add-working-days, %d working days (~2 years) from each day of 2025, %d rounds after %d warm-up%n"
            + "%-22s %12s %12s %12s%n%-22s %12.0f %12.0f %12.0f%n%-22s %12.0f %12.0f %12.0f%n"
            + "speed-up (median): %.0fx  (target ≥ 10x)%nJVM: %s %s, %d CPUs%nchecksum: %d",
        SPAN, ROUNDS, WARMUP, "ns/op", "min", "median", "max",
        "indexed", a[0], a[ROUNDS / 2], a[ROUNDS - 1], "day-by-day walk", b[0], b[ROUNDS / 2], b[ROUNDS - 1],
        ratio, System.getProperty("java.vm.name"), System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), checksum);
  }

  /**
   * {@code lambda [--runs 10] [--warm 1000] [--quick] [--jar FILE] [--markdown FILE] [--root DIR]}: cold
   * starts, SnapStart proxy, warm latency, capacity and cost (see {@link LambdaBenchmark}). Progress goes to
   * stderr, the table to stdout; the Markdown goes to infra/docs/benchmarks.md unless {@code --quick}.
   */
  static String lambda(Args args) {
    args.expectWords(1);
    int runs = positive(args.option("runs").orElse("10"), "--runs");
    boolean quick = args.flag("quick");
    int warm = positive(args.option("warm").orElse(quick ? "20" : "1000"), "--warm");
    Path root;
    try {
      root = args.option("root").map(Path::of).orElseGet(() -> LambdaBenchmark.findRoot(Path.of("")));
    } catch (IllegalArgumentException e) {
      throw new CliException("Không tìm thấy template.yaml và events/ (chạy trong thư mục dự án hoặc dùng --root)",
          e.getMessage());
    }
    Path jar = args.option("jar").map(Path::of)
        .orElse(root.resolve("functions/handlers/target/doithoai-functions.jar"));
    Path markdown = args.option("markdown").map(Path::of)
        .orElse(quick ? null : root.resolve("infra/docs/benchmarks.md"));
    if (!Files.isRegularFile(jar)) {
      throw new CliException("Chưa có " + jar + " (chạy ./mvnw -DskipTests package trước)",
          jar + " does not exist: build it first (./mvnw -DskipTests package)");
    }
    return LambdaBenchmark.run(new LambdaBenchmark.Options(runs, warm, quick, root, jar, markdown,
        new PrintStream(System.err, true, StandardCharsets.UTF_8))).text();
  }

  static int positive(String s, String what) {
    try {
      int n = Integer.parseInt(s.strip());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new CliException(what + " phải là số nguyên dương, nhận '" + s + "'",
        what + " must be a positive whole number, not '" + s + "'");
  }

  private static long checksum;

  private static void sink(LocalDate d) {
    checksum += d.toEpochDay();
  }

  static LocalDate walk(WorkingCalendar calendar, LocalDate from, int n) {
    LocalDate d = from;
    for (int i = 0; i < n; ) {
      d = d.plusDays(1);
      if (calendar.isWorkingDay(d)) {
        i++;
      }
    }
    return d;
  }

  private static double[] measure(Runnable r, int ops) {
    for (int i = 0; i < WARMUP; i++) {
      r.run();
    }
    double[] ns = new double[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      long t = System.nanoTime();
      r.run();
      ns[i] = (System.nanoTime() - t) / (double) ops;
    }
    Arrays.sort(ns);
    return ns;
  }
}
