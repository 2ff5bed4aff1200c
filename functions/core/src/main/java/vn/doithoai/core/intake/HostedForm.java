package vn.doithoai.core.intake;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.FieldError;
import vn.doithoai.core.mail.ContactIds;
import vn.doithoai.core.opinion.Channel;

/**
 * Biểu mẫu gửi ý kiến: the form on the commune's public page, for communes whose website cannot sign a
 * webhook. It guards the one intake use case ({@link SubmittingOpinion#submitForm}) against abuse without
 * shutting anybody out: a size cap, a honeypot field a person leaves empty, a proof of work the page's script
 * solves (without it, e.g. with JavaScript off, the opinion is still taken but marked for a clerk's check),
 * and daily ceilings per source address and per contact. The form's one-time token is the idempotency key:
 * a double click or the back button gives the same opinion.
 */
public final class HostedForm {
  public static final int MAX_BYTES = 24 * 1024;
  public static final String HONEYPOT = "dt_web";
  public static final String TOKEN = "token";
  public static final String POW = "altcha";
  public static final int PER_ADDRESS_PER_DAY = 20;
  public static final int PER_CONTACT_PER_DAY = 5;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final List<String> FIELDS = List.of("content", "field", "name", "phone", "email", "address",
      "village", "consentToPublish", "consent", "privacyNotice", "plan");

  /** A submission as posted: the decoded fields, the caller's address, the body's size in bytes. */
  public record Submission(String communeId, Map<String, String> fields, String sourceAddress, int bytes) {}

  /** The receipt and whether the proof of work was solved (false: waiting for a clerk's check). */
  public record Sent(SubmittingOpinion.Receipt receipt, boolean verified) {}

  private final SubmittingOpinion submitting;
  private final ProofOfWork pow;
  private final SubmissionLimits limits;
  private final Clock wire;

  public HostedForm(SubmittingOpinion submitting, ProofOfWork pow, SubmissionLimits limits, Clock wire) {
    this.submitting = Objects.requireNonNull(submitting);
    this.pow = Objects.requireNonNull(pow);
    this.limits = Objects.requireNonNull(limits);
    this.wire = Objects.requireNonNull(wire);
  }

  /** A fresh one-time token for a form being shown. */
  public static String newToken() {
    byte[] b = new byte[18];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  public ProofOfWork.Challenge challenge(String token) {
    return pow.challenge(token);
  }

  public Sent submit(Submission s) {
    if (s.bytes() > MAX_BYTES) {
      throw new DomainException(DomainException.Kind.TOO_LARGE, "payload_too_large",
          "Nội dung gửi lên vượt quá " + (MAX_BYTES / 1024) + " KiB. Vui lòng rút gọn ý kiến.");
    }
    String token = s.fields().getOrDefault(TOKEN, "");
    if (!token.matches("[A-Za-z0-9_-]{16,64}")) {
      throw DomainException.invalid(List.of(new FieldError("form",
          "Biểu mẫu đã cũ hoặc không hợp lệ. Vui lòng mở lại trang và gửi lại.")));
    }
    if (!s.fields().getOrDefault(HONEYPOT, "").isEmpty()) {
      throw DomainException.invalid(List.of(new FieldError(HONEYPOT,
          "Ô “Không điền vào ô này” phải để trống.")));
    }
    boolean verified = pow.verify(s.fields().get(POW), token);
    Map<String, Object> fields = new LinkedHashMap<>();
    for (String f : FIELDS) {
      String v = s.fields().get(f);
      if (v != null && !v.isBlank()) {
        fields.put(f, v);
      }
    }
    LocalDate today = LocalDate.ofInstant(wire.instant(), java.time.ZoneId.of("Asia/Ho_Chi_Minh")); // the commune's day
    SubmittingOpinion.Receipt receipt = submitting.submitForm(s.communeId(), fields, token,
        verified ? Channel.PUBLIC_FORM : Channel.PUBLIC_FORM_UNVERIFIED, () -> {
          if (!limits.tryCount(s.communeId(), "address", hash(s.sourceAddress()), today, PER_ADDRESS_PER_DAY)) {
            throw tooMany("Địa chỉ mạng này đã gửi " + PER_ADDRESS_PER_DAY + " ý kiến hôm nay.");
          }
          if (!limits.tryCount(s.communeId(), "contact", hash(contact(fields)), today, PER_CONTACT_PER_DAY)) {
            throw tooMany("E-mail hoặc số điện thoại này đã gửi " + PER_CONTACT_PER_DAY + " ý kiến hôm nay.");
          }
        });
    return new Sent(receipt, verified);
  }

  private static DomainException tooMany(String why) {
    return new DomainException(DomainException.Kind.TOO_MANY_REQUESTS, "daily_limit", why
        + " Vui lòng gửi lại vào ngày mai, hoặc gửi qua trưởng thôn, hoặc nêu trực tiếp tại hội nghị đối thoại.");
  }

  /** The contact a reply goes to, in one spelling: e-mail in lower case, else the phone's digits. */
  static String contact(Map<String, Object> fields) {
    Object email = fields.get("email");
    if (email instanceof String e && !e.isBlank()) {
      return "e:" + e.strip().toLowerCase(Locale.ROOT);
    }
    Object phone = fields.get("phone");
    String digits = phone == null ? "" : phone.toString().replaceAll("[^0-9]", "");
    return "p:" + (digits.startsWith("84") ? "0" + digits.substring(2) : digits);
  }

  /** Keyed ({@link ContactIds}): a plain hash of a phone number or an IP address in a key is reversed by trial. */
  private static String hash(String s) {
    return ContactIds.of(s == null ? "" : s);
  }
}
