package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import vn.doithoai.core.mail.SendingMail;
import vn.doithoai.core.mail.Suppressions;
import vn.doithoai.core.mail.SweepingMailOutbox;

/**
 * Bus rule {@code MailQueued} → send the e-mail through SES; {@code MailFanOutQueued} → write the e-mails a
 * fan-out record holds (a change with more e-mails than one transaction takes); SES's own events (a permanent bounce, a
 * complaint) → suppress the address; the schedule's {@code {"sweep":"outbox"}} (every 5 minutes) → send what
 * the bus never delivered and put back the claims of dead senders. A failed send throws, so the asynchronous
 * invocation is retried and then lands in the dead-letter queue, which has an alarm — and the sweep sends it
 * later anyway.
 */
public final class MailerHandler implements RequestHandler<Map<String, Object>, String> {
  private final SendingMail sending;
  private final Suppressions suppressions;
  private final SweepingMailOutbox sweeping;

  public MailerHandler() {
    this(App.get().sendingMail(), App.get().suppressions(), App.get().sweepingMail());
  }

  MailerHandler(SendingMail sending, Suppressions suppressions, SweepingMailOutbox sweeping) {
    this.sending = sending;
    this.suppressions = suppressions;
    this.sweeping = sweeping;
  }

  @Override
  @SuppressWarnings("unchecked")
  public String handleRequest(Map<String, Object> event, Context context) {
    if ("outbox".equals(event.get("sweep"))) {
      return sweep(Boolean.TRUE.equals(event.get("afterRestart")));
    }
    Map<String, Object> detail = (Map<String, Object>) event.get("detail");
    String type = (String) event.get("detail-type");
    if ("MailQueued".equals(type)) {
      return sending.send((String) detail.get("mailId")).name().toLowerCase(java.util.Locale.ROOT);
    }
    if ("MailFanOutQueued".equals(type)) {
      // e-mails too many for their change's transaction: written now, each then sent by its own MailQueued
      return "expanded=" + sweeping.expand((String) detail.get("fanOutId"));
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

  /**
   * {@code afterRestart}: every unfinished e-mail at once, claims included — only for the local runtime at
   * start, when no other sender can be running. Counts only in the log: no address, no content.
   */
  private String sweep(boolean afterRestart) {
    SweepingMailOutbox.Report r = afterRestart
        ? sweeping.sweep(Duration.ZERO, Duration.ZERO, Integer.MAX_VALUE)
        : sweeping.sweep();
    String line = "waiting=" + r.waiting() + " released=" + r.released() + " sent=" + r.sent() + " suppressed="
        + r.suppressed() + " failed=" + r.failed() + " expanded=" + r.expanded();
    System.out.println("mail sweep: " + line);
    return line;
  }
}
