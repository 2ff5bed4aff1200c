package vn.doithoai.core.document;

import java.util.ArrayList;
import java.util.List;
import vn.doithoai.core.calendar.VietnameseDates;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.conclusion.DocumentNumber;
import vn.doithoai.core.document.OfficialDocument.Detail;
import vn.doithoai.core.document.OfficialDocument.Item;
import vn.doithoai.core.document.OfficialDocument.Section;
import vn.doithoai.core.followup.ResultsReport;
import vn.doithoai.core.plan.Issuer;
import vn.doithoai.core.plan.Plan;
import vn.doithoai.core.stats.Timeliness;

/**
 * Báo cáo kết quả đối thoại: to the standing committee and the Front — the meetings held, the notices issued,
 * how every matter ended (at the meeting, answered on time or late, overdue, forwarded, redirected), the overdue
 * list and the items carried over from the previous dialogue. It names no citizen.
 */
public final class ResultsReportDocument {
  private ResultsReportDocument() {}

  public static OfficialDocument of(ResultsReport r, Plan plan, Commune commune) {
    Issuer issuer = r.issuer();
    List<Section> sections = new ArrayList<>();
    List<String> held = new ArrayList<>();
    for (ResultsReport.MeetingLine m : r.meetings()) {
      held.add("Hội nghị " + (m.date() == null ? "" : "ngày " + VietnameseDates.format(m.date()) + " ")
          + (m.venue() == null || m.venue().isBlank() ? "" : "tại " + m.venue().strip() + ", ") + "có " + m.attendees()
          + " đại biểu và Nhân dân tham dự.");
    }
    if (held.isEmpty()) {
      held.add("Chưa ghi nhận biên bản hội nghị.");
    }
    if (!r.conclusions().isEmpty()) {
      held.add("Thông báo kết luận đã ban hành: " + String.join("; ", r.conclusions()) + ".");
    }
    sections.add(new Section("KẾT QUẢ TỔ CHỨC HỘI NGHỊ", held, List.of()));
    ResultsReport.Counts c = r.counts();
    sections.add(new Section("KẾT QUẢ TIẾP NHẬN, GIẢI QUYẾT Ý KIẾN, KIẾN NGHỊ", List.of(
        "Tổng số ý kiến, kiến nghị của Nhân dân: " + c.total() + ".",
        "Trả lời trực tiếp tại hội nghị: " + c.atMeeting() + "; giao cơ quan, đơn vị giải quyết: " + c.assigned()
            + " (trả lời đúng hạn " + c.onTime() + ", trễ hạn " + c.late() + ", quá hạn chưa trả lời " + c.overdue()
            + ", đang giải quyết trong hạn " + c.inProgress() + ").",
        "Chuyển cơ quan có thẩm quyền cấp trên: " + c.forwarded() + "; hướng dẫn theo thủ tục khiếu nại, tố cáo: "
            + c.redirected() + "; không tiếp nhận: " + c.refused() + "."),
        lines(r.lines().stream().filter(l -> l.agency() != null).toList())));
    if (!r.overdue().isEmpty()) {
      sections.add(new Section("NHỮNG NỘI DUNG QUÁ HẠN CHƯA TRẢ LỜI", List.of(), lines(r.overdue())));
    }
    if (!r.carried().isEmpty()) {
      sections.add(new Section("NỘI DUNG CHUYỂN TỪ KỲ ĐỐI THOẠI TRƯỚC", List.of(), lines(r.carried())));
    }
    if (r.omitted() > 0) {
      int listed = r.lines().size() + r.carried().size();
      sections.add(new Section("PHỤ LỤC", List.of("Báo cáo nêu chi tiết " + listed + " nội dung (ưu tiên nội dung "
          + "quá hạn, trễ hạn, đang giải quyết); " + r.omitted() + " nội dung còn lại đã được tổng hợp trong số liệu "
          + "tại mục trên.", "Phụ lục: danh sách đầy đủ " + (listed + r.omitted()) + " ý kiến, kiến nghị và kết quả "
          + "giải quyết (tệp " + r.annex() + ", xuất tại mục Thống kê của kế hoạch) kèm theo báo cáo này."),
          List.of()));
    }
    String planRef = vn.doithoai.core.conclusion.DocumentNumber.inSentence("Kế hoạch", r.planNumber());
    List<String> intro = List.of("Thực hiện " + planRef + " về " + lower(r.planTitle()) + ", "
        + Issuing.issuerShort(issuer, commune) + " báo cáo kết quả như sau:");
    // HD 36-HD/VPTW: the Party committee reports up, to the superior body's standing committee, the Front in copy
    // and the Party office's archive line; the People's Committee reports to the commune's Party and Council
    boolean party = issuer == Issuer.PARTY_COMMITTEE;
    String superior = Issuing.superiorStandingCommittee(commune);
    List<String> to = party ? List.of(superior)
        : List.of("Thường trực Đảng ủy, Thường trực HĐND xã;", "Ban Thường trực Ủy ban MTTQ Việt Nam xã.");
    String closing = party ? Issuing.issuerShort(issuer, commune) + " báo cáo " + superior + "./."
        : Issuing.issuerShort(issuer, commune) + " báo cáo để Thường trực Đảng ủy và Ủy ban MTTQ Việt Nam xã "
            + "biết, chỉ đạo./.";
    List<String> copies = party ? List.of(superior + " (để báo cáo),", "Ủy ban MTTQ Việt Nam xã (để giám sát),",
        "Các đồng chí Ủy viên Ban Thường vụ,") : List.of("Như trên;", "Lưu: VT, VP.");
    return new OfficialDocument(Issuing.layout(issuer), Issuing.parent(issuer, commune),
        Issuing.body(issuer, commune), r.number().map(DocumentNumber::text).orElse(Issuing.number(issuer, "BC", "")),
        Issuing.place(commune), r.number().isPresent() ? java.util.Optional.of(r.asOf()) : java.util.Optional.empty(),
        "BÁO CÁO", "Kết quả đối thoại trực tiếp theo " + planRef, to, intro, sections,
        List.of(closing), List.of(Issuing.signer(plan)), Issuing.distribution(issuer, copies));
  }

  private static List<Item> lines(List<ResultsReport.Line> lines) {
    List<Item> items = new ArrayList<>();
    for (ResultsReport.Line l : lines) {
      List<Detail> details = new ArrayList<>();
      if (l.agency() != null) {
        details.add(new Detail("Giao", l.agency()));
      }
      if (l.due() != null) {
        details.add(new Detail("hạn", VietnameseDates.format(l.due())));
      }
      details.add(new Detail("kết quả", l.timeliness() == null ? l.status() : label(l.timeliness())
          + (l.answeredOn() == null ? "" : " (trả lời ngày " + VietnameseDates.format(l.answeredOn()) + ")")));
      items.add(new Item("(Mã " + l.trackingCode() + ")", l.content(), details));
    }
    return items;
  }

  private static String label(String code) {
    for (Timeliness t : Timeliness.values()) {
      if (t.code().equals(code)) {
        return t.vietnamese();
      }
    }
    return code;
  }

  private static String lower(String title) {
    return title == null || title.isEmpty() ? "" : Character.toLowerCase(title.charAt(0)) + title.substring(1);
  }
}
