package vn.doithoai.core.document;

import java.util.List;
import java.util.Optional;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.document.OfficialDocument.Section;
import vn.doithoai.core.plan.Issuer;
import vn.doithoai.core.plan.Plan;
import vn.doithoai.core.plan.PlanParts.Meeting;

/**
 * Giấy mời: the invitation to one meeting, addressed to one invitee (a village head, a respected person, a
 * union's representative): who hosts, when, where, what about, and the request to come on time. Number and
 * date stay blank for the office to fill in when it signs.
 */
public final class InvitationDocument {
  private InvitationDocument() {}

  public static OfficialDocument of(Plan plan, Meeting meeting, Commune commune, String invitee) {
    Issuer issuer = plan.content().issuer();
    String about = "hội nghị đối thoại trực tiếp giữa " + Issuing.hostPositions(plan) + " với "
        + Issuing.audience(plan, meeting, commune);
    List<String> intro = List.of("Thực hiện " + Issuing.planReference(plan, commune) + ", "
        + Issuing.issuerName(issuer, commune) + " trân trọng kính mời " + invitee.strip() + " đến dự " + about
        + ", cụ thể như sau:");
    Section points = new Section("", List.of(), MeetingNoticeDocument.points(plan, meeting, commune));
    List<String> closing = List.of("Đề nghị đại biểu đến dự đúng thời gian, địa điểm nêu trên./.");
    return new OfficialDocument(Issuing.layout(issuer), Issuing.parent(issuer, commune),
        Issuing.body(issuer, commune), Issuing.number(issuer, "GM", ""), Issuing.place(commune), Optional.empty(),
        "GIẤY MỜI", "Dự " + about, List.of(invitee), intro, List.of(points), closing,
        List.of(Issuing.signer(plan)), Issuing.distribution(issuer, List.of("Như trên;")));
  }
}
