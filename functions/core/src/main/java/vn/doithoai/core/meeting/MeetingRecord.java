package vn.doithoai.core.meeting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.doithoai.core.common.Input;

/**
 * Biên bản: what happened at a meeting — attendance (counts, organisations, villages), chair and secretary,
 * the order of speakers, and the opinions raised there (each linked to an opinion record, answered at the
 * meeting or to be answered in writing). The minutes are drafted from it.
 */
public record MeetingRecord(
    String meetingId,
    int attendees,
    List<String> organisations,
    List<String> villages,
    String chair,
    String secretary,
    List<Speaker> speakers,
    List<Raised> raised,
    String summary) {

  /** One speaker in order: who (as the minutes name them) and on which opinion, if any. */
  public record Speaker(String name, String role, String opinionId) {}

  /** An opinion raised at the meeting, and whether it was answered there (with the answer) or later in writing. */
  public record Raised(String opinionId, boolean answeredAtMeeting, String answer) {}

  public MeetingRecord {
    organisations = List.copyOf(organisations);
    villages = List.copyOf(villages);
    speakers = List.copyOf(speakers);
    raised = List.copyOf(raised);
  }

  public static MeetingRecord read(String meetingId, Input in) {
    int attendees = in.integer("attendees", 0, 100_000).orElse(0);
    List<String> organisations = in.texts("organisations", 100, 300);
    List<String> villages = in.texts("villages", 200, 120);
    String chair = in.requiredText("chair", 200, "người chủ trì (chủ tọa)");
    String secretary = in.requiredText("secretary", 200, "thư ký");
    List<Speaker> speakers = in.objects("speakers", 200, s -> new Speaker(s.requiredText("name", 120, "người phát biểu"),
        s.text("role", 200).orElse(""), s.id("opinion").orElse(null)));
    List<Raised> raised = in.objects("raised", 300, r -> {
      boolean atMeeting = r.bool("answeredAtMeeting").orElse(false);
      String answer = r.text("answer", 10_000).orElse("");
      if (atMeeting && answer.isEmpty()) {
        r.error("answer", "Ý kiến đã trả lời tại hội nghị cần ghi nội dung trả lời.");
      }
      return new Raised(r.requiredId("opinion", "ý kiến"), atMeeting, answer);
    });
    String summary = in.text("summary", 20_000).orElse("");
    in.check();
    return new MeetingRecord(meetingId, attendees, organisations, villages, chair, secretary, speakers, raised,
        summary);
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("meetingId", meetingId);
    m.put("attendees", attendees);
    m.put("organisations", organisations);
    m.put("villages", villages);
    m.put("chair", chair);
    m.put("secretary", secretary);
    m.put("speakers", speakers.stream().map(s -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("name", s.name());
      x.put("role", s.role());
      x.put("opinion", s.opinionId());
      return (Object) x;
    }).toList());
    m.put("raised", raised.stream().map(r -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("opinion", r.opinionId());
      x.put("answeredAtMeeting", r.answeredAtMeeting());
      x.put("answer", r.answer());
      return (Object) x;
    }).toList());
    m.put("summary", summary);
    return m;
  }

  @SuppressWarnings("unchecked")
  public static MeetingRecord fromJson(Map<String, Object> m) {
    List<Speaker> speakers = ((List<Map<String, Object>>) m.get("speakers")).stream()
        .map(s -> new Speaker((String) s.get("name"), (String) s.get("role"), (String) s.get("opinion"))).toList();
    List<Raised> raised = ((List<Map<String, Object>>) m.get("raised")).stream()
        .map(r -> new Raised((String) r.get("opinion"), Boolean.TRUE.equals(r.get("answeredAtMeeting")),
            (String) r.get("answer"))).toList();
    return new MeetingRecord((String) m.get("meetingId"), ((Number) m.get("attendees")).intValue(),
        (List<String>) m.get("organisations"), (List<String>) m.get("villages"), (String) m.get("chair"),
        (String) m.get("secretary"), speakers, raised, (String) m.get("summary"));
  }
}
