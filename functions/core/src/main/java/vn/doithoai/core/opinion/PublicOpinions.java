package vn.doithoai.core.opinion;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.time.LocalDate;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.Ids;

/**
 * The public status page of an opinion by its tracking code: status, field, agency, due date and the
 * published answer. No personal data and not the content (which may name people).
 */
public final class PublicOpinions {
  private final Opinions opinions;
  private final AssignmentDeadlines deadlines;
  private final java.time.Clock clock;

  public PublicOpinions(Opinions opinions, AssignmentDeadlines deadlines, java.time.Clock clock) {
    this.opinions = Objects.requireNonNull(opinions);
    this.deadlines = Objects.requireNonNull(deadlines);
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * What the status page shows: the opinion as the public may see it (the one it was merged into, if so), the
   * tracking code asked for, and the working days left to its agency's due date (empty unless assigned).
   */
  public record Status(Opinion opinion, String trackingCode, Optional<String> mergedInto,
      Optional<Integer> workingDaysLeft) {}

  public Status find(String communeId, String trackingCode) {
    String code = Ids.normalizeTrackingCode(trackingCode == null ? "" : trackingCode);
    Opinion o = code.isEmpty() ? null : opinions.findByTrackingCode(communeId, code).orElse(null);
    if (o == null) {
      throw DomainException.notFound("ý kiến có mã theo dõi này");
    }
    Opinion shown = o;
    Optional<String> merged = Optional.empty();
    // a merged opinion shows its matter's status; a matter merged in turn, the next one's
    for (int hop = 0; hop < 20 && shown.status() == OpinionStatus.MERGED && shown.mergedInto().isPresent(); hop++) {
      shown = opinions.find(communeId, shown.mergedInto().get()).orElse(shown);
      merged = shown == o ? Optional.empty() : Optional.of(shown.trackingCode());
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), vn.doithoai.core.rules.DeadlineScheduling.VIETNAM);
    return new Status(shown, o.trackingCode(), merged, deadlines.workingDaysLeft(shown, today));
  }

  public Map<String, Object> status(String communeId, String trackingCode) {
    Status s = find(communeId, trackingCode);
    Map<String, Object> m = view(s.opinion());
    m.put("trackingCode", s.trackingCode());
    s.mergedInto().ifPresent(t -> m.put("mergedInto", t));
    m.put("workingDaysLeft", s.workingDaysLeft().orElse(null));
    return m;
  }

  private static Map<String, Object> view(Opinion o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("trackingCode", o.trackingCode());
    m.put("status", o.status().code());
    m.put("statusText", o.status().vietnamese());
    m.put("field", o.field().code());
    m.put("fieldText", o.field().vietnamese());
    m.put("receivedOn", o.receivedAt().atZone(vn.doithoai.core.rules.DeadlineScheduling.VIETNAM).toLocalDate()
        .toString());
    m.put("agency", o.assignment().map(OpinionParts.Assignment::agencyName).orElse(null));
    m.put("due", o.assignment().map(a -> a.currentDue().toString()).orElse(null));
    m.put("decision", o.decision().map(OpinionParts.Decision::text).orElse(null));
    m.put("answer", o.answer().map(a -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("text", a.text());
      x.put("mode", a.atMeeting() ? "at-meeting" : "written");
      x.put("answeredOn", a.answeredAt().atZone(vn.doithoai.core.rules.DeadlineScheduling.VIETNAM).toLocalDate()
          .toString());
      return (Object) x;
    }).orElse(null));
    return m;
  }
}
