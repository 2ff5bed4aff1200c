package vn.doithoai.core.conclusion;

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
import vn.doithoai.core.plan.Issuer;

/**
 * Thông báo kết luận: the chair's conclusion notice of a meeting — what was discussed, what was resolved at
 * the meeting, what is assigned to which agency by when, what is forwarded upward or redirected. Drafted from
 * the meeting, edited by the office, approved by the host, numbered and published; once published it never
 * changes: a correction is a new edition that names the one it corrects. {@code notPersonal}: phrases the
 * detector flagged ({@link PersonalDataReview}) that the office has confirmed are not a person's data.
 */
public record Conclusion(
    String id,
    String communeId,
    String planId,
    String meetingId,
    Issuer issuer,
    int edition,
    Optional<String> corrects,
    ConclusionStatus status,
    Optional<DocumentNumber> number,
    Optional<LocalDate> issuedOn,
    Content content,
    long version,
    List<AuditEntry> audit,
    List<String> notPersonal) {

  /** What the notice says; every text kept as the office wrote it (NFC), escaped where it is shown. */
  public record Content(String title, String discussed, List<Item> resolved, List<Item> assigned,
      List<Item> forwarded, List<Item> redirected, String closing, Signer signer, List<String> distribution) {
    public Content {
      resolved = List.copyOf(resolved);
      assigned = List.copyOf(assigned);
      forwarded = List.copyOf(forwarded);
      redirected = List.copyOf(redirected);
      distribution = List.copyOf(distribution);
    }
  }

  /**
   * One matter: the opinion it answers (tracking code; may be empty for a matter raised by the chair), what
   * was said or decided, and for an assignment the agency and due date, for a forward the upper body.
   * {@code raisedBy} says who raised it as a public document may say it: a name only where the citizen
   * consented, otherwise the village or the organisation that compiled it; empty or null when unknown
   * (notices stored before it existed read back as null).
   */
  public record Item(String opinionId, String trackingCode, String text, String agency, LocalDate due,
      String raisedBy) {
    public Item withDue(LocalDate d) {
      return new Item(opinionId, trackingCode, text, agency, d, raisedBy);
    }
  }

  /** Signing block: TM. (on behalf of the collective) or KT. (deputy signing for the head), position, name. */
  public record Signer(String mode, String authority, String position, String name) {}

  public Conclusion {
    audit = List.copyOf(audit);
    notPersonal = List.copyOf(notPersonal);
  }

  /** A notice with no flagged phrase marked "not personal data" yet. */
  public Conclusion(String id, String communeId, String planId, String meetingId, Issuer issuer, int edition,
      Optional<String> corrects, ConclusionStatus status, Optional<DocumentNumber> number,
      Optional<LocalDate> issuedOn, Content content, long version, List<AuditEntry> audit) {
    this(id, communeId, planId, meetingId, issuer, edition, corrects, status, number, issuedOn, content, version,
        audit, List.of());
  }

  /**
   * Removes {@code phrase} from every matter's text (replaced by "***") before the notice is public. The audit
   * entry says who, when, how many matters and how long the phrase was; never the phrase.
   */
  public Conclusion redact(String phrase, Actor actor, Instant now) {
    requireUnpublished();
    long changed = java.util.stream.Stream.of(content.resolved(), content.assigned(), content.forwarded(),
        content.redirected()).flatMap(List::stream).filter(i -> i.text() != null && i.text().contains(phrase)).count();
    if (changed == 0) {
      throw DomainException.invalid(List.of(new vn.doithoai.core.common.FieldError("phrase",
          "Không tìm thấy cụm từ này trong nội dung các mục của thông báo.")));
    }
    Content c = new Content(content.title(), content.discussed(), without(content.resolved(), phrase),
        without(content.assigned(), phrase), without(content.forwarded(), phrase),
        without(content.redirected(), phrase), content.closing(), content.signer(), content.distribution());
    return next(status, number, issuedOn, c, notPersonal, actor, now, "conclusion.redacted",
        changed + " mục, " + phrase.codePointCount(0, phrase.length()) + " ký tự");
  }

  private static List<Item> without(List<Item> items, String phrase) {
    return items.stream().map(i -> i.text() == null ? i : new Item(i.opinionId(), i.trackingCode(),
        i.text().replace(phrase, REDACTED), i.agency(), i.due(), i.raisedBy())).toList();
  }

  /** The office decides a flagged phrase is not a person's data (a place called "Bà Rịa"): it may be published. */
  public Conclusion markNotPersonal(String phrase, Actor actor, Instant now) {
    requireUnpublished();
    List<String> cleared = new ArrayList<>(notPersonal);
    if (!cleared.contains(phrase)) {
      cleared.add(phrase);
    }
    return next(status, number, issuedOn, content, cleared, actor, now, "conclusion.flag-cleared",
        phrase.codePointCount(0, phrase.length()) + " ký tự");
  }

  /** What a redacted phrase becomes in the notice. */
  public static final String REDACTED = "***";

  /** A notice is signed by a named person in a named office: neither approval nor publication goes without. */
  private void requireSigner() {
    Signer s = content.signer();
    boolean named = s != null && s.name() != null && !s.name().isBlank();
    boolean titled = s != null && s.position() != null && !s.position().isBlank();
    require(named && titled, "conclusion_unsigned", "Thông báo kết luận chưa ghi "
        + (named ? "chức vụ" : titled ? "họ tên" : "họ tên và chức vụ")
        + " của người ký. Hãy bổ sung trong dự thảo (người chủ trì hội nghị hoặc người được ủy quyền) rồi "
        + (status == ConclusionStatus.DRAFT ? "duyệt" : "ban hành") + ".");
  }

  private void requireUnpublished() {
    require(status == ConclusionStatus.DRAFT || status == ConclusionStatus.APPROVED, "conclusion_published",
        "Thông báo đã ban hành không sửa được; hãy lập thông báo đính chính.");
  }

  public Conclusion edit(Content next, Actor actor, Instant now) {
    require(status == ConclusionStatus.DRAFT, "conclusion_not_draft",
        "Chỉ sửa được dự thảo thông báo kết luận (hiện: " + status.vietnamese() + ").");
    return next(ConclusionStatus.DRAFT, number, issuedOn, next, actor, now, "conclusion.edited", "");
  }

  public Conclusion approve(Actor actor, Instant now) {
    require(status == ConclusionStatus.DRAFT, "conclusion_not_draft",
        "Chỉ duyệt được dự thảo (hiện: " + status.vietnamese() + ").");
    requireSigner();
    return next(ConclusionStatus.APPROVED, number, issuedOn, content, actor, now, "conclusion.approved", "");
  }

  public Conclusion publish(DocumentNumber n, LocalDate on, Actor actor, Instant now) {
    require(status == ConclusionStatus.APPROVED, "conclusion_not_approved",
        "Thông báo kết luận phải được người chủ trì duyệt trước khi ban hành.");
    requireSigner();
    return next(ConclusionStatus.PUBLISHED, Optional.of(n), Optional.of(on), content, actor, now,
        "conclusion.published", n.inSentence("Thông báo"));
  }

  /**
   * The assigned items with the due dates of their re-dated assignments (the answer clock runs from the
   * notice): set when the notice is published, so the published text states the real dates.
   */
  public Conclusion withAssignedDue(List<vn.doithoai.core.opinion.Opinion> recounted) {
    if (recounted.isEmpty()) {
      return this;
    }
    List<Item> assigned = new ArrayList<>();
    for (Item i : content.assigned()) {
      assigned.add(recounted.stream().filter(o -> o.id().equals(i.opinionId())).findFirst()
          .flatMap(vn.doithoai.core.opinion.Opinion::assignment).map(a -> i.withDue(a.currentDue())).orElse(i));
    }
    Content c = new Content(content.title(), content.discussed(), content.resolved(), assigned, content.forwarded(),
        content.redirected(), content.closing(), content.signer(), content.distribution());
    return new Conclusion(id, communeId, planId, meetingId, issuer, edition, corrects, status, number, issuedOn, c,
        version, audit, notPersonal);
  }

  /** A correction: a new draft edition that names this one; this one stays as it was published. */
  public Conclusion correction(String newId, Actor actor, Instant now) {
    require(status == ConclusionStatus.PUBLISHED, "conclusion_not_published",
        "Chỉ đính chính được thông báo đã ban hành.");
    return new Conclusion(newId, communeId, planId, meetingId, issuer, edition + 1, Optional.of(id),
        ConclusionStatus.DRAFT, Optional.empty(), Optional.empty(), content, 1,
        List.of(AuditEntry.of(now, actor, "conclusion.correction-drafted", "đính chính " + number.map(
            n -> n.inSentence("Thông báo")).orElse(id), "")), notPersonal);
  }

  private Conclusion next(ConclusionStatus s, Optional<DocumentNumber> n, Optional<LocalDate> on, Content c,
      Actor actor, Instant now, String action, String detail) {
    return next(s, n, on, c, notPersonal, actor, now, action, detail);
  }

  private Conclusion next(ConclusionStatus s, Optional<DocumentNumber> n, Optional<LocalDate> on, Content c,
      List<String> cleared, Actor actor, Instant now, String action, String detail) {
    List<AuditEntry> trail = new ArrayList<>(audit);
    trail.add(AuditEntry.of(now, actor, action, detail, ""));
    return new Conclusion(id, communeId, planId, meetingId, issuer, edition, corrects, s, n, on, c, version + 1,
        trail, cleared);
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
    m.put("planId", planId);
    m.put("meetingId", meetingId);
    m.put("issuer", issuer.name());
    m.put("edition", edition);
    m.put("corrects", corrects.orElse(null));
    m.put("status", status.code());
    m.put("statusText", status.vietnamese());
    m.put("number", number.map(DocumentNumber::text).orElse(null));
    m.put("reference", number.map(n -> n.inSentence("Thông báo")).orElse(null));
    m.put("numberType", number.map(DocumentNumber::type).orElse(null));
    m.put("numberSequence", number.map(DocumentNumber::sequence).orElse(null));
    m.put("issuedOn", issuedOn.map(LocalDate::toString).orElse(null));
    m.put("title", content.title());
    m.put("discussed", content.discussed());
    m.put("resolved", items(content.resolved()));
    m.put("assigned", items(content.assigned()));
    m.put("forwarded", items(content.forwarded()));
    m.put("redirected", items(content.redirected()));
    m.put("closing", content.closing());
    Map<String, Object> signer = new LinkedHashMap<>();
    signer.put("mode", content.signer().mode());
    signer.put("authority", content.signer().authority());
    signer.put("position", content.signer().position());
    signer.put("name", content.signer().name());
    m.put("signer", signer);
    m.put("distribution", content.distribution());
    m.put("version", version);
    m.put("audit", audit.stream().map(AuditEntry::toJson).toList());
    m.put("notPersonal", notPersonal);
    return m;
  }

  private static List<Object> items(List<Item> items) {
    List<Object> out = new ArrayList<>();
    for (Item i : items) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("opinionId", i.opinionId());
      x.put("trackingCode", i.trackingCode());
      x.put("text", i.text());
      x.put("agency", i.agency());
      x.put("due", i.due() == null ? null : i.due().toString());
      x.put("raisedBy", i.raisedBy());
      out.add(x);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<Item> items(Object o) {
    List<Item> out = new ArrayList<>();
    for (Map<String, Object> x : (List<Map<String, Object>>) o) {
      out.add(new Item((String) x.get("opinionId"), (String) x.get("trackingCode"), (String) x.get("text"),
          (String) x.get("agency"), Optional.ofNullable((String) x.get("due")).map(LocalDate::parse).orElse(null),
          (String) x.get("raisedBy")));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  public static Conclusion fromJson(Map<String, Object> m) {
    Map<String, Object> s = (Map<String, Object>) m.get("signer");
    Issuer issuer = Issuer.valueOf((String) m.get("issuer"));
    Optional<DocumentNumber> number = Optional.ofNullable((Number) m.get("numberSequence"))
        .map(n -> new DocumentNumber(issuer, (String) m.get("numberType"), n.intValue()));
    Content c = new Content((String) m.get("title"), (String) m.get("discussed"), items(m.get("resolved")),
        items(m.get("assigned")), items(m.get("forwarded")), items(m.get("redirected")), (String) m.get("closing"),
        new Signer((String) s.get("mode"), (String) s.get("authority"), (String) s.get("position"),
            (String) s.get("name")), (List<String>) m.get("distribution"));
    List<AuditEntry> audit = ((List<Map<String, Object>>) m.get("audit")).stream().map(AuditEntry::fromJson).toList();
    return new Conclusion((String) m.get("id"), (String) m.get("commune"), (String) m.get("planId"),
        (String) m.get("meetingId"), issuer, ((Number) m.get("edition")).intValue(),
        Optional.ofNullable((String) m.get("corrects")), ConclusionStatus.valueOf(((String) m.get("status"))
            .toUpperCase(java.util.Locale.ROOT)), number,
        Optional.ofNullable((String) m.get("issuedOn")).map(LocalDate::parse), c,
        ((Number) m.get("version")).longValue(), audit,
        m.get("notPersonal") == null ? List.of() : (List<String>) m.get("notPersonal"));
  }
}
