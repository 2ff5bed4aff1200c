package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.Map;
import vn.doithoai.core.mail.SendingMail;
import vn.doithoai.core.mail.Suppressions;

/**
 * Bus rule {@code MailQueued} → send the e-mail through SES; SES's own events (a permanent bounce, a
 * complaint) → suppress the address. A failed send throws, so the asynchronous invocation is retried and
 * then lands in the dead-letter queue, which has an alarm.
 */
public final class MailerHandler implements RequestHandler<Map<String, Object>, String> {
  private final SendingMail sending;
  private final Suppressions suppressions;

  public MailerHandler() {
    this(App.get().sendingMail(), App.get().suppressions());
  }

  MailerHandler(SendingMail sending, Suppressions suppressions) {
    this.sending = sending;
    this.suppressions = suppressions;
  }

  @Override
  @SuppressWarnings("unchecked")
  public String handleRequest(Map<String, Object> event, Context context) {
    Map<String, Object> detail = (Map<String, Object>) event.get("detail");
    String type = (String) event.get("detail-type");
    if ("MailQueued".equals(type)) {
      return sending.send((String) detail.get("mailId")).name().toLowerCase(java.util.Locale.ROOT);
    }
    // SES event publishing to EventBridge: "Email Bounced" / "Email Complaint Received"
    java.time.Instant now = AppClock.INSTANCE.instant();
    Map<String, Object> bounce = (Map<String, Object>) detail.get("bounce");
    if (bounce != null && "Permanent".equals(bounce.get("bounceType"))) {
      for (Map<String, Object> r : (List<Map<String, Object>>) bounce.getOrDefault("bouncedRecipients", List.of())) {
        suppressions.suppress((String) r.get("emailAddress"), "bounce", now);
      }
      return "suppressed";
    }
    Map<String, Object> complaint = (Map<String, Object>) detail.get("complaint");
    if (complaint != null) {
      for (Map<String, Object> r : (List<Map<String, Object>>) complaint.getOrDefault("complainedRecipients",
          List.of())) {
        suppressions.suppress((String) r.get("emailAddress"), "complaint", now);
      }
      return "suppressed";
    }
    return "ignored";
  }
}
