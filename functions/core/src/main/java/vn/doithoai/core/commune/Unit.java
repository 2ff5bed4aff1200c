package vn.doithoai.core.commune;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Đơn vị: a unit of the commune that is told things — the Party office, the People's Committee office, the Front,
 * an agency, a union, a board such as Ban Xây dựng Đảng — with the address its messages go to and how often it
 * wants its digest ({@link #digestFrequency}).
 */
public record Unit(String id, String name, String email, Optional<DigestFrequency> digest) {
  public Unit {
    digest = digest == null ? Optional.empty() : digest;
  }

  /** A unit with the default digest frequency. */
  public Unit(String id, String name, String email) {
    this(id, name, email, Optional.empty());
  }

  /**
   * Its digest frequency; by default daily for the two offices, which run the plans and answer for every one of
   * their deadlines, and weekly for every other unit, which is reminded of each of its own deadlines anyway and
   * needs only the week ahead.
   */
  public DigestFrequency digestFrequency() {
    return digest.orElse(Commune.PARTY_OFFICE.equals(id) || Commune.COMMITTEE_OFFICE.equals(id)
        ? DigestFrequency.DAILY : DigestFrequency.WEEKLY);
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("name", name);
    m.put("email", email);
    digest.ifPresent(d -> m.put("digest", d.code()));
    return m;
  }

  static Unit fromJson(Map<String, Object> m) {
    return new Unit((String) m.get("id"), (String) m.get("name"), (String) m.get("email"),
        Optional.ofNullable((String) m.get("digest")).map(d -> DigestFrequency.valueOf(d.toUpperCase(
            java.util.Locale.ROOT))));
  }
}
