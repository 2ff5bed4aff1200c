package vn.doithoai.core.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.calendar.Calendars;
import vn.doithoai.core.calendar.WorkingCalendar;
import vn.doithoai.core.common.Role;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.commune.DigestFrequency;
import vn.doithoai.core.commune.Unit;
import vn.doithoai.core.mail.DeadlineMails;
import vn.doithoai.core.plan.Issuer;
import vn.doithoai.core.plan.PlanDeadline;

/**
 * The digest says only what changed or is due this week, to each unit at its own address, as often as the unit
 * is set: the offices daily, every other unit weekly by default, a unit set to off never.
 */
class DigestsTest {
  /** Seed 004's commune: the Party office's own address, the Ban Xây dựng Đảng, the Front set to no digest. */
  static final Commune COMMUNE = new Commune("demo", "Xã Demo", "Nam Định", "national-floor", "Văn phòng Đảng ủy",
      "Văn phòng HĐND và UBND", "vanphong@demo.example.vn", "chutich@demo.example.vn", "mttq@demo.example.vn", null,
      List.of(), 1, Instant.parse("2025-01-01T00:00:00Z"), List.of(
          new Unit(Commune.PARTY_OFFICE, "Văn phòng Đảng ủy", "vpdu@demo.example.vn"),
          new Unit("ban-xay-dung-dang", "Ban Xây dựng Đảng", "bxdd@demo.example.vn"),
          new Unit(Commune.FRONT, "Ủy ban MTTQ xã", "mttq@demo.example.vn", Optional.of(DigestFrequency.OFF))));

  private final InMemory.Store store = new InMemory.Store();
  private final InMemory.MovingClock clock = new InMemory.MovingClock(Instant.EPOCH);
  private final List<String> sent = new ArrayList<>();
  private final Reconciling reconciling = new Reconciling(store, new InMemory.Queue("demo"), new InMemory.Schedules(),
      new FiringDeadlines(store, new InMemory.OneCommune(COMMUNE), new DeadlineMails("https://x.example.vn"), clock),
      new InMemory.OneCommune(COMMUNE), (c, unit, to, day, subject, text, html) -> sent.add(day + " " + unit + " " + to
          + " | " + text), Calendars.fixed(WorkingCalendar.vietnam()), clock);

  /** A Party plan's deadline due {@code due}: the office's, the Front's, or a task naming {@code unit}. */
  static PlanDeadline task(String id, Role owner, String unit, LocalDate due) {
    return new PlanDeadline("p_004", "m1", id, "Nhiệm vụ " + id, owner, due, due.atStartOfDay(
        vn.doithoai.core.rules.DeadlineScheduling.VIETNAM).toInstant(), "vn-test", 1, "demo", "Kế hoạch 45-KH/ĐU",
        Optional.empty(), List.of(), Optional.of(Issuer.PARTY_COMMITTEE), Optional.ofNullable(unit));
  }

  private List<String> runOn(String day) {
    sent.clear();
    clock.set(LocalDate.parse(day).atTime(7, 0).atZone(vn.doithoai.core.rules.DeadlineScheduling.VIETNAM)
        .toInstant());
    reconciling.reconcileCommune("demo");
    return List.copyOf(sent);
  }

  @Test
  @DisplayName("each unit at its own address: the office daily, the board on Monday only, the Front (off) never")
  void eachUnitAsOftenAsItIsSet() {
    store.put(task("office", Role.OFFICE, null, LocalDate.of(2025, 11, 6)));
    store.put(task("board", Role.OFFICE, "Ban Xây dựng Đảng", LocalDate.of(2025, 11, 7)));
    store.put(task("front", Role.FRONT, null, LocalDate.of(2025, 11, 5)));

    List<String> monday = runOn("2025-11-03");
    assertEquals(2, monday.size(), monday.toString());
    assertTrue(monday.get(0).startsWith("2025-11-03 van-phong-dang-uy vpdu@demo.example.vn | Kính gửi Văn phòng "
        + "Đảng ủy,") && monday.get(0).contains("Nhiệm vụ office") && !monday.get(0).contains("Nhiệm vụ board"),
        monday.get(0));
    assertTrue(monday.get(1).startsWith("2025-11-03 ban-xay-dung-dang bxdd@demo.example.vn | Kính gửi Ban Xây dựng "
        + "Đảng,") && monday.get(1).contains("Nhiệm vụ board"), monday.get(1));
    List<String> tuesday = runOn("2025-11-04");
    assertEquals(1, tuesday.size(), tuesday.toString());
    assertTrue(tuesday.get(0).contains("vpdu@demo.example.vn"), tuesday.get(0));
  }

  @Test
  @DisplayName("an overdue deadline is told once, the day after it fell due, not every day after")
  void onlyWhatChanged() {
    store.put(task("late", Role.OFFICE, null, LocalDate.of(2025, 10, 31)));
    List<String> monday = runOn("2025-11-03");
    assertEquals(1, monday.size(), monday.toString());
    assertTrue(monday.get(0).contains("Mới quá hạn:") && monday.get(0).contains("Nhiệm vụ late"), monday.get(0));
    assertEquals(List.of(), runOn("2025-11-04"), "nothing changed, nothing due this week");
  }
}
