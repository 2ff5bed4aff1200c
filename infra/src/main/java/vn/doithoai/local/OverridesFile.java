package vn.doithoai.local;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.doithoai.core.calendar.CalendarOverride;

/**
 * Reads calendar overrides from a JSON file (the README shows the format):
 * {@code [{"date":"2026-11-23","type":"day-off","scope":"national","reason":"…","source":"…"}]}.
 */
final class OverridesFile {
  private OverridesFile() {}

  static List<CalendarOverride> read(Path file) {
    Object parsed;
    try {
      parsed = JSON.std.anyFrom(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new CliException("Không tìm thấy tệp điều chỉnh " + file, "overrides file not found: " + file);
    } catch (IOException e) {
      throw new CliException("Tệp điều chỉnh không đọc được: " + oneLine(e.getMessage()),
          "cannot read overrides file: " + oneLine(e.getMessage()));
    }
    if (!(parsed instanceof List<?> list)) {
      throw new CliException("Tệp điều chỉnh phải là một mảng JSON", "the overrides file must be a JSON array");
    }
    List<CalendarOverride> overrides = new ArrayList<>();
    for (Object o : list) {
      if (!(o instanceof Map<?, ?> m)) {
        throw new CliException("Mỗi điều chỉnh phải là một đối tượng JSON", "each override must be a JSON object");
      }
      String type = String.valueOf(m.get("type")).toLowerCase(Locale.ROOT);
      if (!type.equals("day-off") && !type.equals("working-day")) {
        throw new CliException("type phải là day-off hoặc working-day, nhận '" + type + "'",
            "type must be day-off or working-day, got '" + type + "'");
      }
      Object rawScope = m.get("scope");
      String scope = (rawScope == null ? "commune" : String.valueOf(rawScope)).toUpperCase(Locale.ROOT);
      CalendarOverride.Scope sc;
      try {
        sc = CalendarOverride.Scope.valueOf(scope);
      } catch (IllegalArgumentException e) {
        throw new CliException("scope phải là national hoặc commune", "scope must be national or commune");
      }
      try {
        overrides.add(new CalendarOverride(Args.date(String.valueOf(m.get("date"))), type.equals("working-day"),
            sc, (String) m.get("reason"), (String) m.get("source")));
      } catch (IllegalArgumentException e) {
        throw new CliException(e.getMessage(), "each override needs a reason");
      }
    }
    return overrides;
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ");
  }
}
