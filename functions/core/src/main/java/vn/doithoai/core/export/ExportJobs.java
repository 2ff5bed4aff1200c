package vn.doithoai.core.export;

import java.time.Instant;
import java.util.Optional;

/** Port: the export jobs, in their commune's partition. */
public interface ExportJobs {
  /**
   * Stores {@code job} unless a job of the same id is queued and was requested after {@code staleBefore}; answers
   * the job that stands (the new one, or the one running). Two concurrent requests store one job.
   */
  ExportJob request(ExportJob job, Instant staleBefore);

  Optional<ExportJob> find(String communeId, String jobId);

  /** Saves a finished job, only if the run it finishes ({@code requestedAt}) is still the job's; false if not. */
  boolean finish(ExportJob finished);
}
