package vn.doithoai.core.opinion;

import java.util.List;
import java.util.Optional;
import vn.doithoai.core.intake.InboxEntry;
import vn.doithoai.core.intake.IntakeResult;
import vn.doithoai.core.mail.OutgoingMail;

/** Port: where opinions, the webhook inbox and the e-mail outbox are kept. */
public interface Opinions {
  /**
   * Stores a webhook delivery atomically: the inbox entry (only if its id is new), the opinion, its tracking
   * code and its e-mails. Concurrent deliveries of one id create exactly one opinion.
   */
  IntakeResult intake(InboxEntry entry, Opinion opinion, List<OutgoingMail> mails);

  /** Creates opinions entered by staff, with their e-mails, all or nothing. */
  void create(List<Opinion> opinions, List<OutgoingMail> mails);

  Optional<Opinion> find(String communeId, String opinionId);

  Optional<Opinion> findByTrackingCode(String communeId, String trackingCode);

  /**
   * Saves changed opinions (each only if its stored version is one less) with their e-mails, all or nothing;
   * a lost race is a version conflict. {@code assignmentDeadlines}: for an opinion id, the open deadline of its
   * assignment to store (present) or remove (empty); opinions not in the map keep theirs as they are.
   */
  void save(List<Opinion> changed, List<OutgoingMail> mails,
      java.util.Map<String, Optional<vn.doithoai.core.plan.PlanDeadline>> assignmentDeadlines);

  default void save(List<Opinion> changed, List<OutgoingMail> mails) {
    save(changed, mails, java.util.Map.of());
  }

  /** Opinions of a plan (or, with an empty plan, those not yet attached to one), filtered. */
  List<Opinion> byPlan(String communeId, Optional<String> planId, Optional<OpinionStatus> status,
      Optional<OpinionField> field, Optional<String> agencyId);

  /** How many opinions a plan has, without reading them (DynamoDB: a Query with Select COUNT). */
  default int countByPlan(String communeId, String planId) {
    return byPlan(communeId, Optional.of(planId), Optional.empty(), Optional.empty(), Optional.empty()).size();
  }

  /** Opinions assigned to an agency, soonest due first. */
  List<Opinion> byAgency(String communeId, String agencyId);

  /** Every opinion of a commune (a Query of the commune's partition, never a Scan): for a citizen's request. */
  List<Opinion> all(String communeId);

  /** A page of the opinions of every commune, and where the next page starts (empty: the last). */
  record Page(List<Opinion> opinions, Optional<String> next) {}

  /**
   * Opinions of every commune, page by page from {@code cursor} (empty: the first), about {@code limit} items read
   * per page: the daily retention sweep's read, a paged Scan kept out of every request path.
   */
  Page everyCommune(Optional<String> cursor, int limit);
}
