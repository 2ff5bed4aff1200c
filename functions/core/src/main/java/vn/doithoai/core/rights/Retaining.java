package vn.doithoai.core.rights;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import vn.doithoai.core.common.Actor;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.OpinionParts.Raiser;
import vn.doithoai.core.opinion.Opinions;

/**
 * Thời hạn lưu trữ: a raiser's contacts are erased N months (per commune, default 24) after their last opinion
 * in that commune closed; the opinions stay, anonymised. Run daily, bounded: at most {@code pages} pages of
 * opinions and {@code maxContacts} contacts erased per run (each erasure scans for the contact's e-mail records),
 * going on next day where it stopped, so no run outgrows its function's timeout.
 */
public final class Retaining {
  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  public static final String REASON = "Hết thời hạn lưu trữ dữ liệu cá nhân";

  /** What one run did: opinions read, contacts erased, raisers without a contact erased, whether it finished. */
  public record Report(int opinionsRead, int contactsErased, int raisersErased, boolean wrapped) {}

  private final Opinions opinions;
  private final HandlingPrivacyRequests handling;
  private final PrivacyRequests requests;
  private final Clock clock;
  private final int pageSize;
  private final int pages;
  private final int maxContacts;

  public Retaining(Opinions opinions, HandlingPrivacyRequests handling, PrivacyRequests requests, Clock clock,
      int pageSize, int pages, int maxContacts) {
    this.opinions = Objects.requireNonNull(opinions);
    this.handling = Objects.requireNonNull(handling);
    this.requests = Objects.requireNonNull(requests);
    this.clock = Objects.requireNonNull(clock);
    this.pageSize = pageSize;
    this.pages = pages;
    this.maxContacts = maxContacts;
  }

  public Report run() {
    Instant now = clock.instant();
    Map<String, List<Opinion>> byCommune = new HashMap<>();
    Map<String, Integer> months = new HashMap<>();
    // a merged opinion's raisers are the matter's raisers too: kept while the matter it went into is
    java.util.function.Predicate<Opinion> expired = o -> governing(o).closedAt().map(at -> at.atZone(VIETNAM)
        .plusMonths(months.computeIfAbsent(o.communeId(), handling::retentionMonths)).toInstant().isBefore(now))
        .orElse(false);
    Optional<String> cursor = requests.sweepCursor();
    int read = 0;
    int contacts = 0;
    int raisers = 0;
    boolean wrapped = false;
    pages:
    for (int page = 0; page < pages && !wrapped; page++) {
      Opinions.Page p = opinions.everyCommune(cursor, pageSize);
      for (Opinion o : p.opinions()) {
        if (contacts >= maxContacts) {
          break pages; // enough for today: this page again tomorrow (what was erased is skipped then)
        }
        read++;
        if (!expired.test(o)) {
          continue;
        }
        Actor system = Actor.system("retention", o.communeId());
        Set<Contact> due = new LinkedHashSet<>();
        boolean unreachable = false;
        for (Raiser r : o.raisers()) {
          if (!r.holdsPersonalData()) {
            continue;
          }
          Optional<Contact> c = Contact.of(r);
          if (c.isPresent()) {
            due.add(c.get());
          } else {
            unreachable = true;
          }
        }
        List<Opinion> all = byCommune.computeIfAbsent(o.communeId(), opinions::all);
        for (Contact c : due) {
          // the contact's every opinion in the commune closed, the last one longer ago than the retention
          if (all.stream().filter(x -> x.raisers().stream().anyMatch(c::reaches)).allMatch(expired)) {
            handling.erase(system, c, REASON);
            contacts++;
          }
        }
        if (unreachable) {
          // a name without a contact (a question card) cannot be matched elsewhere: erased where it stands
          Opinion fresh = opinions.find(o.communeId(), o.id()).orElse(o);
          handling.eraseIn(fresh, r -> r.holdsPersonalData() && Contact.of(r).isEmpty(), REASON, system, now);
          raisers++;
        }
        if (!due.isEmpty()) {
          byCommune.remove(o.communeId());
        }
      }
      cursor = p.next();
      wrapped = cursor.isEmpty();
    }
    requests.setSweepCursor(cursor);
    return new Report(read, contacts, raisers, wrapped);
  }

  /** The matter a merged opinion went into (following further merges), or the opinion itself. */
  private Opinion governing(Opinion o) {
    Opinion at = o;
    for (int hop = 0; at.mergedInto().isPresent() && hop < 20; hop++) {
      Optional<Opinion> next = opinions.find(at.communeId(), at.mergedInto().get());
      if (next.isEmpty()) {
        break;
      }
      at = next.get();
    }
    return at;
  }
}
