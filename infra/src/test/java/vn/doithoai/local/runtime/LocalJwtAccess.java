package vn.doithoai.local.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.doithoai.core.common.Json;

/** The claims of a token as the authorizer passes them (arrays as "[a b]"), for assertions. */
final class LocalJwtAccess {
  private LocalJwtAccess() {}

  static Map<String, String> claims(String jwt) {
    Map<String, Object> raw = Json.readObject(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
        StandardCharsets.UTF_8));
    Map<String, String> out = new LinkedHashMap<>();
    raw.forEach((k, v) -> out.put(k, v instanceof List<?> l ? "[" + String.join(" ", l.stream().map(String::valueOf)
        .toList()) + "]" : String.valueOf(v)));
    return out;
  }
}
