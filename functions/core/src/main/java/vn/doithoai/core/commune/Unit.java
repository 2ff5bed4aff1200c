package vn.doithoai.core.commune;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Đơn vị: a unit of the commune that is told things — the Party office, the People's Committee office, the Front,
 * an agency, a union, a board such as Ban Xây dựng Đảng — with the address its messages go to.
 */
public record Unit(String id, String name, String email) {
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("name", name);
    m.put("email", email);
    return m;
  }

  static Unit fromJson(Map<String, Object> m) {
    return new Unit((String) m.get("id"), (String) m.get("name"), (String) m.get("email"));
  }
}
