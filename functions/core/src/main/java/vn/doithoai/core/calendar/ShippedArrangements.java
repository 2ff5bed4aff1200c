package vn.doithoai.core.calendar;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code arrangements.json}: the official yearly arrangements shipped with the product, each entry
 * with the notice that announced it and a status. The README explains how an office adds next year's.
 */
final class ShippedArrangements {
  static final String RESOURCE = "/vn/doithoai/core/calendar/arrangements.json";

  final String version;
  final Map<String, Notice> notices;
  final Map<Integer, YearArrangement> years;
  final List<AddedHoliday> addedHolidays;

  private ShippedArrangements(String version, Map<String, Notice> notices, Map<Integer, YearArrangement> years,
      List<AddedHoliday> addedHolidays) {
    this.version = version;
    this.notices = notices;
    this.years = years;
    this.addedHolidays = addedHolidays;
  }

  static ShippedArrangements load() {
    try (InputStream in = ShippedArrangements.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Thiếu dữ liệu lịch " + RESOURCE);
      }
      return parse(JSON.std.mapFrom(in));
    } catch (IOException e) {
      throw new UncheckedIOException("Không đọc được " + RESOURCE, e);
    }
  }

  static ShippedArrangements parse(Map<String, Object> root) {
    Map<String, Notice> notices = new HashMap<>();
    for (Map<String, Object> n : list(root, "notices")) {
      Notice notice = new Notice(text(n, "id"), text(n, "number"), optDate(n, "date"), text(n, "issuer"),
          optText(n, "title"), optText(n, "url"));
      notices.put(notice.id(), notice);
    }
    Reader reader = new Reader(notices);
    Map<Integer, YearArrangement> years = new HashMap<>();
    for (Map<String, Object> y : list(root, "years")) {
      YearArrangement a = reader.year(y);
      if (years.put(a.year(), a) != null) {
        throw new IllegalArgumentException("Năm " + a.year() + " khai báo hai lần trong " + RESOURCE);
      }
    }
    List<AddedHoliday> added = new ArrayList<>();
    for (Map<String, Object> h : list(root, "addedHolidays")) {
      LocalDate from = date(h, "effectiveFrom");
      added.add(new AddedHoliday(MonthDay.parse("--" + text(h, "monthDay")), text(h, "name"), from, reader.source(h)));
    }
    return new ShippedArrangements(text(root, "version"), Map.copyOf(notices), Map.copyOf(years), List.copyOf(added));
  }

  Optional<YearArrangement> year(int year) {
    return Optional.ofNullable(years.get(year));
  }

  /** Turns one year's JSON into a {@link YearArrangement}, resolving notice ids. */
  private record Reader(Map<String, Notice> notices) {
    YearArrangement year(Map<String, Object> y) {
      int year = ((Number) y.get("year")).intValue();
      Optional<YearArrangement.Announced<List<LocalDate>>> tet = Optional.empty();
      if (y.get("tet") instanceof Map<?, ?> t) {
        Map<String, Object> tm = cast(t);
        List<LocalDate> days = new ArrayList<>();
        for (Object d : (List<?>) tm.get("days")) {
          days.add(LocalDate.parse((String) d));
        }
        if (days.size() != 5) {
          throw new IllegalArgumentException("Tết " + year + " phải có đúng 5 ngày, có " + days.size());
        }
        tet = Optional.of(new YearArrangement.Announced<>(List.copyOf(days), source(tm)));
      }
      Optional<YearArrangement.Announced<LocalDate>> adjacent = Optional.empty();
      if (y.get("nationalDayAdjacent") instanceof Map<?, ?> a) {
        Map<String, Object> am = cast(a);
        adjacent = Optional.of(new YearArrangement.Announced<>(date(am, "date"), source(am)));
      }
      List<YearArrangement.Compensatory> comps = new ArrayList<>();
      for (Map<String, Object> c : list(y, "compensatory")) {
        comps.add(new YearArrangement.Compensatory(date(c, "date"), date(c, "for"), source(c)));
      }
      List<YearArrangement.Swap> swaps = new ArrayList<>();
      for (Map<String, Object> s : list(y, "swaps")) {
        swaps.add(new YearArrangement.Swap(date(s, "dayOff"), date(s, "workingDay"), optText(s, "note"), source(s)));
      }
      List<YearArrangement.Extra> extras = new ArrayList<>();
      for (Map<String, Object> e : list(y, "extraDaysOff")) {
        extras.add(new YearArrangement.Extra(date(e, "date"), text(e, "reason"), false, source(e)));
      }
      for (Map<String, Object> e : list(y, "newHolidays")) {
        extras.add(new YearArrangement.Extra(date(e, "date"), text(e, "name"), true, source(e)));
      }
      return new YearArrangement(year, tet, adjacent, List.copyOf(comps), List.copyOf(swaps), List.copyOf(extras));
    }

    Source source(Map<String, Object> m) {
      EntryStatus status = EntryStatus.parse(text(m, "status"));
      String id = optText(m, "notice");
      if (id == null || id.isEmpty()) {
        String citation = optText(m, "citation");
        return new Source(citation == null ? "chưa tìm được văn bản công bố" : citation, status, null);
      }
      Notice notice = notices.get(id);
      if (notice == null) {
        throw new IllegalArgumentException("Văn bản '" + id + "' không có trong danh sách notices");
      }
      return Source.notice(notice, status);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v == null ? List.of() : (List<Map<String, Object>>) v;
  }

  private static String text(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (!(v instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException("Thiếu trường '" + key + "' trong " + m);
    }
    return s;
  }

  private static String optText(Map<String, Object> m, String key) {
    return m.get(key) instanceof String s ? s : null;
  }

  private static LocalDate optDate(Map<String, Object> m, String key) {
    String s = optText(m, key);
    return s == null || s.isBlank() ? null : LocalDate.parse(s);
  }

  private static LocalDate date(Map<String, Object> m, String key) {
    return LocalDate.parse(text(m, key));
  }
}
