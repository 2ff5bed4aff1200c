package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;
import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;
import vn.doithoai.core.deadline.ScheduleSpec;
import vn.doithoai.core.deadline.Scheduler;
import vn.doithoai.core.events.BusEvent;
import vn.doithoai.core.events.EventPublisher;
import vn.doithoai.core.mail.MailSender;

/**
 * The flow's cloud in the test JVM: DynamoDB Local embedded (the template's table, its stream on), and
 * stand-ins for Scheduler, EventBridge and SES that keep what they were given and record, per function, the
 * IAM action the real adapter needs for each call (a schedule is created with the scheduler role: iam:PassRole).
 */
final class MemoryCloud implements Cloud {
  private final AmazonDynamoDBLocal local = DynamoDBEmbedded.create();
  private final DynamoDbClient dynamo = local.dynamoDbClient();
  private final TableStream stream;
  private final Map<String, ScheduleSpec> schedules = Collections.synchronizedMap(new LinkedHashMap<>());
  private final List<BusEvent> published = new ArrayList<>();
  private final List<String> sentTo = new ArrayList<>();

  MemoryCloud() {
    TestTable.create(dynamo, TestTable.NAME, b -> b.streamSpecification(StreamSpecification.builder()
        .streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build()));
    String arn = dynamo.describeTable(b -> b.tableName(TestTable.NAME)).table().latestStreamArn();
    stream = new TableStream(local.dynamoDbStreamsClient(), arn);
  }

  @Override
  public DynamoDbClient dynamo() {
    return dynamo;
  }

  @Override
  public String table() {
    return TestTable.NAME;
  }

  @Override
  public List<DynamodbEvent.DynamodbStreamRecord> newStreamRecords() {
    return stream.next();
  }

  /** The large exports put in the bucket, by key. */
  final Map<String, vn.doithoai.core.common.Download> exportFiles = new java.util.concurrent.ConcurrentHashMap<>();

  @Override
  public App.Outside outside(Set<String> actions, Clock clock) {
    Scheduler scheduler = new Scheduler() {
      @Override
      public boolean create(ScheduleSpec spec) {
        actions.add("scheduler:CreateSchedule");
        actions.add("iam:PassRole");
        return schedules.putIfAbsent(spec.name(), spec) == null;
      }

      @Override
      public void delete(String name) {
        actions.add("scheduler:DeleteSchedule");
        schedules.remove(name);
      }
    };
    EventPublisher bus = list -> {
      actions.add("events:PutEvents");
      published.addAll(list);
      return List.of();
    };
    MailSender mail = m -> {
      actions.add("ses:SendEmail");
      sentTo.add(m.to());
      return "memory-" + sentTo.size();
    };
    // SMS to phone-only citizens: the action recorded, the number kept out of sentTo (e-mail addresses)
    vn.doithoai.core.mail.SmsSender sms = m -> {
      actions.add("sms-voice:SendTextMessage");
      return "memory-sms";
    };
    // large exports: the file kept in memory, the link a presigned-looking address of it
    vn.doithoai.core.export.ExportFiles files = new vn.doithoai.core.export.ExportFiles() {
      @Override
      public void put(String key, vn.doithoai.core.common.Download file) {
        actions.add("s3:PutObject");
        exportFiles.put(key, file);
      }

      @Override
      public java.net.URI link(String key, String fileName, java.time.Duration validFor) {
        actions.add("s3:GetObject"); // what the link does, with the signer's permission
        return java.net.URI.create("https://exports.s3.ap-southeast-1.amazonaws.com/" + key + "?X-Amz-Expires="
            + validFor.toSeconds());
      }
    };
    return new App.Outside(() -> scheduler, () -> bus, () -> mail, () -> java.util.Optional.of(sms), () -> files);
  }

  @Override
  public List<BusEvent> takePublished() {
    List<BusEvent> out = List.copyOf(published);
    published.clear();
    return out;
  }

  @Override
  public List<ScheduleSpec> schedules() {
    List<ScheduleSpec> out = new ArrayList<>(schedules.values());
    out.sort(Comparator.comparing(ScheduleSpec::at));
    return out;
  }

  @Override
  public List<String> sentTo() {
    return List.copyOf(sentTo);
  }

  @Override
  public void close() {
    local.shutdown();
  }
}
