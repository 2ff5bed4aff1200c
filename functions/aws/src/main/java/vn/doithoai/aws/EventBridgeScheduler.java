package vn.doithoai.aws;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.DeadLetterConfig;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.Target;
import software.amazon.awssdk.services.scheduler.model.ValidationException;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.deadline.ScheduleSpec;
import vn.doithoai.core.deadline.Scheduler;

/**
 * One-time EventBridge Scheduler schedules, one per step of a deadline, that invoke the deadlines function
 * (its alias ARN, as SnapStart requires) with the spec's input.
 *
 * <ul>
 *   <li>{@code at(yyyy-MM-ddTHH:mm:ss)} is wall time in {@code Asia/Ho_Chi_Minh}, with the seconds set to 00:
 *       the service fires with minute precision, and the deadlines function accepts a fire up to 60 s before
 *       the step's instant.
 *   <li>Creation is idempotent by name: the name is derived from the deadline, its version and the step, so a
 *       {@code ConflictException} (the name exists) means it is already there. The SDK's random client token
 *       does not make a retried create idempotent; the name does.
 *   <li>Flexible time window OFF, deleted by the service after it fired, retried 10 times for up to a day,
 *       then sent to the dead-letter queue ({@code SCHEDULE_DLQ_ARN}, omitted when unset).
 * </ul>
 *
 * <p><b>An instant already past.</b> The service never fires a one-time schedule whose {@code at()} is in the
 * past, and reports are that {@code CreateSchedule} refuses one with a {@code ValidationException}; either way
 * the schedule is useless, and throwing would fail the change that asked for it. So: an instant missed by a
 * little ({@link #JUST_MISSED}: a step due in the minute being created, which the seconds truncation puts in
 * the past, or a slow call) is scheduled for the next whole minute instead, so it still fires promptly and the
 * deadlines function re-checks the state; an instant older than that is not created at all (the daily
 * reconcile fires the latest missed step and deliberately sends no stale reminders). A {@code
 * ValidationException} for an instant within two minutes of this clock is taken as the service's clock being
 * ahead of ours and ignored the same way.
 */
public final class EventBridgeScheduler implements Scheduler {
  public static final String GROUP = "SCHEDULE_GROUP";
  public static final String TARGET_ARN = "SCHEDULE_TARGET_ARN";
  public static final String ROLE_ARN = "SCHEDULER_ROLE_ARN";
  public static final String DLQ_ARN = "SCHEDULE_DLQ_ARN";

  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  static final String TIMEZONE = "Asia/Ho_Chi_Minh";
  static final int MAX_RETRY_ATTEMPTS = 10;
  static final int MAX_EVENT_AGE_SECONDS = 86_400;
  static final int MAX_DESCRIPTION = 512;
  /** How late an instant may be and still be scheduled (for the next minute) rather than left to reconcile. */
  static final Duration JUST_MISSED = Duration.ofMinutes(15);
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  /** What {@link #create} did, for tests and logs. */
  public enum Created { CREATED, ALREADY_EXISTS, MOVED_TO_NEXT_MINUTE, SKIPPED_PAST }

  private final SchedulerClient client;
  private final String group;
  private final String targetArn;
  private final String roleArn;
  private final String dlqArn;
  private final Clock clock;

  /**
   * @param group the schedule group, or null for the account's default group
   * @param dlqArn the SQS dead-letter queue, or null for none
   */
  public EventBridgeScheduler(SchedulerClient client, String group, String targetArn, String roleArn, String dlqArn,
      Clock clock) {
    this.client = Objects.requireNonNull(client);
    this.group = group == null || group.isBlank() ? null : group;
    this.targetArn = Objects.requireNonNull(targetArn, "target ARN");
    this.roleArn = Objects.requireNonNull(roleArn, "role ARN");
    this.dlqArn = dlqArn == null || dlqArn.isBlank() ? null : dlqArn;
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * The shared client and {@code SCHEDULE_GROUP}, {@code SCHEDULE_TARGET_ARN}, {@code SCHEDULER_ROLE_ARN}
   * (both required) and {@code SCHEDULE_DLQ_ARN}.
   */
  public static EventBridgeScheduler fromEnvironment(Clock clock) {
    String target = AwsClients.required(TARGET_ARN);
    String role = AwsClients.required(ROLE_ARN);
    return new EventBridgeScheduler(AwsClients.scheduler(), AwsClients.optional(GROUP), target, role,
        AwsClients.optional(DLQ_ARN), clock);
  }

  @Override
  public boolean create(ScheduleSpec spec) {
    Created outcome = createSchedule(spec);
    return outcome == Created.CREATED || outcome == Created.MOVED_TO_NEXT_MINUTE;
  }

  /** {@link #create}, saying what it did. */
  public Created createSchedule(ScheduleSpec spec) {
    Instant now = clock.instant();
    Instant at = spec.at().truncatedTo(ChronoUnit.MINUTES);
    Instant nextMinute = now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
    Created outcome = Created.CREATED;
    if (at.isBefore(nextMinute)) {
      if (spec.at().isBefore(now.minus(JUST_MISSED))) {
        return Created.SKIPPED_PAST;
      }
      at = nextMinute;
      outcome = Created.MOVED_TO_NEXT_MINUTE;
    }
    try {
      client.createSchedule(request(spec, at));
      return outcome;
    } catch (ConflictException e) {
      // CreateSchedule on a name that exists in the group answers ConflictException (HTTP 409), see
      // https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html (Errors): the name is
      // deterministic, so that is "already there", and no GetSchedule is needed before creating
      return Created.ALREADY_EXISTS;
    } catch (ValidationException e) {
      if (at.isBefore(now.plus(2, ChronoUnit.MINUTES))) {
        return Created.SKIPPED_PAST;
      }
      throw e;
    }
  }

  CreateScheduleRequest request(ScheduleSpec spec, Instant at) {
    Target.Builder target = Target.builder().arn(targetArn).roleArn(roleArn).input(Json.write(spec.input()))
        .retryPolicy(r -> r.maximumRetryAttempts(MAX_RETRY_ATTEMPTS).maximumEventAgeInSeconds(MAX_EVENT_AGE_SECONDS));
    if (dlqArn != null) {
      target.deadLetterConfig(DeadLetterConfig.builder().arn(dlqArn).build());
    }
    return CreateScheduleRequest.builder()
        .name(spec.name())
        .groupName(group)
        .scheduleExpression(atExpression(at))
        .scheduleExpressionTimezone(TIMEZONE)
        .flexibleTimeWindow(f -> f.mode(FlexibleTimeWindowMode.OFF))
        .actionAfterCompletion(ActionAfterCompletion.DELETE)
        .state(ScheduleState.ENABLED)
        .description(description(spec))
        .target(target.build())
        .build();
  }

  /** {@code at(yyyy-MM-ddTHH:mm:00)} in Vietnam's wall time (UTC+7 all year: no daylight saving). */
  static String atExpression(Instant at) {
    return "at(" + AT.format(LocalDateTime.ofInstant(at, ZONE).truncatedTo(ChronoUnit.MINUTES)) + ")";
  }

  /** "Doi thoai: {step} of {deadline}", diacritics dropped, printable ASCII only, at most 512 characters. */
  static String description(ScheduleSpec spec) {
    Object step = spec.input().get("step");
    Object deadline = spec.input().get("deadline");
    String text = "Đối thoại: " + (step == null ? "?" : step) + " of " + (deadline == null ? spec.name() : deadline);
    String plain = Normalizer.normalize(text.replace('Đ', 'D').replace('đ', 'd'), Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "").replaceAll("[^\\x20-\\x7E]", "?");
    return plain.length() > MAX_DESCRIPTION ? plain.substring(0, MAX_DESCRIPTION) : plain;
  }

  @Override
  public void delete(String name) {
    try {
      client.deleteSchedule(b -> b.name(name).groupName(group));
    } catch (ResourceNotFoundException e) {
      // fired and deleted by the service, or never created: the result wanted
    }
  }

  /**
   * Whether a schedule exists ({@code GetSchedule}). No deadline path asks it any more (creation relies on the
   * name); SnapStart priming calls it to warm the client without writing anything.
   */
  public boolean exists(String name) {
    try {
      client.getSchedule(b -> b.name(name).groupName(group));
      return true;
    } catch (ResourceNotFoundException e) {
      return false;
    }
  }
}
