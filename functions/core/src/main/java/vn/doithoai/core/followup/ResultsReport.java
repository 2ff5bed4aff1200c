package vn.doithoai.core.followup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.doithoai.core.conclusion.DocumentNumber;
import vn.doithoai.core.plan.Issuer;

/**
 * Báo cáo kết quả: what became of a dialogue — its meetings and attendance, the conclusion notices issued, and
 * every matter raised: resolved at the meeting, answered by the agency in time or late, overdue, forwarded
 * upward or redirected — plus the items carried over from the previous dialogue. Sent to the standing
 * committee and the Front; once numbered and sent it is a snapshot that never changes.
 */
public record ResultsReport(
    String communeId,
    String planId,
    Issuer issuer,
    String planNumber,
    String planTitle,
    LocalDate asOf,
    Optional<DocumentNumber> number,
    List<MeetingLine> meetings,
    List<String> conclusions,
    Counts counts,
    List<Line> lines,
    List<Line> carried) {

  /** A meeting held: when, where, how many attended. */
  public record MeetingLine(String meetingId, LocalDate date, String venue, int attendees) {}

  /** How the matters ended, counted once each (merged opinions count with the one they were merged into). */
  public record Counts(int total, int atMeeting, int assigned, int onTime, int late, int overdue, int inProgress,
      int forwarded, int redirected, int refused) {}

  /**
   * One matter: its tracking code and text, what was decided (status), the agency and due date, and for an
   * assignment its timeliness and the day it was answered. No personal data: the report names no raiser.
   */
  public record Line(String opinionId, String trackingCode, String content, String status, String agency,
      LocalDate due, String timeliness, LocalDate answeredOn, String answer, String fromPlanId) {}

  public ResultsReport {
    meetings = List.copyOf(meetings);
    conclusions = List.copyOf(conclusions);
    lines = List.copyOf(lines);
    carried = List.copyOf(carried);
  }

  public ResultsReport numbered(DocumentNumber n, LocalDate on) {
    return new ResultsReport(communeId, planId, issuer, planNumber, planTitle, on, Optional.of(n), meetings,
        conclusions, counts, lines, carried);
  }

  /** Lines whose assignment is overdue and unanswered, of this dialogue and carried over. */
  public List<Line> overdue() {
    List<Line> out = new ArrayList<>();
    for (List<Line> list : List.of(lines, carried)) {
      list.stream().filter(l -> "overdue".equals(l.timeliness())).forEach(out::add);
    }
    return out;
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("commune", communeId);
    m.put("planId", planId);
    m.put("issuer", issuer.name());
    m.put("planNumber", planNumber);
    m.put("planTitle", planTitle);
    m.put("asOf", asOf.toString());
    m.put("number", number.map(DocumentNumber::text).orElse(null));
    m.put("reference", number.map(n -> n.inSentence("Báo cáo")).orElse(null));
    m.put("numberType", number.map(DocumentNumber::type).orElse(null));
    m.put("numberSequence", number.map(DocumentNumber::sequence).orElse(null));
    m.put("meetings", meetings.stream().map(x -> {
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("meetingId", x.meetingId());
      j.put("date", x.date() == null ? null : x.date().toString());
      j.put("venue", x.venue());
      j.put("attendees", x.attendees());
      return (Object) j;
    }).toList());
    m.put("conclusions", conclusions);
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("total", counts.total());
    c.put("atMeeting", counts.atMeeting());
    c.put("assigned", counts.assigned());
    c.put("onTime", counts.onTime());
    c.put("late", counts.late());
    c.put("overdue", counts.overdue());
    c.put("inProgress", counts.inProgress());
    c.put("forwarded", counts.forwarded());
    c.put("redirected", counts.redirected());
    c.put("refused", counts.refused());
    m.put("counts", c);
    m.put("lines", lines(lines));
    m.put("carried", lines(carried));
    m.put("overdue", overdue().stream().map(Line::trackingCode).toList());
    return m;
  }

  private static List<Object> lines(List<Line> lines) {
    List<Object> out = new ArrayList<>();
    for (Line l : lines) {
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("opinionId", l.opinionId());
      j.put("trackingCode", l.trackingCode());
      j.put("content", l.content());
      j.put("status", l.status());
      j.put("agency", l.agency());
      j.put("due", l.due() == null ? null : l.due().toString());
      j.put("timeliness", l.timeliness());
      j.put("answeredOn", l.answeredOn() == null ? null : l.answeredOn().toString());
      j.put("answer", l.answer());
      j.put("fromPlanId", l.fromPlanId());
      out.add(j);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  public static ResultsReport fromJson(Map<String, Object> m) {
    Issuer issuer = Issuer.valueOf((String) m.get("issuer"));
    Optional<DocumentNumber> number = Optional.ofNullable((Number) m.get("numberSequence"))
        .map(n -> new DocumentNumber(issuer, (String) m.get("numberType"), n.intValue()));
    List<MeetingLine> meetings = ((List<Map<String, Object>>) m.get("meetings")).stream().map(x -> new MeetingLine(
        (String) x.get("meetingId"), date(x.get("date")), (String) x.get("venue"),
        ((Number) x.get("attendees")).intValue())).toList();
    Map<String, Object> c = (Map<String, Object>) m.get("counts");
    Counts counts = new Counts(i(c, "total"), i(c, "atMeeting"), i(c, "assigned"), i(c, "onTime"), i(c, "late"),
        i(c, "overdue"), i(c, "inProgress"), i(c, "forwarded"), i(c, "redirected"), i(c, "refused"));
    return new ResultsReport((String) m.get("commune"), (String) m.get("planId"), issuer, (String) m.get("planNumber"),
        (String) m.get("planTitle"), LocalDate.parse((String) m.get("asOf")), number, meetings,
        (List<String>) m.get("conclusions"), counts, lines(m.get("lines")), lines(m.get("carried")));
  }

  @SuppressWarnings("unchecked")
  private static List<Line> lines(Object o) {
    return ((List<Map<String, Object>>) o).stream().map(x -> new Line((String) x.get("opinionId"),
        (String) x.get("trackingCode"), (String) x.get("content"), (String) x.get("status"), (String) x.get("agency"),
        date(x.get("due")), (String) x.get("timeliness"), date(x.get("answeredOn")), (String) x.get("answer"),
        (String) x.get("fromPlanId"))).toList();
  }

  private static LocalDate date(Object o) {
    return o == null ? null : LocalDate.parse((String) o);
  }

  private static int i(Map<String, Object> m, String k) {
    return ((Number) m.get(k)).intValue();
  }
}
