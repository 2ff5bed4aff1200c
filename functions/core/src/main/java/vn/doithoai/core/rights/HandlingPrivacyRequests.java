package vn.doithoai.core.rights;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import vn.doithoai.core.common.Actor;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.Ids;
import vn.doithoai.core.common.Input;
import vn.doithoai.core.common.Role;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.OpinionParts.Raiser;
import vn.doithoai.core.opinion.Opinions;
import vn.doithoai.core.privacy.PrivacyNotice;
import vn.doithoai.core.commune.Communes;

/**
 * Yêu cầu của chủ thể dữ liệu: a citizen asks the commune office (in writing or in person) to know what is
 * held about them, or to have it erased (Law 91/2025/QH15; Decree 356/2025/NĐ-CP). The office names the
 * citizen by e-mail or phone; every opinion that reaches that contact and every e-mail record holding it is
 * found. Export answers with all of it; erasure anonymises each (the opinion's content, status and counts
 * stay). Each request is audited with who, when, why and what was touched, the contact only as a keyed hash;
 * a second erasure with nothing left to erase answers with the first.
 */
public final class HandlingPrivacyRequests {
  public static final int DEFAULT_RETENTION_MONTHS = 24;
  public static final String ERASED = "[đã xóa]";

  /** What was held about a contact: the opinions reaching it (with only its raisers) and its e-mails. */
  public record Export(Contact contact, List<Opinion> opinions, List<ContactMails.MailRecord> mails) {}

  /** A request done: its audit record, whether it repeats an earlier erasure, and (for export) the data. */
  public record Done(PrivacyRequests.Request request, boolean repeated, Optional<Export> export) {}

  private final Opinions opinions;
  private final Communes communes;
  private final ContactMails mails;
  private final PrivacyRequests requests;
  private final byte[] hashKey;
  private final Clock clock;

  public HandlingPrivacyRequests(Opinions opinions, Communes communes, ContactMails mails, PrivacyRequests requests,
      byte[] hashKey, Clock clock) {
    this.opinions = Objects.requireNonNull(opinions);
    this.communes = Objects.requireNonNull(communes);
    this.mails = Objects.requireNonNull(mails);
    this.requests = Objects.requireNonNull(requests);
    this.hashKey = hashKey == null ? null : hashKey.clone();
    this.clock = Objects.requireNonNull(clock);
  }

  /** {@code {"kind": "export"|"erase", "contact": "…", "reason": "…"}} from the commune's office. */
  public Done request(Actor actor, Input in) {
    requireOffice(actor, "xử lý yêu cầu về dữ liệu cá nhân");
    Optional<String> kind = in.text("kind", 10);
    if (kind.isPresent() && !kind.get().equals("export") && !kind.get().equals("erase")) {
      in.error("kind", "Loại yêu cầu phải là \"export\" (cung cấp dữ liệu) hoặc \"erase\" (xóa dữ liệu).");
    } else if (kind.isEmpty()) {
      in.error("kind", "Vui lòng chọn loại yêu cầu: \"export\" (cung cấp dữ liệu) hoặc \"erase\" (xóa dữ liệu).");
    }
    String typed = in.requiredText("contact", 254, "e-mail hoặc số điện thoại của công dân");
    String reason = in.requiredText("reason", 500, "lý do, căn cứ của yêu cầu");
    if (!vn.doithoai.core.privacy.PersonalData.find(reason).isEmpty()) {
      // the audit keeps the reason: it must not bring back what the request is about
      in.error("reason", "Lý do không được ghi họ tên, số điện thoại hay e-mail của công dân; ghi số, ngày của đơn "
          + "đề nghị.");
    }
    in.check();
    Contact contact = Contact.parse(typed);
    return kind.get().equals("export") ? export(actor, contact, reason) : erase(actor, contact, reason);
  }

  private Done export(Actor actor, Contact contact, String reason) {
    String cid = actor.communeId();
    List<Opinion> found = reaching(cid, contact).stream().map(o -> only(o, contact)).toList();
    List<ContactMails.MailRecord> held = mails.holding(cid, Set.of(contact.value())).stream()
        .filter(m -> !"mail.fanout".equals(m.kind())).toList(); // a fan-out holds e-mails listed on their own too
    PrivacyRequests.Request r = audit(actor, "export", contact, reason, found, 0, 0);
    return new Done(r, false, Optional.of(new Export(contact, found, held)));
  }

  /** Erases what reaches {@code contact}, for the office ({@code actor}) or the retention sweep (system). */
  public Done erase(Actor actor, Contact contact, String reason) {
    String cid = actor.communeId();
    Instant now = clock.instant();
    List<Opinion> found = reaching(cid, contact);
    Set<String> personal = new LinkedHashSet<>(Set.of(contact.value()));
    int raisers = 0;
    List<Opinion> touched = new ArrayList<>();
    for (Opinion o : found) {
      for (Raiser r : o.raisers()) {
        if (contact.reaches(r)) {
          raisers++;
          for (String v : new String[] {r.name(), r.phone(), r.email(), r.address()}) {
            if (v != null && v.strip().length() >= 3) {
              personal.add(v.strip());
            }
          }
        }
      }
      touched.add(eraseIn(o, contact::reaches, reason, actor, now));
    }
    int erasedMails = 0;
    for (ContactMails.MailRecord m : mails.holding(cid, Set.of(contact.value()))) {
      if (mails.erase(m.id(), personal, ERASED, now)) {
        erasedMails++;
      }
    }
    String hash = hash(cid, contact);
    if (touched.isEmpty() && erasedMails == 0) {
      Optional<PrivacyRequests.Request> before = requests.about(cid, hash).stream()
          .filter(r -> r.kind().equals("erase")).reduce((a, b) -> b);
      if (before.isPresent()) {
        return new Done(before.get(), true, Optional.empty());
      }
    }
    return new Done(audit(actor, "erase", contact, reason, touched, raisers, erasedMails), false, Optional.empty());
  }

  /** Saves the opinion with the raisers {@code whose} erased, reloading once if someone changed it meanwhile. */
  Opinion eraseIn(Opinion o, java.util.function.Predicate<Raiser> whose, String reason, Actor actor, Instant now) {
    for (int attempt = 0; ; attempt++) {
      Opinion next = o.eraseContacts(whose, reason, actor, now);
      try {
        opinions.save(List.of(next), List.of());
        eraseCopies(next, whose);
        return next;
      } catch (DomainException e) {
        if (attempt >= 3 || !e.code().equals("version_conflict")) {
          throw e;
        }
        o = opinions.find(o.communeId(), o.id()).orElseThrow(() -> DomainException.notFound("ý kiến"));
      }
    }
  }

  /**
   * The raisers of a merged opinion are also recorded under the matter it went into (and, when that matter was
   * merged in turn, under the next one): erased there too.
   */
  private void eraseCopies(Opinion o, java.util.function.Predicate<Raiser> whose) {
    Optional<String> matter = o.mergedInto();
    for (int hop = 0; matter.isPresent() && hop < 20; hop++) {
      opinions.eraseMergedRaisers(o.communeId(), matter.get(), o.id(), whose);
      matter = opinions.find(o.communeId(), matter.get()).flatMap(Opinion::mergedInto);
    }
  }

  /** The export as a page to print or send to the citizen, in the name of the actor's commune. */
  public String exportPage(Actor actor, Done done) {
    String name = communes.find(actor.communeId()).map(c -> c.name()).orElseThrow(() -> DomainException.notFound("xã"));
    return ExportPage.html(name, done.export().orElseThrow(), done.request().at());
  }

  /** How many months contacts are kept after a raiser's last opinion closes. */
  public int retentionMonths(String communeId) {
    return requests.retentionMonths(communeId).orElse(DEFAULT_RETENTION_MONTHS);
  }

  public Map<String, Object> settings(Actor actor) {
    requireOffice(actor, "xem thời hạn lưu trữ dữ liệu cá nhân");
    return Map.of("retentionMonths", retentionMonths(actor.communeId()), "noticeVersion",
        PrivacyNotice.current().version());
  }

  /** {@code {"retentionMonths": N}}, 1 to 120. */
  public Map<String, Object> updateSettings(Actor actor, Input in) {
    requireOffice(actor, "đặt thời hạn lưu trữ dữ liệu cá nhân");
    Optional<Integer> months = in.integer("retentionMonths", 1, 120);
    if (months.isEmpty() && !in.has("retentionMonths")) {
      in.error("retentionMonths", "Vui lòng nhập số tháng lưu trữ (từ 1 đến 120).");
    }
    in.check();
    requests.setRetentionMonths(actor.communeId(), months.get());
    return settings(actor);
  }

  private List<Opinion> reaching(String communeId, Contact contact) {
    return opinions.all(communeId).stream().filter(o -> o.raisers().stream().anyMatch(contact::reaches)).toList();
  }

  /** The opinion with only the raisers {@code contact} reaches: an export tells no one of anyone else. */
  private static Opinion only(Opinion o, Contact contact) {
    return new Opinion(o.id(), o.communeId(), o.planId(), o.trackingCode(), o.content(), o.field(), o.channel(),
        o.raisers().stream().filter(contact::reaches).toList(), o.compiled(), o.receivedAt(), o.status(),
        o.decision(), o.mergedInto(), o.mergedFrom(), o.assignment(), o.answer(), o.version(), List.of());
  }

  private PrivacyRequests.Request audit(Actor actor, String kind, Contact contact, String reason,
      List<Opinion> touched, int raisers, int erasedMails) {
    PrivacyRequests.Request r = new PrivacyRequests.Request(Ids.newId("pr"), actor.communeId(), kind,
        hash(actor.communeId(), contact), reason, clock.instant(), actor.id(), actor.auditRole(),
        touched.stream().map(Opinion::id).toList(), raisers, erasedMails);
    requests.record(r);
    return r;
  }

  private String hash(String communeId, Contact contact) {
    if (hashKey == null || hashKey.length == 0) {
      throw new IllegalStateException("CONTACT_ID_KEY is not set");
    }
    return contact.keyedHash(hashKey, communeId);
  }

  private static void requireOffice(Actor actor, String action) {
    if (Actor.ANY_COMMUNE.equals(actor.communeId())) {
      throw DomainException.forbidden(action + " (yêu cầu do văn phòng xã tiếp nhận và xử lý)");
    }
    actor.require(action, Role.OFFICE);
  }
}
