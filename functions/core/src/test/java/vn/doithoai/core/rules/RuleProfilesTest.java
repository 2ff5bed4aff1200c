package vn.doithoai.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.calendar.DayUnit;

class RuleProfilesTest {
  private final RuleProfiles profiles = RuleProfiles.shipped();

  @Test
  @DisplayName("every seed's profile and the national floor ship and parse")
  void shipped() {
    assertEquals(List.of("bac-ninh-08", "hai-duong-03", "lang-son-320", "national-2025", "national-floor"),
        profiles.ids());
    assertTrue(profiles.floor().floor());
    assertTrue(profiles.get("hai-duong-03").legacy());
    DeadlineRule notice = profiles.get("lang-son-320").rule("meeting.notice").orElseThrow();
    assertEquals(DayUnit.WORKING_DAYS, notice.unit());
    assertEquals(List.of(5, 2, 1), notice.reminders());
    assertEquals(2, notice.escalation().size());
  }

  @Test
  @DisplayName("an unknown profile is a clear error naming the known ones")
  void unknown() {
    UnknownProfileException e = assertThrows(UnknownProfileException.class, () -> profiles.get("ha-noi"));
    assertTrue(e.getMessage().contains("lang-son-320"));
  }

  @Test
  @DisplayName("a malformed profile is refused with the missing field named")
  void malformed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RuleProfiles.parse("{\"id\":\"x\",\"name\":\"x\",\"rules\":[]}"));
    assertTrue(e.getMessage().contains("basis"), e.getMessage());
  }
}
