package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import vn.doithoai.core.mail.OutgoingMail;
import vn.doithoai.core.mail.SendingMail;
import vn.doithoai.core.mail.Suppressions;
import vn.doithoai.core.mail.SweepingMailOutbox;
import vn.doithoai.core.usage.UsageCounter;
import vn.doithoai.handlers.observability.Invocation;
import vn.doithoai.handlers.observability.Metric;

/**
 * Bus rule {@code MailQueued} → send the e-mail through SES; {@code MailFanOutQueued} → write the e-mails a
 * fan-out record holds (a change with more e-mails than one transaction takes); SES's own events (a permanent bounce, a
 * complaint) → suppress the address; the schedule's {@code {"sweep":"outbox"}} (every 5 minutes) → send what
 * the bus never delivered and put back the claims of dead senders. A failed send throws, so the asynchronous
 * invocation is retried and then lands in the dead-letter queue, which has an alarm — and the sweep sends it
 * later anyway.
 */
public final class MailerHandler extends Edge.Handler implements RequestHandler<Map<String, Object>, String> {
  private final SendingMail sending;
  private final Suppressions suppressions;
  private final SweepingMailOutbox sweeping;

  public MailerHandler() {
    this(App.get().sendingMail(), App.get().suppressions(), App.get().sweepingMail());
    this.edge = App.get().edge();
  }

  MailerHandler(SendingMail sending, Suppressions suppressions, SweepingMailOutbox sweeping) {
    this.sending = sending;
    this.suppressions = suppressions;
    this.sweeping = sweeping;
  }

  @Override
  public String handleRequest(Map<String, Object> event, Context context) {
    Invocation invocation = Invocation.start(context, "outbox".equals(event.get("sweep")) ? Invocation.Step.MAIL_SWEEP
        : Invocation.Step.MAIL_SEND);
    return edge.run(invocation, () -> handle(event, invocation));
  }

  @SuppressWarnings("unchecked")
  private String handle(Map<String, Object> event, Invocation invocation) {
    if ("outbox".equals(event.get("sweep"))) {
      return sweep(Boolean.TRUE.equals(event.get("afterRestart")), invocation);
    }
    Map<String, Object> detail = (Map<String, Object>) event.get("detail");
    String type = (String) event.get("detail-type");
    if ("MailQueued".equals(type)) {
      String commune = (String) detail.get("commune");
      invocation.commune(commune);
      SendingMail.Delivery delivery;
      try {
        delivery = sending.sendOne((String) detail.get("mailId"));
      } catch (RuntimeException e) {
        invocation.metric(Metric.MESSAGES_FAILED, 1, Metric.MessageChannel.EMAIL);
        throw e;
      }
      SendingMail.Outcome outcome = delivery.outcome();
      boolean sms = OutgoingMail.SMS.equals(delivery.channel());
      Metric.MessageChannel channel = sms ? Metric.MessageChannel.SMS : Metric.MessageChannel.EMAIL;
      invocation.outcome(outcome);
      if (outcome == SendingMail.Outcome.SENT) {
        invocation.metric(Metric.MESSAGES_SENT, 1, channel).usage(commune,
            sms ? UsageCounter.SMS_SEGMENTS : UsageCounter.EMAILS, sms ? delivery.segments() : 1);
      } else if (outcome == SendingMail.Outcome.SUPPRESSED) {
        invocation.metric(Metric.MESSAGES_SUPPRESSED, 1, channel);
      }
      return outcome.name().toLowerCase(java.util.Locale.ROOT);
    }
    if ("MailFanOutQueued".equals(type)) {
      // e-mails too many for their change's transaction: written now, each then sent by its own MailQueued
      int expanded = sweeping.expand((String) detail.get("fanOutId"));
      invocation.commune((String) detail.get("commune")).count(Invocation.Count.EXPANDED, expanded);
      return "expanded=" + expanded;
    }
    // SES event publishing to EventBridge: "Email Bounced" / "Email Complaint Received"
    java.time.Instant now = AppClock.INSTANCE.instant();
    Map<String, Object> bounce = (Map<String, Object>) detail.get("bounce");
    if (bounce != null && "Permanent".equals(bounce.get("bounceType"))) {
      return suppress((List<Map<String, Object>>) bounce.getOrDefault("bouncedRecipients", List.of()), "bounce", now,
          invocation);
    }
    Map<String, Object> complaint = (Map<String, Object>) detail.get("complaint");
    if (complaint != null) {
      return suppress((List<Map<String, Object>>) complaint.getOrDefault("complainedRecipients", List.of()),
          "complaint", now, invocation);
    }
    return "ignored";
  }

  private String suppress(List<Map<String, Object>> recipients, String why, java.time.Instant now,
      Invocation invocation) {
    for (Map<String, Object> r : recipients) {
      suppressions.suppress((String) r.get("emailAddress"), why, now);
    }
    invocation.count(Invocation.Count.ADDRESSES, recipients.size());
    return "suppressed";
  }

  /**
   * {@code afterRestart}: every unfinished e-mail at once, claims included — only for the local runtime at
   * start, when no other sender can be running. Counts only in the log: no address, no content.
   */
  private String sweep(boolean afterRestart, Invocation invocation) {
    SweepingMailOutbox.Report r = afterRestart
        ? sweeping.sweep(Duration.ZERO, Duration.ZERO, Integer.MAX_VALUE)
        : sweeping.sweep();
    invocation.count(Invocation.Count.WAITING, r.waiting()).count(Invocation.Count.RELEASED, r.released())
        .count(Invocation.Count.SENT, r.sent()).count(Invocation.Count.SUPPRESSED, r.suppressed())
        .count(Invocation.Count.FAILED, r.failed()).count(Invocation.Count.EXPANDED, r.expanded())
        .metric(Metric.MESSAGES_SENT, r.sent(), Metric.MessageChannel.EMAIL)
        .metric(Metric.MESSAGES_SUPPRESSED, r.suppressed(), Metric.MessageChannel.EMAIL)
        .metric(Metric.MESSAGES_FAILED, r.failed(), Metric.MessageChannel.EMAIL);
    return "waiting=" + r.waiting() + " released=" + r.released() + " sent=" + r.sent() + " suppressed="
        + r.suppressed() + " failed=" + r.failed() + " expanded=" + r.expanded();
  }
}
