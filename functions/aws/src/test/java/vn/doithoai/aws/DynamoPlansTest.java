package vn.doithoai.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.plan.Plan;
import vn.doithoai.core.plan.PlanDeadline;
import vn.doithoai.core.plan.PlanStatus;

class DynamoPlansTest {
  private DynamoTable table;
  private DynamoPlans plans;

  @BeforeEach
  void setUp() {
    table = TestTable.create();
    plans = new DynamoPlans(table);
  }

  @Test
  void roundTripsAPlan() {
    Plan p = Fixtures.plan("p_a1", 2025, Fixtures.T0);
    plans.create(p);
    Plan read = plans.find(Fixtures.CID, "p_a1").orElseThrow();
    assertEquals(p, read);
    assertEquals("Kế hoạch tổ chức đối thoại trực tiếp với Nhân dân năm 2025", read.content().title());
    assertTrue(Normalizer.isNormalized(read.content().villages().get(1), Normalizer.Form.NFC));
    assertTrue(plans.find("xa-khac", "p_a1").isEmpty(), "another commune does not see it");
  }

  @Test
  void creatingAnExistingPlanIsAConflict() {
    plans.create(Fixtures.plan("p_a1", 2025, Fixtures.T0));
    DomainException e = assertThrows(DomainException.class,
        () -> plans.create(Fixtures.plan("p_a1", 2025, Fixtures.T0)));
    assertEquals("already_exists", e.code());
  }

  @Test
  void savesOnlyTheNextVersion() {
    Plan p = Fixtures.plan("p_a1", 2025, Fixtures.T0);
    plans.create(p);
    Plan announced = p.announce(Fixtures.OFFICE, Fixtures.T0.plusSeconds(60));
    plans.save(announced, List.of());
    assertEquals(PlanStatus.ANNOUNCED, plans.find(Fixtures.CID, "p_a1").orElseThrow().status());

    // a second writer that also started from version 1
    Plan cancelled = p.cancel("Trùng lịch họp Đảng ủy", Fixtures.OFFICE, Fixtures.T0.plusSeconds(90));
    DomainException e = assertThrows(DomainException.class, () -> plans.save(cancelled, List.of()));
    assertEquals("version_conflict", e.code());
    // the same version again
    assertThrows(DomainException.class, () -> plans.save(announced, List.of()));
    assertEquals(announced, plans.find(Fixtures.CID, "p_a1").orElseThrow());
  }

  @Test
  void saveReplacesTheOpenDeadlinesInOneWrite() {
    Plan p = Fixtures.plan("p_a1", 2025, Fixtures.T0);
    plans.create(p);
    Instant d1 = Instant.parse("2025-11-10T01:00:00Z");
    Instant d2 = Instant.parse("2025-11-12T01:00:00Z");
    Instant d3 = Instant.parse("2025-11-30T10:00:00Z");
    Plan v2 = p.announce(Fixtures.OFFICE, Fixtures.T0.plusSeconds(60));
    plans.save(v2, List.of(Fixtures.deadline("p_a1", "notice", d1, 1), Fixtures.deadline("p_a1", "invite", d2, 1),
        Fixtures.deadline("p_a1", "results", d3, 1)));
    assertEquals(3, TestTable.scan(table, "C#" + Fixtures.CID).stream()
        .filter(i -> i.get("sk").s().startsWith("DL#")).count());
    assertEquals(List.of("invite", "notice", "results"), rules(plans.openDeadlinesOf(Fixtures.CID)));

    // rescheduled: "notice" is met (closed), "invite" moves, "results" unchanged
    Instant moved = Instant.parse("2025-11-14T01:00:00Z");
    Plan v3 = v2.reschedule("m1", java.time.LocalDate.of(2025, 11, 24), null, "Trùng lịch tiếp công dân",
        Fixtures.OFFICE, Fixtures.T0.plusSeconds(120));
    plans.save(v3, List.of(Fixtures.deadline("p_a1", "invite", moved, 2), Fixtures.deadline("p_a1", "results", d3, 1)));
    List<PlanDeadline> open = plans.openDeadlinesOf(Fixtures.CID);
    assertEquals(List.of("invite", "results"), rules(open));
    assertEquals(moved, open.get(0).dueAt());
    assertEquals(2, open.get(0).version());
    assertEquals(Fixtures.deadline("p_a1", "results", d3, 1), open.get(1));

    // a stale save changes neither the plan nor its deadlines
    assertThrows(DomainException.class, () -> plans.save(v2, List.of()));
    assertEquals(2, plans.openDeadlinesOf(Fixtures.CID).size());

    // closing them all
    Plan v4 = v3.cancel("Sáp nhập đơn vị hành chính", Fixtures.OFFICE, Fixtures.T0.plusSeconds(180));
    plans.save(v4, List.of());
    assertEquals(List.of(), plans.openDeadlinesOf(Fixtures.CID));
  }

  @Test
  void openDeadlinesOfOneCommuneFromItsPartitionOnNoIndex() {
    Plan a = Fixtures.plan("p_a1", 2025, Fixtures.T0);
    Plan b = new Plan("p_b1", "xa-hoang-dong", a.content(), a.status(), a.conclusionDate(), a.cancelReason(), List.of(), List.of(), 1,
        Fixtures.T0, a.audit());
    plans.create(a);
    plans.create(b);
    plans.save(a.announce(Fixtures.OFFICE, Fixtures.T0), List.of(
        Fixtures.deadline("p_a1", "r1", Instant.parse("2025-11-03T01:00:00Z"), 1),
        Fixtures.deadline("p_a1", "r3", Instant.parse("2025-11-05T01:00:00Z"), 1)));
    Plan bAnnounced = new Plan("p_b1", "xa-hoang-dong", a.content(), PlanStatus.ANNOUNCED, a.conclusionDate(),
        a.cancelReason(), List.of(), List.of(), 2, Fixtures.T0, a.audit());
    plans.save(bAnnounced, List.of(Fixtures.deadline("p_b1", "r2", Instant.parse("2025-11-04T01:00:00Z"), 1)));

    assertEquals(List.of("r1", "r3"), rules(plans.openDeadlinesOf(Fixtures.CID)));
    assertEquals(List.of("r2"), rules(plans.openDeadlinesOf("xa-hoang-dong")));
    // issue #18: no global open-deadline index partition (DEADLINES#OPEN) any more, so no index write per change
    assertTrue(TestTable.scan(table, "C#").stream().filter(i -> i.get("sk").s().startsWith("DL#"))
        .noneMatch(i -> i.containsKey("gsi2pk") || i.containsKey("gsi2sk")), "deadlines carry no gsi2 keys");
  }

  @Test
  void plansOfAYearNewestFirst() {
    plans.create(Fixtures.plan("p_old", 2025, Instant.parse("2025-02-01T03:00:00Z")));
    plans.create(Fixtures.plan("p_new", 2025, Instant.parse("2025-09-01T03:00:00Z")));
    plans.create(Fixtures.plan("p_mid", 2025, Instant.parse("2025-05-01T03:00:00.123456Z")));
    plans.create(Fixtures.plan("p_next", 2026, Instant.parse("2025-12-20T03:00:00Z")));
    assertEquals(List.of("p_new", "p_mid", "p_old"),
        plans.byYear(Fixtures.CID, 2025).stream().map(Plan::id).toList());
    assertEquals(List.of("p_next"), plans.byYear(Fixtures.CID, 2026).stream().map(Plan::id).toList());
    assertEquals(List.of(), plans.byYear("xa-khac", 2025));
  }

  private static List<String> rules(List<PlanDeadline> ds) {
    return ds.stream().map(PlanDeadline::ruleId).toList();
  }
}
