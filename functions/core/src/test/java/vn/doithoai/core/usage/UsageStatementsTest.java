package vn.doithoai.core.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.common.Actor;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.Role;

class UsageStatementsTest {
  static final Actor PLATFORM = new Actor("p", "Quản trị hệ thống", Actor.ANY_COMMUNE, Set.of(Role.ADMIN),
      Optional.empty());
  static final Actor COMMUNE_ADMIN = new Actor("a", "Quản trị xã", "demo", Set.of(Role.ADMIN), Optional.empty());
  /** 23:30 UTC on 30/11 is already 1 December in Vietnam. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T23:30:00Z"), ZoneOffset.UTC);

  private YearMonth asked;

  private final UsageCounters counters = new UsageCounters() {
    @Override
    public void add(String communeId, YearMonth month, Map<UsageCounter, Long> counts) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<CommuneUsage> month(YearMonth month) {
      asked = month;
      return List.of(new CommuneUsage("demo", Map.of(UsageCounter.API_STAFF, 1000L, UsageCounter.EMAILS, 100L,
          UsageCounter.OPINIONS, 30L), 2000, 2_000_000_000L));
    }
  };
  private final UsageStatements statements = new UsageStatements(counters, CLOCK);

  @Test
  @DisplayName("only the platform administrator reads the statement: a commune's own admin gets 403")
  void platformAdminOnly() {
    DomainException e = assertThrows(DomainException.class, () -> statements.statement(COMMUNE_ADMIN, "2026-12"));
    assertEquals(DomainException.Kind.FORBIDDEN, e.kind());
  }

  @Test
  @DisplayName("a month that is not yyyy-mm, or an unknown format, is a 400 with a Vietnamese message")
  void badInput() {
    for (String month : List.of("2026-13", "12/2026", "2026-1")) {
      DomainException e = assertThrows(DomainException.class, () -> statements.statement(PLATFORM, month));
      assertEquals(DomainException.Kind.INVALID, e.kind(), month);
      assertEquals("Tháng phải có dạng năm-tháng, ví dụ 2026-12.", e.fieldErrors().get(0).message());
    }
    DomainException f = assertThrows(DomainException.class, () -> statements.file(PLATFORM, "2026-12", "pdf"));
    assertEquals("format", f.fieldErrors().get(0).field());
  }

  @Test
  @DisplayName("no month: this month in Vietnam")
  void thisMonthInVietnam() {
    assertEquals(YearMonth.of(2026, 12), statements.statement(PLATFORM, null).month());
    assertEquals(YearMonth.of(2026, 12), asked);
  }

  @Test
  @DisplayName("the estimate is each count at its unit price, plus storage by the GB-month with PITR")
  void estimate() {
    UsageStatements.Row row = statements.statement(PLATFORM, "2026-11").rows().get(0);
    double staff = UsageCosts.units().stream().filter(u -> u.counter() == UsageCounter.API_STAFF).findFirst()
        .orElseThrow().usd();
    double mail = UsageCosts.units().stream().filter(u -> u.counter() == UsageCounter.EMAILS).findFirst()
        .orElseThrow().usd();
    double storage = 2.0 * (UsageCosts.STORAGE_GB_MONTH + UsageCosts.PITR_GB_MONTH);
    assertEquals(1000 * staff + 100 * mail + storage, row.estimatedUsd(), 1e-12);
    assertTrue(mail > UsageCosts.SES_EMAIL, "an e-mail costs SES and the work around it");
  }

  @Test
  @DisplayName("CSV and JSON carry the commune's counts, what it stores and the estimate")
  void files() {
    String csv = new String(statements.file(PLATFORM, "2026-11", "csv").bytes(), StandardCharsets.UTF_8);
    String[] lines = csv.split("\r\n");
    assertTrue(lines[0].contains("Xã,Yêu cầu của cán bộ (API)"), lines[0]);
    assertTrue(lines[1].startsWith("demo,1000,0,0,30,100,0,0,0,0,2000,2000000000,"), lines[1]);
    Map<String, Object> json = statements.statement(PLATFORM, "2026-11").toJson();
    assertEquals("2026-11", json.get("month"));
    assertEquals(1000L, ((Map<?, ?>) ((List<?>) json.get("communes")).get(0)).get("apiStaff"));
    assertEquals("bang-ke-su-dung-2026-11.xlsx", statements.file(PLATFORM, "2026-11", "xlsx").fileName());
  }
}
