package vn.doithoai.core.calendar.lunar;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Converts between the Gregorian calendar and the Vietnamese lunisolar calendar (âm lịch).
 *
 * <p>This is an independent implementation, written from the published rules of the
 * Chinese/Vietnamese calendar and from textbook astronomy; it does not derive from any other
 * lunar-calendar program. The rules used (as stated e.g. in the Wikipedia articles "Vietnamese
 * calendar" and "Chinese calendar", and in H. Aslaksen, "The Mathematics of the Chinese
 * Calendar"):
 * <ol>
 *   <li>A month begins on the civil day, in the calendar's time zone, that contains the instant
 *       of the astronomical new moon.</li>
 *   <li>The month that contains the December solstice (the Sun's apparent longitude reaching
 *       270°) is month 11.</li>
 *   <li>If there are 13 months from one month 11 up to (not including) the next, one of them is
 *       a leap month: the first one after month 11 that contains no principal solar term
 *       (trung khí / zhongqi, an instant when the Sun's longitude is a multiple of 30°). It
 *       takes the number of the month before it.</li>
 *   <li>A day "contains" an instant if the instant falls between its local midnights; so a month
 *       contains a principal term exactly when the Sun's longitude, taken at the local midnight
 *       that starts the month and at the one that starts the next month, lies in two different
 *       30° sectors.</li>
 *   <li>The lunar year is named after the solar year in which its month 1 starts; months 11 and
 *       12 (and a leap 11 or 12) belong to the year before that.</li>
 * </ol>
 * The astronomy is in {@link Astronomy}: new moons from Jean Meeus, <i>Astronomical
 * Algorithms</i> (2nd ed., 1998), chapter 49; the Sun's apparent longitude from chapter 25; ΔT
 * from the Espenak-Meeus polynomials. Julian days are converted to dates with
 * {@link LocalDate#toEpochDay()} (proleptic Gregorian calendar), and only {@link StrictMath} is
 * used, so every JVM computes bit-for-bit the same dates (the precomputed holiday table
 * {@code lunar-holidays.csv} must regenerate byte-for-byte).
 *
 * <p>The time zone matters: a new moon just before midnight in Hanoi (UTC+7) is just after
 * midnight in Beijing (UTC+8), so the month starts a day earlier in Vietnam; in 1985 this even
 * moved Tết by a month (21 Jan in Vietnam, 20 Feb in China). Pass {@code 8.0} to apply the same
 * rules to the Chinese calendar.
 *
 * <p>Limits: where a new moon or a principal term falls within seconds of local midnight the
 * answer is only as good as the astronomy and, for future dates, the forecast of ΔT (uncertain by
 * minutes late this century). In 1900-2100 the closest new moons are, in local time,
 * 2077-11-15 23:59:50 and 2085-10-18 23:59:32 at UTC+7, and 2057-09-28 23:59:58 and
 * 2097-08-07 23:59:40 at UTC+8; the months they start may begin a day later in almanacs
 * computed nearer the time. None of them moves Tết or Giỗ Tổ.
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

    /** Julian day of 1970-01-01 00:00 UT, the origin of {@link LocalDate#toEpochDay()}. */
    private static final double UNIX_EPOCH_JD = 2440587.5;

    private VietnameseLunarCalendar() {
    }

    // ---------------------------------------------------------------- public API

    /** The lunar date of {@code solar} in Vietnam (UTC+7). */
    public static LunarDate toLunar(LocalDate solar) {
        return toLunar(solar, VIETNAM_TIME_ZONE);
    }

    /**
     * The lunar date of {@code solar} for a calendar kept at {@code timeZone} hours east of UTC.
     */
    public static LunarDate toLunar(LocalDate solar, double timeZone) {
        long day = solar.toEpochDay();
        Sui sui = Sui.of(solar.getYear(), timeZone);
        if (day < sui.monthStart(0)) {
            sui = Sui.of(solar.getYear() - 1, timeZone);
        }
        int index = sui.monthIndexOf(day);
        int number = sui.regularMonthNumber(index);
        int year = number < 2 ? sui.year() : sui.year() + 1; // numbers 0, 1 are months 11, 12
        int dayOfMonth = (int) (day - sui.monthStart(index)) + 1;
        return new LunarDate(year, monthOf(number), dayOfMonth, index == sui.leapIndex());
    }

    /** The solar date of {@code lunar} in Vietnam (UTC+7). */
    public static LocalDate toSolar(LunarDate lunar) {
        return toSolar(lunar, VIETNAM_TIME_ZONE);
    }

    /**
     * The solar date of {@code lunar} for a calendar kept at {@code timeZone} hours east of UTC.
     *
     * @throws IllegalArgumentException if that lunar date does not exist: a leap month that the
     *                                  year does not have, or day 30 of a 29-day month
     */
    public static LocalDate toSolar(LunarDate lunar, double timeZone) {
        int month = lunar.month();
        int number = month >= 11 ? month - 11 : month + 1;
        Sui sui = Sui.of(month >= 11 ? lunar.year() : lunar.year() - 1, timeZone);
        int leap = sui.leapIndex();
        int index;
        if (lunar.leapMonth()) {
            if (leap < 0 || leap - 1 != number) {
                throw new IllegalArgumentException("Lunar year " + lunar.year() + " has no leap month "
                        + month + (leap < 0 ? " (it has no leap month)"
                        : " (its leap month is " + monthOf(leap - 1) + ")"));
            }
            index = leap;
        } else {
            index = leap >= 0 && number >= leap ? number + 1 : number;
        }
        long start = sui.monthStart(index);
        int length = (int) (sui.monthStart(index + 1) - start);
        if (lunar.day() > length) {
            throw new IllegalArgumentException("Lunar month " + month + (lunar.leapMonth() ? " (leap)" : "")
                    + " of " + lunar.year() + " has " + length + " days, not " + lunar.day());
        }
        return LocalDate.ofEpochDay(start + lunar.day() - 1);
    }

    /** Tết Nguyên Đán (lunar 1/1) in Vietnam: the one in January or February of {@code solarYear}. */
    public static LocalDate tet(int solarYear) {
        return tet(solarYear, VIETNAM_TIME_ZONE);
    }

    /**
     * The first day of lunar month 1 of the lunar year that starts in {@code solarYear}, for a
     * calendar kept at {@code timeZone} hours east of UTC.
     */
    public static LocalDate tet(int solarYear, double timeZone) {
        return toSolar(LunarDate.of(solarYear, 1, 1), timeZone);
    }

    /** Giỗ Tổ Hùng Vương (10th day of the regular 3rd month) of the lunar year starting in {@code solarYear}, in Vietnam. */
    public static LocalDate hungKingsDay(int solarYear) {
        return hungKingsDay(solarYear, VIETNAM_TIME_ZONE);
    }

    /**
     * The 10th day of the regular (non-leap) 3rd month of the lunar year starting in
     * {@code solarYear}, for a calendar kept at {@code timeZone} hours east of UTC.
     */
    public static LocalDate hungKingsDay(int solarYear, double timeZone) {
        return toSolar(LunarDate.of(solarYear, 3, 10), timeZone);
    }

    // ---------------------------------------------------------------- calendar rules

    /** Month 1..12 for a "number" counted from month 11 (0 = month 11, 1 = month 12, 2 = month 1). */
    private static int monthOf(int number) {
        return (number + 10) % 12 + 1;
    }

    /**
     * Epoch day (local civil date at {@code timeZone}) on which the month that starts with New
     * Moon {@code k} begins.
     */
    static long newMoonDay(long k, double timeZone) {
        return localDay(Astronomy.newMoonJulianDay(k), timeZone);
    }

    /** The local civil date (epoch day) at {@code timeZone} of the instant {@code jd} (UT). */
    static long localDay(double jd, double timeZone) {
        return (long) StrictMath.floor(jd - UNIX_EPOCH_JD + timeZone / 24.0);
    }

    /** The Sun's apparent longitude (degrees) at the local midnight that begins {@code epochDay}. */
    static double sunLongitudeAtMidnight(long epochDay, double timeZone) {
        return Astronomy.sunLongitude(UNIX_EPOCH_JD + epochDay - timeZone / 24.0);
    }

    /** Which 30° sector (0..11) the Sun is in at the local midnight that begins {@code epochDay}. */
    static int sunSector(long epochDay, double timeZone) {
        return (int) (sunLongitudeAtMidnight(epochDay, timeZone) / 30.0) % 12; // 360.0 can round up
    }

    /** Index k of the New Moon that starts the month containing {@code epochDay}. */
    static long lunationContaining(long epochDay, double timeZone) {
        long k = Astronomy.approximateLunation(UNIX_EPOCH_JD + epochDay);
        while (newMoonDay(k + 1, timeZone) <= epochDay) {
            k++;
        }
        while (newMoonDay(k, timeZone) > epochDay) {
            k--;
        }
        return k;
    }

    /**
     * Index k of the New Moon that starts month 11 around the end of Gregorian {@code year}: the
     * month whose local days include the December solstice (Sun at 270°).
     */
    static long month11Lunation(int year, double timeZone) {
        // The solstice is on 20-23 December, so the month containing 21 December is the right one
        // or a neighbour.
        long k = lunationContaining(LocalDate.of(year, 12, 21).toEpochDay(), timeZone);
        if (sunLongitudeAtMidnight(newMoonDay(k, timeZone), timeZone) >= 270.0) {
            return k - 1; // the solstice was already past when month k began
        }
        if (sunLongitudeAtMidnight(newMoonDay(k + 1, timeZone), timeZone) < 270.0) {
            return k + 1; // not yet reached when month k ended
        }
        return k;
    }

    /**
     * The months from month 11 of Gregorian {@code year} up to, not including, the next month 11
     * (a "suì"): 12 months, or 13 with one leap month.
     *
     * @param year      Gregorian year in which the first month 11 starts
     * @param starts    epoch days on which each month begins; one more entry than months, the last
     *                  being the start of the next month 11
     * @param leapIndex index into {@code starts} of the leap month, or -1
     */
    private record Sui(int year, long[] starts, int leapIndex) {

        /** Enough for several centuries in two time zones; cleared rather than evicted when full. */
        private static final int CACHE_LIMIT = 1024;

        /** Memoised {@link #compute}: each suì costs ~40 evaluations of the Sun and Moon. */
        private static final Map<Key, Sui> CACHE = new ConcurrentHashMap<>();

        private record Key(int year, double timeZone) {
        }

        static Sui of(int year, double timeZone) {
            Key key = new Key(year, timeZone);
            Sui cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
            Sui computed = compute(year, timeZone);
            if (CACHE.size() >= CACHE_LIMIT) {
                CACHE.clear();
            }
            CACHE.put(key, computed);
            return computed;
        }

        private static Sui compute(int year, double timeZone) {
            long first = month11Lunation(year, timeZone);
            long next = month11Lunation(year + 1, timeZone);
            int months = (int) (next - first);
            long[] starts = new long[months + 1];
            for (int i = 0; i <= months; i++) {
                starts[i] = newMoonDay(first + i, timeZone);
            }
            int leapIndex = -1;
            if (months == 13) {
                int sector = sunSector(starts[1], timeZone);
                for (int i = 1; i < months; i++) {
                    int nextSector = sunSector(starts[i + 1], timeZone);
                    if (nextSector == sector) { // no principal term from starts[i] to starts[i + 1]
                        leapIndex = i;
                        break;
                    }
                    sector = nextSector;
                }
                if (leapIndex < 0) {
                    throw new IllegalStateException("13 months after month 11 of " + year
                            + " but each has a principal solar term");
                }
            } else if (months != 12) {
                throw new IllegalStateException(months + " months between the month 11s of "
                        + year + " and " + (year + 1));
            }
            return new Sui(year, starts, leapIndex);
        }

        long monthStart(int index) {
            return starts[index];
        }

        /** Index of the month containing {@code epochDay}, which must be inside this suì. */
        int monthIndexOf(long epochDay) {
            for (int i = starts.length - 2; i >= 0; i--) {
                if (starts[i] <= epochDay) {
                    return i;
                }
            }
            throw new IllegalArgumentException("epoch day " + epochDay + " is before month 11 of " + year);
        }

        /** The number of month {@code index}, counted from month 11: 0 = month 11, 1 = month 12, 2 = month 1, ... */
        int regularMonthNumber(int index) {
            return leapIndex >= 0 && index >= leapIndex ? index - 1 : index;
        }
    }
}
