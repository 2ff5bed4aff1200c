package vn.doithoai.core.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.doithoai.core.common.Role;
import vn.doithoai.core.deadline.Step;

/**
 * An open deadline, stored so that it can be scheduled and fired: a plan's (rule of a meeting) or an
 * assignment's (an agency's answer to an opinion, kept as plan {@code "OP"}, meeting = the opinion id, rule
 * {@code "answer"}). Its {@code version} rises with every change of the plan or opinion it belongs to, so a
 * reminder scheduled for an older version is recognised as stale; {@code steps} are its reminder, due and
 * escalation instants.
 */
public record PlanDeadline(String planId, String meetingId, String ruleId, String title, Role owner, LocalDate due,
    Instant dueAt, String calendarVersion, long version, String communeId, String subject,
    Optional<String> agencyId, List<Step> steps, Optional<Issuer> issuer, Optional<String> unit) {

  /** The plan id under which assignments' deadlines are kept. */
  public static final String ASSIGNMENTS = "OP";

  public PlanDeadline {
    steps = List.copyOf(steps);
    issuer = issuer == null ? Optional.empty() : issuer;
    unit = unit == null ? Optional.empty() : unit;
  }

  /** A deadline no plan task names a unit for: its owner's role says who is told. */
  public PlanDeadline(String planId, String meetingId, String ruleId, String title, Role owner, LocalDate due,
      Instant dueAt, String calendarVersion, long version, String communeId, String subject,
      Optional<String> agencyId, List<Step> steps, Optional<Issuer> issuer) {
    this(planId, meetingId, ruleId, title, owner, due, dueAt, calendarVersion, version, communeId, subject, agencyId,
        steps, issuer, Optional.empty());
  }

  /**
   * Without the issuer of the plan it belongs to: deadlines stored before it was kept read back so, and their
   * office is the People's Committee office, as it always was for them.
   */
  public PlanDeadline(String planId, String meetingId, String ruleId, String title, Role owner, LocalDate due,
      Instant dueAt, String calendarVersion, long version, String communeId, String subject,
      Optional<String> agencyId, List<Step> steps) {
    this(planId, meetingId, ruleId, title, owner, due, dueAt, calendarVersion, version, communeId, subject, agencyId,
        steps, Optional.empty());
  }

  public PlanDeadline(String planId, String meetingId, String ruleId, String title, Role owner, LocalDate due,
      Instant dueAt, String calendarVersion, long version) {
    this(planId, meetingId, ruleId, title, owner, due, dueAt, calendarVersion, version, null, "", Optional.empty(),
        List.of());
  }

  public String id() {
    return planId + "#" + meetingId + "#" + ruleId;
  }

  public boolean assignment() {
    return ASSIGNMENTS.equals(planId);
  }

  public Optional<Step> step(String name) {
    return steps.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("planId", planId);
    m.put("meetingId", meetingId);
    m.put("rule", ruleId);
    m.put("title", title);
    m.put("owner", owner.code());
    m.put("due", due.toString());
    m.put("dueAt", dueAt.toString());
    m.put("calendarVersion", calendarVersion);
    m.put("version", version);
    m.put("commune", communeId);
    m.put("subject", subject);
    m.put("agencyId", agencyId.orElse(null));
    m.put("steps", steps.stream().map(Step::toJson).toList());
    issuer.ifPresent(i -> m.put("issuer", i.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
    unit.ifPresent(u -> m.put("unit", u));
    return m;
  }

  @SuppressWarnings("unchecked")
  public static PlanDeadline fromJson(Map<String, Object> m) {
    List<Step> steps = ((List<Object>) m.getOrDefault("steps", List.of())).stream()
        .map(o -> Step.fromJson((Map<String, Object>) o)).toList();
    return new PlanDeadline((String) m.get("planId"), (String) m.get("meetingId"), (String) m.get("rule"),
        (String) m.get("title"), Role.parse((String) m.get("owner")), LocalDate.parse((String) m.get("due")),
        Instant.parse((String) m.get("dueAt")), (String) m.get("calendarVersion"),
        ((Number) m.get("version")).longValue(), (String) m.get("commune"), (String) m.getOrDefault("subject", ""),
        Optional.ofNullable((String) m.get("agencyId")), steps, Optional.ofNullable((String) m.get("issuer"))
            .map(i -> Issuer.valueOf(i.toUpperCase(java.util.Locale.ROOT).replace('-', '_'))),
        Optional.ofNullable((String) m.get("unit")));
  }
}
