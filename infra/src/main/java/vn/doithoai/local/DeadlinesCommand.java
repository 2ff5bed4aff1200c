package vn.doithoai.local;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Optional;
import vn.doithoai.core.calendar.BeforeReading;
import vn.doithoai.core.calendar.VietnameseDates;
import vn.doithoai.core.calendar.WorkingCalendar;
import vn.doithoai.core.rules.Deadline;
import vn.doithoai.core.rules.DeadlineJson;
import vn.doithoai.core.rules.DeadlineSchedule;
import vn.doithoai.core.rules.DeadlineScheduling;
import vn.doithoai.core.rules.PlanAnchors;
import vn.doithoai.core.rules.PlanOverrides;
import vn.doithoai.core.rules.RuleProfiles;

/** {@code deadlines --profile ID --meeting DATE [--conclusion DATE] [--reading strict|inclusive] [--json]}. */
final class DeadlinesCommand {
  private DeadlinesCommand() {}

  static String run(Args args, WorkingCalendar calendar) {
    args.expectWords(1);
    String profileId = args.required("profile");
    LocalDate meeting = Args.date(args.required("meeting"));
    Optional<LocalDate> conclusion = args.option("conclusion").map(Args::date);
    BeforeReading reading = args.option("reading").map(DeadlinesCommand::reading).orElse(BeforeReading.STRICT);
    RuleProfiles profiles = RuleProfiles.shipped();
    profiles.get(profileId);
    PlanAnchors anchors;
    try {
      anchors = new PlanAnchors(meeting, conclusion);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
    DeadlineSchedule s = new DeadlineScheduling(profiles, calendar).schedule(profileId, anchors,
        PlanOverrides.none().withReading(reading));
    return args.flag("json") ? json(s) : table(s, reading);
  }

  private static BeforeReading reading(String s) {
    try {
      return BeforeReading.parse(s);
    } catch (IllegalArgumentException e) {
      throw new CliException("--reading phải là strict hoặc inclusive", "--reading must be strict or inclusive");
    }
  }

  static String table(DeadlineSchedule s, BeforeReading reading) {
    StringBuilder sb = new StringBuilder();
    sb.append("# bộ quy tắc / profile: ").append(s.profileId()).append(" (mức sàn / floor: ").append(s.floorId())
        .append(")\n");
    sb.append("# đối thoại / meeting: ").append(s.anchors().meeting());
    s.anchors().conclusionNotice().ifPresent(c -> sb.append("; thông báo kết luận / conclusion: ").append(c));
    sb.append('\n');
    sb.append("# cách hiểu \"trước ít nhất N ngày\" / reading: ").append(reading.name().toLowerCase(
        java.util.Locale.ROOT)).append('\n');
    sb.append("# phiên bản lịch / calendar version: ").append(s.calendarVersion()).append('\n');
    sb.append(String.format("%-10s  %-9s  %-26s  %-7s  %-14s  %s%n", "due", "weekday", "rule", "owner", "origin",
        "title"));
    for (Deadline d : s.deadlines()) {
      String due = d.due().map(LocalDate::toString).orElse("pending");
      String weekday = d.due().map(x -> VietnameseDates.weekday(x.getDayOfWeek())).orElse("-");
      sb.append(String.format("%-10s  %-9s  %-26s  %-7s  %-14s  %s%n", due, weekday, d.ruleId(),
          d.owner().code(), d.origin(), d.title()));
      sb.append("            ↳ ").append(d.explanation());
      d.extensionLimit().ifPresent(x -> sb.append("; gia hạn tối đa đến ").append(x));
      sb.append("\n            ↳ nguồn: ").append(d.source()).append(" [").append(d.sourceStatus().code())
          .append("]\n");
    }
    for (String w : s.warnings()) {
      sb.append("! ").append(w).append('\n');
    }
    return sb.toString().stripTrailing();
  }

  static String json(DeadlineSchedule s) {
    try {
      return JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT, JSON.Feature.WRITE_NULL_PROPERTIES)
          .asString(DeadlineJson.schedule(s));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
