package vn.doithoai.local;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.stream.Collectors;
import vn.doithoai.core.calendar.CalendarEntry;
import vn.doithoai.core.calendar.WorkingCalendar;
import vn.doithoai.core.calendar.YearInfo;

/** {@code calendar …}: working-day queries. Output is for scripts: one value or one date a line. */
final class CalendarCommand {
  private CalendarCommand() {}

  static String run(Args args, WorkingCalendar calendar, PrintStream explain) {
    String sub = args.word(1, "lệnh con của calendar|calendar subcommand");
    String out = switch (sub) {
      case "is-working-day" -> {
        args.expectWords(3);
        LocalDate d = Args.date(args.word(2, "ngày|date"));
        boolean working = calendar.isWorkingDay(d);
        calendar.entry(d).ifPresent(e -> explain.println("# " + d + ": " + e.label() + " (" + e.kind().vietnamese()
            + ") [" + e.status().code() + "] " + e.source().citation()));
        yield Boolean.toString(working);
      }
      case "add-working-days" -> {
        args.expectWords(4);
        LocalDate d = Args.date(args.word(2, "ngày|date"));
        yield calendar.addWorkingDays(d, Args.count(args.word(3, "số ngày|number of days"))).toString();
      }
      case "subtract-working-days" -> {
        args.expectWords(4);
        LocalDate d = Args.date(args.word(2, "ngày|date"));
        yield calendar.subtractWorkingDays(d, Args.count(args.word(3, "số ngày|number of days"))).toString();
      }
      case "working-days" -> {
        args.expectWords(4);
        LocalDate from = Args.date(args.word(2, "ngày bắt đầu|start date"));
        LocalDate to = Args.date(args.word(3, "ngày kết thúc|end date"));
        if (to.isBefore(from)) {
          throw new CliException("Ngày kết thúc " + to + " trước ngày bắt đầu " + from,
              "end date " + to + " is before start date " + from);
        }
        yield calendar.workingDays(from, to).stream().map(LocalDate::toString).collect(Collectors.joining("\n"));
      }
      case "info" -> {
        args.expectWords(3);
        yield info(calendar.info(Args.year(args.word(2, "năm|year"))));
      }
      case "version" -> {
        args.expectWords(2);
        yield calendar.version();
      }
      default -> throw new CliException("Lệnh con không hợp lệ 'calendar " + sub + "'",
          "unknown command 'calendar " + sub + "'; see --help");
    };
    explain.println("# phiên bản lịch / calendar version: " + calendar.version());
    return out;
  }

  /** Header lines start with '#'; then date, day-off|working-day, kind, label, status, source, tab-separated. */
  static String info(YearInfo y) {
    StringBuilder sb = new StringBuilder();
    sb.append("# năm / year: ").append(y.year()).append('\n');
    sb.append("# trạng thái / status: ").append(y.status().code()).append(" (").append(y.status().vietnamese())
        .append(")\n");
    sb.append("# số ngày làm việc / working days: ").append(y.workingDays()).append('\n');
    sb.append("# phiên bản lịch / calendar version: ").append(y.calendarVersion()).append('\n');
    sb.append("# date\ttype\tkind\tlabel\tstatus\tsource");
    for (CalendarEntry e : y.entries()) {
      sb.append('\n').append(e.date()).append('\t').append(e.dayOff() ? "day-off" : "working-day").append('\t')
          .append(e.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).append('\t')
          .append(e.label()).append('\t').append(e.status().code()).append('\t').append(e.source().citation());
    }
    return sb.toString();
  }
}
