package vn.doithoai.core.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.doithoai.core.common.Role;
import vn.doithoai.core.calendar.BeforeReading;
import vn.doithoai.core.common.Actor;
import vn.doithoai.core.common.AuditEntry;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.conclusion.Conclusion;
import vn.doithoai.core.conclusion.ConclusionStatus;
import vn.doithoai.core.conclusion.DocumentNumber;
import vn.doithoai.core.meeting.MeetingRecord;
import vn.doithoai.core.opinion.Channel;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.OpinionField;
import vn.doithoai.core.opinion.OpinionParts.Compiled;
import vn.doithoai.core.opinion.OpinionParts.Raiser;
import vn.doithoai.core.plan.Issuer;
import vn.doithoai.core.plan.Plan;
import vn.doithoai.core.plan.PlanContent;
import vn.doithoai.core.plan.PlanParts.Host;
import vn.doithoai.core.plan.PlanParts.Meeting;
import vn.doithoai.core.plan.PlanParts.Task;
import vn.doithoai.core.plan.PlanStatus;

/**
 * The two seeds as documents: seed 000 (Lạng Sơn, xã Thiên Hòa, a Party plan hosted by the Party secretary,
 * meeting of 20/11/2025) and seed 002 (Hải Dương, xã Bình Lãng, the People's Committee's plan 48/KH-UBND
 * hosted by the chairman, meeting of 28/10/2021 with thôn Đông Phong). Names of officials are the seeds'; the
 * matters raised are made up but of the kind the seeds expect.
 */
final class DocumentFixtures {
  static final Instant CREATED = Instant.parse("2025-10-01T02:00:00Z");
  static final Actor OFFICE = new Actor("u-office", "Văn phòng", "fixture", Set.of(Role.OFFICE), Optional.empty());

  private DocumentFixtures() {}

  static Commune thienHoa() {
    return new Commune("thien-hoa", "Xã Thiên Hòa", "Lạng Sơn", "lang-son-320", "Văn phòng Đảng ủy",
        "Văn phòng HĐND và UBND xã", "vanphong@thienhoa.example.vn", null, null, "https://thienhoa.example.vn",
        List.of(), 1, CREATED);
  }

  static Commune binhLang() {
    return new Commune("binh-lang", "Xã Bình Lãng", "Hải Dương", "hai-duong-03", "Văn phòng Đảng ủy",
        "Văn phòng - Thống kê xã", "vanphong@binhlang.example.vn", null, null, null, List.of(), 1, CREATED);
  }

  /** Seed 000: Số 12-TB/ĐU, issued within ten working days of the meeting of 20/11/2025. */
  static Conclusion conclusion000() {
    List<Conclusion.Item> resolved = List.of(
        item("o-101", "DT-7K3M-9QX2", "Cử tri thôn Nà Pàn", "Đoạn đường từ trung tâm thôn Nà Pàn đi khu sản xuất "
            + "Khuổi Mạ bị sạt lở sau mưa lớn, đi lại khó khăn.\nTrả lời: Ủy ban nhân dân xã đã bố trí kinh phí khắc "
            + "phục tạm thời, huy động Nhân dân cùng làm; hoàn thành trong tháng 12/2025.", null, null),
        item("o-102", "DT-4HWR-2BNA", "Công dân Hoàng Văn Sáng (thôn Nà Pàn)", "Đề nghị hướng dẫn thủ tục cấp đổi "
            + "giấy chứng nhận quyền sử dụng đất sau khi sắp xếp đơn vị hành chính.\nTrả lời: Trung tâm Phục vụ "
            + "hành chính công xã tiếp nhận hồ sơ tại xã; người dân không phải lên tỉnh.", null, null));
    List<Conclusion.Item> assigned = List.of(
        item("o-103", "DT-P8ZD-6KCE", "Ủy ban MTTQ xã tổng hợp (12 ý kiến)", "Hệ thống đèn chiếu sáng trên "
            + "tuyến đường liên thôn Nà Pàn - Bản Chặng hư hỏng nhiều, đề nghị sửa chữa.", "Phòng Kinh tế",
            LocalDate.of(2025, 12, 31)),
        item("o-104", "DT-J2TQ-5MVS", "Cử tri thôn Bản Chặng", "Tình trạng chăn thả gia súc tự do trên đường "
            + "liên thôn gây mất an toàn giao thông.", "Công an xã", LocalDate.of(2025, 12, 31)));
    List<Conclusion.Item> forwarded = List.of(item("o-105", "DT-X9FB-3RHU", "Cử tri thôn Nà Pàn",
        "Đề nghị đầu tư nâng cấp đường tỉnh đoạn qua trung tâm xã.", "Sở Xây dựng tỉnh Lạng Sơn", null));
    List<Conclusion.Item> redirected = List.of(item("o-106", "DT-C6LN-8WQY", "Một công dân",
        "Khiếu nại về mức bồi thường khi thu hồi đất làm đường giao thông nông thôn.", "khiếu nại", null));
    Conclusion.Content content = new Conclusion.Content("Kết luận của đồng chí Bí thư Đảng ủy, Chủ tịch HĐND xã "
        + "tại hội nghị đối thoại với Nhân dân thôn Nà Pàn ngày 20/11/2025",
        "Ngày 20/11/2025, tại Nhà văn hóa thôn Nà Pàn, đồng chí Vy Xuân Tình, Bí thư Đảng ủy, Chủ tịch HĐND xã "
            + "chủ trì hội nghị đối thoại trực tiếp với Nhân dân; dự hội nghị có 126 đại biểu và Nhân dân.\n"
            + "Hội nghị đã nghe 6 ý kiến phản ánh, kiến nghị về giao thông, đất đai, an ninh trật tự; đồng chí "
            + "Bí thư Đảng ủy kết luận như sau:",
        resolved, assigned, forwarded, redirected,
        "Giao Văn phòng Đảng ủy theo dõi, đôn đốc các cơ quan, đơn vị thực hiện; chậm nhất 20 ngày làm việc kể từ "
            + "ngày ban hành thông báo này, các cơ quan được giao báo cáo kết quả giải quyết với Bí thư Đảng ủy.",
        new Conclusion.Signer("T/M", "BAN THƯỜNG VỤ", "BÍ THƯ", "Vy Xuân Tình"),
        List.of("Văn phòng Tỉnh ủy,", "Ủy ban MTTQ Việt Nam tỉnh,", "Thường trực Đảng ủy,",
            "Ủy ban nhân dân xã,", "Ủy ban MTTQ Việt Nam xã,", "Các cơ quan, đơn vị được giao,",
            "Chi bộ, thôn Nà Pàn,", "Lưu Văn phòng Đảng ủy."));
    return new Conclusion("c-000", "thien-hoa", "p-000", "m-000", Issuer.PARTY_COMMITTEE, 1, Optional.empty(),
        ConclusionStatus.PUBLISHED, Optional.of(new DocumentNumber(Issuer.PARTY_COMMITTEE, "TB", 12)),
        Optional.of(LocalDate.of(2025, 12, 3)), content, 4, List.of());
  }

  /** Seed 002: Số 57/TB-UBND of 02/11/2021, after the meeting with thôn Đông Phong of 28/10/2021. */
  static Conclusion conclusion002() {
    List<Conclusion.Item> resolved = List.of(
        item("o-201", "DT-R3KV-7PLA", "Công dân Phạm Văn Hùng (thôn Đông Phong)", "Rãnh thoát nước khu dân cư "
            + "phía đông thôn bị tắc, gây ngập úng khi mưa.\nTrả lời: Ủy ban nhân dân xã giao Trưởng thôn huy động "
            + "Nhân dân nạo vét trong tháng 11/2021; xã hỗ trợ phương tiện.", null, null),
        item("o-202", "DT-M5QT-2XDW", "Cử tri thôn Đông Phong", "Đề nghị công khai danh sách hộ được hỗ trợ do "
            + "ảnh hưởng của dịch Covid-19.\nTrả lời: Danh sách đã niêm yết tại nhà văn hóa thôn và trụ sở Ủy ban "
            + "nhân dân xã từ ngày 15/10/2021.", null, null));
    List<Conclusion.Item> assigned = List.of(
        item("o-203", "DT-H7NC-4JUE", "Cử tri thôn Đông Phong", "Đường giao thông nội đồng xứ đồng Cửa Chùa "
            + "xuống cấp, xe chở lúa không đi được.", "Công chức Địa chính - Xây dựng", LocalDate.of(2021, 11, 18)),
        item("o-204", "DT-B2WS-9GTK", "Ủy ban MTTQ xã tổng hợp (5 ý kiến)", "Tình trạng đổ rác thải sinh hoạt "
            + "ven kênh tưới tiêu của thôn.", "Công chức Văn hóa - Xã hội", LocalDate.of(2021, 11, 18)));
    List<Conclusion.Item> forwarded = List.of(item("o-205", "DT-F4YH-6MRP", "Cử tri thôn Đông Phong",
        "Đề nghị cải tạo, nâng cấp tuyến đường tỉnh đoạn qua thôn Đông Phong.", "Ủy ban nhân dân huyện Tứ Kỳ",
        null));
    List<Conclusion.Item> redirected = List.of(item("o-206", "DT-W8LD-3QZN", "Cử tri thôn Đông Phong",
        "Khiếu nại quyết định xử phạt vi phạm hành chính về xây dựng.", "khiếu nại", null));
    Conclusion.Content content = new Conclusion.Content("Kết luận của đồng chí Chủ tịch UBND xã tại hội nghị tiếp "
        + "xúc, đối thoại với Nhân dân thôn Đông Phong ngày 28/10/2021",
        "Ngày 28/10/2021, tại Nhà văn hóa thôn Đông Phong, đồng chí Trần Xuân Mãng, Chủ tịch UBND xã chủ trì hội "
            + "nghị tiếp xúc, đối thoại trực tiếp với Nhân dân thôn Đông Phong; dự hội nghị có 94 đại biểu và Nhân "
            + "dân.\nSau khi nghe ý kiến của Nhân dân và phần trả lời của các công chức chuyên môn, đồng chí Chủ tịch "
            + "UBND xã kết luận như sau:",
        resolved, assigned, forwarded, redirected,
        "Giao Công chức Văn phòng - Thống kê theo dõi, đôn đốc; các công chức được giao trả lời Nhân dân bằng văn "
            + "bản chậm nhất 15 ngày làm việc sau hội nghị và báo cáo Chủ tịch UBND xã.",
        new Conclusion.Signer("TM.", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Xuân Mãng"),
        List.of("Ban Dân vận Huyện ủy;", "Thường trực Đảng ủy;", "HĐND, UBND xã;", "MTTQ, các đoàn thể CT-XH;",
            "Bí thư chi bộ, Trưởng thôn Đông Phong;", "Lưu: VT, VP."));
    return new Conclusion("c-002", "binh-lang", "p-002", "m-002", Issuer.PEOPLES_COMMITTEE, 1, Optional.empty(),
        ConclusionStatus.PUBLISHED, Optional.of(new DocumentNumber(Issuer.PEOPLES_COMMITTEE, "TB", 57)),
        Optional.of(LocalDate.of(2021, 11, 2)), content, 4, List.of());
  }

  /** Seed 000's plan, announced on 14/10/2025 (the plan's own number is not in the seed: 45-KH/ĐU). */
  static Plan plan000() {
    PlanContent c = new PlanContent(2025, Issuer.PARTY_COMMITTEE, "45-KH/ĐU", "Đối thoại trực tiếp của Bí thư "
        + "Đảng ủy, Chủ tịch HĐND xã và Phó Bí thư Đảng ủy, Chủ tịch UBND xã với Nhân dân xã Thiên Hòa năm 2025",
        List.of(new Host("Bí thư Đảng ủy, Chủ tịch HĐND xã", "Vy Xuân Tình"),
            new Host("Phó Bí thư Đảng ủy, Chủ tịch UBND xã", null)),
        Optional.empty(), "Nhân dân xã Thiên Hòa", List.of("thôn Nà Pàn"),
        "Bí thư Đảng ủy và Chủ tịch Ủy ban nhân dân xã trao đổi, đối thoại trực tiếp với Nhân dân tại thôn.",
        "Quý IV năm 2025", List.of(new Meeting("m-000", Optional.of(LocalDate.of(2025, 11, 20)),
            "Nhà văn hóa thôn Nà Pàn", List.of("thôn Nà Pàn"), "buổi sáng, từ 8 giờ 00")),
        List.of("Cấp xã: đại diện lãnh đạo các cơ quan tham mưu, giúp việc Đảng ủy, Ủy ban MTTQ xã, Văn phòng HĐND "
            + "và UBND xã, các cơ quan chuyên môn thuộc Ủy ban nhân dân xã.", "Cấp thôn: Bí thư chi bộ, Trưởng "
            + "thôn, Trưởng Ban công tác Mặt trận, Chi hội trưởng các đoàn thể, người có uy tín, đại diện Nhân dân."),
        List.of(new Task("t1", "Ủy ban Mặt trận Tổ quốc Việt Nam xã", Role.FRONT, "Tổng hợp các ý kiến, kiến nghị "
            + "của Nhân dân, báo cáo Bí thư Đảng ủy.", Optional.of(LocalDate.of(2025, 11, 10)), true),
            new Task("t2", "Văn phòng Đảng ủy", Role.OFFICE, "Thông báo kế hoạch đối thoại trên hệ thống phát thanh"
                + " và trang thông tin điện tử của xã.", Optional.of(LocalDate.of(2025, 11, 10)), true),
            new Task("t3", "Văn phòng Đảng ủy", Role.OFFICE, "Ra thông báo kết luận của người chủ trì đối thoại.",
                Optional.empty(), false),
            new Task("t4", "Công an xã", Role.AGENCY, "Bố trí lực lượng bảo đảm an ninh trật tự cho hội nghị.",
                Optional.of(LocalDate.of(2025, 11, 20)), false)),
        List.of("Văn phòng Tỉnh ủy,", "Ban Tuyên giáo và Dân vận Tỉnh ủy,", "Thường trực Đảng ủy,",
            "Ủy ban nhân dân xã,", "Ủy ban MTTQ Việt Nam xã,", "Các Chi bộ, Thôn trên địa bàn,",
            "Lưu Văn phòng Đảng ủy."),
        List.of("Thực hiện Quyết định số 320-QĐ/TU, ngày 13/6/2016 của Ban Thường vụ Tỉnh ủy Lạng Sơn, ban hành Quy"
            + " chế đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền các cấp với Nhân dân."),
        Optional.empty(), "lang-son-320", BeforeReading.STRICT);
    return announced("p-000", "thien-hoa", c, Instant.parse("2025-10-14T03:00:00Z"));
  }

  /** Seed 002's plan: Số 48/KH-UBND of 07/10/2021, one meeting with thôn Đông Phong on 28/10/2021. */
  static Plan plan002() {
    PlanContent c = new PlanContent(2021, Issuer.PEOPLES_COMMITTEE, "48/KH-UBND", "Tổ chức thực hiện việc tiếp "
        + "xúc, đối thoại trực tiếp giữa Chủ tịch UBND xã với nhân dân thôn Đông Phong xã Bình Lãng năm 2021",
        List.of(new Host("Chủ tịch UBND xã", "Trần Xuân Mãng")), Optional.empty(),
        "Cán bộ, đảng viên và nhân dân thôn Đông Phong", List.of("thôn Đông Phong"),
        "Tổ chức tiếp xúc, đối thoại trực tiếp với nhân dân thôn Đông Phong.", "1/2 ngày, 28/10/2021",
        List.of(new Meeting("m-002", Optional.of(LocalDate.of(2021, 10, 28)), "Nhà văn hóa thôn Đông Phong",
            List.of("thôn Đông Phong"), "")),
        List.of("Ở huyện: các ban Đảng Huyện ủy; MTTQ huyện.", "Ở xã: Thường trực Đảng ủy, Thường trực HĐND, Lãnh "
            + "đạo UBND, Chủ tịch UBMTTQ xã; Trưởng các ngành, đoàn thể xã; cán bộ, công chức thuộc UBND xã.",
            "Cán bộ, đảng viên, nhân dân trong thôn."),
        List.of(new Task("t1", "Công chức Văn phòng - Thống kê", Role.OFFICE, "Phối hợp với Khối Dân vận, MTTQ "
            + "và Trưởng thôn chuẩn bị các điều kiện phục vụ hội nghị.", Optional.of(LocalDate.of(2021, 10, 27)),
            false),
            new Task("t2", "Đài truyền thanh xã", Role.OFFICE, "Thông báo nội dung kế hoạch trên hệ thống đài "
                + "truyền thanh để nhân dân được biết.", Optional.of(LocalDate.of(2021, 10, 21)), true),
            new Task("t3", "Công an xã", Role.AGENCY, "Bố trí lực lượng bảo đảm an ninh, an toàn trật tự cho buổi "
                + "tiếp xúc, đối thoại.", Optional.empty(), false)),
        List.of("Ban dân vận Huyện ủy;", "Thường trực Đảng ủy;", "HĐND, UBND xã;", "MTTQ, các đoàn thể CT-XH;",
            "Bí thư chi bộ, Trưởng thôn Đông Phong;", "Lưu VP."),
        List.of("Thực hiện Quy chế số 03-QC/TU, ngày 18/3/2021 của Ban Thường vụ Tỉnh ủy Hải Dương về tiếp xúc, "
            + "đối thoại trực tiếp của người đứng đầu cấp ủy đảng, chính quyền các cấp với nhân dân trên địa bàn "
            + "tỉnh Hải Dương; Công văn số 115-CV/BDVHU ngày 20/8/2020 của Ban Dân vận Huyện ủy về việc tổ chức hội "
            + "nghị tiếp xúc đối thoại, Ủy ban nhân dân xã xây dựng kế hoạch như sau:"),
        Optional.empty(), "hai-duong-03", BeforeReading.STRICT);
    return announced("p-002", "binh-lang", c, Instant.parse("2021-10-07T02:00:00Z"));
  }

  /** Seed 002's meeting as the office recorded it: three opinions raised, two answered there. */
  static MeetingRecord record002() {
    return new MeetingRecord("m-002", 94, List.of("Ban Dân vận Huyện ủy", "Ủy ban MTTQ xã", "Hội Nông dân xã"),
        List.of("thôn Đông Phong"), "Trần Xuân Mãng, Chủ tịch UBND xã", "Nguyễn Thị Huyền, công chức Văn phòng - "
            + "Thống kê", List.of(new MeetingRecord.Speaker("Ông Phạm Văn Hùng", "cử tri thôn Đông Phong", "o-201"),
                new MeetingRecord.Speaker("Bà Vũ Thị Lan", "Chi hội trưởng Chi hội Phụ nữ thôn", "o-203"),
                new MeetingRecord.Speaker("Ông Đỗ Văn Tám", "Trưởng thôn Đông Phong", null)),
        List.of(new MeetingRecord.Raised("o-201", true, "Ủy ban nhân dân xã giao Trưởng thôn huy động Nhân dân nạo "
            + "vét trong tháng 11/2021; xã hỗ trợ phương tiện."),
            new MeetingRecord.Raised("o-203", false, "")),
        "Công chức Văn phòng - Thống kê tuyên bố lý do, giới thiệu đại biểu; đồng chí Chủ tịch UBND xã thông báo "
            + "tình hình kinh tế - xã hội 9 tháng đầu năm 2021.");
  }

  static List<Opinion> opinions002() {
    Opinion drain = Opinion.received("o-201", "binh-lang", Optional.of("p-002"), "DT-R3KV-7PLA", "Rãnh thoát nước "
        + "khu dân cư phía đông thôn bị tắc, gây ngập úng khi mưa.", OpinionField.INFRASTRUCTURE, Channel.SPOKEN,
        List.of(new Raiser("Phạm Văn Hùng", "0912345678", null, "xóm 3", "thôn Đông Phong", true)),
        Optional.empty(), Instant.parse("2021-10-28T02:00:00Z"), OFFICE);
    Opinion road = Opinion.received("o-203", "binh-lang", Optional.of("p-002"), "DT-H7NC-4JUE", "Đường giao thông "
        + "nội đồng xứ đồng Cửa Chùa xuống cấp, xe chở lúa không đi được.", OpinionField.INFRASTRUCTURE,
        Channel.FRONT, List.of(), Optional.of(new Compiled("Ủy ban MTTQ xã", 5)),
        Instant.parse("2021-10-20T02:00:00Z"), OFFICE)
        .accept(Optional.of("p-002"), OpinionField.INFRASTRUCTURE, OFFICE, Instant.parse("2021-10-21T02:00:00Z"))
        .assign("dia-chinh", "Công chức Địa chính - Xây dựng", LocalDate.of(2021, 11, 18), LocalDate.of(2021, 12, 9),
            OFFICE, Instant.parse("2021-10-29T02:00:00Z"));
    return List.of(drain, road);
  }

  private static Conclusion.Item item(String opinionId, String code, String raisedBy, String text, String agency,
      LocalDate due) {
    return new Conclusion.Item(opinionId, code, text, agency, due, raisedBy);
  }

  private static Plan announced(String id, String communeId, PlanContent c, Instant at) {
    Instant created = at.minusSeconds(7 * 86_400);
    return new Plan(id, communeId, c, PlanStatus.ANNOUNCED, Optional.empty(), Optional.empty(), List.of(), List.of(), 2,
        created, List.of(AuditEntry.of(created, OFFICE, "plan.created", c.title(), ""),
            AuditEntry.of(at, OFFICE, "plan.announced", c.number(), "")));
  }
}
