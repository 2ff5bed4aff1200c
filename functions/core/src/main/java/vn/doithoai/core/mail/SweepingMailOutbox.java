package vn.doithoai.core.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The outbox's promise kept: an e-mail written with its change is sent even when its bus event was lost, its
 * deliveries ran out, or its sender died. A sweep takes the e-mails queued more than {@link #PENDING_AGE} ago
 * and still not sent; a claim older than {@link #SEND_TIMEOUT} is put back (its sender is dead: no Lambda
 * runs longer), and every one pending is sent through {@link SendingMail}, the mailer's own exactly-once
 * claim — so a sweep racing a late bus delivery, or another sweep, sends nothing twice.
 *
 * <p>What "once" means at the edge: a sender that died after SES accepted the e-mail and before marking it
 * sent leaves a claim that looks like one that died before sending; SES offers no way to ask "did you take
 * this?". The sweep then sends it again after the send timeout: at-least-once, with the e-mail's own id (a
 * hash of it, as the {@code mailId} tag and header) on both copies, so a duplicate is recognisable. The window
 * is the few milliseconds between SES's answer and the UpdateItem that marks the e-mail sent.
 */
public final class SweepingMailOutbox {
  /** Older than this and still pending: its bus event is taken as lost (a delivery normally takes ~1 s). */
  public static final Duration PENDING_AGE = Duration.ofMinutes(5);
  /** Claimed longer ago than this: its sender is dead (15 minutes is the longest any Lambda runs). */
  public static final Duration SEND_TIMEOUT = Duration.ofMinutes(15);
  /** At most this many e-mails per run, so a run stays well inside the mailer's timeout; the next run goes on. */
  public static final int PER_RUN = 50;

  /**
   * What a sweep did: e-mails (and fan-out records) looked at, stale claims put back, sent, suppressed, failed
   * (retried next run), and e-mails written from fan-out records left unexpanded.
   */
  public record Report(int waiting, int released, int sent, int suppressed, int failed, int expanded) {
    public Report(int waiting, int released, int sent, int suppressed, int failed) {
      this(waiting, released, sent, suppressed, failed, 0);
    }
  }

  private final MailOutbox outbox;
  private final SendingMail sending;
  private final Clock clock;

  public SweepingMailOutbox(MailOutbox outbox, SendingMail sending, Clock clock) {
    this.outbox = Objects.requireNonNull(outbox);
    this.sending = Objects.requireNonNull(sending);
    this.clock = Objects.requireNonNull(clock);
  }

  /** The regular sweep (every few minutes). */
  public Report sweep() {
    return sweep(PENDING_AGE, SEND_TIMEOUT, PER_RUN);
  }

  /**
   * A sweep with other bounds; zero ages only where no other sender can be running (the local runtime at
   * start, before anything else runs), as a live sender's claim would otherwise be put back and sent twice.
   */
  public Report sweep(Duration pendingAge, Duration sendTimeout, int limit) {
    Instant now = clock.instant();
    Instant staleClaim = now.minus(sendTimeout);
    int released = 0;
    int sent = 0;
    int suppressed = 0;
    int failed = 0;
    int expanded = 0;
    var waiting = outbox.waiting(now.minus(pendingAge), limit);
    for (MailOutbox.Waiting w : waiting) {
      if (w.fanOut()) {
        // its expander died or its event was lost: write its e-mails now (only those still missing); their
        // own events send them, and the next sweep any whose event is lost
        try {
          expanded += outbox.expand(w.mailId());
        } catch (RuntimeException e) {
          failed++; // left as it stopped: the next run takes it up there
        }
        continue;
      }
      if (w.claimedAt().isPresent()) {
        if (!w.claimedAt().get().isBefore(staleClaim) || !outbox.releaseIfClaimedBefore(w.mailId(), staleClaim)) {
          continue; // a live sender holds it, or someone else already put it back
        }
        released++;
      }
      try {
        switch (sending.send(w.mailId())) {
          case SENT -> sent++;
          case SUPPRESSED -> suppressed++;
          case NOT_PENDING -> { } // a late bus delivery or another sweep took it: theirs to send
        }
      } catch (RuntimeException e) {
        failed++; // SendingMail put the claim back; behind the others, the next runs try again
        outbox.requeue(w.mailId(), now);
      }
    }
    return new Report(waiting.size(), released, sent, suppressed, failed, expanded);
  }

  /** A fan-out record's e-mails written as e-mail records (its {@code MailFanOutQueued} event); see {@link MailOutbox#expand}. */
  public int expand(String fanOutId) {
    return outbox.expand(fanOutId);
  }
}
