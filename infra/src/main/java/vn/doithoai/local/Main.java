package vn.doithoai.local;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import vn.doithoai.core.calendar.WorkingCalendar;

/**
 * The local runtime's command line. Stable for scripts: results on stdout; bad input is one line on stderr
 * in Vietnamese and English with exit code 2 and nothing on stdout.
 */
public final class Main {
  static final int OK = 0;
  static final int BAD_INPUT = 2;

  private static final String USAGE = """
      doithoai-local — Đối thoại local runtime

      java -jar infra/target/doithoai-local.jar <command>

        calendar is-working-day DATE            true | false
        calendar add-working-days DATE N        the N-th working day after DATE
        calendar subtract-working-days DATE N   the N-th working day before DATE
        calendar working-days FROM TO           every working day in [FROM, TO], one a line
        calendar info YEAR                      days off and make-up days, with source and status
        calendar version                        the calendar data version
        deadlines --profile ID --meeting DATE [--conclusion DATE] [--reading strict|inclusive] [--json]
        profiles                                the rule profiles shipped
        profiles seeds                          seeds 000, 001, 002, 004: every rule considered, its instrument,
                                                whom it binds, whether it binds the plan (why), its due date
        serve [--port 3000] [--data DIR] [--template FILE] [--webhook-secret SECRET] [--clock INSTANT]
                                                the local runtime: DynamoDB Local, the HTTP API, schedules, the
                                                event bus, the stream relay and e-mail (.eml), until Ctrl-C;
                                                --clock starts the local clock at e.g. 2025-11-03T01:00:00Z,
                                                POST /_local/clock {"advance":"P1D"} moves it on
        demo [--data DIR] [--template FILE]     seed 000's plan from announcement through the meeting to
                                                20/01/2026 with the clock advanced; prints the e-mails sent
                                                (default DIR: a new temporary directory)
        token --commune ID --role ROLE[,ROLE…] [--agency ID] [--name NAME] [--sub ID] [--data DIR] [--ttl HOURS]
                                                a JWT for the local API (roles: admin, office, host, agency,
                                                front; several as --role office,host or a repeated --role;
                                                default 12 hours)

        admin create-user --email E --commune ID|'*' --role ROLE[,ROLE…] [--agency ID] [--name NAME]
                          [--password P] (--pool USER_POOL_ID [--region R] | --data DIR)
                                                a staff account in the deployed Cognito pool (--pool, AWS
                                                credentials from the usual chain; without --password Cognito
                                                e-mails a temporary one) or in the local runtime's pool; the
                                                platform administrator is --commune '*' --role admin

      --data DIR (serve, token, demo, admin): the local data directory, default .doithoai in the current directory.

      Options for calendar and deadlines:
        --overrides FILE   apply calendar overrides (JSON array) on top of the shipped data
        --explain          print the calendar version (and the reason for a day) on stderr

      Dates are ISO (YYYY-MM-DD). Exit codes: 0 ok, 2 bad input.
      """;

  private Main() {}

  public static void main(String[] argv) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(argv, out, err));
  }

  static int run(String[] argv, PrintStream out, PrintStream err) {
    try {
      Args args = new Args(argv, Set.of("json", "explain", "help"));
      if (args.size() == 0 || args.flag("help") || args.word(0, "").equals("help")) {
        out.print(USAGE);
        return args.size() == 0 && !args.flag("help") ? BAD_INPUT : OK;
      }
      String result = switch (args.word(0, "lệnh|command")) {
        case "calendar" -> CalendarCommand.run(args, calendar(args), args.flag("explain") ? err : nullStream());
        case "deadlines" -> DeadlinesCommand.run(args, calendar(args));
        case "profiles" -> profiles(args);
        case "bench" -> throw new CliException("Các phép đo ở mô-đun bench: java -jar bench/target/doithoai-bench.jar "
            + "calendar|lambda|scale", "benchmarks moved to the bench module: java -jar bench/target/doithoai-bench.jar "
            + "calendar|lambda|scale");
        case "serve" -> vn.doithoai.local.runtime.ServeCommand.run(argv, out, err);
        case "token" -> vn.doithoai.local.runtime.TokenCommand.run(argv);
        case "demo" -> vn.doithoai.local.runtime.DemoCommand.run(argv, err);
        case "admin" -> vn.doithoai.local.runtime.AdminCommand.run(java.util.Arrays.copyOfRange(argv, 1,
            argv.length));
        default -> throw new CliException("Lệnh không hợp lệ '" + args.word(0, "") + "'",
            "unknown command '" + args.word(0, "") + "'; see --help");
      };
      out.println(result);
      return OK;
    } catch (CliException | IllegalArgumentException e) {
      CliException.print(e, err);
      return BAD_INPUT;
    }
  }

  private static String profiles(Args args) {
    if (args.size() == 1) {
      return ProfilesCommand.run();
    }
    if (args.word(1, "lệnh con|subcommand").equals("seeds")) {
      return SeedRulesCommand.run(calendar(args));
    }
    throw new CliException("Lệnh con không hợp lệ '" + args.word(1, "") + "' (chỉ có: seeds)",
        "unknown subcommand '" + args.word(1, "") + "' (only: seeds)");
  }

  private static WorkingCalendar calendar(Args args) {
    WorkingCalendar c = WorkingCalendar.vietnam();
    return args.option("overrides").map(f -> c.withOverrides(OverridesFile.read(Path.of(f)))).orElse(c);
  }

  private static PrintStream nullStream() {
    return new PrintStream(java.io.OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
  }
}
