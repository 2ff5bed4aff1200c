package vn.doithoai.core.calendar.lunar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Vietnamese lunar holidays read from the precomputed classpath resource
 * {@value #RESOURCE} (written by {@link LunarHolidayTableGenerator}).
 *
 * <p>This is what the AWS Lambda handlers use: on a cold start, reading ~120 short lines is far
 * cheaper than the astronomy in {@link VietnameseLunarCalendar}, so the parsing below sticks to
 * {@code indexOf}/{@code parseInt} (no regex, no {@code DateTimeFormatter}). The resource is
 * parsed once, on first use of {@link #standard()}.
 */
public final class LunarHolidayTable {

    static final String RESOURCE = "/vn/doithoai/core/calendar/lunar-holidays.csv";

    private final int firstYear;
    private final LocalDate[] tet;
    private final LocalDate[] hungKingsDay;

    private LunarHolidayTable(int firstYear, LocalDate[] tet, LocalDate[] hungKingsDay) {
        this.firstYear = firstYear;
        this.tet = tet;
        this.hungKingsDay = hungKingsDay;
    }

    /** The table shipped in the jar, loaded once (lazy holder: thread-safe without locking). */
    public static LunarHolidayTable standard() {
        return Standard.TABLE;
    }

    private static final class Standard {
        static final LunarHolidayTable TABLE = load();
    }

    public int firstYear() {
        return firstYear;
    }

    public int lastYear() {
        return firstYear + tet.length - 1;
    }

    /** Tết Nguyên Đán (lunar 1/1) falling in January or February of {@code year}. */
    public LocalDate tet(int year) {
        return tet[index(year)];
    }

    /** Giỗ Tổ Hùng Vương (10th day of the 3rd lunar month) of the lunar year starting in {@code year}. */
    public LocalDate hungKingsDay(int year) {
        return hungKingsDay[index(year)];
    }

    /** Giao thừa day: the day before {@link #tet(int)}, i.e. the last day of the old lunar year. */
    public LocalDate lunarNewYearsEve(int year) {
        return tet(year).minusDays(1);
    }

    private int index(int year) {
        if (year < firstYear() || year > lastYear()) {
            throw new IllegalArgumentException("No Vietnamese lunar holiday data for year " + year
                    + ": the table covers " + firstYear() + "-" + lastYear()
                    + " (extend it with LunarHolidayTableGenerator)");
        }
        return year - firstYear;
    }

    private static LunarHolidayTable load() {
        try (InputStream in = LunarHolidayTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /**
     * Parses the CSV format written by {@link LunarHolidayTableGenerator#render}: '#' comment
     * lines, the header, then one line per consecutive year.
     *
     * @throws IllegalStateException on any malformed content (a broken jar, not a user error)
     */
    static LunarHolidayTable parse(String csv) {
        List<LocalDate> tets = new ArrayList<>(128);
        List<LocalDate> hungs = new ArrayList<>(128);
        int first = 0;
        boolean headerSeen = false;
        int lineNumber = 0;
        int start = 0;
        while (start < csv.length()) {
            int end = csv.indexOf('\n', start);
            if (end < 0) {
                end = csv.length();
            }
            int lineEnd = end > start && csv.charAt(end - 1) == '\r' ? end - 1 : end; // tolerate CRLF
            String line = csv.substring(start, lineEnd);
            start = end + 1;
            lineNumber++;
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            if (!headerSeen) {
                if (!line.equals(LunarHolidayTableGenerator.HEADER)) {
                    throw malformed(lineNumber, "expected header '" + LunarHolidayTableGenerator.HEADER + "'");
                }
                headerSeen = true;
                continue;
            }
            int comma1 = line.indexOf(',');
            int comma2 = line.indexOf(',', comma1 + 1);
            if (comma1 < 0 || comma2 < 0 || line.indexOf(',', comma2 + 1) >= 0) {
                throw malformed(lineNumber, "expected 3 columns: " + line);
            }
            int year = parseInt(line, 0, comma1, lineNumber);
            if (tets.isEmpty()) {
                first = year;
            } else if (year != first + tets.size()) {
                throw malformed(lineNumber, "expected year " + (first + tets.size()) + ", got " + year);
            }
            tets.add(parseIsoDate(line, comma1 + 1, comma2, lineNumber));
            hungs.add(parseIsoDate(line, comma2 + 1, line.length(), lineNumber));
        }
        if (tets.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " has no data rows");
        }
        return new LunarHolidayTable(first, tets.toArray(new LocalDate[0]), hungs.toArray(new LocalDate[0]));
    }

    /** yyyy-MM-dd between from and to. */
    private static LocalDate parseIsoDate(String s, int from, int to, int lineNumber) {
        if (to - from != 10 || s.charAt(from + 4) != '-' || s.charAt(from + 7) != '-') {
            throw malformed(lineNumber, "expected yyyy-MM-dd: " + s.substring(from, to));
        }
        try {
            return LocalDate.of(parseInt(s, from, from + 4, lineNumber),
                    parseInt(s, from + 5, from + 7, lineNumber),
                    parseInt(s, from + 8, to, lineNumber));
        } catch (DateTimeException e) {
            throw malformed(lineNumber, e.getMessage());
        }
    }

    private static int parseInt(String s, int from, int to, int lineNumber) {
        try {
            return Integer.parseInt(s, from, to, 10);
        } catch (NumberFormatException e) {
            throw malformed(lineNumber, "not a number: " + s.substring(from, to));
        }
    }

    private static IllegalStateException malformed(int lineNumber, String detail) {
        return new IllegalStateException(RESOURCE + " line " + lineNumber + ": " + detail);
    }
}
