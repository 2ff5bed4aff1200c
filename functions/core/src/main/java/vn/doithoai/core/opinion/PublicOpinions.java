package vn.doithoai.core.opinion;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.Ids;

/**
 * The public status page of an opinion by its tracking code: status, field, agency, due date and the
 * published answer. No personal data and not the content (which may name people).
 */
public final class PublicOpinions {
  private final Opinions opinions;

  public PublicOpinions(Opinions opinions) {
    this.opinions = Objects.requireNonNull(opinions);
  }

  public Map<String, Object> status(String communeId, String trackingCode) {
    String code = Ids.normalizeTrackingCode(trackingCode == null ? "" : trackingCode);
    Opinion o = code.isEmpty() ? null : opinions.findByTrackingCode(communeId, code).orElse(null);
    if (o == null) {
      throw DomainException.notFound("ý kiến có mã theo dõi này");
    }
    if (o.status() == OpinionStatus.MERGED && o.mergedInto().isPresent()) {
      Opinion target = opinions.find(communeId, o.mergedInto().get()).orElse(o);
      Map<String, Object> m = view(target);
      m.put("trackingCode", o.trackingCode());
      m.put("mergedInto", target.trackingCode());
      return m;
    }
    return view(o);
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
