package vn.doithoai.core.rules;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.doithoai.core.calendar.EntryStatus;
import vn.doithoai.core.calendar.VietnameseDates;

/**
 * Which instrument each rule of each profile comes from ({@code rules/instruments.json}): a table of its own,
 * keyed by profile and rule id, so the rule entries stay as they are. A rule the table does not name takes its
 * profile's default instrument.
 */
public final class Instruments {
  private static final String RESOURCE = "/vn/doithoai/core/rules/instruments.json";
  private static volatile Instruments shipped;

  private final Map<String, Instrument> byId;
  private final Map<String, String> profileDefault;
  private final Map<String, String> ruleInstrument;
  private final Set<String> confirmedByAdmin;

  Instruments(Map<String, Instrument> byId, Map<String, String> profileDefault, Map<String, String> ruleInstrument) {
    this(byId, profileDefault, ruleInstrument, Set.of());
  }

  private Instruments(Map<String, Instrument> byId, Map<String, String> profileDefault,
      Map<String, String> ruleInstrument, Set<String> confirmedByAdmin) {
    this.confirmedByAdmin = Set.copyOf(confirmedByAdmin);
    this.byId = Map.copyOf(byId);
    this.profileDefault = Map.copyOf(profileDefault);
    this.ruleInstrument = Map.copyOf(ruleInstrument);
    for (String id : profileDefault.values()) {
      require(id);
    }
    for (String id : ruleInstrument.values()) {
      require(id);
    }
  }

  /** Whether a rule binds a plan, and in words why (or why not). */
  public record Decision(Instrument instrument, boolean applies, String why) {}

  public static Instruments shipped() {
    Instruments i = shipped;
    if (i == null) {
      synchronized (Instruments.class) {
        i = shipped;
        if (i == null) {
          i = parse(read());
          shipped = i;
        }
      }
    }
    return i;
  }

  public Optional<Instrument> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public List<Instrument> all() {
    return byId.values().stream().sorted(java.util.Comparator.comparing(Instrument::id)).toList();
  }

  /** The instrument of a profile's rule: its own entry, else the profile's default. */
  public Optional<Instrument> of(String profileId, String ruleId) {
    String id = ruleInstrument.getOrDefault(profileId + "#" + ruleId, profileDefault.get(profileId));
    return Optional.ofNullable(id).map(byId::get);
  }

  /** The same table with these instruments confirmed by an admin: their deadlines escalate from then on. */
  public Instruments confirmed(Set<String> ids) {
    Map<String, Instrument> next = new LinkedHashMap<>(byId);
    Set<String> all = new java.util.HashSet<>(confirmedByAdmin);
    for (String id : ids) {
      Instrument x = require(id);
      next.put(id, new Instrument(x.id(), x.name(), x.binds(), x.from(), x.until(), EntryStatus.OFFICIAL, x.cited(),
          x.note()));
      all.add(id);
    }
    return new Instruments(next, profileDefault, ruleInstrument, all);
  }

  /** Confirmed by an admin: the attribution of the rules it carries has been checked against the text. */
  public boolean confirmedByAdmin(String id) {
    return confirmedByAdmin.contains(id);
  }

  /**
   * A rule binds a plan's meeting when its instrument is in force on the meeting day and either binds the plan's
   * issuer or is declared in the plan's legal basis. A rule with no instrument in the table binds as before.
   */
  public Optional<Decision> decide(String profileId, String ruleId, PlanDeclaration plan, LocalDate meeting) {
    return of(profileId, ruleId).map(x -> decide(x, plan, meeting));
  }

  static Decision decide(Instrument x, PlanDeclaration plan, LocalDate meeting) {
    String day = VietnameseDates.format(meeting);
    if (!x.inForceOn(meeting)) {
      String when = meeting.isBefore(x.from()) ? "chỉ có hiệu lực từ " + VietnameseDates.format(x.from())
          : "hết hiệu lực từ " + VietnameseDates.format(x.until().orElseThrow());
      return new Decision(x, false, x.name() + " " + when + ", hội nghị ngày " + day + ".");
    }
    if (plan.issuer().isEmpty()) {
      return new Decision(x, true, x.name() + " có hiệu lực vào ngày " + day + ".");
    }
    Authority issuer = plan.issuer().get();
    if (x.binds().contains(issuer)) {
      return new Decision(x, true, x.name() + " ràng buộc " + x.bindsVietnamese() + ", cơ quan ban hành kế hoạch.");
    }
    if (x.declaredIn(plan.legalBasis())) {
      return new Decision(x, true, "Kế hoạch căn cứ " + x.name() + ".");
    }
    return new Decision(x, false, x.name() + " chỉ ràng buộc " + x.bindsVietnamese() + "; kế hoạch do "
        + issuer.vietnamese() + " ban hành và không căn cứ văn bản này.");
  }

  static Instruments parse(String json) {
    try {
      Map<String, Object> root = JSON.std.mapFrom(json);
      Map<String, Instrument> byId = new LinkedHashMap<>();
      for (Object o : (List<?>) root.get("instruments")) {
        Map<String, Object> m = map(o);
        Set<Authority> binds = EnumSet.noneOf(Authority.class);
        for (Object b : (List<?>) m.get("binds")) {
          binds.add(Authority.valueOf((String) b));
        }
        Instrument x = new Instrument((String) m.get("id"), (String) m.get("name"), binds,
            LocalDate.parse((String) m.get("from")), Optional.ofNullable((String) m.get("until")).map(LocalDate::parse),
            EntryStatus.parse((String) m.getOrDefault("status", "official")),
            Optional.ofNullable((String) m.get("cited")).map(Pattern::compile), (String) m.get("note"));
        if (byId.put(x.id(), x) != null) {
          throw new IllegalArgumentException("Văn bản trùng mã: " + x.id());
        }
      }
      Map<String, String> defaults = new HashMap<>();
      Map<String, String> rules = new HashMap<>();
      for (Map.Entry<String, Object> p : map(root.get("profiles")).entrySet()) {
        Map<String, Object> m = map(p.getValue());
        if (m.get("default") != null) {
          defaults.put(p.getKey(), (String) m.get("default"));
        }
        for (Map.Entry<String, Object> r : map(m.get("rules")).entrySet()) {
          rules.put(p.getKey() + "#" + r.getKey(), (String) r.getValue());
        }
      }
      return new Instruments(byId, defaults, rules);
    } catch (IOException e) {
      throw new IllegalArgumentException("Bảng văn bản căn cứ không phải JSON hợp lệ: " + e.getMessage(), e);
    }
  }

  private Instrument require(String id) {
    Instrument x = byId.get(id);
    if (x == null) {
      throw new IllegalArgumentException("Không có văn bản căn cứ '" + id + "'");
    }
    return x;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o == null ? Map.of() : (Map<String, Object>) o;
  }

  private static String read() {
    try (InputStream in = Instruments.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Thiếu tài nguyên " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
