package vn.doithoai.core.commune;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import vn.doithoai.core.common.Role;
import vn.doithoai.core.common.Actor;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.Ids;
import vn.doithoai.core.common.Input;
import vn.doithoai.core.rules.RuleProfiles;

/**
 * Registering a commune, changing its settings, and rotating its website's webhook secret. Admins only: a
 * commune's admin manages that commune; the platform admin (commune {@code *}) registers new ones.
 */
public final class ManagingCommunes {
  private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])");
  static final int MAX_OVERLAP_HOURS = 168;

  /** A commune and the secret value shown once, at registration or rotation. */
  public record WithSecret(Commune commune, WebhookSecret secret) {}

  private final Communes communes;
  private final RuleProfiles profiles;
  private final Clock clock;

  public ManagingCommunes(Communes communes, RuleProfiles profiles, Clock clock) {
    this.communes = Objects.requireNonNull(communes);
    this.profiles = Objects.requireNonNull(profiles);
    this.clock = Objects.requireNonNull(clock);
  }

  public WithSecret register(Actor actor, Input in) {
    String id = in.requiredText("id", 40, "mã xã (chữ thường, số, gạch ngang)");
    if (!id.isEmpty() && !SLUG.matcher(id).matches()) {
      in.error("id", "Mã xã chỉ gồm chữ thường không dấu, số và dấu gạch ngang, dài 3–40 ký tự.");
    }
    requireAdmin(actor, id);
    Commune commune = read(in, id, 1, clock.instant());
    in.check();
    WebhookSecret secret = WebhookSecret.generate(Ids.newId("ws"), clock.instant());
    communes.create(commune, List.of(secret));
    return new WithSecret(commune, secret);
  }

  /** The settings carry offices' addresses and webhook-secret metadata: the admin's and the office's only. */
  public Commune get(Actor actor, String communeId) {
    actor.require("xem cấu hình xã", Role.ADMIN, Role.OFFICE);
    requireMember(actor, communeId);
    return communes.find(communeId).orElseThrow(() -> DomainException.notFound("xã " + communeId));
  }

  public Commune update(Actor actor, String communeId, Input in) {
    requireAdmin(actor, communeId);
    Commune current = communes.find(communeId).orElseThrow(() -> DomainException.notFound("xã " + communeId));
    long expected = in.integer("version", 1, Integer.MAX_VALUE).map(Integer::longValue).orElse(current.version());
    Commune next = read(in, communeId, current.version() + 1, current.createdAt());
    in.check();
    if (expected != current.version()) {
      throw DomainException.staleVersion();
    }
    communes.update(next, current.version());
    return next;
  }

  /** A new secret; the old ones stay valid for {@code overlapHours} (default 24, at most 168). */
  public WithSecret rotateSecret(Actor actor, String communeId, Input in) {
    requireAdmin(actor, communeId);
    int overlap = in.integer("overlapHours", 0, MAX_OVERLAP_HOURS).orElse(24);
    in.check();
    Commune commune = communes.find(communeId).orElseThrow(() -> DomainException.notFound("xã " + communeId));
    Instant now = clock.instant();
    List<WebhookSecret> current = communes.secrets(communeId);
    List<WebhookSecret> next = new ArrayList<>();
    Instant until = now.plus(Duration.ofHours(overlap));
    for (WebhookSecret s : current) {
      if (s.validAt(now)) {
        Instant expiry = s.expiresAt().filter(e -> e.isBefore(until)).orElse(until);
        next.add(new WebhookSecret(s.id(), s.secret(), s.createdAt(), java.util.Optional.of(expiry)));
      }
    }
    WebhookSecret fresh = WebhookSecret.generate(Ids.newId("ws"), now);
    next.add(fresh);
    communes.replaceSecrets(communeId, current, next);
    return new WithSecret(commune, fresh);
  }

  private Commune read(Input in, String id, long version, Instant createdAt) {
    String name = in.requiredText("name", 120, "tên xã");
    String province = in.requiredText("province", 120, "tỉnh, thành phố");
    String profile = in.requiredText("profile", 60, "bộ quy tắc thời hạn");
    if (!profile.isEmpty() && profiles.find(profile).isEmpty()) {
      in.error("profile", "Không có bộ quy tắc '" + profile + "'; chọn một trong: " + String.join(", ",
          profiles.ids()) + ".");
    }
    String partyOffice = in.text("partyOfficeName", 120).orElse("Văn phòng Đảng ủy");
    String pcOffice = in.text("peoplesCommitteeOfficeName", 120).orElse("Văn phòng HĐND và UBND");
    String officeEmail = email(in, "officeEmail", true);
    String hostEmail = email(in, "hostEmail", false);
    String frontEmail = email(in, "frontEmail", false);
    String website = in.text("websiteUrl", 300).orElse(null);
    if (website != null && !website.startsWith("https://") && !website.startsWith("http://")) {
      in.error("websiteUrl", "Địa chỉ trang web phải bắt đầu bằng https://.");
    }
    List<Agency> agencies = in.objects("agencies", 100, a -> {
      String aid = a.requiredText("id", 40, "mã cơ quan");
      if (!aid.isEmpty() && !SLUG.matcher(aid).matches()) {
        a.error("id", "Mã cơ quan chỉ gồm chữ thường không dấu, số và dấu gạch ngang, dài 3–40 ký tự.");
      }
      return new Agency(aid, a.requiredText("name", 160, "tên cơ quan"), email(a, "email", false));
    });
    if (agencies.stream().map(Agency::id).distinct().count() != agencies.size()) {
      in.error("agencies", "Mã cơ quan bị trùng.");
    }
    // units beyond the offices, the Front and the agencies: a board, a union, or the Party office's own address;
    // a derived unit redeclared under its id to set its digest (daily / weekly / off)
    List<Unit> units = in.objects("units", 100, u -> {
      String uid = u.requiredText("id", 40, "mã đơn vị");
      if (!uid.isEmpty() && !SLUG.matcher(uid).matches()) {
        u.error("id", "Mã đơn vị chỉ gồm chữ thường không dấu, số và dấu gạch ngang, dài 3–40 ký tự.");
      }
      return new Unit(uid, u.requiredText("name", 160, "tên đơn vị"), email(u, "email", false),
          u.choice("digest", DigestFrequency.class));
    });
    if (units.stream().map(Unit::id).distinct().count() != units.size()) {
      in.error("units", "Mã đơn vị bị trùng.");
    }
    // SMS to citizens without diacritics unless asked: one GSM-7 segment (160) instead of UCS-2 (70)
    boolean smsAccents = in.bool("smsAccents").orElse(false);
    return new Commune(id, name, province, profile, partyOffice, pcOffice, officeEmail, hostEmail, frontEmail,
        website, agencies, version, createdAt, units, smsAccents);
  }

  private static String email(Input in, String field, boolean required) {
    return in.email(field, required).orElse(null);
  }

  static void requireAdmin(Actor actor, String communeId) {
    if (!actor.has(Role.ADMIN)) {
      throw DomainException.forbidden("quản trị xã");
    }
    if (!actor.platformAdmin() && !actor.communeId().equals(communeId)) {
      throw DomainException.notFound("xã " + communeId);
    }
  }

  static void requireMember(Actor actor, String communeId) {
    if (!actor.platformAdmin() && !actor.communeId().equals(communeId)) {
      throw DomainException.notFound("xã " + communeId);
    }
  }
}
