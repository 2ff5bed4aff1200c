package vn.doithoai.core.commune;

import java.util.LinkedHashMap;
import java.util.Map;

/** Cơ quan chuyên môn: an agency of the commune that answers what is assigned to it. */
public record Agency(String id, String name, String email) {
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("name", name);
    m.put("email", email);
    return m;
  }

  static Agency fromJson(Map<String, Object> m) {
    return new Agency((String) m.get("id"), (String) m.get("name"), (String) m.get("email"));
  }
}
