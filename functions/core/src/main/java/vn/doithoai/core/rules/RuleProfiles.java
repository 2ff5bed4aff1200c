package vn.doithoai.core.rules;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.doithoai.core.common.Role;
import vn.doithoai.core.calendar.BeforeReading;
import vn.doithoai.core.calendar.DayUnit;
import vn.doithoai.core.calendar.EntryStatus;

/**
 * The catalog of rule profiles shipped as JSON resources under {@code vn/doithoai/core/rules/profiles/}
 * (listed in {@code index.txt}). The README documents the format.
 */
public final class RuleProfiles {
  public static final String FLOOR_ID = "national-floor";
  private static final String DIR = "/vn/doithoai/core/rules/profiles/";
  private static volatile RuleProfiles shipped;

  private final Map<String, RuleProfile> profiles;

  RuleProfiles(Map<String, RuleProfile> profiles) {
    this.profiles = Map.copyOf(profiles);
    if (!profiles.containsKey(FLOOR_ID) || !profiles.get(FLOOR_ID).floor()) {
      throw new IllegalStateException("Thiếu bộ quy tắc sàn quốc gia " + FLOOR_ID);
    }
  }

  public static RuleProfiles shipped() {
    RuleProfiles p = shipped;
    if (p == null) {
      synchronized (RuleProfiles.class) {
        p = shipped;
        if (p == null) {
          Map<String, RuleProfile> map = new LinkedHashMap<>();
          for (String id : read(DIR + "index.txt").split("\n")) {
            if (!id.isBlank() && !id.startsWith("#")) {
              map.put(id.strip(), parse(read(DIR + id.strip() + ".json")));
            }
          }
          p = new RuleProfiles(map);
          shipped = p;
        }
      }
    }
    return p;
  }

  public RuleProfile get(String id) {
    RuleProfile p = profiles.get(id);
    if (p == null) {
      throw new UnknownProfileException(id, ids());
    }
    return p;
  }

  public Optional<RuleProfile> find(String id) {
    return Optional.ofNullable(profiles.get(id));
  }

  public RuleProfile floor() {
    return profiles.get(FLOOR_ID);
  }

  public List<String> ids() {
    return profiles.keySet().stream().sorted().toList();
  }

  /** Parses one profile's JSON text. */
  public static RuleProfile parse(String json) {
    try {
      Map<String, Object> m = JSON.std.mapFrom(json);
      Map<String, Object> defaults = map(m.get("defaults"));
      List<DeadlineRule> rules = new ArrayList<>();
      for (Object r : (List<?>) m.get("rules")) {
        rules.add(rule(map(r), defaults));
      }
      String time = (String) m.getOrDefault("reminderTime", "08:00");
      return new RuleProfile(text(m, "id"), text(m, "name"), (String) m.getOrDefault("province", ""),
          text(m, "basis"), Boolean.TRUE.equals(m.get("floor")), "legacy".equals(m.get("status")),
          (String) m.getOrDefault("note", ""), LocalTime.parse(time),
          reminderDays(defaults.getOrDefault("reminders", List.of())),
          steps(defaults.getOrDefault("escalation", List.of())), rules);
    } catch (IOException e) {
      throw new IllegalArgumentException("Bộ quy tắc không phải JSON hợp lệ: " + e.getMessage(), e);
    }
  }

  static DeadlineRule rule(Map<String, Object> r, Map<String, Object> defaults) {
    Object reminders = r.containsKey("reminders") ? r.get("reminders") : defaults.getOrDefault("reminders", List.of());
    Object escalation = r.containsKey("escalation") ? r.get("escalation")
        : defaults.getOrDefault("escalation", List.of());
    return new DeadlineRule(text(r, "id"), text(r, "title"), Anchor.valueOf(text(r, "anchor")),
        Direction.valueOf(text(r, "direction")), ((Number) r.get("offset")).intValue(),
        DayUnit.valueOf(text(r, "unit")), Role.parse(text(r, "owner")), text(r, "source"),
        r.containsKey("sourceStatus") ? EntryStatus.parse((String) r.get("sourceStatus")) : EntryStatus.OFFICIAL,
        Optional.ofNullable((String) r.get("reading")).map(BeforeReading::parse), reminderDays(reminders),
        steps(escalation),
        Optional.ofNullable((Number) r.get("extensionCap")).map(Number::intValue));
  }

  private static List<Integer> reminderDays(Object reminders) {
    List<Integer> days = new ArrayList<>();
    for (Object o : (List<?>) reminders) {
      days.add(((Number) o).intValue());
    }
    return days;
  }

  private static List<EscalationStep> steps(Object escalation) {
    List<EscalationStep> steps = new ArrayList<>();
    for (Object o : (List<?>) escalation) {
      Map<String, Object> s = map(o);
      steps.add(new EscalationStep(((Number) s.get("after")).intValue(), recipients(s.get("to")),
          recipients(s.get("cc"))));
    }
    return steps;
  }

  private static List<Recipient> recipients(Object o) {
    List<Recipient> list = new ArrayList<>();
    if (o != null) {
      for (Object x : (List<?>) o) {
        list.add(Recipient.valueOf((String) x));
      }
    }
    return list;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o == null ? Map.of() : (Map<String, Object>) o;
  }

  private static String text(Map<String, Object> m, String key) {
    if (!(m.get(key) instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException("Bộ quy tắc thiếu trường '" + key + "'");
    }
    return s;
  }

  private static String read(String resource) {
    try (InputStream in = RuleProfiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Thiếu tài nguyên " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
