package vn.doithoai.core.conclusion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.doithoai.core.calendar.VietnameseDates;
import vn.doithoai.core.common.Actor;
import vn.doithoai.core.common.AuditEntry;
import vn.doithoai.core.meeting.MeetingRecord;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.OpinionStatus;
import vn.doithoai.core.opinion.RaisedBy;
import vn.doithoai.core.plan.Issuer;
import vn.doithoai.core.plan.Plan;
import vn.doithoai.core.plan.PlanParts;

/**
 * The first draft of a conclusion notice, from the meeting's outcomes: opinions answered at the meeting are
 * "resolved", assigned ones carry their agency and due date, forwarded and redirected ones are listed as such.
 * Each matter says who raised it only as far as the raisers consented ({@link RaisedBy}): the notice is public.
 * The office edits it before the host approves.
 */
public final class DraftingConclusion {
  private DraftingConclusion() {}

  public static Conclusion draft(String id, Plan plan, MeetingRecord record, List<Opinion> opinions, Actor actor,
      Instant now) {
    PlanParts.Meeting meeting = plan.content().meeting(record.meetingId()).orElseThrow();
    String host = plan.content().hosts().isEmpty() ? "người chủ trì" : plan.content().hosts().get(0).position();
    String where = meeting.villages().isEmpty() ? "Nhân dân trên địa bàn xã"
        : "Nhân dân " + String.join(", ", meeting.villages());
    String title = "Kết luận của đồng chí " + host + " tại hội nghị đối thoại với " + where + " ngày "
        + meeting.date().map(VietnameseDates::format).orElse("");
    List<String> villages = new ArrayList<>(plan.content().villages());
    villages.addAll(meeting.villages());
    List<Conclusion.Item> resolved = new ArrayList<>();
    List<Conclusion.Item> assigned = new ArrayList<>();
    List<Conclusion.Item> forwarded = new ArrayList<>();
    List<Conclusion.Item> redirected = new ArrayList<>();
    for (MeetingRecord.Raised r : record.raised()) {
      if (r.answeredAtMeeting()) {
        Optional<Opinion> o = opinions.stream().filter(x -> x.id().equals(r.opinionId())).findFirst();
        resolved.add(new Conclusion.Item(r.opinionId(), o.map(Opinion::trackingCode).orElse(""),
            o.map(Opinion::content).orElse("") + (r.answer().isEmpty() ? "" : "\nTrả lời: " + r.answer()), null,
            null, o.map(x -> RaisedBy.label(x, villages)).orElse("")));
      }
    }
    for (Opinion o : opinions) {
      if (o.status() == OpinionStatus.ASSIGNED && o.assignment().isPresent()) {
        assigned.add(new Conclusion.Item(o.id(), o.trackingCode(), o.content(), o.assignment().get().agencyName(),
            o.assignment().get().currentDue(), RaisedBy.label(o, villages)));
      } else if (o.status() == OpinionStatus.FORWARDED) {
        forwarded.add(new Conclusion.Item(o.id(), o.trackingCode(), o.content(),
            o.decision().map(d -> d.text()).orElse(""), null, RaisedBy.label(o, villages)));
      } else if (o.status() == OpinionStatus.REDIRECTED) {
        redirected.add(new Conclusion.Item(o.id(), o.trackingCode(), o.content(),
            o.decision().map(d -> d.note()).orElse(""), null, RaisedBy.label(o, villages)));
      }
    }
    boolean party = plan.content().issuer() == Issuer.PARTY_COMMITTEE;
    String signerName = hostName(plan).isBlank() ? record.chair() == null ? "" : record.chair().strip()
        : hostName(plan);
    Conclusion.Signer signer = party ? new Conclusion.Signer("T/M", "BAN THƯỜNG VỤ", "BÍ THƯ", signerName)
        : new Conclusion.Signer("TM.", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", signerName);
    List<String> distribution = new ArrayList<>(plan.content().distribution().stream()
        .filter(d -> !d.startsWith("Lưu")).toList());
    distribution.add(party ? "Lưu Văn phòng Đảng ủy." : "Lưu: VT, VP.");
    String discussed = record.summary().isEmpty() ? discussed(record, resolved.size()) : record.summary();
    Conclusion.Content content = new Conclusion.Content(title, discussed, resolved, assigned, forwarded, redirected,
        "Giao Văn phòng theo dõi, đôn đốc các cơ quan, đơn vị thực hiện, báo cáo kết quả theo quy định.", signer,
        distribution);
    return new Conclusion(id, plan.communeId(), plan.id(), record.meetingId(), plan.content().issuer(), 1,
        Optional.empty(), ConclusionStatus.DRAFT, Optional.empty(), Optional.empty(), content, 1,
        List.of(AuditEntry.of(now, actor, "conclusion.drafted", record.meetingId(), "")));
  }

  /**
   * "Hội nghị có 120 đại biểu và Nhân dân tham dự; 5 lượt ý kiến phát biểu; 3 nội dung, ý kiến, kiến nghị được
   * nêu, trong đó 1 nội dung được trả lời ngay tại hội nghị." Counts the matters raised, not only the speakers
   * recorded, so a meeting whose matters were logged without its speakers never reads "0 lượt phát biểu".
   */
  static String discussed(MeetingRecord record, int answeredAtMeeting) {
    long matters = record.raised().stream().map(MeetingRecord.Raised::opinionId).distinct().count();
    StringBuilder s = new StringBuilder("Hội nghị có ").append(record.attendees()).append(" đại biểu và Nhân dân tham dự");
    if (!record.speakers().isEmpty()) {
      s.append("; ").append(record.speakers().size()).append(" lượt ý kiến phát biểu");
    }
    if (matters > 0) {
      s.append("; ").append(matters).append(" nội dung, ý kiến, kiến nghị được nêu");
      if (answeredAtMeeting > 0) {
        s.append(", trong đó ").append(answeredAtMeeting).append(" nội dung được trả lời ngay tại hội nghị");
      }
    } else if (record.speakers().isEmpty()) {
      s.append("; không có ý kiến, kiến nghị nào được nêu");
    }
    return s.append(".").toString();
  }

  private static String hostName(Plan plan) {
    return plan.content().hosts().isEmpty() || plan.content().hosts().get(0).name() == null ? ""
        : plan.content().hosts().get(0).name();
  }
}
