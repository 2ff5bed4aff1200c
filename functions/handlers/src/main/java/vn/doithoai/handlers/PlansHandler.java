package vn.doithoai.handlers;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.doithoai.core.common.Input;
import vn.doithoai.core.plan.ManagingPlans;
import vn.doithoai.core.plan.Plan;
import vn.doithoai.core.rules.DeadlineJson;
import vn.doithoai.core.rules.DeadlineScheduling;

/**
 * Staff plan routes: create, list, get with its deadline schedule, update, announce, cancel, reschedule, fix a
 * meeting's day, hold, mark a deadline met.
 */
public final class PlansHandler extends ApiHandler {
  private final ManagingPlans plans;

  public PlansHandler() {
    this(App.get().managingPlans());
    this.edge = App.get().edge();
  }

  PlansHandler(ManagingPlans plans) {
    this.plans = plans;
  }

  @Override
  protected Map<String, Route> routes() {
    return Map.of(
        "POST /plans", r -> ApiResponses.json(201, view(plans.create(r.actor(), r.json()))),
        "GET /plans", r -> {
          Input q = r.query();
          int year = q.integer("year", 2020, 2100).orElse(LocalDate.now(DeadlineScheduling.VIETNAM).getYear());
          var page = plans.page(r.actor(), year, q);
          Map<String, Object> body = new java.util.LinkedHashMap<>();
          body.put("year", year);
          body.put("plans", page.plans().stream().map(PlansHandler::summary).toList());
          body.put("next", page.next().orElse(null));
          body.put("profiles", plans.profiles(r.actor()).stream().map(p -> Map.of("id", p.id(), "name", p.name(),
              "legacy", p.legacy())).toList());
          return ApiResponses.json(200, body);
        },
        "GET /plans/{planId}", r -> ApiResponses.json(200, view(plans.get(r.actor(), r.path("planId")))),
        "PUT /plans/{planId}", r -> ApiResponses.json(200, view(plans.update(r.actor(), r.path("planId"),
            r.json()))),
        "POST /plans/{planId}/announce", r -> ApiResponses.json(200, view(plans.announce(r.actor(),
            r.path("planId"), r.json()))),
        "POST /plans/{planId}/cancel", r -> ApiResponses.json(200, view(plans.cancel(r.actor(), r.path("planId"),
            r.json()))),
        "POST /plans/{planId}/reschedule", r -> ApiResponses.json(200, view(plans.reschedule(r.actor(),
            r.path("planId"), r.json()))),
        "PUT /plans/{planId}/meetings/{meetingId}", r -> ApiResponses.json(200, view(plans.dateMeeting(r.actor(),
            r.path("planId"), r.path("meetingId"), r.json()))),
        "POST /plans/{planId}/hold", r -> ApiResponses.json(200, view(plans.hold(r.actor(), r.path("planId"),
            r.json()))),
        "POST /plans/{planId}/deadlines/complete", r -> ApiResponses.json(200, view(plans.completeDeadline(
            r.actor(), r.path("planId"), r.json()))));
  }

  private static final Map<String, String> STATE_TEXT = Map.of("met", "Đã hoàn thành", "open", "Đang mở",
      "overdue", "Quá hạn", "cancelled", "Kế hoạch đã hủy", "pending", "Chưa đến mốc tính hạn");

  static Map<String, Object> view(ManagingPlans.PlanView v) {
    Map<String, Object> m = v.plan().toJson();
    m.put("warnings", v.warnings());
    m.put("schedule", v.schedules().stream().map(s -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("meetingId", s.meetingId());
      x.putAll(DeadlineJson.schedule(s.schedule()));
      x.put("deadlines", s.schedule().deadlines().stream().map(d -> {
        Map<String, Object> one = DeadlineJson.deadline(d);
        String state = v.state(s.meetingId(), d);
        one.put("state", state);
        one.put("stateText", STATE_TEXT.get(state));
        return (Object) one;
      }).toList());
      return (Object) x;
    }).toList());
    return m;
  }

  private static Map<String, Object> summary(Plan p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.put("number", p.content().number());
    m.put("title", p.content().title());
    m.put("status", p.status().code());
    m.put("statusText", p.status().vietnamese());
    m.put("meetings", p.content().meetings().stream().map(x -> x.date().map(LocalDate::toString).orElse(null))
        .toList());
    m.put("version", p.version());
    return m;
  }
}
