package vn.doithoai.core.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.doithoai.core.common.Role;
import vn.doithoai.core.calendar.BeforeReading;
import vn.doithoai.core.common.Ids;
import vn.doithoai.core.common.Input;
import vn.doithoai.core.plan.PlanParts.Host;
import vn.doithoai.core.plan.PlanParts.Meeting;
import vn.doithoai.core.plan.PlanParts.Task;
import vn.doithoai.core.rules.RuleProfiles;

/**
 * Kế hoạch: everything a dialogue plan says — issuer, number and symbol, hosts and delegation, audience and
 * villages, form, period, meetings, participants, the tasks of each unit, distribution list, legal basis, the
 * plan it replaces, and its rule profile.
 */
public record PlanContent(
    int year,
    Issuer issuer,
    String number,
    String title,
    List<Host> hosts,
    Optional<Host> delegate,
    String audience,
    List<String> villages,
    String form,
    String period,
    List<Meeting> meetings,
    List<String> participants,
    List<Task> tasks,
    List<String> distribution,
    List<String> legalBasis,
    Optional<String> replaces,
    String profileId,
    BeforeReading reading,
    PlanBody body) {

  /** A plan without its own prose (purpose, requirements, contents) and without an office-set issue date. */
  public PlanContent(int year, Issuer issuer, String number, String title, List<Host> hosts, Optional<Host> delegate,
      String audience, List<String> villages, String form, String period, List<Meeting> meetings,
      List<String> participants, List<Task> tasks, List<String> distribution, List<String> legalBasis,
      Optional<String> replaces, String profileId, BeforeReading reading) {
    this(year, issuer, number, title, hosts, delegate, audience, villages, form, period, meetings, participants, tasks,
        distribution, legalBasis, replaces, profileId, reading, PlanBody.empty());
  }

  public PlanContent {
    body = body == null ? PlanBody.empty() : body;
    hosts = List.copyOf(hosts);
    villages = List.copyOf(villages);
    meetings = List.copyOf(meetings);
    participants = List.copyOf(participants);
    tasks = List.copyOf(tasks);
    distribution = List.copyOf(distribution);
    legalBasis = List.copyOf(legalBasis);
  }

  public Optional<Meeting> meeting(String meetingId) {
    return meetings.stream().filter(m -> m.id().equals(meetingId)).findFirst();
  }

  /** The same plan with one meeting (same id) replaced. */
  public PlanContent withMeeting(Meeting changed) {
    List<Meeting> next = meetings.stream().map(m -> m.id().equals(changed.id()) ? changed : m).toList();
    return new PlanContent(year, issuer, number, title, hosts, delegate, audience, villages, form, period, next,
        participants, tasks, distribution, legalBasis, replaces, profileId, reading, body);
  }

  /**
   * Reads and validates a plan from a staff request; meeting and task ids are kept or created. A regular plan
   * ({@code recurrence}: {@code quarterly} or {@code monthly}) gets one meeting per period of its year still to
   * come on {@code today} ({@link Recurrence}), beside the meetings it lists.
   */
  public static PlanContent read(Input in, RuleProfiles profiles, String defaultProfile, LocalDate today) {
    int year = in.integer("year", 2020, 2100).orElse(0);
    if (!in.has("year")) {
      in.error("year", "Vui lòng nhập năm của kế hoạch.");
    }
    Issuer issuer = in.choice("issuer", Issuer.class).orElse(null);
    if (!in.has("issuer")) {
      in.error("issuer", "Chọn cơ quan ban hành: party-committee (Đảng ủy) hoặc peoples-committee (UBND).");
    }
    String number = in.text("number", 60).orElse("");
    String title = in.requiredText("title", 500, "tên kế hoạch");
    List<Host> hosts = in.objects("hosts", 5, h -> new Host(h.requiredText("position", 200, "chức vụ người chủ trì"),
        h.text("name", 120).orElse(null)));
    if (hosts.isEmpty()) {
      in.error("hosts", "Kế hoạch cần ít nhất một người chủ trì.");
    }
    Optional<Host> delegate = in.object("delegate").map(h -> new Host(
        h.requiredText("position", 200, "chức vụ người được ủy quyền"), h.text("name", 120).orElse(null)));
    String audience = in.requiredText("audience", 500, "đối tượng đối thoại");
    List<String> villages = in.texts("villages", 200, 120);
    String form = in.text("form", 1000).orElse("");
    String period = in.text("period", 200).orElse("");
    List<Meeting> meetings = in.objects("meetings", 50, m -> new Meeting(
        m.id("id").orElseGet(() -> Ids.newId("m")), m.date("date"), m.date("dateFrom"), m.date("dateTo"),
        m.text("venue", 300).orElse(""), m.texts("villages", 50, 120), m.text("note", 500).orElse(""),
        m.text("audience", 500).orElse(""), null, Optional.empty()));
    if (meetings.stream().map(Meeting::id).distinct().count() != meetings.size()) {
      in.error("meetings", "Mã cuộc đối thoại bị trùng.");
    }
    for (int i = 0; i < meetings.size(); i++) {
      Meeting m = meetings.get(i);
      if (m.from().isPresent() != m.to().isPresent()) {
        in.error("meetings[" + i + "].dateTo", "Khoảng thời gian cần cả ngày bắt đầu (dateFrom) và ngày kết thúc "
            + "(dateTo).");
      } else if (m.from().isPresent() && m.to().get().isBefore(m.from().get())) {
        in.error("meetings[" + i + "].dateTo", "Ngày kết thúc khoảng thời gian phải từ ngày bắt đầu trở đi.");
      }
      Optional<LocalDate> d = m.anchor();
      if (d.isPresent() && year != 0 && Math.abs(d.get().getYear() - year) > 1) {
        in.error("meetings[" + i + "].date", "Ngày đối thoại không thuộc năm của kế hoạch.");
      }
    }
    Optional<Recurrence> recurrence = in.choice("recurrence", Recurrence.class);
    if (recurrence.isPresent() && year != 0) {
      List<Meeting> all = new ArrayList<>(meetings);
      all.addAll(recurrence.get().meetings(year, today, meetings.isEmpty() ? "" : meetings.get(0).venue(), "",
          meetings));
      meetings = all;
    }
    List<String> participants = in.texts("participants", 100, 500);
    List<Task> tasks = in.objects("tasks", 100, t -> new Task(t.id("id").orElseGet(() -> Ids.newId("t")),
        t.requiredText("unit", 200, "đơn vị thực hiện"), t.choice("owner", Role.class).orElse(Role.OFFICE),
        t.requiredText("description", 1000, "nội dung nhiệm vụ"), t.date("due"),
        t.bool("dueExclusive").orElse(true)));
    List<String> distribution = in.texts("distribution", 60, 300);
    List<String> legalBasis = in.texts("legalBasis", 30, 1000);
    Optional<String> replaces = in.text("replaces", 200);
    String profile = in.text("profile", 60).orElse(defaultProfile);
    if (profile == null || profiles.find(profile).isEmpty()) {
      in.error("profile", "Không có bộ quy tắc '" + profile + "'; chọn một trong: "
          + String.join(", ", profiles.ids()) + ".");
    }
    BeforeReading reading = in.choice("reading", BeforeReading.class).orElse(BeforeReading.STRICT);
    PlanBody body = PlanBody.read(in);
    in.check();
    return new PlanContent(year, issuer, number, title, hosts, delegate, audience, villages, form, period,
        meetings, participants, tasks, distribution, legalBasis, replaces, profile, reading, body);
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("year", year);
    m.put("issuer", issuer.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    m.put("number", number);
    m.put("title", title);
    m.put("hosts", hosts.stream().map(Host::toJson).toList());
    m.put("delegate", delegate.map(Host::toJson).orElse(null));
    m.put("audience", audience);
    m.put("villages", villages);
    m.put("form", form);
    m.put("period", period);
    m.put("meetings", meetings.stream().map(Meeting::toJson).toList());
    m.put("participants", participants);
    m.put("tasks", tasks.stream().map(Task::toJson).toList());
    m.put("distribution", distribution);
    m.put("legalBasis", legalBasis);
    m.put("replaces", replaces.orElse(null));
    m.put("profile", profileId);
    m.put("reading", reading.name().toLowerCase(Locale.ROOT));
    m.put("body", body.toJson());
    return m;
  }

  @SuppressWarnings("unchecked")
  public static PlanContent fromJson(Map<String, Object> m) {
    List<Host> hosts = new ArrayList<>();
    for (Object o : (List<Object>) m.get("hosts")) {
      hosts.add(Host.fromJson((Map<String, Object>) o));
    }
    List<Meeting> meetings = new ArrayList<>();
    for (Object o : (List<Object>) m.get("meetings")) {
      meetings.add(Meeting.fromJson((Map<String, Object>) o));
    }
    List<Task> tasks = new ArrayList<>();
    for (Object o : (List<Object>) m.get("tasks")) {
      tasks.add(Task.fromJson((Map<String, Object>) o));
    }
    return new PlanContent(((Number) m.get("year")).intValue(),
        Issuer.valueOf(((String) m.get("issuer")).toUpperCase(Locale.ROOT).replace('-', '_')),
        (String) m.get("number"), (String) m.get("title"), hosts,
        Optional.ofNullable((Map<String, Object>) m.get("delegate")).map(Host::fromJson), (String) m.get("audience"),
        (List<String>) m.get("villages"), (String) m.get("form"), (String) m.get("period"), meetings,
        (List<String>) m.get("participants"), tasks, (List<String>) m.get("distribution"),
        (List<String>) m.get("legalBasis"), Optional.ofNullable((String) m.get("replaces")),
        (String) m.get("profile"), BeforeReading.parse((String) m.get("reading")), PlanBody.fromJson(m.get("body")));
  }
}
