package vn.doithoai.core.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the e-mail outbox records, claimed by one sender at a time. */
public interface MailOutbox {
  /**
   * An e-mail neither sent nor suppressed, as a sweep sees it: claimed (with the claim's instant) or not; or
   * ({@code fanOut}) a fan-out record not yet fully expanded, whose id is then the fan-out's (see
   * {@link #expand}).
   */
  record Waiting(String mailId, Optional<Instant> claimedAt, boolean fanOut) {
    public Waiting(String mailId, Optional<Instant> claimedAt) {
      this(mailId, claimedAt, false);
    }
  }

  /**
   * Queues e-mails written after the change they report (derived from the table's stream): each is written only
   * if its id is new, so a replayed record queues none twice; returns how many this call wrote.
   */
  int queue(List<OutgoingMail> mails);

  /** Takes a pending e-mail for sending (pending → sending, conditionally); empty if it is not pending. */
  Optional<OutgoingMail> claim(String mailId, Instant now);

  /** Sent: never again. */
  void markSent(String mailId, Instant at, String messageId);

  /**
   * Not sent, never again, with the reason: {@code suppressed} (every recipient bounced or complained), or
   * {@code sms-disabled} (no SMS origination identity configured), or {@code erased} (the citizen had their data
   * erased before it went).
   */
  void markSuppressed(String mailId, Instant at, String reason);

  /** Sending failed: back to pending, so that a retry takes it again. */
  void release(String mailId);

  /** E-mails queued before {@code queuedBefore} and neither sent nor suppressed, oldest first, at most {@code limit}. */
  List<Waiting> waiting(Instant queuedBefore, int limit);

  /**
   * Sending → pending if it was claimed before {@code claimedBefore} (its sender died between claim and mark);
   * true if this call put it back.
   */
  boolean releaseIfClaimedBefore(String mailId, Instant claimedBefore);

  /**
   * A pending e-mail that failed again goes to the back of the line, as if queued at {@code now}, so that
   * e-mails that always fail never keep the others from being sent; a no-op unless it is pending.
   */
  void requeue(String mailId, Instant now);

  /**
   * Writes the e-mails a fan-out record holds as e-mail records of their own (each once: a retry, or an
   * expander racing another, writes none twice) and marks the fan-out done; returns how many this call wrote.
   * A fan-out record stands for e-mails too many to be written in the transaction of their change; it is
   * written in that transaction instead, so they are as durable as if they had been. A no-op for a fan-out
   * that is done or unknown; one interrupted midway is taken up where it stopped.
   */
  int expand(String fanOutId);
}
