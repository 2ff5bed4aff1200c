package vn.doithoai.core.intake;

import java.net.URLDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.doithoai.core.common.Actor;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.Ids;
import vn.doithoai.core.common.Input;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.common.TooManyRequests;
import vn.doithoai.core.mail.ContactIds;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.commune.Communes;
import vn.doithoai.core.commune.WebhookSecret;
import vn.doithoai.core.mail.CitizenMails;
import vn.doithoai.core.opinion.Channel;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.OpinionField;
import vn.doithoai.core.opinion.OpinionParts.Raiser;
import vn.doithoai.core.opinion.Opinions;
import vn.doithoai.core.plan.PlanStatus;
import vn.doithoai.core.plan.Plans;

/**
 * A citizen's opinion from the commune website, through the signed webhook: size cap before the MAC, the
 * Standard Webhooks signature over the exact bytes, NFC after it, a token of the commune's own intake budget,
 * then one conditional put of the opinion, whose key follows from the webhook id (its tracking code is a keyed
 * hash of the id), so that a retried delivery finds its opinion and has exactly one effect. The raiser gets the
 * tracking code; the acknowledgement follows from the table's stream ({@link AcknowledgingOpinion}).
 */
public final class SubmittingOpinion {
  public static final int MAX_BODY_BYTES = 64 * 1024;
  /** Tracking codes tried for one delivery before giving up: a second is needed about once in 10^7 deliveries. */
  static final int CODE_ATTEMPTS = 8;

  /** A delivery as received: the commune from the path, lower-case headers, and the exact body bytes. */
  public record Delivery(String communeId, Map<String, String> headers, byte[] body) {}

  /** What the website gets back: 202 for a new opinion, 200 for a repeated delivery. */
  public record Receipt(boolean created, String trackingCode, String statusUrl, boolean counted) {
    public Receipt(boolean created, String trackingCode, String statusUrl) {
      this(created, trackingCode, statusUrl, false);
    }

    public Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("trackingCode", trackingCode);
      m.put("status", "received");
      m.put("statusUrl", statusUrl);
      m.put("message", created ? "Đã tiếp nhận ý kiến." : "Ý kiến này đã được tiếp nhận trước đó.");
      return m;
    }
  }

  private final Communes communes;
  private final Plans plans;
  private final Opinions opinions;
  private final CitizenMails mails;
  private final Clock clock;
  private final Clock wire;
  private final IntakeBudget budget;

  /** One clock for both: in AWS the product's time is the real time. */
  public SubmittingOpinion(Communes communes, Plans plans, Opinions opinions, CitizenMails mails, Clock clock) {
    this(communes, plans, opinions, mails, clock, clock);
  }

  /**
   * {@code clock} dates the opinion and counts its deadlines (the local runtime may move it forward);
   * {@code wire} checks the signature's freshness, which is about the network and the sender's real clock —
   * with the local clock advanced a week, every honest delivery would otherwise be refused as stale.
   */
  public SubmittingOpinion(Communes communes, Plans plans, Opinions opinions, CitizenMails mails, Clock clock,
      Clock wire) {
    this(communes, plans, opinions, mails, clock, wire, IntakeBudget.UNLIMITED);
  }

  /** {@code budget}: each commune's own intake budget (429 once it is spent), which also counts the request. */
  public SubmittingOpinion(Communes communes, Plans plans, Opinions opinions, CitizenMails mails, Clock clock,
      Clock wire, IntakeBudget budget) {
    this.budget = Objects.requireNonNull(budget);
    this.communes = Objects.requireNonNull(communes);
    this.plans = Objects.requireNonNull(plans);
    this.opinions = Objects.requireNonNull(opinions);
    this.mails = Objects.requireNonNull(mails);
    this.clock = Objects.requireNonNull(clock);
    this.wire = Objects.requireNonNull(wire);
  }

  public Receipt submit(Delivery d) {
    if (d.body().length > MAX_BODY_BYTES) {
      throw new DomainException(DomainException.Kind.TOO_LARGE, "payload_too_large",
          "Nội dung gửi lên vượt quá " + (MAX_BODY_BYTES / 1024) + " KiB.");
    }
    String mediaType = mediaType(d.headers().get("content-type"));
    if (!mediaType.equals("application/json") && !mediaType.equals("application/x-www-form-urlencoded")) {
      throw new DomainException(DomainException.Kind.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
          "Chỉ nhận application/json hoặc application/x-www-form-urlencoded.");
    }
    String id = d.headers().get("webhook-id");
    String timestamp = d.headers().get("webhook-timestamp");
    String signature = d.headers().get("webhook-signature");
    if (blank(id) || blank(timestamp) || blank(signature) || id.length() > 200) {
      throw new DomainException(DomainException.Kind.INVALID, "missing_webhook_headers",
          "Thiếu tiêu đề webhook-id, webhook-timestamp hoặc webhook-signature.");
    }
    Optional<Commune> commune = communes.find(d.communeId());
    Instant wireNow = wire.instant();
    List<byte[]> keys = commune.isEmpty() ? List.of() : communes.secrets(d.communeId()).stream()
        .filter(s -> s.validAt(wireNow)).map(WebhookSecret::key).toList();
    WebhookVerifier.Failure failure = WebhookVerifier.verify(id, timestamp, signature, d.body(), keys, wireNow);
    if (failure != null) {
      // one answer for an unknown commune and a bad signature: the endpoint does not reveal which communes exist
      throw new DomainException(DomainException.Kind.UNAUTHENTICATED, "invalid_signature",
          failure == WebhookVerifier.Failure.STALE_TIMESTAMP
              ? "Thời điểm ký (webhook-timestamp) lệch quá 5 phút so với máy chủ."
              : "Chữ ký webhook không hợp lệ.");
    }
    return create(commune.orElseThrow(), new Input(parse(d.body(), mediaType)), Channel.WEBSITE, id,
        sha256(d.body()), "website", IntakeBudget.Bucket.WEBHOOK, () -> { });
  }

  /**
   * A citizen's opinion from the hosted form on the commune's public page: the same validation, tracking code,
   * acknowledgement and idempotency as the webhook, the form's one-time token standing in for the webhook id.
   * What the form adds (honeypot, proof of work, daily limits) is checked by {@link HostedForm} before this.
   */
  public Receipt submitForm(String communeId, Map<String, Object> fields, String formToken, Channel channel,
      Runnable beforeWrite) {
    Commune commune = communes.find(communeId).orElseThrow(() -> DomainException.notFound("xã"));
    StringBuilder canonical = new StringBuilder();
    new java.util.TreeMap<>(fields).forEach((k, v) -> canonical.append(k).append('=').append(v).append('\n'));
    return create(commune, new Input(fields), channel, "form-" + formToken,
        sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)), "public-form", IntakeBudget.Bucket.FORM,
        beforeWrite);
  }

  private Receipt create(Commune commune, Input in, Channel channel, String inboxId, String bodyHash, String via,
      IntakeBudget.Bucket bucket, Runnable beforeWrite) {
    Instant now = clock.instant();
    String communeId = commune.id();
    String content = in.requiredText("content", 5000, "nội dung ý kiến");
    OpinionField field = in.choice("field", OpinionField.class).orElse(OpinionField.OTHER);
    String name = in.requiredText("name", 120, "họ và tên");
    String phone = in.phone("phone").orElse(null);
    String email = in.email("email", false).orElse(null);
    if (phone == null && email == null && !in.has("email") && !in.has("phone")) {
      in.error("email", "Vui lòng để lại e-mail hoặc số điện thoại để nhận kết quả trả lời.");
    }
    String address = in.text("address", 300).orElse(null);
    String village = in.text("village", 120).orElse(null);
    boolean consent = in.bool("consentToPublish").orElse(false);
    boolean agreed = in.bool("consent").orElse(false);
    Optional<String> notice = in.text("privacyNotice", 60);
    if (notice.isPresent() && vn.doithoai.core.privacy.PrivacyNotice.of(notice.get()).isEmpty()) {
      in.error("privacyNotice", "Phiên bản thông báo về dữ liệu cá nhân không đúng; phiên bản hiện hành là "
          + vn.doithoai.core.privacy.PrivacyNotice.current().version() + ".");
    } else if (agreed && notice.isEmpty()) {
      in.error("privacyNotice", "Sự đồng ý phải kèm phiên bản thông báo về dữ liệu cá nhân mà công dân đã đọc "
          + "(privacyNotice).");
    }
    Optional<String> planId = in.id("plan");
    in.check();
    vn.doithoai.core.opinion.Consent record = agreed
        ? vn.doithoai.core.opinion.Consent.given(consent, now, via, notice.get())
        : vn.doithoai.core.opinion.Consent.publicDuty(consent, now, via, notice.orElse(null));
    planId.ifPresent(p -> {
      boolean open = plans.find(communeId, p).map(plan -> plan.status() == PlanStatus.ANNOUNCED
          || plan.status() == PlanStatus.DRAFT).orElse(false);
      if (!open) {
        throw DomainException.invalid(List.of(new vn.doithoai.core.common.FieldError("plan",
            "Kế hoạch đối thoại không tồn tại hoặc đã kết thúc nhận ý kiến.")));
      }
    });

    IntakeBudget.Decision taken = budget.take(communeId, bucket, now);
    if (taken instanceof IntakeBudget.Decision.Refused refused) {
      // the seconds said are the Retry-After header's (rounded up, at least 1), never "sau 0 giây"
      long seconds = Math.max(1, (refused.retryAfter().toMillis() + 999) / 1000);
      throw new TooManyRequests("commune_rate_limited", via.equals("website")
          ? "Xã này đang gửi quá nhiều ý kiến trong thời gian ngắn. Vui lòng gửi lại sau " + seconds + " giây."
          : "Hệ thống đang nhận quá nhiều ý kiến của xã trong thời gian ngắn. Vui lòng gửi lại sau ít phút.",
          refused.retryAfter());
    }
    boolean counted = ((IntakeBudget.Decision.Taken) taken).counted();
    beforeWrite.run();
    Raiser raiser = new Raiser(name, phone, email, address, village, consent, Optional.of(record));
    Optional<String> plan = planId;
    IntakeResult result = opinions.intake(new InboxEntry(communeId, inboxId, bodyHash, now), attempt -> {
      if (attempt >= CODE_ATTEMPTS) {
        throw new IllegalStateException("no free tracking code for a delivery after " + CODE_ATTEMPTS + " tries");
      }
      String code = Ids.trackingCode(ContactIds.mac("tracking\n" + communeId + "\n" + inboxId + "\n" + attempt));
      return Opinion.received(Ids.opinionIdFor(code), communeId, plan, code, content, field, channel,
          List.of(raiser), Optional.empty(), now, Actor.system(via, communeId));
    });
    if (result instanceof IntakeResult.Created c) {
      return new Receipt(true, c.trackingCode(), mails.statusUrl(communeId, c.trackingCode()), counted);
    }
    if (result instanceof IntakeResult.Duplicate dup) {
      return new Receipt(false, dup.trackingCode(), mails.statusUrl(communeId, dup.trackingCode()), counted);
    }
    throw new DomainException(DomainException.Kind.UNPROCESSABLE, "webhook_id_reused",
        via.equals("website") ? "webhook-id này đã được dùng cho một nội dung khác."
            : "Biểu mẫu này đã được gửi với nội dung khác. Vui lòng mở lại trang để gửi một ý kiến mới.");
  }

  private static Map<String, Object> parse(byte[] body, String mediaType) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      throw new DomainException(DomainException.Kind.INVALID, "invalid_utf8", "Nội dung phải được mã hóa UTF-8.");
    }
    if (mediaType.equals("application/json")) {
      return Json.readObject(text);
    }
    Map<String, Object> form = new LinkedHashMap<>();
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        form.putIfAbsent(k, v);
      } catch (IllegalArgumentException e) {
        throw new DomainException(DomainException.Kind.INVALID, "malformed_form", "Dữ liệu biểu mẫu không hợp lệ.");
      }
    }
    return form;
  }

  static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
