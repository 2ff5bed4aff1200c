package vn.doithoai.core.mail;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends one outbox e-mail or SMS ({@link OutgoingMail#channel}): claim it (so a repeated event sends nothing), drop
 * suppressed addresses, send, mark it sent. A failed send releases the claim and throws, so the delivery is retried
 * and, failing that, ends in the dead-letter queue — never dropped silently.
 */
public final class SendingMail {
  /** What happened to the e-mail. */
  public enum Outcome { SENT, SUPPRESSED, NOT_PENDING }

  private final MailOutbox outbox;
  private final Suppressions suppressions;
  private final MailSender sender;
  private final Optional<SmsSender> sms;
  private final Clock clock;

  public SendingMail(MailOutbox outbox, Suppressions suppressions, MailSender sender, Clock clock) {
    this(outbox, suppressions, sender, Optional.empty(), clock);
  }

  /** {@code sms} empty: SMS are not sent (no origination identity), each marked suppressed with that reason. */
  public SendingMail(MailOutbox outbox, Suppressions suppressions, MailSender sender, Optional<SmsSender> sms,
      Clock clock) {
    this.outbox = Objects.requireNonNull(outbox);
    this.suppressions = Objects.requireNonNull(suppressions);
    this.sender = Objects.requireNonNull(sender);
    this.sms = Objects.requireNonNull(sms);
    this.clock = Objects.requireNonNull(clock);
  }

  /** What one send did: its outcome, the message's channel and, for an SMS, the segments it is billed as. */
  public record Delivery(Outcome outcome, String channel, int segments) {}

  public Outcome send(String mailId) {
    return sendOne(mailId).outcome();
  }

  /** As {@link #send}, saying which channel the message took and what it cost (for metrics and usage). */
  public Delivery sendOne(String mailId) {
    Optional<OutgoingMail> claimed = outbox.claim(mailId, clock.instant());
    if (claimed.isEmpty()) {
      return new Delivery(Outcome.NOT_PENDING, "", 0);
    }
    OutgoingMail m = claimed.get();
    if (OutgoingMail.SMS.equals(m.channel())) {
      return new Delivery(sendSms(m), OutgoingMail.SMS, SmsText.measure(m.text()).segments());
    }
    return new Delivery(sendEmail(mailId, m), m.channel(), 0);
  }

  private Outcome sendEmail(String mailId, OutgoingMail m) {
    List<String> cc = m.cc().stream().filter(a -> !suppressions.suppressed(a)).toList();
    if (suppressions.suppressed(m.to())) {
      if (cc.isEmpty()) {
        outbox.markSuppressed(mailId, clock.instant(), "suppressed");
        return Outcome.SUPPRESSED;
      }
      m = new OutgoingMail(m.id(), m.communeId(), cc.get(0), m.subject(), m.text(), m.html(), m.kind(),
          m.createdAt(), cc.subList(1, cc.size()));
    } else {
      m = new OutgoingMail(m.id(), m.communeId(), m.to(), m.subject(), m.text(), m.html(), m.kind(), m.createdAt(),
          cc);
    }
    OutgoingMail mail = m;
    return deliver(mailId, () -> sender.send(mail));
  }

  private Outcome sendSms(OutgoingMail m) {
    String reason = sms.isEmpty() ? "sms-disabled" : suppressions.suppressed(m.to()) ? "suppressed" : null;
    if (reason != null) {
      outbox.markSuppressed(m.id(), clock.instant(), reason);
      return Outcome.SUPPRESSED;
    }
    return deliver(m.id(), () -> sms.get().send(m));
  }

  /** Sends a claimed message and marks it sent; a failure puts the claim back and is thrown, for the retry. */
  private Outcome deliver(String id, java.util.function.Supplier<String> send) {
    try {
      outbox.markSent(id, clock.instant(), send.get());
      return Outcome.SENT;
    } catch (RuntimeException e) {
      outbox.release(id);
      throw e;
    }
  }
}
