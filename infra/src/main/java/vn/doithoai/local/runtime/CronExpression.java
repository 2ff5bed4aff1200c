package vn.doithoai.local.runtime;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * An EventBridge cron expression, {@code cron(minutes hours day-of-month month day-of-week year)}, with the
 * usual subset: numbers, names (JAN–DEC, SUN–SAT; day-of-week 1 = Sunday), {@code *}, {@code ?}, ranges,
 * lists and steps. {@code L}, {@code W} and {@code #} are refused.
 */
final class CronExpression {
  private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
      "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

  private final String text;
  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet daysOfMonth; // null: '?'
  private final BitSet months;
  private final BitSet daysOfWeek; // 1 = Sunday … 7 = Saturday; null: '?'
  private final BitSet years;

  private CronExpression(String text, String[] f) {
    this.text = text;
    minutes = field(f[0], 0, 59, null);
    hours = field(f[1], 0, 23, null);
    daysOfMonth = f[2].equals("?") ? null : field(f[2], 1, 31, null);
    months = field(f[3], 1, 12, MONTHS);
    daysOfWeek = f[4].equals("?") ? null : field(f[4], 1, 7, DAYS);
    years = field(f[5], 1970, 2199, null);
    if ((daysOfMonth == null) == (daysOfWeek == null)) {
      throw new IllegalArgumentException("one of day-of-month and day-of-week must be '?': " + text);
    }
  }

  /** Parses {@code cron(…)}; throws IllegalArgumentException for anything else. */
  static CronExpression parse(String expression) {
    String e = expression == null ? "" : expression.strip();
    if (!e.startsWith("cron(") || !e.endsWith(")")) {
      throw new IllegalArgumentException("not a cron expression: " + expression);
    }
    String[] f = e.substring(5, e.length() - 1).strip().toUpperCase(Locale.ROOT).split("\\s+");
    if (f.length != 6) {
      throw new IllegalArgumentException("a cron expression has six fields: " + expression);
    }
    return new CronExpression(e, f);
  }

  /** The first instant strictly after {@code after} that the expression names, in {@code zone}; null if none. */
  Instant next(Instant after, ZoneId zone) {
    LocalDateTime start = LocalDateTime.ofInstant(after, zone).withSecond(0).withNano(0).plusMinutes(1);
    LocalDate day = start.toLocalDate();
    for (int i = 0; i < 366 * 6; i++, day = day.plusDays(1)) {
      if (!matches(day)) {
        continue;
      }
      for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
        for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
          LocalDateTime t = day.atTime(h, m);
          if (!t.isBefore(start)) {
            Instant at = t.atZone(zone).toInstant();
            if (at.isAfter(after)) {
              return at;
            }
          }
        }
      }
    }
    return null;
  }

  private boolean matches(LocalDate d) {
    if (!years.get(d.getYear()) || !months.get(d.getMonthValue())) {
      return false;
    }
    if (daysOfMonth != null) {
      return daysOfMonth.get(d.getDayOfMonth());
    }
    DayOfWeek w = d.getDayOfWeek();
    return daysOfWeek.get(w.getValue() % 7 + 1);
  }

  private static BitSet field(String f, int min, int max, List<String> names) {
    BitSet set = new BitSet(max + 1);
    for (String part : f.split(",")) {
      int step = 1;
      String range = part;
      int slash = part.indexOf('/');
      if (slash >= 0) {
        step = Integer.parseInt(part.substring(slash + 1));
        range = part.substring(0, slash);
        if (step < 1) {
          throw new IllegalArgumentException("bad step in " + f);
        }
      }
      int lo;
      int hi;
      if (range.equals("*")) {
        lo = min;
        hi = max;
      } else if (range.contains("-")) {
        String[] ab = range.split("-", 2);
        lo = value(ab[0], names, min);
        hi = value(ab[1], names, min);
      } else {
        lo = value(range, names, min);
        hi = slash >= 0 ? max : lo;
      }
      if (lo < min || hi > max || lo > hi) {
        throw new IllegalArgumentException("value out of range in '" + f + "' (" + min + "–" + max + ")");
      }
      for (int v = lo; v <= hi; v += step) {
        set.set(v);
      }
    }
    return set;
  }

  private static int value(String s, List<String> names, int min) {
    if (names != null) {
      int i = names.indexOf(s);
      if (i >= 0) {
        return i + min;
      }
    }
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("unsupported cron value '" + s + "' (L, W and # are not supported locally)");
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
