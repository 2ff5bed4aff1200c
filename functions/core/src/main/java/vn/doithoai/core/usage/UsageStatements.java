package vn.doithoai.core.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.doithoai.core.common.Actor;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.Download;
import vn.doithoai.core.common.FieldError;
import vn.doithoai.core.export.Csv;
import vn.doithoai.core.export.Table;
import vn.doithoai.core.export.Xlsx;
import vn.doithoai.core.rules.DeadlineScheduling;

/**
 * Bảng kê sử dụng theo xã: each commune's month — what it used and its estimated AWS cost — for the platform
 * administrator who shares one deployment's bill between its communes. Only the platform administrator.
 */
public final class UsageStatements {
  private final UsageCounters counters;
  private final Clock clock;

  public UsageStatements(UsageCounters counters, Clock clock) {
    this.counters = Objects.requireNonNull(counters);
    this.clock = Objects.requireNonNull(clock);
  }

  /** One commune's month, priced. */
  public record Row(UsageCounters.CommuneUsage usage, List<UsageCosts.Line> lines, double estimatedUsd) {}

  /** The statement of a month: a row per commune that used anything. */
  public record Statement(YearMonth month, List<Row> rows) {
    public double totalUsd() {
      return rows.stream().mapToDouble(Row::estimatedUsd).sum();
    }

    public Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("month", month.toString());
      List<Object> communes = new ArrayList<>();
      for (Row r : rows) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("commune", r.usage().communeId());
        for (UsageCounter k : UsageCounter.values()) {
          c.put(k.code(), r.usage().get(k));
        }
        c.put("storedItemsNow", r.usage().storedItemsNow());
        c.put("storedBytesNow", r.usage().storedBytesNow());
        Map<String, Object> cost = new LinkedHashMap<>();
        for (UsageCosts.Line l : r.lines()) {
          cost.put(l.counter().code(), usd(l.usd()));
        }
        c.put("estimatedCostUsd", cost);
        c.put("estimatedTotalUsd", usd(r.estimatedUsd()));
        communes.add(c);
      }
      m.put("communes", communes);
      m.put("estimatedTotalUsd", usd(totalUsd()));
      m.put("prices", UsageCosts.units().stream().map(u -> Map.of("counter", u.counter().code(),
          "usdEach", u.usd(), "how", u.arithmetic())).toList());
      m.put("note", "Chi phí ước tính từ số đo của bản đo hiệu năng và bảng giá AWS; chưa gồm phần dùng chung "
          + "(chuyển sự kiện, đối soát hằng ngày, CloudWatch, cảnh báo).");
      return m;
    }

    /** The statement as one sheet: a row per commune, its counts, what it stores now and its estimate. */
    public Table table() {
      List<Table.Column> columns = new ArrayList<>();
      columns.add(new Table.Column("Xã", 16));
      for (UsageCounter k : UsageCounter.values()) {
        columns.add(new Table.Column(k.vietnamese(), 18));
      }
      columns.add(new Table.Column("Bản ghi hiện có", 14));
      columns.add(new Table.Column("Dung lượng hiện có (byte)", 16));
      columns.add(new Table.Column("Chi phí AWS ước tính (USD)", 16));
      List<List<Object>> rows = new ArrayList<>();
      for (Row r : rows()) {
        List<Object> row = new ArrayList<>();
        row.add(r.usage().communeId());
        for (UsageCounter k : UsageCounter.values()) {
          row.add(r.usage().get(k));
        }
        row.add(r.usage().storedItemsNow());
        row.add(r.usage().storedBytesNow());
        row.add(usd(r.estimatedUsd()));
        rows.add(row);
      }
      return new Table("Tháng " + String.format("%02d-%d", month.getMonthValue(), month.getYear()), columns, rows);
    }
  }

  public Statement statement(Actor actor, String month) {
    if (!actor.platformAdmin()) {
      throw DomainException.forbidden("xem bảng kê sử dụng của các xã");
    }
    YearMonth m = month(month);
    List<Row> rows = new ArrayList<>();
    for (UsageCounters.CommuneUsage u : counters.month(m)) {
      List<UsageCosts.Line> lines = UsageCosts.lines(u);
      rows.add(new Row(u, lines, UsageCosts.total(lines)));
    }
    return new Statement(m, rows);
  }

  /** The statement as a file: {@code csv} or {@code xlsx}. */
  public Download file(Actor actor, String month, String format) {
    Statement s = statement(actor, month);
    String name = "bang-ke-su-dung-" + s.month();
    if ("xlsx".equals(format)) {
      return new Download(name + ".xlsx", Download.XLSX, Xlsx.write("Bảng kê sử dụng tháng "
          + String.format("%02d/%d", s.month().getMonthValue(), s.month().getYear()), List.of(s.table())));
    }
    if ("csv".equals(format)) {
      return new Download(name + ".csv", Download.CSV, Csv.write(s.table()));
    }
    throw DomainException.invalid(List.of(new FieldError("format",
        "Định dạng phải là json, csv hoặc xlsx.")));
  }

  /** {@code yyyy-mm}; absent: this month in Vietnam. */
  private YearMonth month(String month) {
    if (month == null || month.isBlank()) {
      return YearMonth.now(clock.withZone(DeadlineScheduling.VIETNAM));
    }
    try {
      if (month.matches("\\d{4}-\\d{2}")) {
        return YearMonth.parse(month);
      }
    } catch (DateTimeException e) {
      // falls through to the message below
    }
    throw DomainException.invalid(List.of(new FieldError("month",
        "Tháng phải có dạng năm-tháng, ví dụ 2026-12.")));
  }

  static BigDecimal usd(double v) {
    return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP);
  }
}
