package vn.doithoai.core.opinion;

import java.util.List;
import java.util.Optional;
import vn.doithoai.core.intake.InboxEntry;
import vn.doithoai.core.intake.IntakeResult;
import vn.doithoai.core.mail.OutgoingMail;

/** Port: where opinions, the webhook inbox and the e-mail outbox are kept. */
public interface Opinions {
  /**
   * Stores the opinion of a delivery (a webhook, a hosted form) once: {@code attempt.apply(0)} is the opinion to
   * create, its key following from the delivery's id, put only if that key is new. If the key is taken by this
   * very delivery the stored entry decides: same body hash → {@code Duplicate} with the stored tracking code,
   * another → {@code Mismatch}; if it is taken by another delivery (a tracking-code collision) the next attempt
   * is tried. Concurrent deliveries of one id create exactly one opinion. Its e-mails follow from the stream.
   */
  IntakeResult intake(InboxEntry entry, java.util.function.IntFunction<Opinion> attempt);

  /**
   * Creates opinions entered by staff, each only if its key is new, with the given e-mails, all or nothing (a
   * long list in atomic chunks); the acknowledgements follow from the stream, not from here.
   */
  void create(List<Opinion> opinions, List<OutgoingMail> mails);

  Optional<Opinion> find(String communeId, String opinionId);

  Optional<Opinion> findByTrackingCode(String communeId, String trackingCode);

  /**
   * Saves changed opinions (each only if its stored version is one less) with their e-mails, all or nothing;
   * a lost race is a version conflict. {@code assignmentDeadlines}: for an opinion id, the open deadline of its
   * assignment to store (present) or remove (empty); opinions not in the map keep theirs as they are.
   */
  default void save(List<Opinion> changed, List<OutgoingMail> mails,
      java.util.Map<String, Optional<vn.doithoai.core.plan.PlanDeadline>> assignmentDeadlines) {
    save(changed, mails, assignmentDeadlines, List.of());
  }

  /**
   * {@link #save(List, List, java.util.Map)}, and {@code letters} queued in the same write: each tells the raisers
   * of the opinions merged into its matter ({@link MergedRaisers}), page by page, exactly once each.
   */
  void save(List<Opinion> changed, List<OutgoingMail> mails,
      java.util.Map<String, Optional<vn.doithoai.core.plan.PlanDeadline>> assignmentDeadlines,
      List<vn.doithoai.core.mail.RaiserLetter> letters);

  /**
   * Gộp: {@code merged} (its stored version one less) and the record of its raisers under the matter
   * ({@code record}, written once: the same opinion merged twice is one record), and the matter's counters and
   * version ({@code absorbed}: the matter as read, one version on), all or nothing; a matter changed meanwhile
   * is a version conflict. The records of opinions merged into {@code merged} follow it into the matter. Writes
   * the same few items whatever the number of merges before.
   */
  void merge(Opinion merged, Opinion absorbed, MergedRaisers record);

  /**
   * The records of the raisers merged into a matter, page by page from {@code cursor} (empty: the first), at most
   * {@code limit} per page: a Query of the matter's records, never the whole list at once.
   */
  MergedRaisers.Page mergedRaisers(String communeId, String matterId, Optional<String> cursor, int limit);

  /**
   * Rewrites the record of {@code sourceId}'s raisers under {@code matterId} with the raisers {@code whose}
   * erased; false when there is no such record.
   */
  boolean eraseMergedRaisers(String communeId, String matterId, String sourceId,
      java.util.function.Predicate<OpinionParts.Raiser> whose);

  /**
   * Every raiser of {@code o}: those listed on it, then those of the opinions merged into it, read a page of
   * records at a time.
   */
  default void forEachRaiser(Opinion o, java.util.function.Consumer<OpinionParts.Raiser> each) {
    o.raisers().forEach(each);
    if (!o.hasMergedRaisers()) {
      return;
    }
    Optional<String> cursor = Optional.empty();
    do {
      MergedRaisers.Page page = mergedRaisers(o.communeId(), o.id(), cursor, RAISER_PAGE);
      page.records().forEach(r -> r.raisers().forEach(each));
      cursor = page.next();
    } while (cursor.isPresent());
  }

  /** Records of merged raisers read per page by {@link #forEachRaiser}. */
  int RAISER_PAGE = 100;

  default void save(List<Opinion> changed, List<OutgoingMail> mails) {
    save(changed, mails, java.util.Map.of());
  }

  /** Opinions of a plan (or, with an empty plan, those not yet attached to one), filtered. */
  List<Opinion> byPlan(String communeId, Optional<String> planId, Optional<OpinionStatus> status,
      Optional<OpinionField> field, Optional<String> agencyId);

  /**
   * Each opinion of a plan (or, with an empty plan, the unattached), handed over a page at a time and not kept:
   * for counting (statistics), with memory bounded by the page, not by the plan.
   */
  default void eachOfPlan(String communeId, Optional<String> planId, java.util.function.Consumer<Opinion> each) {
    byPlan(communeId, planId, Optional.empty(), Optional.empty(), Optional.empty()).forEach(each);
  }

  /** How many opinions a plan has, without reading them (DynamoDB: a Query with Select COUNT). */
  default int countByPlan(String communeId, String planId) {
    return byPlan(communeId, Optional.of(planId), Optional.empty(), Optional.empty(), Optional.empty()).size();
  }

  /** Opinions assigned to an agency, soonest due first. */
  List<Opinion> byAgency(String communeId, String agencyId);

  /** Every opinion of a commune (a Query of the commune's partition, never a Scan): for a citizen's request. */
  List<Opinion> all(String communeId);

  /**
   * One range of an index, read in its own order: a plan's (or, with an empty plan, the unattached) opinions of
   * one status, newest first; or the opinions assigned to one agency, soonest due first.
   */
  sealed interface Run {
    /** {@code C#{cid}#PLAN#{plan|-}#OPS}, sort keys beginning {@code {status}#}, newest first. */
    record OfPlan(Optional<String> planId, OpinionStatus status) implements Run {}

    /** {@code C#{cid}#AGENCY#{agency}}, soonest (current) due date first. */
    record OfAgency(String agencyId) implements Run {}
  }

  /**
   * What a run keeps, applied where the opinions are stored (key condition or filter expression, never in
   * memory): field, agency, plan (empty: any), status (empty: any), and a current due date in
   * [{@code dueFrom}, {@code dueBefore}) — with a due range only assigned opinions are kept.
   */
  record Narrowing(Optional<OpinionField> field, Optional<String> agencyId, Optional<String> planId,
      Optional<OpinionStatus> status, Optional<java.time.LocalDate> dueFrom, Optional<java.time.LocalDate> dueBefore) {
    public static final Narrowing NONE = new Narrowing(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * Opinions of a run read in its order: each with its position (where the run continues right after it), and
   * where the run continues after the last item read (empty: the run is exhausted). A filtered read may hold
   * fewer than {@code max} opinions and still continue.
   */
  record Chunk(List<Opinion> opinions, List<String> positions, Optional<String> end) {}

  /**
   * At most {@code max} items of the run read (fewer kept when narrowed) from {@code from} (empty: its start). A
   * position names only sort keys: the partition comes from {@code communeId} and the run, so a position can
   * never reach another commune's opinions; one that is not a position of this run is refused (400).
   */
  Chunk read(String communeId, Run run, Narrowing narrowing, Optional<String> from, int max);

  /** How many opinions of the run the narrowing keeps, counted where they are stored (no opinion is returned). */
  long count(String communeId, Run run, Narrowing narrowing);

  /** A page of the opinions of every commune, and where the next page starts (empty: the last). */
  record Page(List<Opinion> opinions, Optional<String> next) {}

  /**
   * Opinions of every commune, page by page from {@code cursor} (empty: the first), about {@code limit} items read
   * per page: the daily retention sweep's read, a paged Scan kept out of every request path.
   */
  Page everyCommune(Optional<String> cursor, int limit);
}
