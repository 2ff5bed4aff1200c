package vn.doithoai.core.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.doithoai.core.calendar.VietnameseDates;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.document.OfficialDocument.Item;
import vn.doithoai.core.document.OfficialDocument.Section;
import vn.doithoai.core.plan.Issuer;
import vn.doithoai.core.plan.Plan;
import vn.doithoai.core.plan.PlanParts.Meeting;

/**
 * Thông báo tổ chức hội nghị đối thoại: the public notice of one meeting (read on the radio, posted in the
 * villages and on the commune's website at least seven days ahead): host, audience, time, venue, content, and
 * the invitation to send opinions before the meeting. Number and date stay blank for the office to fill in
 * when it signs.
 */
public final class MeetingNoticeDocument {
  /** What every dialogue is for (the seeds' "Nội dung đối thoại"), so the notice can say it. */
  static final String CONTENT = "Thông tin về tình hình phát triển kinh tế - xã hội, quốc phòng, an ninh của xã;"
      + " nghe, trao đổi và trả lời trực tiếp ý kiến, kiến nghị của Nhân dân.";

  private MeetingNoticeDocument() {}

  public static OfficialDocument of(Plan plan, Meeting meeting, Commune commune) {
    Issuer issuer = plan.content().issuer();
    String audience = Issuing.audience(plan, meeting, commune);
    List<String> intro = List.of("Thực hiện " + Issuing.planReference(plan, commune) + ", "
        + Issuing.issuerShort(issuer, commune) + " thông báo tổ chức hội nghị đối thoại như sau:");
    Section points = new Section("", List.of(), points(plan, meeting, commune));
    String office = issuer == Issuer.PARTY_COMMITTEE ? orDefault(commune.partyOfficeName(), "Văn phòng Đảng ủy")
        : orDefault(commune.peoplesCommitteeOfficeName(), "Văn phòng HĐND và UBND xã");
    String website = commune.websiteUrl() == null || commune.websiteUrl().isBlank() ? ""
        : ", trên Trang thông tin điện tử của xã (" + commune.websiteUrl().strip() + ")";
    List<String> closing = List.of("Để hội nghị đạt kết quả, đề nghị Nhân dân gửi ý kiến, kiến nghị "
        + meeting.date().map(d -> "trước ngày " + VietnameseDates.format(d)).orElse("trước ngày tổ chức hội nghị")
        + " qua Ủy ban Mặt trận Tổ quốc Việt Nam xã, các đoàn thể chính trị - xã hội, Trưởng thôn" + website
        + " hoặc trực tiếp tại " + office + ".", Issuing.issuerShort(issuer, commune)
        + " thông báo để Nhân dân biết và tham gia./.");
    return new OfficialDocument(Issuing.layout(issuer), Issuing.parent(issuer, commune),
        Issuing.body(issuer, commune), Issuing.number(issuer, "TB", ""), Issuing.place(commune),
        Optional.empty(), "THÔNG BÁO", "Về việc tổ chức hội nghị đối thoại trực tiếp giữa "
            + Issuing.hostPositions(plan) + " với " + audience, List.of(), intro, List.of(points), closing,
        List.of(Issuing.signer(plan)), Issuing.distribution(issuer, plan.content().distribution()));
  }

  /** Host, audience, time, venue, form and content: the numbered points of a notice or an invitation. */
  static List<Item> points(Plan plan, Meeting meeting, Commune commune) {
    List<Item> items = new ArrayList<>();
    items.add(new Item("Người chủ trì:", Issuing.hostsByName(plan) + ".", List.of()));
    String audience = meeting.villages().isEmpty() && !plan.content().audience().isBlank()
        ? plan.content().audience().strip() : Issuing.audience(plan, meeting, commune);
    items.add(new Item("Đối tượng:", Issuing.sentence(audience), List.of()));
    items.add(new Item("Thời gian:", Issuing.when(meeting)
        + (meeting.note() == null || meeting.note().isBlank() ? "" : " (" + meeting.note().strip() + ")") + ".",
        List.of()));
    items.add(new Item("Địa điểm:", Issuing.sentence(orDefault(meeting.venue(), "thông báo sau")), List.of()));
    items.add(new Item("Nội dung:", CONTENT, List.of()));
    return items;
  }

  private static String orDefault(String s, String fallback) {
    return s == null || s.isBlank() ? fallback : s.strip();
  }
}
