package vn.doithoai.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import vn.doithoai.local.Args;
import vn.doithoai.local.CliException;

/**
 * The benchmarks' command line, apart from the local runtime's: results on stdout, progress on stderr; bad input
 * is one line on stderr in Vietnamese and English with exit code 2, as for {@code doithoai-local.jar}.
 */
public final class Main {
  static final int OK = 0;
  static final int BAD_INPUT = 2;

  private static final String USAGE = """
      doithoai-bench — Đối thoại benchmarks (infra/docs/benchmarks.md)

      java -jar bench/target/doithoai-bench.jar <benchmark>

        calendar                                indexed counting vs a day-by-day walk
        lambda [--runs N] [--warm N] [--quick] [--jar FILE] [--markdown FILE] [--root DIR]
                                                cold start, warm latency, capacity, cost of every function
        scale [--communes N] [--concurrency 10] [--templates 5] [--root DIR]
                                                N communes × a year's state in DynamoDB Local: the daily
                                                reconcile, calendar overrides, the 08:00 burst per partition,
                                                cost per commune-month (without --communes: 100, 1000, 3321,
                                                each in a JVM of its own)

      Run from the repository (template.yaml and events/ are read). Exit codes: 0 ok, 2 bad input.
      """;

  private Main() {}

  public static void main(String[] argv) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(argv, out, err));
  }

  static int run(String[] argv, PrintStream out, PrintStream err) {
    try {
      Args args = new Args(argv, Set.of("help"));
      if (args.size() == 0 || args.flag("help") || args.word(0, "").equals("help")) {
        out.print(USAGE);
        return args.size() == 0 && !args.flag("help") ? BAD_INPUT : OK;
      }
      String result = switch (args.word(0, "mục đo|benchmark")) {
        case "calendar" -> CalendarBenchmark.run(args);
        case "lambda" -> CalendarBenchmark.lambda(args);
        case "scale" -> ScaleBenchmark.run(args, err);
        default -> throw new CliException("Không có phép đo '" + args.word(0, "") + "' (calendar, lambda, scale)",
            "unknown benchmark '" + args.word(0, "") + "' (calendar, lambda, scale)");
      };
      out.println(result);
      return OK;
    } catch (CliException | IllegalArgumentException e) {
      CliException.print(e, err);
      return BAD_INPUT;
    }
  }
}
