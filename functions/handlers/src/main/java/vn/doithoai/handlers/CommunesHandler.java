package vn.doithoai.handlers;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.doithoai.core.commune.ManagingCommunes;

/** Admin routes: register a commune, read and change it, rotate its webhook secret. */
public final class CommunesHandler extends ApiHandler {
  private final ManagingCommunes communes;

  public CommunesHandler() {
    this(App.get().managingCommunes());
  }

  CommunesHandler(ManagingCommunes communes) {
    this.communes = communes;
  }

  @Override
  protected Map<String, Route> routes() {
    return Map.of(
        "POST /communes", r -> ApiResponses.json(201, withSecret(communes.register(r.actor(), r.json()))),
        "GET /communes/{communeId}", r -> ApiResponses.json(200, communes.get(r.actor(), r.path("communeId"))
            .toJson()),
        "PUT /communes/{communeId}", r -> ApiResponses.json(200, communes.update(r.actor(), r.path("communeId"),
            r.json()).toJson()),
        "POST /communes/{communeId}/webhook-secrets", r -> ApiResponses.json(201,
            withSecret(communes.rotateSecret(r.actor(), r.path("communeId"), r.json()))));
  }

  /** The secret value is shown once, here; it is never returned by GET. */
  private static Map<String, Object> withSecret(ManagingCommunes.WithSecret w) {
    Map<String, Object> m = new LinkedHashMap<>(w.commune().toJson());
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("id", w.secret().id());
    s.put("secret", w.secret().secret());
    s.put("note", "Lưu khóa này vào cấu hình trang web của xã; hệ thống sẽ không hiển thị lại.");
    m.put("webhookSecret", s);
    return m;
  }
}
