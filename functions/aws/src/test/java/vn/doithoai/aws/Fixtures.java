package vn.doithoai.aws;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.doithoai.core.common.Role;
import vn.doithoai.core.calendar.BeforeReading;
import vn.doithoai.core.common.Actor;
import vn.doithoai.core.common.Ids;
import vn.doithoai.core.commune.Agency;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.intake.InboxEntry;
import vn.doithoai.core.mail.OutgoingMail;
import vn.doithoai.core.opinion.Channel;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.OpinionField;
import vn.doithoai.core.opinion.OpinionParts.Raiser;
import vn.doithoai.core.plan.Issuer;
import vn.doithoai.core.plan.Plan;
import vn.doithoai.core.plan.PlanContent;
import vn.doithoai.core.plan.PlanDeadline;
import vn.doithoai.core.plan.PlanParts.Host;
import vn.doithoai.core.plan.PlanParts.Meeting;
import vn.doithoai.core.plan.PlanParts.Task;

/** Realistic records (Vietnamese text as typed: NFC) for the repository tests. */
final class Fixtures {
  static final String CID = "xa-tan-thanh";
  static final Instant T0 = Instant.parse("2025-10-20T02:15:30Z");
  static final Actor OFFICE = new Actor("u-vanphong", "Nguyễn Thị Hương", CID, Set.of(Role.OFFICE),
      Optional.empty());
  static final Actor WEBSITE = Actor.system("webhook", CID);

  private Fixtures() {}

  static Commune commune(String id) {
    return new Commune(id, "Xã Tân Thành", "Lạng Sơn", "lang-son-320", "Văn phòng Đảng ủy xã Tân Thành",
        "Văn phòng HĐND và UBND xã Tân Thành", "vanphong@tanthanh.gov.vn", "chutich@tanthanh.gov.vn",
        "mttq@tanthanh.gov.vn", "https://tanthanh.langson.gov.vn",
        List.of(new Agency("dia-chinh", "Công chức Địa chính - Xây dựng", "diachinh@tanthanh.gov.vn"),
            new Agency("vhxh", "Công chức Văn hóa - Xã hội", "vhxh@tanthanh.gov.vn")),
        1, T0);
  }

  static PlanContent content(int year, String title, LocalDate meetingDate) {
    return new PlanContent(year, Issuer.PEOPLES_COMMITTEE, "48/KH-UBND", title,
        List.of(new Host("Chủ tịch UBND xã", "Hoàng Văn Thắng")), Optional.empty(),
        "Nhân dân các thôn trên địa bàn xã", List.of("Thôn Nà Pàn", "Thôn Khòn Pổ"),
        "Đối thoại trực tiếp tại hội trường, có trực tuyến", "Quý IV năm " + year,
        List.of(new Meeting("m1", Optional.of(meetingDate), "Hội trường UBND xã", List.of("Thôn Nà Pàn"), "")),
        List.of("Thường trực Đảng ủy", "Ủy ban MTTQ Việt Nam xã"),
        List.of(new Task("t1", "Văn phòng HĐND và UBND", Role.OFFICE, "Chuẩn bị hội trường, âm thanh, ánh sáng",
            Optional.of(meetingDate.minusDays(3)), true)),
        List.of("Như trên", "Lưu: VT"),
        List.of("Luật Tổ chức chính quyền địa phương năm 2025"), Optional.empty(), "lang-son-320",
        BeforeReading.STRICT);
  }

  static Plan plan(String id, int year, Instant createdAt) {
    return Plan.draft(id, CID, content(year, "Kế hoạch tổ chức đối thoại trực tiếp với Nhân dân năm " + year,
        LocalDate.of(year, 11, 20)), OFFICE, createdAt);
  }

  static PlanDeadline deadline(String planId, String rule, Instant dueAt, long version) {
    return new PlanDeadline(planId, "m1", rule, "Thông báo công khai thời gian, địa điểm đối thoại", Role.OFFICE,
        LocalDate.ofInstant(dueAt, java.time.ZoneOffset.ofHours(7)), dueAt, "vn-2025.3", version, CID, "",
        java.util.Optional.empty(), java.util.List.of());
  }

  static Raiser raiser() {
    return new Raiser("Lương Văn Đức", "0912 345 678", "duc.lv@example.vn", "Số 12, đường Hùng Vương",
        "Thôn Nà Pàn", false);
  }

  static Opinion opinion(String id, Optional<String> planId, OpinionField field, Instant receivedAt) {
    return Opinion.received(id, CID, planId, Ids.trackingCode(),
        "Đề nghị xã sớm sửa chữa đoạn đường liên thôn Nà Pàn – Khòn Pổ bị sạt lở sau mưa lũ, "
            + "gây nguy hiểm cho học sinh đi học.",
        field, Channel.WEBSITE, List.of(raiser()), Optional.empty(), receivedAt, WEBSITE);
  }

  /**
   * {@code target} after {@code merged} were merged into it as merges were made before raisers were kept apart
   * ({@link MatterRaisers}): every raiser, merged id and audit entry inline; what older records hold.
   */
  static Opinion legacyMatter(Opinion target, List<Opinion> merged, Instant at) {
    List<Raiser> raisers = new java.util.ArrayList<>(target.raisers());
    List<String> from = new java.util.ArrayList<>(target.mergedFrom());
    List<vn.doithoai.core.common.AuditEntry> audit = new java.util.ArrayList<>(target.audit());
    for (Opinion m : merged) {
      raisers.addAll(m.raisers());
      from.add(m.id());
      audit.add(vn.doithoai.core.common.AuditEntry.of(at, OFFICE, "opinion.absorbed", "từ " + m.trackingCode(), ""));
    }
    return new Opinion(target.id(), target.communeId(), target.planId(), target.trackingCode(), target.content(),
        target.field(), target.channel(), raisers, target.compiled(), target.receivedAt(), target.status(),
        target.decision(), target.mergedInto(), from, target.assignment(), target.answer(),
        target.version() + merged.size(), audit);
  }

  static OutgoingMail mail(String id, Instant createdAt) {
    return new OutgoingMail(id, CID, "duc.lv@example.vn", "Xã Tân Thành đã tiếp nhận ý kiến của ông/bà",
        "Kính gửi ông/bà Lương Văn Đức,\nỦy ban nhân dân xã đã tiếp nhận ý kiến. Mã tra cứu: DT-7K3M-9QX2.",
        "<p>Kính gửi ông/bà Lương Văn Đức,</p>", "opinion.received", createdAt);
  }

  static InboxEntry inbox(String webhookId, String bodyHash) {
    return new InboxEntry(CID, webhookId, bodyHash, T0);
  }

  /** The opinion of a webhook delivery, try {@code attempt}, as the intake builds it: keyed by its derived code. */
  static java.util.function.IntFunction<Opinion> delivered(String webhookId) {
    return attempt -> coded(Ids.trackingCode(vn.doithoai.core.mail.ContactIds.mac("tracking\n" + CID + "\n"
        + webhookId + "\n" + attempt)));
  }

  /** A website opinion whose id is its tracking code's. */
  static Opinion coded(String trackingCode) {
    Opinion o = opinion(Ids.opinionIdFor(trackingCode), Optional.empty(), OpinionField.INFRASTRUCTURE, T0);
    return Opinion.received(o.id(), CID, Optional.empty(), trackingCode, o.content(), o.field(), o.channel(),
        o.raisers(), Optional.empty(), T0, WEBSITE);
  }
}
