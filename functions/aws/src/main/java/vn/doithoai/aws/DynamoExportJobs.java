package vn.doithoai.aws;

import static vn.doithoai.aws.DynamoTable.DOC;
import static vn.doithoai.aws.DynamoTable.communePk;
import static vn.doithoai.aws.DynamoTable.s;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.export.ExportJob;
import vn.doithoai.core.export.ExportJobs;

/**
 * Export jobs: {@code C#{cid} / EXPORT#{jobId}}, doc = the job, top-level {@code status} and {@code requestedAt}
 * (epoch millis) for the conditions, and a TTL of 7 days, as long as S3 keeps the file. Its stream record (a
 * job queued) becomes the {@code ExportRequested} event that runs the worker: the job and its event are one write.
 */
public final class DynamoExportJobs implements ExportJobs {
  static final String SK_PREFIX = "EXPORT#";
  /** As long as the bucket's lifecycle keeps the file. */
  static final Duration KEPT = Duration.ofDays(7);

  private final DynamoTable table;

  public DynamoExportJobs(DynamoTable table) {
    this.table = table;
  }

  @Override
  public ExportJob request(ExportJob job, Instant staleBefore) {
    try {
      table.client().putItem(b -> b.tableName(table.name()).item(item(job))
          .conditionExpression("attribute_not_exists(pk) OR #s <> :queued OR #r < :stale")
          .expressionAttributeNames(Map.of("#s", "status", "#r", "requestedAt"))
          .expressionAttributeValues(Map.of(":queued", s(ExportJob.Status.QUEUED.code()),
              ":stale", DynamoTable.n(staleBefore.toEpochMilli()))));
      return job;
    } catch (ConditionalCheckFailedException running) {
      return find(job.communeId(), job.id()).orElseThrow(() -> running); // deleted in between: let the caller retry
    }
  }

  @Override
  public Optional<ExportJob> find(String communeId, String jobId) {
    if (jobId == null || jobId.isEmpty() || jobId.indexOf('#') >= 0) {
      return Optional.empty();
    }
    return table.get(communePk(communeId), SK_PREFIX + jobId).map(i -> ExportJob.fromJson(DynamoTable.doc(i)));
  }

  @Override
  public boolean finish(ExportJob finished) {
    try {
      table.client().putItem(b -> b.tableName(table.name()).item(item(finished))
          .conditionExpression("#s = :queued AND #r = :run")
          .expressionAttributeNames(Map.of("#s", "status", "#r", "requestedAt"))
          .expressionAttributeValues(Map.of(":queued", s(ExportJob.Status.QUEUED.code()),
              ":run", DynamoTable.n(finished.requestedAt().toEpochMilli()))));
      return true;
    } catch (ConditionalCheckFailedException replaced) {
      return false;
    }
  }

  private static Map<String, AttributeValue> item(ExportJob job) {
    Map<String, AttributeValue> item = new HashMap<>(DynamoTable.key(communePk(job.communeId()),
        SK_PREFIX + DynamoTable.part(job.id(), "export job id")));
    item.put(DOC, s(Json.write(job.toJson())));
    item.put("status", s(job.status().code()));
    item.put("requestedAt", DynamoTable.n(job.requestedAt().toEpochMilli()));
    item.put(DynamoTable.EXPIRES_AT, DynamoTable.n(job.requestedAt().plus(KEPT).getEpochSecond()));
    return item;
  }
}
