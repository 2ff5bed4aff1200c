package vn.doithoai.core.calendar.lunar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("LunarHolidayTable (precomputed lunar-holidays.csv)")
class LunarHolidayTableTest {

    private static final String REGENERATE = "Regenerate it from the repository root with:\n"
            + "  mvn -q -pl functions/core compile && java -cp functions/core/target/classes "
            + "vn.doithoai.core.calendar.lunar.LunarHolidayTableGenerator";

    private final LunarHolidayTable table = LunarHolidayTable.standard();

    @Test
    @DisplayName("the committed CSV is byte-for-byte what the generator renders for 1980-2100")
    void resourceIsUpToDate() throws IOException {
        byte[] expected = LunarHolidayTableGenerator.render(1980, 2100).getBytes(StandardCharsets.UTF_8);
        byte[] actual;
        try (InputStream in = LunarHolidayTable.class.getResourceAsStream(LunarHolidayTable.RESOURCE)) {
            assertNotNull(in, LunarHolidayTable.RESOURCE + " is missing from the classpath. " + REGENERATE);
            actual = in.readAllBytes();
        }
        assertArrayEquals(expected, actual,
                () -> LunarHolidayTable.RESOURCE + " differs from LunarHolidayTableGenerator.render(1980, 2100)"
                        + firstDifference(expected, actual) + ". " + REGENERATE);
    }

    /** Points at the first differing line; a byte index alone is hard to act on. */
    private static String firstDifference(byte[] expected, byte[] actual) {
        String[] want = new String(expected, StandardCharsets.UTF_8).split("\n", -1);
        String[] have = new String(actual, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < Math.max(want.length, have.length); i++) {
            String w = i < want.length ? want[i] : "<end of file>";
            String h = i < have.length ? have[i] : "<end of file>";
            if (!w.equals(h)) {
                return " at line " + (i + 1) + ": expected '" + w + "' but the file has '" + h + "'";
            }
        }
        return " (line endings or encoding)";
    }

    @Test
    @DisplayName("covers 1980-2100 and is loaded only once")
    void range() {
        assertEquals(1980, table.firstYear());
        assertEquals(2100, table.lastYear());
        assertSame(table, LunarHolidayTable.standard());
    }

    @ParameterizedTest(name = "{0}: Tết {1}, Giỗ Tổ {2}, giao thừa {3}")
    @CsvSource({
            // year, tet,       hung kings, new year's eve
            "1980, 1980-02-16, 1980-04-24, 1980-02-15",
            "1985, 1985-01-21, 1985-04-29, 1985-01-20", // a month before China's Tết
            "2024, 2024-02-10, 2024-04-18, 2024-02-09",
            "2025, 2025-01-29, 2025-04-07, 2025-01-28", // 29th: month 12 of 2024 has 29 days
            "2100, 2100-02-09, 2100-04-18, 2100-02-08",
    })
    void lookups(int year, LocalDate tet, LocalDate hungKings, LocalDate eve) {
        assertEquals(tet, table.tet(year));
        assertEquals(hungKings, table.hungKingsDay(year));
        assertEquals(eve, table.lunarNewYearsEve(year));
    }

    @Test
    @DisplayName("every row agrees with VietnameseLunarCalendar")
    void agreesWithAlgorithm() {
        for (int year = table.firstYear(); year <= table.lastYear(); year++) {
            assertEquals(VietnameseLunarCalendar.tet(year), table.tet(year), "Tết " + year);
            assertEquals(VietnameseLunarCalendar.hungKingsDay(year), table.hungKingsDay(year), "Giỗ Tổ " + year);
        }
    }

    @ParameterizedTest(name = "year {0} is rejected")
    @ValueSource(ints = {1979, 2101, 0, -1})
    void outOfRange(int year) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> table.tet(year));
        assertTrue(e.getMessage().contains("year " + year) && e.getMessage().contains("1980-2100"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> table.hungKingsDay(year));
        assertThrows(IllegalArgumentException.class, () -> table.lunarNewYearsEve(year));
    }

    @Test
    @DisplayName("a corrupt table fails loudly instead of returning wrong dates")
    void rejectsMalformedCsv() {
        String header = "year,tet,hung_kings\n";
        assertThrows(IllegalStateException.class,
                () -> LunarHolidayTable.parse("year,tet\n2024,2024-02-10,2024-04-18\n"));
        assertThrows(IllegalStateException.class,
                () -> LunarHolidayTable.parse(header + "2024,2024-02-10,2024-04-18\n2026,2026-02-17,2026-04-26\n"));
        assertThrows(IllegalStateException.class,
                () -> LunarHolidayTable.parse(header + "2024,2024-2-10,2024-04-18\n"));
        assertThrows(IllegalStateException.class,
                () -> LunarHolidayTable.parse(header + "2024,2024-02-30,2024-04-18\n"));
        assertThrows(IllegalStateException.class, () -> LunarHolidayTable.parse(header));
    }

    @Test
    @DisplayName("tolerates CRLF line endings (e.g. a Windows checkout)")
    void crlf() {
        LunarHolidayTable parsed = LunarHolidayTable.parse(
                "# comment\r\nyear,tet,hung_kings\r\n2024,2024-02-10,2024-04-18\r\n");
        assertEquals(LocalDate.of(2024, 4, 18), parsed.hungKingsDay(2024));
    }
}
