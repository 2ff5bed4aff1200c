package vn.doithoai.core.calendar;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * A statutory holiday added after the Labour Code 2019 took effect, applying every year from its effective
 * date (for example a new national day made a paid day off). Kept as data, with the act that added it.
 */
record AddedHoliday(MonthDay day, String name, LocalDate effectiveFrom, Source source) {
  boolean appliesIn(int year) {
    return !day.atYear(year).isBefore(effectiveFrom);
  }
}
