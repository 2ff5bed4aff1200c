package vn.doithoai.core.plan;

import java.util.Optional;

/** Port: the work items of a national change, one per registered commune. */
public interface RedatingQueue {
  /**
   * Writes {@code change} once for every registered commune (paged over the whole registry, no cap); writing
   * the same change again rewrites the same items.
   *
   * @return how many communes were queued
   */
  int queueForEveryCommune(Redating change);

  Optional<Redating> find(String communeId, String changeId);

  /** The commune is re-dated: its work item goes. */
  void done(String communeId, String changeId);
}
