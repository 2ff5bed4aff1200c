package vn.doithoai.core.calendar;

import java.util.List;

/**
 * One year at a glance: every day off beyond weekends and every weekend working day, each with its source
 * and status, the year's overall status and the calendar version that produced it.
 */
public record YearInfo(int year, EntryStatus status, int workingDays, List<CalendarEntry> entries,
    String calendarVersion) {}
