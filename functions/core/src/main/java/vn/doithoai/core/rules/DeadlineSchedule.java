package vn.doithoai.core.rules;

import java.util.List;

/** A plan's deadlines in due-date order, with the profile and calendar version they were computed on. */
public record DeadlineSchedule(String profileId, String floorId, String calendarVersion, PlanAnchors anchors,
    List<Deadline> deadlines, List<String> warnings) {}
