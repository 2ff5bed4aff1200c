package vn.doithoai.core.opinion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.doithoai.core.common.Actor;
import vn.doithoai.core.common.AuditEntry;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.opinion.OpinionParts.Answer;
import vn.doithoai.core.opinion.OpinionParts.Assignment;
import vn.doithoai.core.opinion.OpinionParts.Compiled;
import vn.doithoai.core.opinion.OpinionParts.Decision;
import vn.doithoai.core.opinion.OpinionParts.Merged;
import vn.doithoai.core.opinion.OpinionParts.Raiser;

/**
 * Ý kiến, kiến nghị: one matter raised by one or many citizens, and what became of it. Transitions return a
 * new opinion with the next version and an audit entry; an illegal one is an error with a code and a
 * Vietnamese message.
 */
public record Opinion(
    String id,
    String communeId,
    Optional<String> planId,
    String trackingCode,
    String content,
    OpinionField field,
    Channel channel,
    List<Raiser> raisers,
    Optional<Compiled> compiled,
    Instant receivedAt,
    OpinionStatus status,
    Optional<Decision> decision,
    Optional<String> mergedInto,
    List<String> mergedFrom,
    Optional<Assignment> assignment,
    Optional<Answer> answer,
    long version,
    List<AuditEntry> audit,
    Merged merged) {

  public Opinion {
    raisers = List.copyOf(raisers);
    mergedFrom = List.copyOf(mergedFrom);
    audit = List.copyOf(audit);
    merged = merged == null ? Merged.NONE : merged;
  }

  /** An opinion nothing was merged into since raisers are kept apart ({@link Merged#NONE}). */
  public Opinion(String id, String communeId, Optional<String> planId, String trackingCode, String content,
      OpinionField field, Channel channel, List<Raiser> raisers, Optional<Compiled> compiled, Instant receivedAt,
      OpinionStatus status, Optional<Decision> decision, Optional<String> mergedInto, List<String> mergedFrom,
      Optional<Assignment> assignment, Optional<Answer> answer, long version, List<AuditEntry> audit) {
    this(id, communeId, planId, trackingCode, content, field, channel, raisers, compiled, receivedAt, status,
        decision, mergedInto, mergedFrom, assignment, answer, version, audit, Merged.NONE);
  }

  public static Opinion received(String id, String communeId, Optional<String> planId, String trackingCode,
      String content, OpinionField field, Channel channel, List<Raiser> raisers, Optional<Compiled> compiled,
      Instant now, Actor actor) {
    return new Opinion(id, communeId, planId, trackingCode, content, field, channel, raisers, compiled, now,
        OpinionStatus.RECEIVED, Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(), 1,
        List.of(AuditEntry.of(now, actor, "opinion.received", channel.code(), "")), Merged.NONE);
  }

  /**
   * How many people raised it: the compiled count, or the raisers listed; and those of the opinions merged into
   * it since raisers are kept apart.
   */
  public int raiserCount() {
    return compiled.map(Compiled::count).orElse(Math.max(1, raisers.size())) + merged.raisers();
  }

  /** Whether opinions were merged into it whose raisers are kept apart ({@link MergedRaisers}). */
  public boolean hasMergedRaisers() {
    return merged.opinions() > 0;
  }

  public Opinion accept(Optional<String> plan, OpinionField newField, Actor actor, Instant now) {
    requireIn("accept", EnumSet.of(OpinionStatus.RECEIVED));
    return next(plan.or(() -> planId), newField, OpinionStatus.ACCEPTED, decision, mergedInto, raisers, mergedFrom,
        assignment, answer, actor, now, "opinion.accepted", plan.orElse(""), "");
  }

  /**
   * Redirected to the complaint or denunciation procedure; it stays with its dialogue ({@code plan} when it had
   * none yet), so the conclusion notice and the results report count it.
   */
  public Opinion redirect(Optional<String> plan, OpinionParts.RedirectKind kind, String guidance, Actor actor,
      Instant now) {
    requireIn("redirect", EnumSet.of(OpinionStatus.RECEIVED, OpinionStatus.ACCEPTED));
    Decision d = new Decision("redirect-" + kind.name().toLowerCase(java.util.Locale.ROOT), guidance,
        kind.vietnamese());
    return next(planId.or(() -> plan), field, OpinionStatus.REDIRECTED, Optional.of(d), mergedInto, raisers,
        mergedFrom, assignment, answer, actor, now, "opinion.redirected", kind.vietnamese(), "");
  }

  /** Forwarded upward (chuyển cấp trên); it stays with its dialogue, as {@link #redirect} does. */
  public Opinion forward(Optional<String> plan, String body, String note, Actor actor, Instant now) {
    requireIn("forward", EnumSet.of(OpinionStatus.RECEIVED, OpinionStatus.ACCEPTED));
    return next(planId.or(() -> plan), field, OpinionStatus.FORWARDED, Optional.of(new Decision("forward", body,
        note)), mergedInto, raisers, mergedFrom, assignment, answer, actor, now, "opinion.forwarded", body, note);
  }

  /**
   * A forwarded or redirected opinion that lost its plan (before plans were kept on those decisions, the plan sent
   * with the triage was dropped and stored nowhere) is attached to it by the office: nobody is told again.
   */
  public Opinion attach(String plan, Actor actor, Instant now) {
    requireIn("attach", EnumSet.of(OpinionStatus.FORWARDED, OpinionStatus.REDIRECTED));
    if (planId.isPresent()) {
      throw DomainException.conflict("opinion_has_plan", "Ý kiến đã thuộc một kế hoạch đối thoại.");
    }
    return next(Optional.of(plan), field, status, decision, mergedInto, raisers, mergedFrom, assignment, answer, actor,
        now, "opinion.attached", plan, "");
  }

  public Opinion refuse(OpinionParts.RefusalReason reason, String note, Actor actor, Instant now) {
    requireIn("refuse", EnumSet.of(OpinionStatus.RECEIVED, OpinionStatus.ACCEPTED));
    return next(planId, field, OpinionStatus.REFUSED, Optional.of(new Decision("refuse-" + reason.name()
        .toLowerCase(java.util.Locale.ROOT), reason.vietnamese(), note)), mergedInto, raisers, mergedFrom, assignment,
        answer, actor, now, "opinion.refused", reason.vietnamese(), note);
  }

  /** This opinion goes into {@code target}: its raisers move there, so every one of them is still told. */
  public Opinion mergeInto(Opinion target, Actor actor, Instant now) {
    requireIn("merge", EnumSet.of(OpinionStatus.RECEIVED, OpinionStatus.ACCEPTED));
    if (target.id.equals(id)) {
      throw DomainException.conflict("merge_into_self", "Không thể gộp một ý kiến vào chính nó.");
    }
    if (!target.status.open()) {
      throw DomainException.conflict("merge_target_closed",
          "Ý kiến đích đang ở trạng thái \"" + target.status.vietnamese() + "\", không nhận gộp thêm.");
    }
    return next(planId, field, OpinionStatus.MERGED, decision, Optional.of(target.id), raisers, mergedFrom,
        assignment, answer, actor, now, "opinion.merged", "vào " + target.trackingCode, "");
  }

  /** The most merged opinions a merged opinion may bring with it: their records are copied in one write. */
  public static final int MAX_CARRIED = 90;

  /**
   * The target of a merge: counts the merged opinion's raisers (its own, and those merged into it), which are
   * kept apart ({@link MergedRaisers}), not in the matter, so a merge writes the same few bytes whatever the
   * number before it. The audit entry of the merge is the merged opinion's record itself.
   */
  public Opinion absorb(Opinion other, Actor actor, Instant now) {
    if (other.merged.opinions() > MAX_CARRIED) {
      throw DomainException.conflict("merge_too_large", "Ý kiến mã " + other.trackingCode + " đã nhận gộp "
          + other.merged.opinions() + " ý kiến khác; hãy gộp ý kiến mã " + trackingCode + " vào ý kiến đó.");
    }
    int own = other.raiserCount() - other.merged.raisers();
    int withoutConsent = (int) other.raisers.stream().filter(r -> !r.consentToPublish()).count()
        + other.merged.withoutConsent();
    return new Opinion(id, communeId, planId, trackingCode, content, field, channel, raisers, compiled, receivedAt,
        status, decision, mergedInto, mergedFrom, assignment, answer, version + 1, audit,
        merged.plus(new Merged(1, own, withoutConsent)).plus(new Merged(other.merged.opinions(),
            other.merged.raisers(), 0)));
  }

  public Opinion assign(String agencyId, String agencyName, LocalDate due, LocalDate cap, Actor actor, Instant now) {
    requireIn("assign", EnumSet.of(OpinionStatus.ACCEPTED, OpinionStatus.ASSIGNED));
    Assignment a = new Assignment(agencyId, agencyName, now, due, cap, Optional.empty(), "");
    return next(planId, field, OpinionStatus.ASSIGNED, decision, mergedInto, raisers, mergedFrom, Optional.of(a),
        answer, actor, now, "opinion.assigned", agencyName + ", hạn " + vn.doithoai.core.calendar.VietnameseDates.format(due), "");
  }

  public Opinion extend(LocalDate newDue, String reason, Actor actor, Instant now) {
    requireIn("extend", EnumSet.of(OpinionStatus.ASSIGNED));
    Assignment a = assignment.orElseThrow();
    if (!newDue.isAfter(a.currentDue())) {
      throw DomainException.conflict("extension_not_later",
          "Hạn mới phải sau hạn hiện tại (" + vn.doithoai.core.calendar.VietnameseDates.format(a.currentDue())
              + ").");
    }
    if (newDue.isAfter(a.cap())) {
      throw DomainException.conflict("extension_beyond_cap",
          "Hạn gia hạn vượt giới hạn của bộ quy tắc (chậm nhất "
              + vn.doithoai.core.calendar.VietnameseDates.format(a.cap()) + ").");
    }
    Assignment ext = new Assignment(a.agencyId(), a.agencyName(), a.assignedAt(), a.due(), a.cap(),
        Optional.of(newDue), reason);
    return next(planId, field, status, decision, mergedInto, raisers, mergedFrom, Optional.of(ext), answer, actor,
        now, "opinion.extended",
        vn.doithoai.core.calendar.VietnameseDates.format(a.currentDue()) + " → " + vn.doithoai.core.calendar.VietnameseDates.format(newDue), reason);
  }

  /**
   * The answer's clock restarts from the conclusion notice (the profile counts from it): new due date and cap;
   * an extension already granted stays if it is still later than the new due date and within the new cap.
   */
  public Opinion recount(LocalDate newDue, LocalDate newCap, String why, Actor actor, Instant now) {
    requireIn("recount", EnumSet.of(OpinionStatus.ASSIGNED));
    Assignment a = assignment.orElseThrow();
    Optional<LocalDate> ext = a.extendedTo().filter(d -> d.isAfter(newDue) && !d.isAfter(newCap));
    Assignment next = new Assignment(a.agencyId(), a.agencyName(), a.assignedAt(), newDue, newCap, ext,
        ext.isPresent() ? a.extensionReason() : "");
    return next(planId, field, status, decision, mergedInto, raisers, mergedFrom, Optional.of(next), answer, actor,
        now, "opinion.recounted", "hạn "
        + vn.doithoai.core.calendar.VietnameseDates.format(a.currentDue()) + " → " + vn.doithoai.core.calendar.VietnameseDates.format(next.currentDue()), why);
  }

  public Opinion answer(Answer given, Actor actor, Instant now) {
    Set<OpinionStatus> from = given.atMeeting() ? EnumSet.of(OpinionStatus.ACCEPTED, OpinionStatus.ASSIGNED)
        : EnumSet.of(OpinionStatus.ASSIGNED);
    requireIn(given.atMeeting() ? "answer-at-meeting" : "answer", from);
    return next(planId, field, OpinionStatus.ANSWERED, decision, mergedInto, raisers, mergedFrom, assignment,
        Optional.of(given), actor, now, "opinion.answered", given.atMeeting() ? "tại hội nghị" : "bằng văn bản", "");
  }

  /**
   * Answered at the meeting, as the minutes record it; an opinion only received (a question card, a spoken
   * question) is taken into the dialogue of {@code plan} in the same step.
   */
  public Opinion answerAtMeeting(String plan, Answer given, Actor actor, Instant now) {
    requireIn("answer-at-meeting", EnumSet.of(OpinionStatus.RECEIVED, OpinionStatus.ACCEPTED, OpinionStatus.ASSIGNED));
    List<AuditEntry> trail = new ArrayList<>(audit);
    Optional<String> attached = planId;
    if (status == OpinionStatus.RECEIVED) {
      attached = planId.or(() -> Optional.of(plan));
      trail.add(AuditEntry.of(now, actor, "opinion.accepted", plan, ""));
    }
    trail.add(AuditEntry.of(now, actor, "opinion.answered", "tại hội nghị", ""));
    return new Opinion(id, communeId, attached, trackingCode, content, field, channel, raisers, compiled, receivedAt,
        OpinionStatus.ANSWERED, decision, mergedInto, mergedFrom, assignment, Optional.of(given), version + 1, trail,
        merged);
  }

  public Opinion close(String note, Actor actor, Instant now) {
    requireIn("close", EnumSet.of(OpinionStatus.ANSWERED));
    return next(planId, field, OpinionStatus.CLOSED, decision, mergedInto, raisers, mergedFrom, assignment, answer,
        actor, now, "opinion.closed", "", note);
  }

  /**
   * Xóa dữ liệu cá nhân: the raisers {@code whose} lose name, phone, e-mail, address and village (the content,
   * status, answer and counts stay, so statistics and published documents are unchanged); audited with why,
   * never with what was removed. Any status: erasure is a right, not a step of the dialogue.
   */
  public Opinion eraseContacts(java.util.function.Predicate<Raiser> whose, String why, Actor actor, Instant now) {
    List<Raiser> kept = raisers.stream().map(r -> whose.test(r) ? r.erased() : r).toList();
    long erased = raisers.stream().filter(whose).count();
    List<AuditEntry> trail = new ArrayList<>(audit);
    trail.add(AuditEntry.of(now, actor, "opinion.contact-erased", erased + " người nêu", why));
    return new Opinion(id, communeId, planId, trackingCode, content, field, channel, kept, compiled, receivedAt,
        status, decision, mergedInto, mergedFrom, assignment, answer, version + 1, trail, merged);
  }

  /** When it left the open statuses (its last transition other than an erasure), if it has. */
  public Optional<Instant> closedAt() {
    if (status.open()) {
      return Optional.empty();
    }
    return audit.stream().filter(e -> !e.action().equals("opinion.contact-erased")).map(AuditEntry::at)
        .reduce((a, b) -> b);
  }

  private void requireIn(String action, Set<OpinionStatus> allowed) {
    if (!allowed.contains(status)) {
      throw DomainException.conflict("illegal_transition", "Không thể " + ACTIONS.getOrDefault(action, action)
          + " ý kiến đang ở trạng thái \"" + status.vietnamese() + "\".");
    }
  }

  private static final Map<String, String> ACTIONS = Map.ofEntries(Map.entry("accept", "đưa vào đối thoại"),
      Map.entry("redirect", "hướng dẫn theo thủ tục khiếu nại, tố cáo"), Map.entry("forward", "chuyển cấp trên"),
      Map.entry("attach", "gắn vào kế hoạch"),
      Map.entry("refuse", "từ chối"), Map.entry("merge", "gộp"), Map.entry("assign", "giao cơ quan giải quyết"),
      Map.entry("extend", "gia hạn"), Map.entry("answer", "trả lời bằng văn bản"),
      Map.entry("answer-at-meeting", "ghi nhận trả lời"), Map.entry("close", "kết thúc"),
      Map.entry("recount", "tính lại thời hạn"));

  private Opinion next(Optional<String> plan, OpinionField f, OpinionStatus s, Optional<Decision> d,
      Optional<String> into, List<Raiser> r, List<String> from, Optional<Assignment> a, Optional<Answer> ans,
      Actor actor, Instant now, String action, String detail, String reason) {
    List<AuditEntry> trail = new ArrayList<>(audit);
    trail.add(AuditEntry.of(now, actor, action, detail, reason));
    return new Opinion(id, communeId, plan, trackingCode, content, f, channel, r, compiled, receivedAt, s, d, into,
        from, a, ans, version + 1, trail, merged);
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("commune", communeId);
    m.put("planId", planId.orElse(null));
    m.put("trackingCode", trackingCode);
    m.put("content", content);
    m.put("field", field.code());
    m.put("fieldText", field.vietnamese());
    m.put("channel", channel.code());
    m.put("raisers", raisers.stream().map(Raiser::toJson).toList());
    m.put("compiledBy", compiled.map(Compiled::organisation).orElse(null));
    m.put("raiserCount", raiserCount());
    m.put("mergedOpinions", merged.opinions());
    m.put("mergedRaisers", merged.raisers());
    m.put("mergedWithoutConsent", merged.withoutConsent());
    m.put("receivedAt", receivedAt.toString());
    m.put("status", status.code());
    m.put("statusText", status.vietnamese());
    m.put("decision", decision.map(d -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("kind", d.kind());
      x.put("text", d.text());
      x.put("note", d.note());
      return (Object) x;
    }).orElse(null));
    m.put("mergedInto", mergedInto.orElse(null));
    m.put("mergedFrom", mergedFrom);
    m.put("assignment", assignment.map(Assignment::toJson).orElse(null));
    m.put("answer", answer.map(Answer::toJson).orElse(null));
    m.put("version", version);
    m.put("audit", audit.stream().map(AuditEntry::toJson).toList());
    return m;
  }

  @SuppressWarnings("unchecked")
  public static Opinion fromJson(Map<String, Object> m) {
    List<Raiser> raisers = ((List<Object>) m.get("raisers")).stream()
        .map(o -> Raiser.fromJson((Map<String, Object>) o)).toList();
    List<AuditEntry> audit = ((List<Object>) m.get("audit")).stream()
        .map(o -> AuditEntry.fromJson((Map<String, Object>) o)).toList();
    Optional<Compiled> compiled = Optional.ofNullable((String) m.get("compiledBy"))
        .map(org -> new Compiled(org, ((Number) m.get("raiserCount")).intValue() - number(m, "mergedRaisers")));
    Optional<Decision> decision = Optional.ofNullable((Map<String, Object>) m.get("decision"))
        .map(d -> new Decision((String) d.get("kind"), (String) d.get("text"), (String) d.get("note")));
    return new Opinion((String) m.get("id"), (String) m.get("commune"), Optional.ofNullable((String) m.get("planId")),
        (String) m.get("trackingCode"), (String) m.get("content"), parse(OpinionField.class, (String) m.get("field")),
        parse(Channel.class, (String) m.get("channel")), raisers, compiled, Instant.parse((String) m.get("receivedAt")),
        parse(OpinionStatus.class, (String) m.get("status")), decision, Optional.ofNullable((String) m.get("mergedInto")),
        (List<String>) m.get("mergedFrom"),
        Optional.ofNullable((Map<String, Object>) m.get("assignment")).map(Assignment::fromJson),
        Optional.ofNullable((Map<String, Object>) m.get("answer")).map(Answer::fromJson),
        ((Number) m.get("version")).longValue(), audit, new Merged(number(m, "mergedOpinions"),
            number(m, "mergedRaisers"), number(m, "mergedWithoutConsent")));
  }

  /**
   * The opinion with the version and merge counters its store holds beside it: a merge updates those alone
   * ({@link Opinions#merge}), never the rest.
   */
  public Opinion stored(long storedVersion, Merged storedMerged) {
    return new Opinion(id, communeId, planId, trackingCode, content, field, channel, raisers, compiled, receivedAt,
        status, decision, mergedInto, mergedFrom, assignment, answer, storedVersion, audit, storedMerged);
  }

  private static int number(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v == null ? 0 : ((Number) v).intValue();
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String code) {
    return Enum.valueOf(type, code.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
  }
}
