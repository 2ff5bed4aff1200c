package vn.doithoai.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.doithoai.core.fixtures.DialogueFixtures.OFFICE;
import static vn.doithoai.core.fixtures.DialogueFixtures.commune;
import static vn.doithoai.core.fixtures.DialogueFixtures.meeting;
import static vn.doithoai.core.fixtures.DialogueFixtures.plan;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.plan.Plan;
import vn.doithoai.core.plan.PlanParts.Meeting;

/** A dialogue meeting as an all-day iCalendar event that phones import without breaking Vietnamese. */
class MeetingCalendarTest {
  static final Instant NOW = Instant.parse("2025-11-03T02:00:00Z");
  static final String DOMAIN = "doithoai.tanthanh.gov.vn";

  static byte[] ics(Plan plan, Meeting meeting, Instant now) {
    return MeetingCalendar.ics(plan, meeting, commune(), DOMAIN, now);
  }

  /** Unfolded content lines: the physical lines with every CRLF + space removed. */
  static List<String> unfolded(byte[] ics) {
    String text = new String(ics, StandardCharsets.UTF_8);
    assertTrue(text.endsWith("\r\n"));
    assertEquals(-1, text.replace("\r\n", "").indexOf('\n'), "no bare LF");
    assertEquals(-1, text.replace("\r\n", "").indexOf('\r'), "no bare CR");
    return Arrays.asList(text.replace("\r\n ", "").split("\r\n"));
  }

  static String value(List<String> lines, String name) {
    return lines.stream().filter(l -> l.startsWith(name + ":") || l.startsWith(name + ";")).findFirst()
        .map(l -> l.substring(l.indexOf(':') + 1)).orElseThrow(() -> new AssertionError(name + " missing"));
  }

  /** Every physical line: at most 75 octets, and valid UTF-8 by itself (no sequence cut in two). */
  static void assertFoldedSafely(byte[] ics) {
    int start = 0;
    for (int i = 0; i + 1 < ics.length; i++) {
      if (ics[i] == '\r' && ics[i + 1] == '\n') {
        byte[] line = Arrays.copyOfRange(ics, start, i);
        assertTrue(line.length <= 75, () -> "line of " + line.length + " octets: "
            + new String(line, StandardCharsets.UTF_8));
        try {
          StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line));
        } catch (CharacterCodingException e) {
          throw new AssertionError("a UTF-8 sequence was split at a fold: " + Arrays.toString(line), e);
        }
        start = i + 2;
      }
    }
  }

  @Test
  @DisplayName("a published, all-day event: the meeting's date and the next day, stamped in UTC")
  void event() {
    List<String> lines = unfolded(ics(plan(), meeting(), NOW));
    assertEquals(List.of("BEGIN:VCALENDAR", "PRODID:-//Doi thoai//vi", "VERSION:2.0", "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH", "BEGIN:VEVENT"), lines.subList(0, 6));
    assertEquals(List.of("END:VEVENT", "END:VCALENDAR"), lines.subList(lines.size() - 2, lines.size()));
    assertEquals("xa-tan-thanh.p_7k3m9qx2ab4t.m1@doithoai.tanthanh.gov.vn", value(lines, "UID"));
    assertEquals("20251103T020000Z", value(lines, "DTSTAMP"));
    assertTrue(lines.contains("DTSTART;VALUE=DATE:20251120"), lines.toString());
    assertTrue(lines.contains("DTEND;VALUE=DATE:20251121"), lines.toString());
    assertEquals("TENTATIVE", value(lines, "STATUS"), "a draft plan");
    assertEquals("Hội nghị đối thoại trực tiếp với Nhân dân Thôn Nà Pàn\\, Thôn Khòn Pổ", value(lines, "SUMMARY"));
    assertEquals("Nhà văn hóa thôn Nà Pàn\\, Thôn Nà Pàn\\, Thôn Khòn Pổ\\, Xã Tân Thành\\, Lạng Sơn",
        value(lines, "LOCATION"));
    assertEquals("Kế hoạch số 12-KH/ĐU: Kế hoạch tổ chức đối thoại trực tiếp giữa Bí thư Đảng ủy xã với Nhân dân"
        + " năm 2025\\nChủ trì: Bí thư Đảng ủy\\, Chủ tịch HĐND xã Vy Xuân Tình\\nThành phần: Nhân dân thôn Nà Pàn"
        + " và thôn Khòn Pổ\\nĐơn vị tổ chức: Văn phòng Đảng ủy xã Tân Thành\\nGhi chú: Đại biểu có mặt trước 07"
        + " giờ 30 phút", value(lines, "DESCRIPTION"));
  }

  @Test
  @DisplayName("long Vietnamese lines fold at 75 octets, never inside a character, and unfold to the original")
  void folding() {
    Meeting long1 = new Meeting("m1", Optional.of(LocalDate.of(2025, 11, 20)), "Nhà văn hóa thôn Nà Pàn",
        List.of("Thôn Nà Pàn"), "Ghi chú rất dài: "
            + "Đề nghị đại biểu nghiên cứu kỹ tài liệu, chuẩn bị ý kiến 😀 ".repeat(8)
            + Normalizer.normalize("Nguyễn Thị Ánh", Normalizer.Form.NFD));
    byte[] ics = ics(plan(long1), long1, NOW);
    assertFoldedSafely(ics);
    String text = new String(ics, StandardCharsets.UTF_8);
    assertTrue(text.contains("\r\n "), "something was folded");
    assertTrue(value(unfolded(ics), "DESCRIPTION").endsWith("chuẩn bị ý kiến 😀 "
        + Normalizer.normalize("Nguyễn Thị Ánh", Normalizer.Form.NFD)), "unfolding gives the value back, NFD kept");
  }

  @Test
  @DisplayName("folding is safe at every offset: 1-, 2-, 3- and 4-octet characters straddling the 75th octet")
  void foldingAtEveryOffset() {
    for (String ch : List.of("a", "à", "ễ", "😀")) {
      for (int prefix = 0; prefix < 8; prefix++) {
        String line = "DESCRIPTION:" + "x".repeat(prefix) + ch.repeat(100);
        byte[] folded = MeetingCalendar.fold(line);
        assertFoldedSafely(folded);
        assertEquals(line + "\r\n", new String(folded, StandardCharsets.UTF_8).replace("\r\n ", ""));
      }
    }
  }

  @Test
  @DisplayName("TEXT escaping: backslash, semicolon, comma and every kind of line break")
  void escaping() {
    assertEquals("C:\\\\thư mục\\; a\\, b\\nhai\\nba\\nbốn", MeetingCalendar.text("C:\\thư mục; a, b\nhai\r\nba\rbốn"));
    assertEquals("tab\tgiữ\\, chuông bỏ", MeetingCalendar.text("tab\tgiữ, chuông\u0007 bỏ"));
  }

  @Test
  @DisplayName("the UID stays the same for the same meeting: another stamp, a reschedule; another meeting differs")
  void uidStable() {
    Plan plan = plan();
    String first = value(unfolded(ics(plan, meeting(), NOW)), "UID");
    assertEquals(first, value(unfolded(ics(plan, meeting(), NOW.plusSeconds(86400))), "UID"));
    Plan moved = plan.reschedule("m1", LocalDate.of(2025, 11, 27), null, "Trùng lịch họp của tỉnh", OFFICE, NOW);
    Meeting m = moved.content().meeting("m1").orElseThrow();
    List<String> after = unfolded(ics(moved, m, NOW));
    assertEquals(first, value(after, "UID"));
    assertTrue(after.contains("DTSTART;VALUE=DATE:20251127"));
    assertTrue(Integer.parseInt(value(after, "SEQUENCE")) > Integer.parseInt(
        value(unfolded(ics(plan, meeting(), NOW)), "SEQUENCE")), "a calendar replaces the older copy");
    Meeting other = new Meeting("m2", Optional.of(LocalDate.of(2025, 11, 21)), "Hội trường UBND xã", List.of(), "");
    Plan two = plan(meeting(), other);
    assertNotEquals(first, value(unfolded(ics(two, other, NOW)), "UID"));
    assertNotEquals(MeetingCalendar.uid("a.b", "c", "d", DOMAIN), MeetingCalendar.uid("a", "b.c", "d", DOMAIN));
  }

  @Test
  @DisplayName("a cancelled plan publishes its meeting as cancelled")
  void cancelled() {
    Plan cancelled = plan().cancel("Thay bằng kế hoạch số 15-KH/ĐU", OFFICE, NOW);
    assertEquals("CANCELLED", value(unfolded(ics(cancelled, meeting(), NOW)), "STATUS"));
  }

  @Test
  @DisplayName("a meeting without a date has no calendar entry: a conflict with a Vietnamese message")
  void noDate() {
    Meeting undated = new Meeting("m1", Optional.empty(), "Nhà văn hóa thôn Nà Pàn", List.of(), "");
    DomainException e = assertThrows(DomainException.class, () -> ics(plan(undated), undated, NOW));
    assertEquals("meeting_without_date", e.code());
    assertEquals(DomainException.Kind.CONFLICT, e.kind());
    assertTrue(e.getMessage().contains("chưa có ngày"), e.getMessage());
  }

  @Test
  @DisplayName("a meeting of another plan, or a plan of another commune, is not found")
  void notThisPlan() {
    Meeting stranger = new Meeting("m9", Optional.of(LocalDate.of(2025, 11, 20)), "", List.of(), "");
    assertEquals("not_found", assertThrows(DomainException.class, () -> ics(plan(), stranger, NOW)).code());
  }
}
