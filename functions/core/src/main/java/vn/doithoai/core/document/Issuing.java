package vn.doithoai.core.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.doithoai.core.calendar.VietnameseDates;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.document.OfficialDocument.Layout;
import vn.doithoai.core.document.OfficialDocument.Signature;
import vn.doithoai.core.plan.Issuer;
import vn.doithoai.core.plan.Plan;
import vn.doithoai.core.plan.PlanParts.Host;
import vn.doithoai.core.plan.PlanParts.Meeting;

/**
 * What every document of one issuer shares, so the builders agree: the header lines, the number format, the
 * place, the signing block of a plan's issuer, the archive line of Nơi nhận, and the phrases that name the
 * hosts and the audience of a meeting.
 */
final class Issuing {
  private static final Locale VI = Locale.forLanguageTag("vi");

  private Issuing() {}

  static Layout layout(Issuer issuer) {
    return issuer == Issuer.PARTY_COMMITTEE ? Layout.PARTY : Layout.STATE;
  }

  /**
   * Hướng dẫn 36-HD/VPTW: the Party body directly above the issuer, since 1/7/2025 the province's (ĐẢNG BỘ TỈNH
   * LẠNG SƠN); Decree 30/2020: ỦY BAN NHÂN DÂN, the first line of the People's Committee's own name.
   */
  static String parent(Issuer issuer, Commune commune) {
    if (issuer != Issuer.PARTY_COMMITTEE) {
      return "ỦY BAN NHÂN DÂN";
    }
    String province = commune.province() == null ? "" : commune.province().strip();
    if (province.isEmpty()) {
      return "ĐẢNG BỘ " + commune.name().toUpperCase(VI);
    }
    boolean city = province.matches("(?iu)^(thành phố|tp\\.?)\\s.*")
        || CITIES.contains(province.replaceFirst("(?iu)^(tỉnh)\\s+", ""));
    String bare = province.replaceFirst("(?iu)^(tỉnh|thành phố|tp\\.?)\\s+", "");
    return "ĐẢNG BỘ " + (city ? "THÀNH PHỐ " : "TỈNH ") + bare.toUpperCase(VI);
  }

  /**
   * The standing committee of the Party body above the commune's, which a Party report goes to: "Ban Thường vụ
   * Tỉnh ủy Lạng Sơn", "Ban Thường vụ Thành ủy Huế"; "cấp trên" when the commune has no province on record.
   */
  static String superiorStandingCommittee(Commune commune) {
    String parent = parent(Issuer.PARTY_COMMITTEE, commune);
    if (!parent.startsWith("ĐẢNG BỘ TỈNH ") && !parent.startsWith("ĐẢNG BỘ THÀNH PHỐ ")) {
      return "Ban Thường vụ cấp ủy cấp trên";
    }
    boolean city = parent.startsWith("ĐẢNG BỘ THÀNH PHỐ ");
    String name = commune.province().strip().replaceFirst("(?iu)^(tỉnh|thành phố|tp\\.?)\\s+", "");
    return "Ban Thường vụ " + (city ? "Thành ủy " : "Tỉnh ủy ") + name;
  }

  /** The centrally run cities since 1/7/2025 (Resolution 202/2025/QH15). */
  private static final List<String> CITIES = List.of("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ",
      "Huế");

  /** ĐẢNG ỦY XÃ THIÊN HÒA (the Party committee, whose standing committee signs T/M), or XÃ BÌNH LÃNG. */
  static String body(Issuer issuer, Commune commune) {
    return issuer == Issuer.PARTY_COMMITTEE ? "ĐẢNG ỦY " + commune.name().toUpperCase(VI)
        : commune.name().toUpperCase(VI);
  }

  /** The place of the date line: the commune's name without "Xã" or "Phường". */
  static String place(Commune commune) {
    return commune.name().replaceFirst("^(Xã|Phường|xã|phường)\\s+", "");
  }

  /** "xã Bình Lãng", as it reads inside a sentence. */
  static String communeInText(Commune commune) {
    return vn.doithoai.core.common.Addressing.communeInSentence(commune.name());
  }

  /** "Ban Thường vụ Đảng ủy xã Thiên Hòa", "Ủy ban nhân dân xã Bình Lãng". */
  static String issuerName(Issuer issuer, Commune commune) {
    return issuer.vietnamese() + " " + communeInText(commune);
  }

  /**
   * "Số: 48/KH-UBND" (state) or "Số 12-KH/ĐU" (Party) from the number as the office typed it ("48/KH-UBND",
   * with or without "Số"); a blank for the office to fill in when there is none yet.
   */
  static String number(Issuer issuer, String type, String given) {
    String bare = bare(given);
    if (issuer == Issuer.PARTY_COMMITTEE) {
      return bare.isEmpty() ? "Số      -" + type + "/ĐU" : "Số " + bare;
    }
    return bare.isEmpty() ? "Số:      /" + type + "-UBND" : "Số: " + bare;
  }

  /** The number without "Số" or "Số:", for a sentence ("Kế hoạch số 48/KH-UBND"). */
  static String bare(String given) {
    return vn.doithoai.core.conclusion.DocumentNumber.bare(given);
  }

  /** Signed on behalf of the issuer by its head, the plan's first host: T/M BAN THƯỜNG VỤ, BÍ THƯ, or TM. UBND. */
  static Signature signer(Plan plan) {
    String name = plan.content().hosts().isEmpty() ? "" : plan.content().hosts().get(0).name();
    return plan.content().issuer() == Issuer.PARTY_COMMITTEE ? new Signature("T/M", "BAN THƯỜNG VỤ", "BÍ THƯ", name)
        : new Signature("TM.", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", name);
  }

  /** Nơi nhận ending with the archive line; one is added when the list has none. */
  static List<String> distribution(Issuer issuer, List<String> given) {
    List<String> out = new ArrayList<>(given);
    if (out.isEmpty() || !out.get(out.size() - 1).strip().startsWith("Lưu")) {
      out.add(issuer == Issuer.PARTY_COMMITTEE ? "Lưu Văn phòng Đảng ủy." : "Lưu: VT, VP.");
    }
    return out;
  }

  /** "Bí thư Đảng ủy, Chủ tịch HĐND xã và Chủ tịch UBND xã": the hosts by position. */
  static String hostPositions(Plan plan) {
    List<String> positions = plan.content().hosts().stream().map(Host::position).toList();
    return positions.isEmpty() ? "người đứng đầu cấp ủy, chính quyền xã" : String.join(" và ", positions);
  }

  /** "đồng chí Vy Xuân Tình, Bí thư Đảng ủy, Chủ tịch HĐND xã": each host by name (where known) and position. */
  static String hostsByName(Plan plan) {
    List<String> out = new ArrayList<>();
    for (Host h : plan.content().hosts()) {
      out.add("đồng chí " + (h.name() == null || h.name().isBlank() ? "" : h.name().strip() + ", ") + h.position());
    }
    return out.isEmpty() ? hostPositions(plan) : String.join("; ", out);
  }

  /** "Nhân dân thôn Đông Phong": the meeting's villages, else the plan's, else the whole commune. */
  static String audience(Plan plan, Meeting meeting, Commune commune) {
    List<String> villages = meeting.villages().isEmpty() ? plan.content().villages() : meeting.villages();
    return villages.isEmpty() ? "Nhân dân " + communeInText(commune) : "Nhân dân " + String.join(", ", villages);
  }

  /** "Thứ Năm, ngày 28/10/2021", or "thời gian cụ thể thông báo sau". */
  static String when(Optional<LocalDate> date) {
    return date.map(d -> VietnameseDates.weekday(d.getDayOfWeek()) + ", ngày " + VietnameseDates.format(d))
        .orElse("thời gian cụ thể thông báo sau");
  }

  /** A meeting's time: its day, or the window the plan gives ("từ ngày … đến ngày …", the day told later). */
  static String when(vn.doithoai.core.plan.PlanParts.Meeting m) {
    if (m.date().isEmpty() && m.from().isPresent()) {
      return m.when() + " (ngày cụ thể thông báo sau)";
    }
    return when(m.date());
  }

  /** The plan as a sentence names it: "Kế hoạch số 48/KH-UBND của Ủy ban nhân dân xã Bình Lãng “…”". */
  static String planReference(Plan plan, Commune commune) {
    String number = bare(plan.content().number());
    return "Kế hoạch " + (number.isEmpty() ? "" : "số " + number + " ") + "của "
        + issuerName(plan.content().issuer(), commune) + " “" + plan.content().title().strip() + "”";
  }

  /** "Ban Thường vụ Đảng ủy", "Ủy ban nhân dân xã": the issuer as the subject of a closing sentence. */
  static String issuerShort(Issuer issuer, Commune commune) {
    return issuer == Issuer.PARTY_COMMITTEE ? issuer.vietnamese()
        : issuer.vietnamese() + " " + communeInText(commune).split(" ", 2)[0];
  }

  /** The text as a sentence: stripped, with a full stop unless it already ends in punctuation. */
  static String sentence(String text) {
    String t = text == null ? "" : text.strip();
    return t.isEmpty() || t.matches("(?s).*[.;:!?…]$") ? t : t + ".";
  }

  /** The text without its final full stop, to go on with a clause: "… báo cáo Bí thư (hoàn thành …)". */
  static String clause(String text) {
    return text == null ? "" : text.strip().replaceFirst("\\.+$", "");
  }

  static Meeting meeting(Plan plan, String meetingId) {
    return plan.content().meeting(meetingId).orElseThrow(() -> new IllegalArgumentException(
        "meeting " + meetingId + " is not in plan " + plan.id()));
  }
}
