package vn.doithoai.core.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.common.Role;
import vn.doithoai.core.calendar.WorkingCalendar;
import vn.doithoai.core.commune.Agency;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.mail.DeadlineMails;
import vn.doithoai.core.mail.OutgoingMail;
import vn.doithoai.core.plan.PlanDeadline;
import vn.doithoai.core.rules.RuleProfiles;

/** Issue #4's promises on the deadline logic, with in-memory ports and a clock the test moves. */
class DeadlinesInMotionTest {
  static final Commune COMMUNE = new Commune("demo", "Xã Demo", "Lạng Sơn", "lang-son-320", "VP Đảng ủy",
      "Văn phòng HĐND và UBND", "vanphong@demo.example.vn", "chutich@demo.example.vn", "mttq@demo.example.vn", null,
      List.of(new Agency("phong-kinh-te", "Phòng Kinh tế", "kinhte@demo.example.vn")), 1,
      Instant.parse("2025-01-01T00:00:00Z"));

  private final InMemory.Store store = new InMemory.Store();
  private final InMemory.Schedules scheduler = new InMemory.Schedules();
  private final InMemory.MovingClock clock = new InMemory.MovingClock(Instant.parse("2025-12-01T00:00:00Z"));
  private final FiringDeadlines firing = new FiringDeadlines(store, new InMemory.OneCommune(COMMUNE),
      new DeadlineMails("https://doithoai.example.vn"), clock);
  private final SchedulingDeadlines scheduling = new SchedulingDeadlines(scheduler, clock);

  /** An agency's answer due Mon 29/12/2025, version v, with the profile's steps. */
  static PlanDeadline answer(LocalDate due, long version) {
    List<Step> steps = DeadlineSteps.forAssignment(RuleProfiles.shipped().get("lang-son-320"),
        WorkingCalendar.vietnam(), due);
    Instant dueAt = steps.stream().filter(s -> s.name().equals("due")).findFirst().orElseThrow().at();
    return new PlanDeadline(PlanDeadline.ASSIGNMENTS, "o_1", "answer", "Trả lời ý kiến", Role.AGENCY, due, dueAt,
        "vn-test", version, "demo", "DT-AAAA-BBBB (Hạ tầng, giao thông)", Optional.of("phong-kinh-te"), steps);
  }

  private void at(String instant) {
    clock.set(Instant.parse(instant));
  }

  @Test
  @DisplayName("the steps: reminders 3 and 1 working days before, the due day, then +1 and +3 working days, 08:00")
  void steps() {
    PlanDeadline d = answer(LocalDate.of(2025, 12, 29), 1);
    assertEquals(List.of("reminder-1@2025-12-24T01:00:00Z", "reminder-2@2025-12-26T01:00:00Z",
        "due@2025-12-29T01:00:00Z", "escalation-1@2025-12-30T01:00:00Z", "escalation-2@2026-01-05T01:00:00Z"),
        d.steps().stream().map(s -> s.name() + "@" + s.at()).toList());
  }

  @Test
  @DisplayName("a fire delivered twice → one e-mail")
  void firedTwice() {
    PlanDeadline d = answer(LocalDate.of(2025, 12, 29), 1);
    store.put(d);
    at("2025-12-24T01:00:10Z");
    assertEquals(FiringDeadlines.Outcome.FIRED, firing.fire("demo", d.id(), "reminder-1", 1));
    assertEquals(FiringDeadlines.Outcome.DUPLICATE, firing.fire("demo", d.id(), "reminder-1", 1));
    assertEquals(1, store.mails.size());
    OutgoingMail m = store.mails.get(0);
    assertEquals("kinhte@demo.example.vn", m.to());
    assertTrue(m.subject().contains("Nhắc hạn 29/12/2025"), m.subject());
    assertTrue(m.text().contains("Thứ Hai, 29/12/2025"), m.text());
    assertTrue(m.text().contains("Xem chi tiết: https://doithoai.example.vn/y-kien/chi-tiet.html?id=" + d.meetingId()),
        "the link opens the opinion in the console: " + m.text());
  }

  @Test
  @DisplayName("a stale fire after an extension (a new version) → no e-mail")
  void staleAfterExtension() {
    PlanDeadline v1 = answer(LocalDate.of(2025, 12, 29), 1);
    store.put(v1);
    scheduling.changed(Optional.empty(), Optional.of(v1));
    PlanDeadline v2 = answer(LocalDate.of(2026, 1, 9), 2);
    store.put(v2);
    scheduling.changed(Optional.of(v1), Optional.of(v2));
    at("2025-12-24T01:00:00Z");
    assertEquals(FiringDeadlines.Outcome.STALE, firing.fire("demo", v1.id(), "reminder-1", 1));
    assertTrue(store.mails.isEmpty());
    assertTrue(scheduler.live.keySet().stream().allMatch(n -> n.contains("-v2-")), scheduler.live.keySet().toString());
    assertEquals(5, scheduler.deleted.size(), "every schedule of version 1 deleted");
  }

  @Test
  @DisplayName("a deadline met before its reminder → its schedules deleted, and a late fire sends nothing")
  void metBeforeReminder() {
    PlanDeadline d = answer(LocalDate.of(2025, 12, 29), 1);
    store.put(d);
    scheduling.changed(Optional.empty(), Optional.of(d));
    assertEquals(5, scheduler.live.size());
    store.remove(d);
    scheduling.changed(Optional.of(d), Optional.empty());
    assertTrue(scheduler.live.isEmpty());
    at("2025-12-24T01:00:00Z");
    assertEquals(FiringDeadlines.Outcome.STALE, firing.fire("demo", d.id(), "reminder-1", 1));
    assertTrue(store.mails.isEmpty());
  }

  @Test
  @DisplayName("a missed fire → the reconciler sends the latest passed step once, not the older reminders")
  void missedFire() {
    PlanDeadline d = answer(LocalDate.of(2025, 12, 29), 1);
    store.put(d);
    List<String> digests = new java.util.ArrayList<>();
    Reconciling reconciling = new Reconciling(store, new InMemory.Queue("demo"), scheduler, firing,
        new InMemory.OneCommune(COMMUNE),
        (c, unit, to, day, subject, text, html) -> digests.add(day + " " + subject),
        vn.doithoai.core.calendar.Calendars.fixed(WorkingCalendar.vietnam()), clock);
    at("2025-12-29T02:00:00Z"); // the due-day notice's instant passed; nobody fired anything
    Reconciling.Report r = reconciling.reconcileCommune("demo");
    assertEquals(1, r.fired());
    assertEquals(1, store.mails.size());
    assertTrue(store.mails.get(0).subject().contains("Đến hạn hôm nay"), store.mails.get(0).subject());
    assertEquals(2, r.schedulesCreated(), "the two escalations still to come");
    assertEquals(0, reconciling.reconcileCommune("demo").fired(), "a second run sends nothing again");
    assertEquals(1, store.mails.size());
    assertEquals(2, digests.size());
    assertTrue(digests.get(0).contains("1 sắp đến hạn"), digests.get(0));
  }

  /** The office's deadline of plan {@code planId}, due {@code due}; {@code issuer} empty: a record stored before. */
  static PlanDeadline officeTask(String planId, LocalDate due, Optional<vn.doithoai.core.plan.Issuer> issuer) {
    List<Step> steps = DeadlineSteps.forAssignment(RuleProfiles.shipped().get("lang-son-320"),
        WorkingCalendar.vietnam(), due);
    Instant dueAt = steps.stream().filter(s -> s.name().equals("due")).findFirst().orElseThrow().at();
    return new PlanDeadline(planId, "m1", "notice", "Thông báo công khai thời gian, địa điểm đối thoại",
        Role.OFFICE, due, dueAt, "vn-test", 1, "demo", "Kế hoạch " + planId, Optional.empty(), steps, issuer);
  }

  @Test
  @DisplayName("a Party plan's office task names the Party office in its e-mail and the digest; an old record the People's Committee office")
  void officeFollowsTheIssuer() {
    LocalDate due = LocalDate.of(2025, 12, 29);
    PlanDeadline party = officeTask("p_party", due, Optional.of(vn.doithoai.core.plan.Issuer.PARTY_COMMITTEE));
    PlanDeadline old = PlanDeadline.fromJson(vn.doithoai.core.common.Json.readObject(vn.doithoai.core.common.Json
        .write(officeTask("p_old", due, Optional.empty()).toJson())));
    assertEquals(Optional.empty(), old.issuer(), "a record without an issuer reads back without one");
    assertEquals(party, PlanDeadline.fromJson(vn.doithoai.core.common.Json.readObject(vn.doithoai.core.common.Json
        .write(party.toJson()))), "the issuer is kept");
    store.put(party);
    store.put(old);
    List<String> digests = new java.util.ArrayList<>();
    Reconciling reconciling = new Reconciling(store, new InMemory.Queue("demo"), scheduler, firing,
        new InMemory.OneCommune(COMMUNE),
        (c, unit, to, day, subject, text, html) -> digests.add(text),
        vn.doithoai.core.calendar.Calendars.fixed(WorkingCalendar.vietnam()), clock);
    at("2025-12-29T02:00:00Z");
    reconciling.reconcileCommune("demo");
    String partyMail = store.mails.stream().filter(m -> m.text().contains("Kế hoạch p_party")).findFirst()
        .orElseThrow().text();
    String oldMail = store.mails.stream().filter(m -> m.text().contains("Kế hoạch p_old")).findFirst()
        .orElseThrow().text();
    assertTrue(partyMail.contains("Đơn vị chịu trách nhiệm: VP Đảng ủy"), partyMail);
    assertTrue(oldMail.contains("Đơn vị chịu trách nhiệm: Văn phòng HĐND và UBND"), oldMail);
    assertEquals(1, digests.size());
    assertTrue(digests.get(0).startsWith("Kính gửi VP Đảng ủy, Văn phòng HĐND và UBND,"), digests.get(0));
    assertTrue(digests.get(0).contains("(Kế hoạch p_party) — VP Đảng ủy"), digests.get(0));
    assertTrue(digests.get(0).contains("(Kế hoạch p_old) — Văn phòng HĐND và UBND"), digests.get(0));
  }

  @Test
  @DisplayName("the overdue ladder: the unit's head, then the host with the Fatherland Front in copy")
  void escalationLadder() {
    PlanDeadline d = answer(LocalDate.of(2025, 12, 29), 1);
    store.put(d);
    at("2026-01-05T01:00:30Z");
    firing.fire("demo", d.id(), "escalation-1", 1);
    firing.fire("demo", d.id(), "escalation-2", 1);
    assertEquals(List.of("kinhte@demo.example.vn", "chutich@demo.example.vn"),
        store.mails.stream().map(OutgoingMail::to).toList());
    assertEquals(List.of("mttq@demo.example.vn"), store.mails.get(1).cc());
    assertTrue(store.mails.get(1).subject().contains("QUÁ HẠN"));
  }

  @Test
  @DisplayName("a fire delivered before its instant does nothing yet")
  void early() {
    PlanDeadline d = answer(LocalDate.of(2025, 12, 29), 1);
    store.put(d);
    at("2025-12-20T01:00:00Z");
    assertEquals(FiringDeadlines.Outcome.EARLY, firing.fire("demo", d.id(), "due", 1));
  }

  @Test
  @DisplayName("schedule names stay within the API's limits and are stable per deadline, version and step")
  void names() {
    PlanDeadline d = answer(LocalDate.of(2025, 12, 29), 123456);
    for (Step s : d.steps()) {
      String n = ScheduleSpec.of(d, s).name();
      assertTrue(n.matches("[0-9a-zA-Z_.-]{1,64}"), n);
      assertEquals(n, ScheduleSpec.of(d, s).name());
    }
  }
}
