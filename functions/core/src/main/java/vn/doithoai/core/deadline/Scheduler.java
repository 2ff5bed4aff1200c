package vn.doithoai.core.deadline;

/** Port: one-time schedules that fire a deadline's step at its instant (EventBridge Scheduler in AWS). */
public interface Scheduler {
  /** Creates the schedule; one that already exists under that name is left as it is. */
  void create(ScheduleSpec spec);

  /** Deletes the schedule; one that does not exist (fired and deleted, or never made) is fine. */
  void delete(String name);

  boolean exists(String name);
}
