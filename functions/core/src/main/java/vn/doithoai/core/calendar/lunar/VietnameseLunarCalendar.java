package vn.doithoai.core.calendar.lunar;

import java.time.LocalDate;

/**
 * Converts between the Gregorian calendar and the Vietnamese lunisolar calendar.
 *
 * <p>This is a port of Hồ Ngọc Đức's lunar calendar algorithm ("amlich"), whose
 * astronomy comes from Jean Meeus, <i>Astronomical Algorithms</i> (1998):
 * <ul>
 *   <li>rules: <a href="https://www.informatik.uni-leipzig.de/~duc/amlich/calrules_en.html">
 *       calrules_en.html</a>;</li>
 *   <li>ported from his JavaScript {@code amlich-aa98.js}
 *       (https://www.informatik.uni-leipzig.de/~duc/amlich/amlich-aa98.js, read from the copy in
 *       GitHub repository {@code anh-tran/lich}, file {@code amlich-aa98.js}), checked against his
 *       Java version {@code VietCalendar.java} (copy in {@code beerpsi/vietnamese-lunar-calendar}).
 *       Both are "Copyright (c) 2006 Ho Ngoc Duc".</li>
 * </ul>
 * Function names follow the reference (jdFromDate, jdToDate, newMoon, sunLongitude, getNewMoonDay,
 * getSunLongitude, getLunarMonth11, getLeapMonthOffset, convertSolar2Lunar, convertLunar2Solar) so
 * the two can be read side by side. Deliberate differences:
 * <ul>
 *   <li>convertSolar2Lunar in the reference answers "day 0" for a few last days of 30-day months
 *       (see {@link #toLunar(LocalDate, double)}); this port answers day 30 of the right month.
 *       Apart from those days the results are identical to amlich-aa98.js for 1800..2200 at
 *       UTC+7 and UTC+8, checked day by day when this port was written.</li>
 *   <li>Julian day numbers come from {@link LocalDate#toEpochDay()}; the reference's
 *       jdFromDate/jdToDate give the same numbers for every date after 1582-10-15, and switch to
 *       the Julian calendar before it, which {@code LocalDate} (proleptic Gregorian) does not.</li>
 *   <li>{@link StrictMath} instead of {@code Math}: {@code Math.sin} may differ by an ulp between
 *       JVMs, and the precomputed holiday table must regenerate byte-for-byte everywhere.</li>
 *   <li>{@link #toSolar} rejects lunar dates that do not exist (the reference silently ignores a
 *       leap flag in a year without leap month and rolls day 30 of a 29-day month over).</li>
 * </ul>
 *
 * <p>The time zone matters: a new moon just before midnight in Hanoi (UTC+7) is just after
 * midnight in Beijing (UTC+8), so the month starts a day earlier in Vietnam; in 1985 this even
 * moved Tết by a month (21 Jan in Vietnam, 20 Feb in China). Pass {@code 8.0} to get the
 * algorithm's approximation of the Chinese calendar.
 *
 * <p>No Chinese-calendar library is used; only {@code java.time.LocalDate} and {@code StrictMath}.
 */
public final class VietnameseLunarCalendar {

    /**
     * UTC+7 (meridian 105° E). North Vietnam moved its calendar from UTC+8 to UTC+7 in August
     * 1967, the South in 1975, so lunar dates computed here before then may not match the
     * calendars printed at the time.
     */
    public static final double VIETNAM_TIME_ZONE = 7.0;

    /** Julian day number of 1970-01-01, to convert {@link LocalDate#toEpochDay()}. */
    private static final long JD_OF_EPOCH_DAY_0 = 2_440_588L;

    /** Mean synodic month, in days. */
    private static final double SYNODIC_MONTH = 29.530588853;

    /** Julian date of the new moon of 1900-01-01 13:51 UTC, the origin of the new moon index k. */
    private static final double NEW_MOON_1900 = 2415021.076998695;

    private VietnameseLunarCalendar() {
    }

    // ---------------------------------------------------------------- public API

    public static LunarDate toLunar(LocalDate solar) {
        return toLunar(solar, VIETNAM_TIME_ZONE);
    }

    /** convertSolar2Lunar. */
    public static LunarDate toLunar(LocalDate solar, double timeZone) {
        int yy = solar.getYear();
        int dayNumber = jdFromDate(solar);
        int k = intPart((dayNumber - NEW_MOON_1900) / SYNODIC_MONTH) + 1;
        int monthStart = getNewMoonDay(k, timeZone);
        // The reference tries new moon k, then k - 1, with k estimated from the *mean* lunation.
        // When the true new moon is late enough, k - 1 still starts the day after dayNumber and
        // the reference returns day 0 (at UTC+7: 2054-05-07 and 2062-04-09). Stepping back until
        // the month has started gives the correct answer, day 30 of the previous month.
        while (monthStart > dayNumber) {
            k--;
            monthStart = getNewMoonDay(k, timeZone);
        }
        // a11/b11: first days of the lunar months 11 (the ones containing the winter solstice)
        // just before and just after the date.
        int a11 = getLunarMonth11(yy, timeZone);
        int b11 = a11;
        int lunarYear;
        if (a11 >= monthStart) {
            lunarYear = yy;
            a11 = getLunarMonth11(yy - 1, timeZone);
        } else {
            lunarYear = yy + 1;
            b11 = getLunarMonth11(yy + 1, timeZone);
        }
        int lunarDay = dayNumber - monthStart + 1;
        int diff = intPart((monthStart - a11) / 29.0);
        boolean lunarLeap = false;
        int lunarMonth = diff + 11;
        if (b11 - a11 > 365) { // 13 months between the two solstice months: one is a leap month
            int leapMonthDiff = getLeapMonthOffset(a11, timeZone);
            if (diff >= leapMonthDiff) {
                lunarMonth = diff + 10;
                lunarLeap = diff == leapMonthDiff;
            }
        }
        if (lunarMonth > 12) {
            lunarMonth -= 12;
        }
        if (lunarMonth >= 11 && diff < 4) {
            lunarYear -= 1;
        }
        return new LunarDate(lunarYear, lunarMonth, lunarDay, lunarLeap);
    }

    public static LocalDate toSolar(LunarDate lunar) {
        return toSolar(lunar, VIETNAM_TIME_ZONE);
    }

    /**
     * convertLunar2Solar.
     *
     * @throws IllegalArgumentException if that lunar date does not exist in that time zone, e.g.
     *                                  a leap month the year does not have, or day 30 of a 29-day
     *                                  month
     */
    public static LocalDate toSolar(LunarDate lunar, double timeZone) {
        LocalDate solar = convertLunar2Solar(lunar, timeZone);
        // The reference maps non-existent dates onto real ones (see class comment). Converting
        // back is the simplest complete check: a real lunar date survives the round trip.
        if (solar == null || !toLunar(solar, timeZone).equals(lunar)) {
            throw new IllegalArgumentException("no such lunar date at UTC" + formatZone(timeZone)
                    + ": " + lunar);
        }
        return solar;
    }

    public static LocalDate tet(int solarYear) {
        return tet(solarYear, VIETNAM_TIME_ZONE);
    }

    /**
     * Tết Nguyên Đán: lunar 1/1 of the lunar year that begins in {@code solarYear}
     * (always in January or February of that year).
     */
    public static LocalDate tet(int solarYear, double timeZone) {
        return toSolar(LunarDate.of(solarYear, 1, 1), timeZone);
    }

    public static LocalDate hungKingsDay(int solarYear) {
        return hungKingsDay(solarYear, VIETNAM_TIME_ZONE);
    }

    /**
     * Giỗ Tổ Hùng Vương: 10th day of the regular (not leap) 3rd lunar month of the lunar year
     * that begins in {@code solarYear}.
     */
    public static LocalDate hungKingsDay(int solarYear, double timeZone) {
        return toSolar(LunarDate.of(solarYear, 3, 10), timeZone);
    }

    // ---------------------------------------------------------------- the reference algorithm

    /** Returns null where the reference returns [0, 0, 0] (leap flag on the wrong month). */
    private static LocalDate convertLunar2Solar(LunarDate lunar, double timeZone) {
        int lunarYear = lunar.year();
        int lunarMonth = lunar.month();
        int a11;
        int b11;
        if (lunarMonth < 11) {
            a11 = getLunarMonth11(lunarYear - 1, timeZone);
            b11 = getLunarMonth11(lunarYear, timeZone);
        } else {
            a11 = getLunarMonth11(lunarYear, timeZone);
            b11 = getLunarMonth11(lunarYear + 1, timeZone);
        }
        int k = intPart(0.5 + (a11 - NEW_MOON_1900) / SYNODIC_MONTH);
        int off = lunarMonth - 11;
        if (off < 0) {
            off += 12;
        }
        if (b11 - a11 > 365) {
            int leapOff = getLeapMonthOffset(a11, timeZone);
            int leapMonth = leapOff - 2;
            if (leapMonth < 0) {
                leapMonth += 12;
            }
            if (lunar.leapMonth() && lunarMonth != leapMonth) {
                return null;
            } else if (lunar.leapMonth() || off >= leapOff) {
                off += 1;
            }
        }
        int monthStart = getNewMoonDay(k + off, timeZone);
        return jdToDate(monthStart + lunar.day() - 1);
    }

    /** Day number of the lunar month 11 (the one containing the winter solstice) of year yy. */
    private static int getLunarMonth11(int yy, double timeZone) {
        // amlich-aa98.js uses "- 2415021" here, VietCalendar.java "- 2415021.076998695"; for
        // 1800..2200 both pick the same k, checked when this port was written.
        int off = jdFromDate(LocalDate.of(yy, 12, 31)) - 2415021;
        int k = intPart(off / SYNODIC_MONTH);
        int nm = getNewMoonDay(k, timeZone);
        int sunLong = getSunLongitude(nm, timeZone); // sun longitude at local midnight
        if (sunLong >= 9) { // the new moon is already past the solstice: take the previous one
            nm = getNewMoonDay(k - 1, timeZone);
        }
        return nm;
    }

    /**
     * Offset (in months after month 11 starting on a11) of the leap month: the first month that
     * contains no major solar term, i.e. whose start and end lie in the same 30° sector.
     */
    private static int getLeapMonthOffset(int a11, double timeZone) {
        int k = intPart((a11 - NEW_MOON_1900) / SYNODIC_MONTH + 0.5);
        int last;
        int i = 1; // start with the month following lunar month 11
        int arc = getSunLongitude(getNewMoonDay(k + i, timeZone), timeZone);
        do {
            last = arc;
            i++;
            arc = getSunLongitude(getNewMoonDay(k + i, timeZone), timeZone);
        } while (arc != last && i < 14);
        return i - 1;
    }

    /** Local day number of the k-th new moon after the new moon of 1900-01-01. */
    private static int getNewMoonDay(int k, double timeZone) {
        return intPart(newMoon(k) + 0.5 + timeZone / 24);
    }

    /** Sector 0..11 (30° each, 0 from the March equinox) of the sun at local midnight. */
    private static int getSunLongitude(int dayNumber, double timeZone) {
        return intPart(sunLongitude(dayNumber - 0.5 - timeZone / 24) / Math.PI * 6);
    }

    /**
     * Julian date of the k-th new moon after the new moon of 1900-01-01 13:51 UTC.
     * Meeus, Astronomical Algorithms; accurate to about 2 minutes.
     */
    private static double newMoon(int k) {
        double t = k / 1236.85; // Julian centuries from 1900 January 0.5
        double t2 = t * t;
        double t3 = t2 * t;
        double dr = Math.PI / 180;
        double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
        jd1 = jd1 + 0.00033 * sin((166.56 + 132.87 * t - 0.009173 * t2) * dr); // mean new moon
        double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3; // sun's mean anomaly
        double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3; // moon's
        double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3; // arg. of latitude
        double c1 = (0.1734 - 0.000393 * t) * sin(m * dr) + 0.0021 * sin(2 * dr * m);
        c1 = c1 - 0.4068 * sin(mpr * dr) + 0.0161 * sin(dr * 2 * mpr);
        c1 = c1 - 0.0004 * sin(dr * 3 * mpr);
        c1 = c1 + 0.0104 * sin(dr * 2 * f) - 0.0051 * sin(dr * (m + mpr));
        c1 = c1 - 0.0074 * sin(dr * (m - mpr)) + 0.0004 * sin(dr * (2 * f + m));
        c1 = c1 - 0.0004 * sin(dr * (2 * f - m)) - 0.0006 * sin(dr * (2 * f + mpr));
        c1 = c1 + 0.0010 * sin(dr * (2 * f - mpr)) + 0.0005 * sin(dr * (2 * mpr + m));
        double deltat; // ΔT (TT - UT), in days
        if (t < -11) {
            deltat = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3;
        } else {
            deltat = -0.000278 + 0.000265 * t + 0.000262 * t2;
        }
        return jd1 + c1 - deltat;
    }

    /** Apparent longitude of the sun, radians in [0, 2π), at Julian date jdn. Meeus. */
    private static double sunLongitude(double jdn) {
        double t = (jdn - 2451545.0) / 36525; // Julian centuries from 2000-01-01 12:00 UTC
        double t2 = t * t;
        double dr = Math.PI / 180;
        double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2; // mean anomaly
        double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2; // mean longitude
        double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(dr * m);
        dl = dl + (0.019993 - 0.000101 * t) * sin(dr * 2 * m) + 0.000290 * sin(dr * 3 * m);
        double l = (l0 + dl) * dr; // true longitude
        return l - Math.PI * 2 * intPart(l / (Math.PI * 2));
    }

    /** jdFromDate: Julian day number of a (proleptic Gregorian) date. */
    private static int jdFromDate(LocalDate date) {
        return Math.toIntExact(date.toEpochDay() + JD_OF_EPOCH_DAY_0);
    }

    /** jdToDate. */
    private static LocalDate jdToDate(int jd) {
        return LocalDate.ofEpochDay(jd - JD_OF_EPOCH_DAY_0);
    }

    /** INT() of the reference: floor, not truncation (matters for negative values). */
    private static int intPart(double d) {
        return (int) StrictMath.floor(d);
    }

    private static double sin(double radians) {
        return StrictMath.sin(radians);
    }

    private static String formatZone(double timeZone) {
        return (timeZone >= 0 ? "+" : "") + timeZone;
    }
}
