package vn.doithoai.local.runtime.async;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import vn.doithoai.core.common.Json;

/** DeadlineChanged → a one-time schedule, as the real schedules function makes it. */
public final class SchedulesHandler implements RequestHandler<Map<String, Object>, String> {
  @Override
  @SuppressWarnings("unchecked")
  public String handleRequest(Map<String, Object> event, Context context) {
    Map<String, Object> detail = (Map<String, Object>) event.get("detail");
    Clients.LOG.add("schedules " + event.get("detail-type") + " " + detail.get("name"));
    LocalDateTime at = LocalDateTime.ofInstant(Instant.parse((String) detail.get("at")),
        ZoneId.of("Asia/Ho_Chi_Minh"));
    Clients.scheduler().createSchedule(b -> b.name((String) detail.get("name"))
        .groupName(System.getProperty("SCHEDULE_GROUP"))
        .scheduleExpression("at(" + at.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"))
            + ")")
        .scheduleExpressionTimezone("Asia/Ho_Chi_Minh")
        .flexibleTimeWindow(f -> f.mode(FlexibleTimeWindowMode.OFF))
        .actionAfterCompletion(ActionAfterCompletion.DELETE)
        .target(t -> t.arn(System.getProperty("SCHEDULE_TARGET_ARN"))
            .roleArn(System.getProperty("SCHEDULER_ROLE_ARN"))
            .input(Json.write(detail.get("mail")))
            .retryPolicy(r -> r.maximumRetryAttempts(10).maximumEventAgeInSeconds(86400))
            .deadLetterConfig(d -> d.arn(System.getProperty("SCHEDULE_DLQ_ARN")))));
    return "ok";
  }
}
