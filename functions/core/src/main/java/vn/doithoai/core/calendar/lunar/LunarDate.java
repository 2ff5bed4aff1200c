package vn.doithoai.core.calendar.lunar;

/**
 * A date in the Vietnamese lunisolar calendar (âm lịch).
 *
 * <p>{@code year} is the lunar year, named after the solar year in which its
 * first month starts (so lunar 12/2023 can fall in January 2024). A leap month
 * (tháng nhuận) repeats the number of the month before it, hence the separate
 * {@code leapMonth} flag: 2023 had a regular month 2 and then a leap month 2.
 *
 * <p>The checks here are only the ones that hold for every year; whether a
 * given year really has that leap month, or whether the month has a 30th day,
 * is decided by {@link VietnameseLunarCalendar#toSolar(LunarDate)}.
 *
 * @param year      lunar year
 * @param month     1..12
 * @param day       1..30 (lunar months have 29 or 30 days)
 * @param leapMonth whether {@code month} is the leap (intercalary) month
 */
public record LunarDate(int year, int month, int day, boolean leapMonth) {

    public LunarDate {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("lunar month must be 1..12, got " + month);
        }
        if (day < 1 || day > 30) {
            throw new IllegalArgumentException("lunar day must be 1..30, got " + day);
        }
    }

    /** A date in a regular (non-leap) month. */
    public static LunarDate of(int year, int month, int day) {
        return new LunarDate(year, month, day, false);
    }
}
