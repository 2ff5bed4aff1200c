package vn.doithoai.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CLI as scripts meet it: exact stdout for results; bad input → one bilingual line, exit 2, empty stdout. */
class CliTest {
  private record Result(int code, String out, String err) {}

  private static Result run(String... argv) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("the issue's examples print exactly their answers")
  void examples() {
    assertEquals(new Result(0, "false\n", ""), run("calendar", "is-working-day", "2026-09-01"));
    assertEquals(new Result(0, "2026-09-15\n", ""), run("calendar", "add-working-days", "2026-08-27", "10"));
    assertEquals(new Result(0, "2026-08-21\n", ""), run("calendar", "subtract-working-days", "2026-09-03", "7"));
  }

  @Test
  @DisplayName("profiles seeds: no art. 43 on seeds 001, 002, 004; seed 000's conclusion due 04/12/2025 under 320-QĐ/TU")
  void seedRules() {
    Result r = run("profiles", "seeds");
    assertEquals(0, r.code(), r.err());
    String[] seeds = r.out().split("\n## ");
    assertEquals(4, seeds.length, r.out());
    for (String seed : seeds) {
      for (String line : seed.split("\n")) {
        if (line.contains("Luật Tổ chức chính quyền địa phương") || line.contains("72/2025/QH15")) {
          assertTrue(line.contains("| không |"), "art. 43 binds none of these seeds' plans: " + line);
        }
      }
    }
    String seed000 = seeds[0];
    assertTrue(seed000.lines().anyMatch(l -> l.startsWith("| conclusion.notice") && l.contains("| lang-son-320 |")
        && l.contains("| có | 04/12/2025 |")), seed000);
    assertTrue(seed000.lines().anyMatch(l -> l.startsWith("| opinion.written-reply") && l.contains("chưa xác nhận")
        && l.contains("| có |")), seed000);
    assertTrue(seeds[2].lines().anyMatch(l -> l.contains("Quy định số 11-QĐi/TW") && l.contains("| không |")),
        "seed 002 is a People's Committee plan: the Party rule does not bind it\n" + seeds[2]);
    assertEquals(2, run("profiles", "nope").code());
  }

  @Test
  @DisplayName("working-days prints one ISO date a line for the whole range")
  void workingDays() {
    Result r = run("calendar", "working-days", "2026-01-01", "2026-12-31");
    String[] lines = r.out().strip().split("\n");
    assertEquals(249, lines.length);
    assertEquals("2026-01-05", lines[0]);
    assertEquals("2026-12-31", lines[lines.length - 1]);
  }

  @Test
  @DisplayName("info lists each day off with its source and status, and the calendar version")
  void info() {
    Result r = run("calendar", "info", "2026");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("2026-08-31\tday-off\tswapped-day-off\t"), r.out());
    assertTrue(r.out().contains("9441/TB-BNV"));
    assertTrue(r.out().contains("# phiên bản lịch / calendar version: vn-"));
  }

  @Test
  @DisplayName("deadlines prints the schedule with the floor's warning; --json gives machine-readable output")
  void deadlines() {
    Result table = run("deadlines", "--profile", "lang-son-320", "--meeting", "2025-11-20", "--conclusion",
        "2025-12-01");
    assertEquals(0, table.code());
    assertTrue(table.out().contains("2025-12-01  Thứ Hai    conclusion.notice"), table.out());
    assertTrue(table.out().contains("! «"));
    Result json = run("deadlines", "--profile", "lang-son-320", "--meeting", "2025-11-20", "--json");
    assertTrue(json.out().contains("\"rule\" : \"opinion.resolution\""), json.out());
    assertTrue(json.out().contains("\"due\" : null"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"calendar is-working-day 2026-02-30", "calendar add-working-days 2026-08-27 -1",
      "calendar add-working-days 2026-08-27 ten", "deadlines --profile nowhere --meeting 2025-11-20",
      "calendar info 1900", "calendar", "nonsense", "deadlines --profile lang-son-320",
      "calendar is-working-day 2026-01-01 extra", "calendar is-working-day 2026-01-01 --overrides /no/such.json"})
  @DisplayName("bad input: one line on stderr in Vietnamese and English, exit 2, nothing on stdout")
  void badInput(String line) {
    Result r = run(line.split(" "));
    assertEquals(2, r.code());
    assertEquals("", r.out());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().startsWith("Lỗi: ") && r.err().contains(" / "), r.err());
  }

  @Test
  @DisplayName("an overrides file moves the answer and the version shows it")
  void overrides(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("o.json");
    Files.writeString(f, "[{\"date\":\"2026-08-28\",\"type\":\"day-off\",\"scope\":\"commune\","
        + "\"reason\":\"Nghỉ do bão\",\"source\":\"Quyết định của UBND xã\"}]");
    assertEquals("2026-09-16\n", run("calendar", "add-working-days", "2026-08-27", "10", "--overrides",
        f.toString()).out());
    Result v = run("calendar", "version", "--overrides", f.toString());
    assertTrue(v.out().contains("+o."), v.out());
  }
}
