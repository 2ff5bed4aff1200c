package vn.doithoai.core.deadline;

/** Port: one-time schedules that fire a deadline's step at its instant (EventBridge Scheduler in AWS). */
public interface Scheduler {
  /**
   * Creates the schedule under its deterministic name, with no read before: one that already exists under that
   * name is left as it is. True when this call made it; false when it was already there (or not worth making).
   */
  boolean create(ScheduleSpec spec);

  /** Deletes the schedule; one that does not exist (fired and deleted, or never made) is fine. */
  void delete(String name);
}
