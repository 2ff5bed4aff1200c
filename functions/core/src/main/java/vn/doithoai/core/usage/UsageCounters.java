package vn.doithoai.core.usage;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** Bộ đếm sử dụng: the per-commune, per-month counters (one atomic add per operation, never a read first). */
public interface UsageCounters {
  /** Adds {@code counts} to the commune's counters of {@code month} (and to its running totals of storage). */
  void add(String communeId, YearMonth month, Map<UsageCounter, Long> counts);

  /** Every commune's counters of {@code month}, in commune order, with its storage as it is now. */
  List<CommuneUsage> month(YearMonth month);

  /**
   * One commune's counts of a month ({@link UsageCounter#STORED_ITEMS} and {@link UsageCounter#STORED_BYTES}:
   * the month's net change) and what it stores now (the running totals of those changes).
   */
  record CommuneUsage(String communeId, Map<UsageCounter, Long> counts, long storedItemsNow, long storedBytesNow) {
    public CommuneUsage {
      counts = Map.copyOf(counts);
    }

    public long get(UsageCounter c) {
      return counts.getOrDefault(c, 0L);
    }
  }
}
