package vn.doithoai.core.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.common.Role;
import vn.doithoai.core.calendar.Calendars;
import vn.doithoai.core.calendar.WorkingCalendar;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.commune.Unit;
import vn.doithoai.core.deadline.Step;
import vn.doithoai.core.fixtures.DialogueFixtures;
import vn.doithoai.core.plan.Plan;
import vn.doithoai.core.plan.PlanContent;
import vn.doithoai.core.plan.PlanDeadline;
import vn.doithoai.core.plan.PlanParts.Task;
import vn.doithoai.core.plan.PlanSchedules;
import vn.doithoai.core.rules.RuleProfiles;

/**
 * Owners as units (seed 004): each plan task names a unit, and its reminders reach that unit's address and name it;
 * a commune stored before units existed still resolves its offices, Front and agencies from the old fields.
 */
class UnitsToldTest {
  static final Instant NOW = Instant.parse("2025-10-20T02:00:00Z");

  /** Seed 004's three tasks, on a Party plan meeting on 20/11/2025. */
  static Plan seed004() {
    Plan base = DialogueFixtures.plan();
    PlanContent c = base.content();
    List<Task> tasks = List.of(
        new Task("t-front", "Ủy ban MTTQ xã", Role.FRONT, "Tổng hợp câu hỏi, ý kiến gửi Ban Xây dựng Đảng",
            Optional.of(LocalDate.of(2025, 11, 5)), true),
        new Task("t-xdd", "Ban Xây dựng Đảng", Role.OFFICE, "Tổng hợp ý kiến của cơ sở",
            Optional.of(LocalDate.of(2025, 11, 7)), true),
        new Task("t-vp", "Văn phòng Đảng ủy xã Tân Thành", Role.OFFICE, "Tham mưu chương trình, nội dung hội nghị",
            Optional.of(LocalDate.of(2025, 11, 10)), true));
    PlanContent with = new PlanContent(c.year(), c.issuer(), c.number(), c.title(), c.hosts(), c.delegate(),
        c.audience(), c.villages(), c.form(), c.period(), c.meetings(), c.participants(), tasks, c.distribution(),
        c.legalBasis(), c.replaces(), c.profileId(), c.reading());
    return Plan.draft(base.id(), base.communeId(), with, DialogueFixtures.OFFICE, NOW)
        .announce(DialogueFixtures.OFFICE, NOW);
  }

  /** The fixture commune with a Party office address of its own and the board Ban Xây dựng Đảng. */
  static Commune withUnits() {
    Commune old = DialogueFixtures.commune();
    return new Commune(old.id(), old.name(), old.province(), old.profileId(), old.partyOfficeName(),
        old.peoplesCommitteeOfficeName(), old.officeEmail(), old.hostEmail(), old.frontEmail(), old.websiteUrl(),
        old.agencies(), old.version(), old.createdAt(), List.of(
            new Unit("van-phong-dang-uy", "Văn phòng Đảng ủy xã Tân Thành", "vpdu@tanthanh.gov.vn"),
            new Unit("ban-xay-dung-dang", "Ban Xây dựng Đảng", "xaydungdang@tanthanh.gov.vn")));
  }

  private static Map<String, PlanDeadline> tasks(Plan plan) {
    PlanSchedules schedules = new PlanSchedules(RuleProfiles.shipped(), Calendars.fixed(WorkingCalendar.vietnam()));
    Map<String, PlanDeadline> out = new java.util.HashMap<>();
    schedules.openDeadlines(plan).forEach(d -> out.put(d.ruleId(), d));
    return out;
  }

  /** The e-mail of a deadline's first step that goes to its own unit (the due-day notice). */
  private static OutgoingMail due(Commune c, PlanDeadline d) {
    Step step = d.step("due").orElseThrow();
    List<OutgoingMail> mails = new DeadlineMails("https://xa.example.vn").forStep(c, d, step, NOW, d.due());
    assertEquals(1, mails.size(), d.ruleId() + ": " + mails);
    return mails.get(0);
  }

  @Test
  @DisplayName("each task's due-day e-mail reaches its own unit and names it; the Party plan's office is the Party office")
  void eachTaskReachesItsUnit() {
    Map<String, PlanDeadline> d = tasks(seed004());
    Commune c = withUnits();
    assertEquals(Optional.of("Ban Xây dựng Đảng"), d.get("t-xdd").unit());
    OutgoingMail board = due(c, d.get("t-xdd"));
    assertEquals("xaydungdang@tanthanh.gov.vn", board.to());
    assertTrue(board.text().contains("Đơn vị chịu trách nhiệm: Ban Xây dựng Đảng"), board.text());
    OutgoingMail office = due(c, d.get("t-vp"));
    assertEquals("vpdu@tanthanh.gov.vn", office.to(), "the Party office's own address");
    assertEquals("mttq@tanthanh.gov.vn", due(c, d.get("t-front")).to());
  }

  @Test
  @DisplayName("a commune stored before units: offices, Front and agencies derived from the old fields; an unknown unit falls back to its role")
  void oldCommuneRecords() {
    Commune old = Commune.fromJson(Json.readObject(Json.write(DialogueFixtures.commune().toJson())));
    assertEquals(List.of(), old.declaredUnits());
    assertEquals("vanphong@tanthanh.gov.vn", old.unit("Văn phòng HĐND và UBND xã Tân Thành").orElseThrow().email());
    assertEquals("diachinh@tanthanh.gov.vn", old.unit("dia-chinh").orElseThrow().email());
    assertEquals("Ủy ban MTTQ xã", old.unit("uy ban mttq xa").orElseThrow().name(), "found without diacritics");
    Map<String, PlanDeadline> d = tasks(seed004());
    OutgoingMail board = due(old, d.get("t-xdd"));
    assertEquals("vanphong@tanthanh.gov.vn", board.to(), "no address for the board yet: its role's (the office)");
    assertTrue(board.text().contains("Đơn vị chịu trách nhiệm: Ban Xây dựng Đảng"), board.text());
    Commune again = Commune.fromJson(Json.readObject(Json.write(withUnits().toJson())));
    assertEquals(withUnits(), again, "declared units are kept");
  }
}
