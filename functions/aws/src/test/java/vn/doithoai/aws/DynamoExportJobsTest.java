package vn.doithoai.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.export.ExportJob;

/** Export jobs in the commune's partition: one run at a time per request, a run finished only by itself. */
class DynamoExportJobsTest {
  static final Instant T0 = Instant.parse("2025-12-01T02:00:00Z");
  static final Instant STALE_BEFORE = T0.minus(Duration.ofMinutes(15));

  private final DynamoExportJobs jobs = new DynamoExportJobs(TestTable.create());

  static ExportJob job(String commune, Instant at) {
    return ExportJob.queued(commune, "p1", "opinions", "xlsx", false, 3000, "y-kien-12-KH-DU.xlsx", at);
  }

  @Test
  @DisplayName("the same request while its job runs answers the running job, not a new run")
  void sameRequestWhileRunningIsTheSameJob() {
    ExportJob first = jobs.request(job("xa-a", T0), STALE_BEFORE);
    ExportJob again = jobs.request(job("xa-a", T0.plusSeconds(5)), STALE_BEFORE.plusSeconds(5));
    assertEquals(first.id(), again.id());
    assertEquals(T0, again.requestedAt(), "the first run stands");
    assertEquals(ExportJob.Status.QUEUED, jobs.find("xa-a", first.id()).orElseThrow().status());
  }

  @Test
  @DisplayName("a finished job asked again runs again; a job queued 15 minutes ago is taken as lost and replaced")
  void finishedOrLostJobsRunAgain() {
    ExportJob first = jobs.request(job("xa-a", T0), STALE_BEFORE);
    assertTrue(jobs.finish(first.ready(first.objectKey(), 1234, T0.plusSeconds(3))));
    ExportJob second = jobs.request(job("xa-a", T0.plusSeconds(60)), STALE_BEFORE.plusSeconds(60));
    assertEquals(T0.plusSeconds(60), second.requestedAt());
    assertNotEquals(first.objectKey(), second.objectKey(), "each run its own file");
    Instant later = T0.plusSeconds(60).plus(Duration.ofMinutes(16));
    ExportJob third = jobs.request(job("xa-a", later), later.minus(Duration.ofMinutes(15)));
    assertEquals(later, third.requestedAt(), "the lost run replaced");
  }

  @Test
  @DisplayName("a run finishes only its own job: a replaced run, or a second delivery, changes nothing")
  void onlyTheRunningRunFinishes() {
    ExportJob first = jobs.request(job("xa-a", T0), STALE_BEFORE);
    ExportJob done = first.ready(first.objectKey(), 10, T0.plusSeconds(1));
    assertTrue(jobs.finish(done));
    assertFalse(jobs.finish(done), "a second delivery");
    ExportJob stale = job("xa-a", T0.minusSeconds(600));
    assertFalse(jobs.finish(stale.ready(stale.objectKey(), 10, T0)), "an older run");
    ExportJob read = jobs.find("xa-a", first.id()).orElseThrow();
    assertEquals(ExportJob.Status.READY, read.status());
    assertEquals(Optional.of(first.objectKey()), read.key());
    assertEquals(10, read.bytes());
  }

  @Test
  @DisplayName("a job is found only in its own commune's partition")
  void anotherCommunesJobIsNotFound() {
    ExportJob first = jobs.request(job("xa-a", T0), STALE_BEFORE);
    assertEquals(Optional.empty(), jobs.find("xa-b", first.id()));
    assertEquals(Optional.empty(), jobs.find("xa-a", "x#forged"));
  }
}
