package vn.doithoai.core.calendar;

import java.time.LocalDate;

/**
 * A date counted from an anchor, with the words that explain how (shown to the office), the reading used
 * for a "before" period, and the calendar version it was counted on.
 */
public record CountedDate(LocalDate date, String explanation, BeforeReading reading, String calendarVersion) {}
