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
    List<Line> carried,
    int omitted,
    String annex) {

  /**
   * At most this many matters (and as many carried over) are listed in detail, each text cut to {@link #EXCERPT}
   * characters; the rest are in the counts, and in full in the export the report names as its annex. Why 100:
   * the report is a document people read (100 items are ~15 printed pages) and it is stored whole, once sent, in
   * one DynamoDB item (400 KB at most: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html):
   * 2 × 100 lines of two 300-character excerpts are ~230 KB of Vietnamese JSON at the worst. Measured at 3,000
   * opinions (ResultsReportSizeTest, infra/docs/exports.md): 4.65 MB of JSON, 3.3 MB of HTML and ~20 s to
   * render before (on a loaded 2-core machine); 67 KB, 121 KB and ~1 s after.
   */
  public static final int DETAIL_MAX = 100;
  /** Characters of a matter's text and answer kept in the report; the annex has them whole. */
  public static final int EXCERPT = 300;

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

  /** Every matter in detail, nothing omitted: a report of a small dialogue, before {@link #bounded}. */
  public ResultsReport(String communeId, String planId, Issuer issuer, String planNumber, String planTitle,
      LocalDate asOf, Optional<DocumentNumber> number, List<MeetingLine> meetings, List<String> conclusions,
      Counts counts, List<Line> lines, List<Line> carried) {
    this(communeId, planId, issuer, planNumber, planTitle, asOf, number, meetings, conclusions, counts, lines,
        carried, 0, null);
  }

  public ResultsReport numbered(DocumentNumber n, LocalDate on) {
    return new ResultsReport(communeId, planId, issuer, planNumber, planTitle, on, Optional.of(n), meetings,
        conclusions, counts, lines, carried, omitted, annex);
  }

  /**
   * At most {@code max} matters of the dialogue and {@code max} carried over in detail, texts cut to
   * {@link #EXCERPT}: what needs the reader first (overdue, then late, then in progress), then the rest by receipt.
   * When some are left out, {@code annex} names the export that lists them all.
   */
  public ResultsReport bounded(int max, String annexFile) {
    List<Line> keptLines = first(lines, max);
    List<Line> keptCarried = first(carried, max);
    int left = lines.size() - keptLines.size() + carried.size() - keptCarried.size();
    return new ResultsReport(communeId, planId, issuer, planNumber, planTitle, asOf, number, meetings, conclusions,
        counts, keptLines, keptCarried, left, left > 0 ? annexFile : null);
  }

  private static List<Line> first(List<Line> all, int max) {
    java.util.Comparator<Line> urgentFirst = java.util.Comparator.comparingInt(ResultsReport::urgency);
    List<Line> sorted = all.size() <= max ? all : all.stream().sorted(urgentFirst).limit(max).toList();
    return sorted.stream().map(l -> new Line(l.opinionId(), l.trackingCode(), excerpt(l.content()), l.status(),
        l.agency(), l.due(), l.timeliness(), l.answeredOn(), excerpt(l.answer()), l.fromPlanId())).toList();
  }

  private static int urgency(Line l) {
    return switch (l.timeliness() == null ? "" : l.timeliness()) {
      case "overdue" -> 0;
      case "late" -> 1;
      case "in-progress" -> 2;
      default -> 3;
    };
  }

  static String excerpt(String text) {
    if (text == null || text.length() <= EXCERPT) {
      return text;
    }
    int cut = text.lastIndexOf(' ', EXCERPT - 1);
    return text.substring(0, cut > EXCERPT / 2 ? cut : EXCERPT - 1).stripTrailing() + "…";
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
    m.put("omitted", omitted);
    m.put("annex", annex);
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
        (List<String>) m.get("conclusions"), counts, lines(m.get("lines")), lines(m.get("carried")),
        m.get("omitted") == null ? 0 : ((Number) m.get("omitted")).intValue(), (String) m.get("annex"));
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
