package vn.doithoai.core.site;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.commune.Communes;
import vn.doithoai.core.conclusion.Conclusion;
import vn.doithoai.core.conclusion.PublishingConclusion;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.OpinionStatus;
import vn.doithoai.core.opinion.Opinions;
import vn.doithoai.core.opinion.RaisedBy;
import vn.doithoai.core.plan.Plan;
import vn.doithoai.core.plan.PlanStatus;
import vn.doithoai.core.plan.Plans;
import vn.doithoai.core.rules.DeadlineScheduling;

/**
 * Trang của xã: what the commune's public page shows — the announced dialogues, the published conclusion
 * notices, and the written answers to opinions whose every raiser consented to publication (a compiled list
 * never: its people were not asked). Nothing else of any opinion is public.
 */
public final class PublicSite {
  static final int MAX_ANSWERS = 30;

  /** An answer the public may read, with who raised it as far as they consented. */
  public record PublishedAnswer(String trackingCode, String field, String content, String raisedBy, String agency,
      String answer, LocalDate answeredOn) {}

  /** The page: the commune, its announced dialogues (soonest first), notices (newest first), answers. */
  public record Page(Commune commune, List<Plan> dialogues, List<Conclusion> notices,
      List<PublishedAnswer> answers) {}

  private final Communes communes;
  private final Plans plans;
  private final Opinions opinions;
  private final PublishingConclusion conclusions;
  private final Clock clock;

  public PublicSite(Communes communes, Plans plans, Opinions opinions, PublishingConclusion conclusions,
      Clock clock) {
    this.communes = Objects.requireNonNull(communes);
    this.plans = Objects.requireNonNull(plans);
    this.opinions = Objects.requireNonNull(opinions);
    this.conclusions = Objects.requireNonNull(conclusions);
    this.clock = Objects.requireNonNull(clock);
  }

  public Commune commune(String communeId) {
    return communes.find(communeId).orElseThrow(() -> DomainException.notFound("xã"));
  }

  /** The dialogues citizens can still send opinions to: announced plans of this year and the next. */
  public List<Plan> announced(String communeId) {
    int year = LocalDate.ofInstant(clock.instant(), DeadlineScheduling.VIETNAM).getYear();
    List<Plan> out = new ArrayList<>();
    for (int y = year; y <= year + 1; y++) {
      plans.byYear(communeId, y).stream().filter(p -> p.status() == PlanStatus.ANNOUNCED).forEach(out::add);
    }
    out.sort(Comparator.comparing(PublicSite::firstMeeting));
    return out;
  }

  public Optional<Plan> announced(String communeId, String planId) {
    return plans.find(communeId, planId).filter(p -> p.status() == PlanStatus.ANNOUNCED);
  }

  public Page page(String communeId) {
    Commune commune = commune(communeId);
    int year = LocalDate.ofInstant(clock.instant(), DeadlineScheduling.VIETNAM).getYear();
    List<PublishedAnswer> answers = new ArrayList<>();
    for (int y = year; y >= year - 1; y--) {
      for (Plan p : plans.byYear(communeId, y)) {
        if (p.status() == PlanStatus.DRAFT || p.status() == PlanStatus.CANCELLED) {
          continue;
        }
        for (OpinionStatus s : List.of(OpinionStatus.ANSWERED, OpinionStatus.CLOSED)) {
          for (Opinion o : opinions.byPlan(communeId, Optional.of(p.id()), Optional.of(s), Optional.empty(),
              Optional.empty())) {
            published(o).ifPresent(answers::add);
          }
        }
      }
    }
    answers.sort(Comparator.comparing(PublishedAnswer::answeredOn).reversed());
    return new Page(commune, announced(communeId), conclusions.feed(communeId),
        answers.subList(0, Math.min(MAX_ANSWERS, answers.size())));
  }

  /**
   * Only a written or spoken answer to an opinion every raiser of which agreed to be named, and whose text holds
   * nothing the personal-data detector flags (a neighbour's phone number, a name after "ông"/"bà").
   */
  static Optional<PublishedAnswer> published(Opinion o) {
    if (o.answer().isEmpty() || o.compiled().isPresent() || o.raisers().isEmpty()
        || !o.raisers().stream().allMatch(r -> r.consentToPublish()) || o.merged().withoutConsent() > 0
        || !vn.doithoai.core.privacy.PersonalData.find(o.content()).isEmpty()) {
      return Optional.empty();
    }
    Instant at = o.answer().get().answeredAt();
    return Optional.of(new PublishedAnswer(o.trackingCode(), o.field().vietnamese(), o.content(), RaisedBy.label(o, java.util.List.of()),
        o.assignment().map(a -> a.agencyName()).orElse(null), o.answer().get().text(),
        LocalDate.ofInstant(at, DeadlineScheduling.VIETNAM)));
  }

  static LocalDate firstMeeting(Plan p) {
    return p.content().meetings().stream().flatMap(m -> m.date().stream()).min(Comparator.naturalOrder())
        .orElse(LocalDate.MAX);
  }
}
