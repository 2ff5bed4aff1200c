package vn.doithoai.core.deadline;

import java.time.LocalDate;
import java.util.Optional;

/** Port: the daily reconcile's work items, one per registered commune and day (then its continuations). */
public interface ReconcileQueue {
  /**
   * Writes the day's first work item for every registered commune (paged over the whole registry, no cap);
   * writing the same day again rewrites the same items.
   *
   * @return how many communes were queued
   */
  int queueForEveryCommune(LocalDate day);

  Optional<ReconcileWork> find(String communeId, String workId);

  /**
   * Writes {@code next} (a new item, so a new event) and deletes the unit it continues ({@code doneWorkId}; null
   * when that unit had no work item), in one write.
   */
  void continueWith(ReconcileWork next, String doneWorkId);

  /** The unit is done: its work item goes. */
  void done(String communeId, String workId);
}
