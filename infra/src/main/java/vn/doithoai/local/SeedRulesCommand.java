package vn.doithoai.local;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.doithoai.core.calendar.VietnameseDates;
import vn.doithoai.core.calendar.WorkingCalendar;
import vn.doithoai.core.rules.Authority;
import vn.doithoai.core.rules.Deadline;
import vn.doithoai.core.rules.DeadlineRule;
import vn.doithoai.core.rules.DeadlineSchedule;
import vn.doithoai.core.rules.DeadlineScheduling;
import vn.doithoai.core.rules.Instruments;
import vn.doithoai.core.rules.PlanAnchors;
import vn.doithoai.core.rules.PlanDeclaration;
import vn.doithoai.core.rules.PlanOverrides;
import vn.doithoai.core.rules.RuleProfile;
import vn.doithoai.core.rules.RuleProfiles;

/**
 * {@code profiles seeds}: for the seed plans, every rule the product considers (the plan's profile and the national
 * floor), the instrument it comes from, whom it binds, whether it binds that plan (and why), and the due date of
 * the ones that do — the table issue #16 asks for. The seeds' issuer, legal basis and meeting day are as the seed
 * documents write them.
 */
final class SeedRulesCommand {
  /** A seed plan as the rules see it. */
  record SeedPlan(String name, String profile, Authority issuer, List<String> legalBasis, LocalDate meeting) {}

  static final List<SeedPlan> SEEDS = List.of(
      new SeedPlan("000 Thiên Hòa, Lạng Sơn (Đảng ủy)", "lang-son-320", Authority.PARTY_COMMITTEE,
          List.of("Quyết định số 320-QĐ/TU, ngày 13/6/2016 của Ban Thường vụ Tỉnh ủy Lạng Sơn"),
          LocalDate.of(2025, 11, 20)),
      new SeedPlan("001 Tân Yên, Bắc Ninh (Đảng ủy)", "bac-ninh-08", Authority.PARTY_COMMITTEE,
          List.of("Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị",
              "Quyết định số 23-QĐ/TW ngày 30/7/2021 của Bộ Chính trị",
              "Quy chế số 08-QC/TU ngày 15/4/2026 của Ban Thường vụ Tỉnh ủy Bắc Ninh"), LocalDate.of(2026, 6, 18)),
      new SeedPlan("002 Bình Lãng, Hải Dương (UBND, 2021)", "hai-duong-03", Authority.PEOPLES_COMMITTEE,
          List.of("Quy chế số 03-QC/TU, ngày 18/3/2021 của Ban Thường vụ Tỉnh ủy Hải Dương",
              "Công văn số 115-CV/BDVHU ngày 20/8/2020 của Ban Dân vận Huyện ủy"), LocalDate.of(2021, 10, 28)),
      new SeedPlan("004 Xuân Trường (Đảng ủy)", "national-floor", Authority.PARTY_COMMITTEE,
          List.of("Quyết định số 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị (khóa XI)"), LocalDate.of(2025, 11, 20)));

  private SeedRulesCommand() {}

  static String run(WorkingCalendar calendar) {
    RuleProfiles profiles = RuleProfiles.shipped();
    Instruments instruments = Instruments.shipped();
    DeadlineScheduling scheduling = new DeadlineScheduling(profiles, calendar, instruments);
    StringBuilder sb = new StringBuilder();
    for (SeedPlan seed : SEEDS) {
      PlanDeclaration plan = PlanDeclaration.of(seed.issuer(), seed.legalBasis());
      DeadlineSchedule s = scheduling.schedule(seed.profile(), PlanAnchors.meetingOn(seed.meeting()),
          PlanOverrides.none(), plan);
      sb.append("## ").append(seed.name()).append(": ").append(seed.issuer().vietnamese()).append(", hội nghị ")
          .append(VietnameseDates.format(seed.meeting())).append(", căn cứ: ")
          .append(String.join("; ", seed.legalBasis())).append('\n');
      sb.append("| quy tắc | bộ quy tắc | văn bản căn cứ | ràng buộc | áp dụng | hạn | lý do |\n|---|---|---|---|---|---|---|\n");
      for (Row r : rows(profiles, instruments, s, seed, plan)) {
        sb.append("| ").append(String.join(" | ", r.cells())).append(" |\n");
      }
      sb.append('\n');
    }
    return sb.toString().stripTrailing();
  }

  private record Row(List<String> cells) {}

  /** The profile's rules, then the floor's (a Party or legacy plan still has the floor considered). */
  private static List<Row> rows(RuleProfiles profiles, Instruments instruments, DeadlineSchedule s, SeedPlan seed,
      PlanDeclaration plan) {
    RuleProfile own = profiles.get(seed.profile());
    Set<RuleProfile> considered = new LinkedHashSet<>(List.of(own, profiles.floor()));
    List<Row> out = new ArrayList<>();
    for (RuleProfile p : considered) {
      for (DeadlineRule rule : p.rules()) {
        Optional<Instruments.Decision> d = instruments.decide(p.id(), rule.id(), plan, seed.meeting());
        boolean applies = d.map(Instruments.Decision::applies).orElse(true);
        Optional<Deadline> chosen = s.deadlines().stream().filter(x -> x.ruleId().equals(rule.id())).findFirst();
        String due = !applies ? "—" : chosen.map(c -> c.origin().equals(p.id())
            ? c.due().map(VietnameseDates::format).orElse("sau sự kiện neo")
            : "thay bởi " + c.origin() + " (chặt hơn)").orElse("—");
        String status = d.map(x -> x.instrument().status().code()).orElse("official");
        out.add(new Row(List.of(rule.id() + " (" + rule.describe() + ")", p.id(),
            d.map(x -> x.instrument().name()).orElse(rule.source()) + ("unconfirmed".equals(status)
                ? " [chưa xác nhận: chỉ nhắc, không báo quá hạn]" : ""),
            d.map(x -> x.instrument().bindsVietnamese()).orElse("—"), applies ? "có" : "không", due,
            d.map(Instruments.Decision::why).orElse("Quy tắc chưa gắn văn bản căn cứ."))));
      }
    }
    return out;
  }
}
