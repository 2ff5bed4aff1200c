package vn.doithoai.core.calendar.lunar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("VietnameseLunarCalendar (UTC+7 Vietnamese calendar)")
class VietnameseLunarCalendarTest {

    private static final double CHINA = 8.0;

    /*
     * Sources (checked when the tests were written):
     *  - 1985, 2007, 2030, 2053: Vietnamese government statement reported by viet-jo.com
     *    (2006-07-06): Tết 2007 on 17 Feb, a day before China; Tết 1985 differed ("1984"
     *    lunar year), and the next differences are 2030 and 2053. 1985-01-21 vs 1985-02-20 also
     *    on Hồ Ngọc Đức's calrules page. China's dates: vacanza/holidays, chinese.py.
     *  - 1997, 2008-2022: vacanza/holidays tests/countries/test_vietnam.py.
     *  - 2023-2026: KDE kholidays holiday_vn_en; 2024 saimonthidan.com; 2026 holidaycountdown.net.
     *  - 1980, 2099: Chinese New Year per vacanza/holidays; Vietnam and China only differ in
     *    1985, 2007, 2030 and 2053 in 1980-2100.
     */
    @ParameterizedTest(name = "Tết {0} in Vietnam is {1}")
    @CsvSource({
            "1980, 1980-02-16",
            "1985, 1985-01-21",
            "1997, 1997-02-07",
            "2007, 2007-02-17",
            "2008, 2008-02-07",
            "2010, 2010-02-14",
            "2015, 2015-02-19",
            "2020, 2020-01-25",
            "2021, 2021-02-12",
            "2022, 2022-02-01",
            "2023, 2023-01-22",
            "2024, 2024-02-10",
            "2025, 2025-01-29",
            "2026, 2026-02-17",
            "2030, 2030-02-02",
            "2053, 2053-02-18",
            "2099, 2099-01-21",
    })
    void tetInVietnam(int year, LocalDate expected) {
        assertEquals(expected, VietnameseLunarCalendar.tet(year));
        assertEquals(LunarDate.of(year, 1, 1), VietnameseLunarCalendar.toLunar(expected));
    }

    /** The one-hour time zone difference is why Vietnam and China sometimes disagree. */
    @ParameterizedTest(name = "Tết {0}: Vietnam (UTC+7) {1}, China (UTC+8) {2}")
    @CsvSource({
            "1985, 1985-01-21, 1985-02-20", // a whole month: 1984/85 leap month differs
            "2007, 2007-02-17, 2007-02-18",
            "2024, 2024-02-10, 2024-02-10",
            "2030, 2030-02-02, 2030-02-03",
            "2053, 2053-02-18, 2053-02-19",
    })
    void tetDependsOnTimeZone(int year, LocalDate vietnam, LocalDate china) {
        assertEquals(vietnam, VietnameseLunarCalendar.tet(year, VietnameseLunarCalendar.VIETNAM_TIME_ZONE));
        assertEquals(china, VietnameseLunarCalendar.tet(year, CHINA));
    }

    /*
     * 2020-2022: vacanza/holidays test_vietnam.py; 2021: nguoiduatin.vn, cafedautu.vn;
     * 2022: sggp.org.vn; 2023: kholidays (Saturday 29/4, observed 2/5 per vacanza);
     * 2024: vietnamnet.vn; 2025: lawnet.vn; 2026: kholidays, excelnotes.com.
     */
    @ParameterizedTest(name = "Giỗ Tổ Hùng Vương {0} is {1}")
    @CsvSource({
            "2020, 2020-04-02",
            "2021, 2021-04-21",
            "2022, 2022-04-10",
            "2023, 2023-04-29", // after the leap 2nd month
            "2024, 2024-04-18",
            "2025, 2025-04-07",
            "2026, 2026-04-26",
    })
    void hungKingsDay(int year, LocalDate expected) {
        assertEquals(expected, VietnameseLunarCalendar.hungKingsDay(year));
    }

    @Test
    @DisplayName("every day 1990-2100 converts to lunar and back, and lunar days follow on")
    void roundTripEveryDay() {
        LocalDate end = LocalDate.of(2100, 12, 31);
        LunarDate previous = VietnameseLunarCalendar.toLunar(LocalDate.of(1989, 12, 31));
        for (LocalDate solar = LocalDate.of(1990, 1, 1); !solar.isAfter(end); solar = solar.plusDays(1)) {
            LunarDate lunar = VietnameseLunarCalendar.toLunar(solar);
            LocalDate back = VietnameseLunarCalendar.toSolar(lunar);
            if (!back.equals(solar) || !follows(previous, lunar)) { // assert only on failure: 40k days
                assertEquals(solar, back, "round trip of " + solar + " via " + lunar);
                assertTrue(follows(previous, lunar), previous + " then " + lunar + " on " + solar);
            }
            previous = lunar;
        }
    }

    /** Next day in the same month, or day 1 after a 29- or 30-day month. */
    private static boolean follows(LunarDate previous, LunarDate next) {
        if (next.day() != 1) {
            return next.year() == previous.year() && next.month() == previous.month()
                    && next.leapMonth() == previous.leapMonth() && next.day() == previous.day() + 1;
        }
        return previous.day() == 29 || previous.day() == 30;
    }

    @Test
    @DisplayName("last day of a 30-day month is day 30, not the reference's day 0")
    void referenceDayZeroIsFixed() {
        // a widely copied reference implementation returns day 0 here; the last day of a 30-day month is day 30.
        assertEquals(LunarDate.of(2054, 3, 30), VietnameseLunarCalendar.toLunar(LocalDate.of(2054, 5, 7)));
        assertEquals(LunarDate.of(2062, 2, 30), VietnameseLunarCalendar.toLunar(LocalDate.of(2062, 4, 9)));
    }

    @ParameterizedTest(name = "{0} is lunar {1}/{2}/{3}, leap={4}")
    @CsvSource({
            "2020-04-23, 2020, 4, 1, false",
            "2020-05-22, 2020, 4, 30, false",
            "2020-05-23, 2020, 4, 1, true",  // 2020 Canh Tý: leap 4th month
            "2023-03-21, 2023, 2, 30, false",
            "2023-03-22, 2023, 2, 1, true",  // 2023 Quý Mão: leap 2nd month
            "2023-03-25, 2023, 2, 4, true",
            "2025-07-25, 2025, 6, 1, true",  // 2025 Ất Tỵ: leap 6th month
            "2033-12-22, 2033, 11, 1, true", // leap 11th month: lunar 2033 ends in Feb 2034
            "2034-02-18, 2033, 12, 30, false",
            "2025-01-28, 2024, 12, 29, false", // lunar year 2024 ends in solar 2025
    })
    void leapMonthsAndYearBoundaries(LocalDate solar, int year, int month, int day, boolean leap) {
        LunarDate lunar = new LunarDate(year, month, day, leap);
        assertEquals(lunar, VietnameseLunarCalendar.toLunar(solar));
        assertEquals(solar, VietnameseLunarCalendar.toSolar(lunar));
    }

    /** Leap months 2014-2031 as listed by Vietnamese almanacs (e.g. wiindi.net). */
    @ParameterizedTest(name = "lunar {0} has leap month {1} and no other")
    @CsvSource({"2014, 9", "2017, 6", "2020, 4", "2023, 2", "2025, 6", "2028, 5", "2031, 3"})
    void exactlyOneLeapMonth(int year, int leapMonth) {
        for (int month = 1; month <= 12; month++) {
            LunarDate first = new LunarDate(year, month, 1, true);
            if (month == leapMonth) {
                assertTrue(VietnameseLunarCalendar.toSolar(first).isAfter(
                        VietnameseLunarCalendar.toSolar(LunarDate.of(year, month, 1))));
            } else {
                assertThrows(IllegalArgumentException.class, () -> VietnameseLunarCalendar.toSolar(first),
                        "leap month " + month + " in " + year);
            }
        }
    }

    @ParameterizedTest(name = "{0}/{1}/{2} leap={3} does not exist")
    @CsvSource({
            "2024, 2, 1, true",   // 2024 has no leap month
            "2023, 3, 1, true",   // 2023's leap month is the 2nd
            "2024, 12, 30, false", // month 12 of Giáp Thìn has 29 days: Tết 2025 eve was the 29th
    })
    void nonExistentDatesAreRejected(int year, int month, int day, boolean leap) {
        assertThrows(IllegalArgumentException.class,
                () -> VietnameseLunarCalendar.toSolar(new LunarDate(year, month, day, leap)));
    }

    @Test
    @DisplayName("every Tết in the table is between 19 January and 21 February")
    void tetWindow() {
        LunarHolidayTable table = LunarHolidayTable.standard();
        MonthDay earliest = MonthDay.of(Month.JANUARY, 19);
        MonthDay latest = MonthDay.of(Month.FEBRUARY, 21);
        for (int year = table.firstYear(); year <= table.lastYear(); year++) {
            LocalDate tet = table.tet(year);
            MonthDay day = MonthDay.from(tet);
            assertEquals(year, tet.getYear());
            assertFalse(day.isBefore(earliest) || day.isAfter(latest), "Tết " + year + " on " + tet);
        }
    }

    @Test
    @DisplayName("Giỗ Tổ is always the 10th of the regular 3rd month, even in leap years")
    void hungKingsDayIsInRegularThirdMonth() {
        for (int year = 1980; year <= 2100; year++) {
            LocalDate day = VietnameseLunarCalendar.hungKingsDay(year);
            assertEquals(LunarDate.of(year, 3, 10), VietnameseLunarCalendar.toLunar(day), "Giỗ Tổ " + year);
        }
    }

    @ParameterizedTest(name = "month {0}, day {1} is invalid")
    @CsvSource({"0, 1", "13, 1", "1, 0", "1, 31"})
    void lunarDateValidation(int month, int day) {
        assertThrows(IllegalArgumentException.class, () -> new LunarDate(2024, month, day, false));
    }
}
