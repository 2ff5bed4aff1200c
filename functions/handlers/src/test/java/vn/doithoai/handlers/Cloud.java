package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import vn.doithoai.core.deadline.ScheduleSpec;
import vn.doithoai.core.events.BusEvent;

/**
 * Where {@link ProductFlow} runs: a table with its stream, and the Scheduler, the bus and SES. In memory
 * ({@link MemoryCloud}: DynamoDB Local, in-process stand-ins) or LocalStack (the {@code localstack} profile).
 */
interface Cloud extends AutoCloseable {
  /** A client of the table's DynamoDB (the flow wraps it per function, recording). */
  DynamoDbClient dynamo();

  String table();

  /** The stream records written since the last call, in order. */
  List<DynamodbEvent.DynamodbStreamRecord> newStreamRecords();

  /**
   * The Scheduler, bus and mail of one function, adding to {@code actions} the IAM action of every call it
   * makes ({@code scheduler:CreateSchedule}, {@code iam:PassRole}, {@code events:PutEvents}, {@code ses:SendEmail}).
   */
  App.Outside outside(Set<String> actions, Clock clock);

  /** The events the bus accepted since the last call (to be routed by the template's rules). */
  List<BusEvent> takePublished();

  /** The schedules that exist now, as the deadlines function will be invoked by them. */
  List<ScheduleSpec> schedules();

  /** The recipients of every e-mail the mail service accepted. */
  List<String> sentTo();

  @Override
  void close();
}
