package vn.doithoai.core.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.doithoai.core.common.Actor;
import vn.doithoai.core.common.AuditEntry;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.plan.PlanParts.Meeting;

/**
 * A dialogue plan of one commune, its lifecycle and audit trail. Every transition returns a new plan with
 * the next version and an audit entry; an illegal one is a {@link DomainException} with a code and a
 * Vietnamese message.
 */
public record Plan(
    String id,
    String communeId,
    PlanContent content,
    PlanStatus status,
    Optional<LocalDate> conclusionDate,
    Optional<String> cancelReason,
    List<String> completedDeadlines,
    List<Carried> carriedOver,
    long version,
    Instant createdAt,
    List<AuditEntry> audit) {

  /**
   * An item of an earlier dialogue still open when this plan took it over (chuyển kỳ sau): this plan's results
   * report says what became of it. The opinion itself stays with the plan it was raised in.
   */
  public record Carried(String opinionId, String fromPlanId, String trackingCode, boolean overdueWhenCarried) {}

  public Plan {
    completedDeadlines = List.copyOf(completedDeadlines);
    carriedOver = List.copyOf(carriedOver);
    audit = List.copyOf(audit);
  }

  public static Plan draft(String id, String communeId, PlanContent content, Actor actor, Instant now) {
    return new Plan(id, communeId, content, PlanStatus.DRAFT, Optional.empty(), Optional.empty(), List.of(), List.of(), 1, now,
        List.of(AuditEntry.of(now, actor, "plan.created", content.title(), "")));
  }

  public Plan update(PlanContent next, Actor actor, Instant now) {
    require(status == PlanStatus.DRAFT, "plan_not_editable",
        "Kế hoạch đã " + status.vietnamese() + "; chỉ sửa được bản nháp. Dùng chức năng dời lịch hoặc hủy.");
    return with(next, status, conclusionDate, cancelReason, audit(actor, now, "plan.updated", "", ""));
  }

  public Plan announce(Actor actor, Instant now) {
    require(status == PlanStatus.DRAFT, "plan_not_draft",
        "Chỉ công bố được kế hoạch ở trạng thái nháp (hiện: " + status.vietnamese() + ").");
    require(content.meetings().stream().anyMatch(m -> m.anchor().isPresent()), "plan_without_meeting_date",
        "Cần ít nhất một cuộc đối thoại có ngày cụ thể hoặc khoảng thời gian (dateFrom, dateTo) trước khi công bố "
            + "kế hoạch.");
    return with(content, PlanStatus.ANNOUNCED, conclusionDate, cancelReason,
        audit(actor, now, "plan.announced", content.number(), ""));
  }

  public Plan cancel(String reason, Actor actor, Instant now) {
    require(status == PlanStatus.DRAFT || status == PlanStatus.ANNOUNCED, "plan_not_cancellable",
        "Không thể hủy kế hoạch đã " + status.vietnamese() + ".");
    return with(content, PlanStatus.CANCELLED, conclusionDate, Optional.of(reason),
        audit(actor, now, "plan.cancelled", "", reason));
  }

  /**
   * Fixes or moves the day of one meeting still to be held (any other meeting may already be held or concluded:
   * seed 001's October meeting is dated after June's notice); its deadlines are derived again.
   */
  public Plan reschedule(String meetingId, LocalDate date, String venue, String reason, Actor actor, Instant now) {
    require(status == PlanStatus.DRAFT || status == PlanStatus.ANNOUNCED, "plan_not_reschedulable",
        "Chỉ dời lịch được kế hoạch còn cuộc đối thoại chưa tổ chức (hiện: " + status.vietnamese() + ").");
    Meeting old = content.meeting(meetingId).orElseThrow(() -> DomainException.notFound(
        "cuộc đối thoại " + meetingId + " trong kế hoạch"));
    require(old.ahead(), "meeting_not_reschedulable", "Cuộc đối thoại " + meetingId + " " + old.state().vietnamese()
        + "; không thể đổi ngày.");
    PlanContent next = content.withMeeting(old.dated(date, venue));
    String detail = meetingId + ": " + old.date().map(LocalDate::toString).orElse(old.when()) + " → " + date;
    return with(next, status, conclusionDate, cancelReason, audit(actor, now,
        old.date().isPresent() ? "plan.rescheduled" : "plan.meeting-dated", detail, reason));
  }

  /** One meeting took place (biên bản); the plan is held once no meeting is left ahead. */
  public Plan hold(String meetingId, Actor actor, Instant now) {
    require(status == PlanStatus.ANNOUNCED, "plan_not_announced",
        "Chỉ ghi nhận đã tổ chức cho kế hoạch đã công bố (hiện: " + status.vietnamese() + ").");
    Meeting m = content.meeting(meetingId).orElseThrow(() -> DomainException.notFound(
        "cuộc đối thoại " + meetingId + " trong kế hoạch"));
    require(m.ahead(), "meeting_already_held", "Cuộc đối thoại " + meetingId + " " + m.state().vietnamese() + ".");
    PlanContent next = content.withMeeting(m.held());
    return with(next, statusOf(next), conclusionDate, cancelReason, audit(actor, now, "plan.held", meetingId, ""));
  }

  /**
   * Where a plan under way stands, from its meetings: concluded when every one is, held when none is left ahead,
   * otherwise announced (a meeting remains to be held, so it can still be dated and the public still write).
   */
  private static PlanStatus statusOf(PlanContent c) {
    if (c.meetings().stream().allMatch(m -> m.state() == PlanParts.MeetingState.CONCLUDED)) {
      return PlanStatus.CONCLUDED;
    }
    return c.meetings().stream().anyMatch(Meeting::ahead) ? PlanStatus.ANNOUNCED : PlanStatus.HELD;
  }

  /**
   * The conclusion notice of a meeting was issued on {@code date}: deadlines counted from it (answers) begin, and
   * the meeting's own {@code conclusion.notice} deadline is met (its reminders stop). Unchanged if both are done.
   */
  public Plan conclude(LocalDate date, String meetingId, Actor actor, Instant now) {
    require(status == PlanStatus.HELD || status == PlanStatus.ANNOUNCED || status == PlanStatus.CONCLUDED,
        "plan_not_held", "Chỉ ban hành kết luận cho kế hoạch đã tổ chức đối thoại (hiện: " + status.vietnamese() + ").");
    Meeting meeting = content.meeting(meetingId).orElseThrow(() -> DomainException.notFound(
        "cuộc đối thoại " + meetingId + " trong kế hoạch"));
    String key = deadlineKey(meetingId, "conclusion.notice");
    if (meeting.state() == PlanParts.MeetingState.CONCLUDED && completedDeadlines.contains(key)) {
      return this;
    }
    List<String> done = new ArrayList<>(completedDeadlines);
    if (!done.contains(key)) {
      done.add(key);
    }
    Meeting concludedMeeting = meeting.concluded(date);
    PlanContent next = content.withMeeting(concludedMeeting);
    // answers assigned in this notice count from it: the plan's conclusion date is its latest notice's
    Optional<LocalDate> concluded = conclusionDate.filter(d -> !d.isBefore(concludedMeeting.concludedOn().get()))
        .or(concludedMeeting::concludedOn);
    return new Plan(id, communeId, next, statusOf(next), concluded, cancelReason, done, carriedOver,
        version + 1, createdAt, audit(actor, now, "plan.concluded", meetingId + ": " + date, ""));
  }

  /** The results report went to the standing committee and the Front: every {@code results.report} is met. */
  public Plan reported(String reportNumber, Actor actor, Instant now) {
    List<String> done = new ArrayList<>(completedDeadlines);
    for (Meeting m : content.meetings()) {
      String key = deadlineKey(m.id(), "results.report");
      if (!done.contains(key)) {
        done.add(key);
      }
    }
    return new Plan(id, communeId, content, status, conclusionDate, cancelReason, done, carriedOver, version + 1,
        createdAt, audit(actor, now, "plan.reported", reportNumber, ""));
  }

  /** The key under which a deadline of one meeting is stored and marked met. */
  public String deadlineKey(String meetingId, String ruleId) {
    return id + "#" + meetingId + "#" + ruleId;
  }

  /** The working calendar changed under the plan (a newly announced swap): its deadlines are derived again. */
  public Plan recalculated(String calendarVersion, Actor actor, Instant now) {
    return new Plan(id, communeId, content, status, conclusionDate, cancelReason, completedDeadlines, carriedOver,
        version + 1, createdAt, audit(actor, now, "plan.calendar-changed", calendarVersion, ""));
  }

  /** A rule's source was confirmed: its deadlines now escalate, so the plan's schedules are derived again. */
  public Plan ruleConfirmed(String instrumentId, Actor actor, Instant now) {
    return new Plan(id, communeId, content, status, conclusionDate, cancelReason, completedDeadlines, carriedOver,
        version + 1, createdAt, audit(actor, now, "plan.rule-confirmed", instrumentId, ""));
  }

  /**
   * A newer plan replaces this one (Kế hoạch này thay thế Kế hoạch số …): every deadline still open is met as
   * replaced and the plan is closed, so it falls silent. Unchanged if it is already closed or cancelled.
   */
  public Plan replacedBy(String byNumber, List<String> openDeadlineKeys, Actor actor, Instant now) {
    if (status == PlanStatus.CLOSED || status == PlanStatus.CANCELLED) {
      return this;
    }
    List<String> done = new ArrayList<>(completedDeadlines);
    openDeadlineKeys.stream().filter(k -> !done.contains(k)).forEach(done::add);
    return new Plan(id, communeId, content, PlanStatus.CLOSED, conclusionDate, cancelReason, done, carriedOver,
        version + 1, createdAt, audit(actor, now, "plan.replaced", byNumber,
            "Được thay thế bởi Kế hoạch số " + byNumber));
  }

  /**
   * The meeting was held: the deadlines it fulfils ({@code keys}: that meeting's preparations, due on or before
   * it and still open) are met, so reminders and digests stop repeating them. Unchanged when there are none.
   */
  public Plan metByMeeting(String meetingId, List<String> keys, Actor actor, Instant now) {
    return metBy("plan.met-by-meeting", meetingId, keys, actor, now);
  }

  /**
   * An event fulfilled the deadlines {@code keys} (still open) of one meeting: they are met, audited as
   * {@code action}, so reminders and digests stop. Unchanged when there are none.
   */
  public Plan metBy(String action, String meetingId, List<String> keys, Actor actor, Instant now) {
    List<String> done = new ArrayList<>(completedDeadlines);
    List<String> added = keys.stream().filter(k -> !done.contains(k)).distinct().toList();
    if (added.isEmpty()) {
      return this;
    }
    done.addAll(added);
    return new Plan(id, communeId, content, status, conclusionDate, cancelReason, done, carriedOver, version + 1,
        createdAt, audit(actor, now, action, meetingId + ": " + added.size() + " thời hạn",
            String.join(", ", added.stream().map(k -> k.substring(k.lastIndexOf('#') + 1)).toList())));
  }

  /** A deadline of this plan was met: its reminders and escalations stop. */
  public Plan completeDeadline(String deadlineKey, String note, Actor actor, Instant now) {
    require(status == PlanStatus.ANNOUNCED || status == PlanStatus.HELD || status == PlanStatus.CONCLUDED,
        "plan_not_open", "Kế hoạch đang " + status.vietnamese() + ", không còn thời hạn nào để hoàn thành.");
    require(!completedDeadlines.contains(deadlineKey), "deadline_already_completed",
        "Thời hạn này đã được ghi nhận hoàn thành.");
    List<String> done = new ArrayList<>(completedDeadlines);
    done.add(deadlineKey);
    return new Plan(id, communeId, content, status, conclusionDate, cancelReason, done, carriedOver, version + 1,
        createdAt, audit(actor, now, "plan.deadline-completed", deadlineKey, note));
  }

  /**
   * Takes over the open and overdue items of an earlier dialogue; items already carried are kept once. Only
   * before the meeting: what is carried is reported at it and after it.
   */
  public Plan carryOver(String fromPlanId, List<Carried> items, Actor actor, Instant now) {
    require(status == PlanStatus.DRAFT || status == PlanStatus.ANNOUNCED, "plan_not_open_for_carry_over",
        "Chỉ nhận chuyển nội dung từ kỳ trước khi kế hoạch chưa tổ chức (hiện: " + status.vietnamese() + ").");
    require(!fromPlanId.equals(id), "carry_over_same_plan", "Không thể chuyển nội dung của chính kế hoạch này.");
    List<Carried> next = new ArrayList<>(carriedOver);
    int added = 0;
    for (Carried c : items) {
      if (next.stream().noneMatch(x -> x.opinionId().equals(c.opinionId()))) {
        next.add(c);
        added++;
      }
    }
    return new Plan(id, communeId, content, status, conclusionDate, cancelReason, completedDeadlines, next,
        version + 1, createdAt, audit(actor, now, "plan.carried-over", fromPlanId + ": " + added + " nội dung", ""));
  }

  private List<AuditEntry> audit(Actor actor, Instant now, String action, String detail, String reason) {
    List<AuditEntry> next = new ArrayList<>(audit);
    next.add(AuditEntry.of(now, actor, action, detail, reason));
    return next;
  }

  private Plan with(PlanContent c, PlanStatus s, Optional<LocalDate> concl, Optional<String> cancel,
      List<AuditEntry> a) {
    return new Plan(id, communeId, c, s, concl, cancel, completedDeadlines, carriedOver, version + 1, createdAt, a);
  }

  private static void require(boolean ok, String code, String message) {
    if (!ok) {
      throw DomainException.conflict(code, message);
    }
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("commune", communeId);
    m.putAll(content.toJson());
    m.put("status", status.code());
    m.put("statusText", status.vietnamese());
    m.put("conclusionDate", conclusionDate.map(LocalDate::toString).orElse(null));
    m.put("cancelReason", cancelReason.orElse(null));
    m.put("completedDeadlines", completedDeadlines);
    m.put("carriedOver", carriedOver.stream().map(c -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("opinionId", c.opinionId());
      x.put("fromPlanId", c.fromPlanId());
      x.put("trackingCode", c.trackingCode());
      x.put("overdueWhenCarried", c.overdueWhenCarried());
      return (Object) x;
    }).toList());
    m.put("version", version);
    m.put("createdAt", createdAt.toString());
    m.put("audit", audit.stream().map(AuditEntry::toJson).toList());
    return m;
  }

  /**
   * Plans stored before meetings had their own state: the plan's status was every dated meeting's (held; concluded
   * when on or before the conclusion date, with that date), as it was read then.
   */
  private static PlanContent settled(PlanContent c, List<Map<String, Object>> raw, PlanStatus status,
      Optional<LocalDate> conclusionDate) {
    if (raw.stream().anyMatch(x -> x.get("state") != null)) {
      return c;
    }
    PlanContent next = c;
    for (Meeting m : c.meetings()) {
      if (m.date().isEmpty()) {
        continue;
      }
      boolean concluded = conclusionDate.filter(d -> !d.isBefore(m.date().get())).isPresent()
          && (status == PlanStatus.CONCLUDED || status == PlanStatus.CLOSED);
      if (concluded) {
        next = next.withMeeting(m.concluded(conclusionDate.get()));
      } else if (status == PlanStatus.HELD || status == PlanStatus.CONCLUDED || status == PlanStatus.CLOSED) {
        next = next.withMeeting(m.held());
      }
    }
    return next;
  }

  @SuppressWarnings("unchecked")
  public static Plan fromJson(Map<String, Object> m) {
    List<AuditEntry> audit = new ArrayList<>();
    for (Object o : (List<Object>) m.get("audit")) {
      audit.add(AuditEntry.fromJson((Map<String, Object>) o));
    }
    PlanStatus status = PlanStatus.valueOf(((String) m.get("status")).toUpperCase(java.util.Locale.ROOT));
    Optional<LocalDate> conclusionDate = Optional.ofNullable((String) m.get("conclusionDate")).map(LocalDate::parse);
    return new Plan((String) m.get("id"), (String) m.get("commune"), settled(PlanContent.fromJson(m),
        (List<Map<String, Object>>) m.get("meetings"), status, conclusionDate), status, conclusionDate,
        Optional.ofNullable((String) m.get("cancelReason")),
        (List<String>) m.getOrDefault("completedDeadlines", List.of()),
        ((List<Map<String, Object>>) m.getOrDefault("carriedOver", List.of())).stream().map(x -> new Carried(
            (String) x.get("opinionId"), (String) x.get("fromPlanId"), (String) x.get("trackingCode"),
            Boolean.TRUE.equals(x.get("overdueWhenCarried")))).toList(),
        ((Number) m.get("version")).longValue(),
        Instant.parse((String) m.get("createdAt")), audit);
  }
}
