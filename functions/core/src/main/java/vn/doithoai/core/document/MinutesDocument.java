package vn.doithoai.core.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.doithoai.core.calendar.VietnameseDates;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.document.OfficialDocument.Detail;
import vn.doithoai.core.document.OfficialDocument.Item;
import vn.doithoai.core.document.OfficialDocument.Section;
import vn.doithoai.core.document.OfficialDocument.Signature;
import vn.doithoai.core.meeting.MeetingRecord;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.plan.Issuer;
import vn.doithoai.core.plan.Plan;
import vn.doithoai.core.plan.PlanParts.Meeting;

/**
 * Biên bản hội nghị đối thoại: the minutes, from the meeting record — time and venue, attendance, chair and
 * secretary, the speakers in order, and every opinion raised with its answer at the meeting or the note that
 * it will be answered in writing (with the agency and date where assigned). Minutes are an internal record
 * signed by the secretary and the chair side by side, so speakers appear as the office typed them; raisers'
 * personal data beyond that is not added.
 */
public final class MinutesDocument {
  private MinutesDocument() {}

  public static OfficialDocument of(Plan plan, MeetingRecord record, List<Opinion> opinions, Commune commune) {
    Issuer issuer = plan.content().issuer();
    Meeting meeting = Issuing.meeting(plan, record.meetingId());
    String about = "hội nghị đối thoại trực tiếp giữa " + Issuing.hostPositions(plan) + " với "
        + Issuing.audience(plan, meeting, commune);
    String venue = meeting.venue() == null || meeting.venue().isBlank() ? "" : ", tại " + meeting.venue().strip();
    List<String> intro = List.of("Hôm nay, " + meeting.date().map(d -> Issuing.when(Optional.of(d)))
        .orElse("ngày     tháng     năm     ") + venue + ", " + Issuing.issuerName(issuer, commune) + " tổ chức "
        + about + ".");
    List<Section> sections = new ArrayList<>();
    sections.add(new Section("THÀNH PHẦN THAM DỰ", List.of(), attendance(record)));
    List<String> proceedings = new ArrayList<>();
    if (!record.summary().isBlank()) {
      proceedings.add(record.summary());
    }
    if (!record.speakers().isEmpty()) {
      proceedings.add("Các ý kiến phát biểu theo thứ tự:");
    }
    sections.add(new Section("DIỄN BIẾN HỘI NGHỊ", proceedings, speakers(record, opinions)));
    if (!record.raised().isEmpty()) {
      sections.add(new Section("Ý KIẾN, KIẾN NGHỊ VÀ VIỆC TRẢ LỜI", List.of(), raised(record, opinions)));
    }
    List<String> closing = List.of("Hội nghị kết thúc cùng ngày. Biên bản đã được đọc lại cho hội nghị nghe và "
        + "thống nhất./.");
    return new OfficialDocument(Issuing.layout(issuer), Issuing.parent(issuer, commune),
        Issuing.body(issuer, commune), Issuing.number(issuer, "BB", ""), Issuing.place(commune), meeting.date(),
        "BIÊN BẢN", "Hội nghị đối thoại trực tiếp giữa " + Issuing.hostPositions(plan) + " với "
            + Issuing.audience(plan, meeting, commune), List.of(), intro, sections, closing,
        List.of(new Signature("", "", "THƯ KÝ", nameOnly(record.secretary())), new Signature("", "", "CHỦ TỌA",
            nameOnly(record.chair()))), List.of());
  }

  private static List<Item> attendance(MeetingRecord r) {
    List<Item> items = new ArrayList<>();
    items.add(new Item("Chủ tọa:", Issuing.sentence(r.chair()), List.of()));
    items.add(new Item("Thư ký:", Issuing.sentence(r.secretary()), List.of()));
    items.add(new Item("Số người tham dự:", r.attendees() + " đại biểu và Nhân dân.", List.of()));
    if (!r.organisations().isEmpty()) {
      items.add(new Item("Đại diện các cơ quan, tổ chức:", String.join("; ", r.organisations()) + ".", List.of()));
    }
    if (!r.villages().isEmpty()) {
      items.add(new Item("Nhân dân các thôn:", String.join(", ", r.villages()) + ".", List.of()));
    }
    return items;
  }

  private static List<Item> speakers(MeetingRecord r, List<Opinion> opinions) {
    List<Item> items = new ArrayList<>();
    for (MeetingRecord.Speaker s : r.speakers()) {
      List<String> about = new ArrayList<>();
      if (s.role() != null && !s.role().isBlank()) {
        about.add(s.role().strip());
      }
      find(opinions, s.opinionId()).ifPresent(o -> about.add("nêu ý kiến mã " + o.trackingCode()));
      items.add(new Item(s.name() + (about.isEmpty() ? "" : ":"), Issuing.sentence(String.join("; ", about)),
          List.of()));
    }
    return items;
  }

  private static List<Item> raised(MeetingRecord r, List<Opinion> opinions) {
    List<Item> items = new ArrayList<>();
    for (MeetingRecord.Raised raised : r.raised()) {
      Optional<Opinion> o = find(opinions, raised.opinionId());
      String text = o.map(x -> "(Mã " + x.trackingCode() + ") " + x.content()).orElse("Ý kiến " + raised.opinionId());
      if (raised.answeredAtMeeting()) {
        items.add(new Item("", text + "\nTrả lời tại hội nghị: " + raised.answer(), List.of()));
      } else {
        List<Detail> details = new ArrayList<>();
        o.flatMap(Opinion::assignment).ifPresent(a -> {
          details.add(new Detail("Giao", a.agencyName()));
          details.add(new Detail("thời hạn", VietnameseDates.format(a.currentDue())));
        });
        items.add(new Item("", text + "\nÝ kiến được ghi nhận, trả lời bằng văn bản.", details));
      }
    }
    return items;
  }

  /** A signing block carries the name only: "Trần Xuân Mãng, Chủ tịch UBND xã" signs as "Trần Xuân Mãng". */
  private static String nameOnly(String typed) {
    return typed == null ? "" : typed.split(",", 2)[0].strip();
  }

  private static Optional<Opinion> find(List<Opinion> opinions, String id) {
    return id == null ? Optional.empty() : opinions.stream().filter(o -> o.id().equals(id)).findFirst();
  }
}
