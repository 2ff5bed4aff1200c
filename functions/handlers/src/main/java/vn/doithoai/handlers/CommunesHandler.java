package vn.doithoai.handlers;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.doithoai.core.calendar.Calendars;
import vn.doithoai.core.calendar.ChangingCalendar;
import vn.doithoai.core.calendar.YearInfo;
import vn.doithoai.core.commune.ManagingCommunes;
import vn.doithoai.core.plan.ConfirmingRules;
import vn.doithoai.core.usage.UsageStatements;

/**
 * Admin routes: register a commune, read and change it, rotate its webhook secret; the calendar's overrides; a
 * platform administrator's confirmation of a rule's source and the monthly usage statement of every commune.
 */
public final class CommunesHandler extends ApiHandler {
  private final ManagingCommunes communes;
  private final ChangingCalendar changing;
  private final Calendars calendars;
  private final ConfirmingRules confirming;
  private final UsageStatements usage;

  public CommunesHandler() {
    this(App.get());
    this.edge = App.get().edge();
  }

  CommunesHandler(App app) {
    this(app.managingCommunes(), app.changingCalendar(), app.calendars(), app.confirmingRules(),
        app.usageStatements());
  }

  CommunesHandler(ManagingCommunes communes, ChangingCalendar changing, Calendars calendars,
      ConfirmingRules confirming, UsageStatements usage) {
    this.communes = communes;
    this.usage = usage;
    this.changing = changing;
    this.calendars = calendars;
    this.confirming = confirming;
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
            withSecret(communes.rotateSecret(r.actor(), r.path("communeId"), r.json()))),
        "POST /calendar/overrides", r -> ApiResponses.json(201, ChangingCalendar.toJson(changing.add(r.actor(),
            r.json()))),
        "GET /calendar/{year}", r -> ApiResponses.json(200, year(r)),
        "POST /rules/{instrumentId}/confirm", r -> ApiResponses.json(202, ConfirmingRules.toJson(confirming.confirm(
            r.actor(), r.path("instrumentId"), r.json()))),
        "GET /usage", this::usage);
  }

  /** The month's usage statement of every commune ({@code ?month=2026-12}, {@code &format=csv|xlsx}). */
  private com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse usage(ApiRequest r) {
    vn.doithoai.core.common.Input q = r.query();
    String month = q.text("month", 16).orElse(null);
    String format = q.text("format", 16).orElse("json");
    if ("json".equals(format)) {
      return ApiResponses.json(200, usage.statement(r.actor(), month).toJson());
    }
    return ApiResponses.file(usage.file(r.actor(), month, format));
  }

  /** The commune's calendar for a year: days off and make-up days with their sources, and the version. */
  private Map<String, Object> year(ApiRequest r) {
    vn.doithoai.core.common.Actor actor = r.actor();
    int year;
    try {
      year = Integer.parseInt(r.path("year"));
    } catch (NumberFormatException e) {
      throw vn.doithoai.core.common.DomainException.notFound("năm " + r.path("year"));
    }
    YearInfo info = calendars.forCommune(actor.communeId()).info(year);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("year", info.year());
    m.put("status", info.status().code());
    m.put("workingDays", info.workingDays());
    m.put("calendarVersion", info.calendarVersion());
    m.put("days", info.entries().stream().map(e -> {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("date", e.date().toString());
      d.put("dayOff", e.dayOff());
      d.put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      d.put("kindText", e.kind().vietnamese());
      d.put("label", e.label());
      d.put("status", e.status().code());
      d.put("source", e.source().citation());
      return (Object) d;
    }).toList());
    return m;
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
