package vn.doithoai.core.mail;

import java.time.Instant;
import java.util.Optional;

/** Port: the e-mail outbox records, claimed by one sender at a time. */
public interface MailOutbox {
  /** Takes a pending e-mail for sending (pending → sending, conditionally); empty if it is not pending. */
  Optional<OutgoingMail> claim(String mailId, Instant now);

  /** Sent: never again. */
  void markSent(String mailId, Instant at, String messageId);

  /** Not sent (every recipient suppressed): never again, with the reason. */
  void markSuppressed(String mailId, Instant at);

  /** Sending failed: back to pending, so that a retry takes it again. */
  void release(String mailId);
}
