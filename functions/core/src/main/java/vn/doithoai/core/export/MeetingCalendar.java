package vn.doithoai.core.export;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.plan.Issuer;
import vn.doithoai.core.plan.Plan;
import vn.doithoai.core.plan.PlanParts.Host;
import vn.doithoai.core.plan.PlanParts.Meeting;
import vn.doithoai.core.plan.PlanStatus;

/**
 * Lịch hội nghị: one dialogue meeting as an iCalendar file (RFC 5545) that leaders, agencies and village heads
 * add to their phone's calendar from an e-mail or the commune's page.
 *
 * <p>A meeting has a date, not a time (plans say "ngày 20/11/2025", the session is set later), so the event
 * is all-day: {@code DTSTART;VALUE=DATE} and {@code DTEND} the next day. Its UID depends only on the commune,
 * the plan and the meeting, so a calendar that imports the file again after a reschedule moves the event
 * instead of adding a second one; {@code SEQUENCE} is the plan's version, which only grows. A cancelled plan
 * gives {@code STATUS:CANCELLED}, a draft {@code TENTATIVE}.
 *
 * <p>Text values are escaped ({@code \\ \; \, \n}); other control characters, which TEXT may not hold, are
 * dropped. Lines end in CRLF and are folded at 75 octets, never inside a UTF-8 sequence.
 */
public final class MeetingCalendar {
  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
      .withZone(ZoneOffset.UTC);
  static final int MAX_OCTETS = 75;

  private MeetingCalendar() {}

  public static byte[] ics(Plan plan, Meeting meeting, Commune commune, String uidDomain, Instant now) {
    if (uidDomain == null || uidDomain.isBlank() || !uidDomain.matches("[A-Za-z0-9.-]+")) {
      throw new IllegalArgumentException("uidDomain must be a host name: " + uidDomain);
    }
    if (!plan.communeId().equals(commune.id()) || plan.content().meeting(meeting.id()).isEmpty()) {
      throw DomainException.notFound("cuộc đối thoại " + meeting.id() + " trong kế hoạch");
    }
    LocalDate date = meeting.date().orElseThrow(() -> DomainException.conflict("meeting_without_date",
        "Cuộc đối thoại chưa có ngày cụ thể nên chưa tạo được lịch (tệp .ics). Vui lòng cập nhật ngày trước."));
    List<String> lines = new ArrayList<>();
    lines.add("BEGIN:VCALENDAR");
    lines.add("PRODID:-//Doi thoai//vi");
    lines.add("VERSION:2.0");
    lines.add("CALSCALE:GREGORIAN");
    lines.add("METHOD:PUBLISH");
    lines.add("BEGIN:VEVENT");
    lines.add("UID:" + uid(commune.id(), plan.id(), meeting.id(), uidDomain));
    lines.add("DTSTAMP:" + STAMP.format(now));
    lines.add("DTSTART;VALUE=DATE:" + DATE.format(date));
    lines.add("DTEND;VALUE=DATE:" + DATE.format(date.plusDays(1)));
    lines.add("SEQUENCE:" + plan.version());
    lines.add("STATUS:" + (plan.status() == PlanStatus.CANCELLED ? "CANCELLED"
        : plan.status() == PlanStatus.DRAFT ? "TENTATIVE" : "CONFIRMED"));
    lines.add("SUMMARY;LANGUAGE=vi:" + text(summary(plan, meeting)));
    lines.add("LOCATION;LANGUAGE=vi:" + text(location(meeting, commune)));
    lines.add("DESCRIPTION;LANGUAGE=vi:" + text(description(plan, meeting, commune)));
    lines.add("TRANSP:TRANSPARENT");
    lines.add("END:VEVENT");
    lines.add("END:VCALENDAR");
    ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
    for (String line : lines) {
      out.writeBytes(fold(line));
    }
    return out.toByteArray();
  }

  private static String summary(Plan plan, Meeting meeting) {
    String with = meeting.villages().isEmpty() ? plan.content().audience()
        : "Nhân dân " + String.join(", ", meeting.villages());
    return "Hội nghị đối thoại trực tiếp với " + with;
  }

  private static String location(Meeting meeting, Commune commune) {
    List<String> parts = new ArrayList<>();
    parts.add(meeting.venue());
    parts.add(String.join(", ", meeting.villages()));
    parts.add(commune.name());
    parts.add(commune.province());
    return parts.stream().filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(", "));
  }

  private static String description(Plan plan, Meeting meeting, Commune commune) {
    var c = plan.content();
    List<String> lines = new ArrayList<>();
    lines.add(c.number().isBlank() ? c.title() : "Kế hoạch số " + vn.doithoai.core.conclusion.DocumentNumber.twoDigits(c.number().strip().replaceFirst("^(Số|số)\\s*:?\\s*", "")) + ": " + c.title());
    if (!c.hosts().isEmpty()) {
      lines.add("Chủ trì: " + c.hosts().stream().map(MeetingCalendar::host).collect(Collectors.joining("; ")));
    }
    c.delegate().ifPresent(d -> lines.add("Ủy quyền: " + host(d)));
    lines.add("Thành phần: " + c.audience());
    String office = c.issuer() == Issuer.PARTY_COMMITTEE ? commune.partyOfficeName()
        : commune.peoplesCommitteeOfficeName();
    if (office != null && !office.isBlank()) {
      lines.add("Đơn vị tổ chức: " + office);
    }
    if (meeting.note() != null && !meeting.note().isBlank()) {
      lines.add("Ghi chú: " + meeting.note());
    }
    return String.join("\n", lines);
  }

  private static String host(Host h) {
    return h.name() == null || h.name().isBlank() ? h.position() : h.position() + " " + h.name();
  }

  /**
   * {@code <commune>.<plan>.<meeting>@<domain>}: each part percent-encoded outside {@code [A-Za-z0-9_-]} (the
   * dot included), so that no two triples give the same UID whatever their ids contain.
   */
  static String uid(String communeId, String planId, String meetingId, String domain) {
    return encode(communeId) + "." + encode(planId) + "." + encode(meetingId) + "@" + domain;
  }

  private static String encode(String id) {
    StringBuilder sb = new StringBuilder();
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
        sb.append(c);
      } else {
        sb.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
      }
    }
    return sb.toString();
  }

  /** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped. */
  static String text(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case ';' -> sb.append("\\;");
        case ',' -> sb.append("\\,");
        case '\n' -> sb.append("\\n");
        case '\r' -> {
          sb.append("\\n");
          if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
            i++;
          }
        }
        default -> {
          if (c == '\t' || (c >= 0x20 && c != 0x7F)) {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /**
   * One content line as UTF-8 with CRLF, folded (RFC 5545 §3.1): no physical line longer than 75 octets, a
   * continuation begins with a space (which counts), and a break falls only between code points.
   */
  static byte[] fold(String line) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(line.length() * 2);
    int used = 0;
    for (int i = 0; i < line.length(); ) {
      int cp = line.codePointAt(i);
      byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
      if (used + bytes.length > MAX_OCTETS) {
        out.writeBytes(new byte[] {'\r', '\n', ' '});
        used = 1;
      }
      out.writeBytes(bytes);
      used += bytes.length;
      i += Character.charCount(cp);
    }
    out.writeBytes(new byte[] {'\r', '\n'});
    return out.toByteArray();
  }
}
