package vn.doithoai.core.rights;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Port: the e-mail (and message) records that hold a contact — sent to it, or naming it — whatever their id
 * is made of (ids do not carry the address: see the outbox).
 */
public interface ContactMails {
  /** An e-mail as the citizen may be told of it: what, when queued, and whether and when it was sent. */
  record MailRecord(String id, String subject, String kind, Instant createdAt, String status,
      Optional<Instant> sentAt) {}

  /** Every record of the commune whose stored text holds any of {@code contacts} (addresses, phone numbers). */
  List<MailRecord> holding(String communeId, Set<String> contacts);

  /**
   * Replaces each of {@code personalData} in the record's stored text (recipient, greeting, body) by
   * {@code replacement}; a record not yet sent is never sent. True if this call changed it.
   */
  boolean erase(String mailId, Set<String> personalData, String replacement, Instant now);
}
