package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ListSchedulesResponse;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import org.testcontainers.containers.localstack.LocalStackContainer;
import vn.doithoai.aws.EventBridgePublisher;
import vn.doithoai.aws.EventBridgeScheduler;
import vn.doithoai.aws.SesMailSender;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.deadline.ScheduleSpec;
import vn.doithoai.core.events.BusEvent;
import vn.doithoai.core.events.EventPublisher;
import vn.doithoai.core.mail.MailSender;

/**
 * The flow's cloud in LocalStack: the template's table with its stream, an event bus, a schedule group and a
 * verified sender, reached by the real adapters ({@link EventBridgeScheduler}, {@link EventBridgePublisher},
 * {@link SesMailSender}) through SDK clients that record, per function, the IAM action of every request they
 * send (and {@code iam:PassRole} for a schedule created with a role). LocalStack keeps schedules without
 * firing them and the bus's rules are the template's, so the flow reads the schedules back to fire them and
 * routes the events the bus accepted.
 */
final class LocalStackCloud implements Cloud {
  static final String IMAGE_DEFAULT = "localstack/localstack:4.4";
  static final String IMAGE = System.getProperty("localstack.image", IMAGE_DEFAULT);
  private static final String GROUP = "doithoai-test";
  private static final String BUS = "doithoai-test";
  private static final String SENDER = "khong-tra-loi@example.vn";
  private static final String ACCOUNT = "000000000000";

  private final LocalStackContainer container;
  private final DynamoDbClient dynamo;
  private final TableStream stream;
  private final SchedulerClient schedules;
  private final List<AutoCloseable> clients = new ArrayList<>();
  private final List<BusEvent> published = Collections.synchronizedList(new ArrayList<>());
  private final List<String> sentTo = Collections.synchronizedList(new ArrayList<>());

  LocalStackCloud(LocalStackContainer container) {
    this.container = container;
    dynamo = keep(configure(DynamoDbClient.builder()).build());
    TestTable.create(dynamo, TestTable.NAME, b -> b.streamSpecification(StreamSpecification.builder()
        .streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build()));
    dynamo.waiter().waitUntilTableExists(b -> b.tableName(TestTable.NAME));
    String streamArn = dynamo.describeTable(b -> b.tableName(TestTable.NAME)).table().latestStreamArn();
    stream = new TableStream(keep(configure(DynamoDbStreamsClient.builder()).build()), streamArn);
    keep(configure(EventBridgeClient.builder()).build()).createEventBus(b -> b.name(BUS));
    schedules = keep(configure(SchedulerClient.builder()).build());
    schedules.createScheduleGroup(b -> b.name(GROUP));
    try {
      keep(configure(SesV2Client.builder()).build()).createEmailIdentity(b -> b.emailIdentity(SENDER));
    } catch (AwsServiceException e) {
      // LocalStack verifies identities on creation; an image without SES v2 identities sends unverified
      System.err.println("LocalStack: no SES v2 identity for " + SENDER + " (" + e.getMessage() + ")");
    }
  }

  @Override
  public DynamoDbClient dynamo() {
    return dynamo;
  }

  @Override
  public String table() {
    return TestTable.NAME;
  }

  /** LocalStack's stream lags its writes a little: an empty read is tried again before it counts as empty. */
  @Override
  public List<DynamodbEvent.DynamodbStreamRecord> newStreamRecords() {
    for (int attempt = 0; attempt < 4; attempt++) {
      List<DynamodbEvent.DynamodbStreamRecord> records = stream.next();
      if (!records.isEmpty()) {
        return records;
      }
      sleep(300);
    }
    return List.of();
  }

  @Override
  public App.Outside outside(Set<String> actions, Clock clock) {
    Recording recording = new Recording(actions);
    String region = container.getRegion();
    EventBridgeScheduler scheduler = new EventBridgeScheduler(
        keep(configure(SchedulerClient.builder()).overrideConfiguration(c -> c.addExecutionInterceptor(recording))
            .build()), GROUP, "arn:aws:lambda:" + region + ":" + ACCOUNT + ":function:doithoai-deadlines:live",
        "arn:aws:iam::" + ACCOUNT + ":role/doithoai-scheduler", null, clock);
    EventBridgePublisher bus = new EventBridgePublisher(keep(configure(EventBridgeClient.builder())
        .overrideConfiguration(c -> c.addExecutionInterceptor(recording)).build()), BUS, clock);
    EventPublisher accepted = events -> {
      List<Integer> failed = bus.publish(events);
      for (int i = 0; i < events.size(); i++) {
        if (!failed.contains(i)) {
          published.add(events.get(i));
        }
      }
      return failed;
    };
    SesMailSender ses = new SesMailSender(keep(configure(SesV2Client.builder())
        .overrideConfiguration(c -> c.addExecutionInterceptor(recording)).build()), "\"Đối thoại\" <" + SENDER + ">",
        null);
    MailSender mail = m -> {
      String id = ses.send(m);
      sentTo.add(m.to());
      return id;
    };
    // LocalStack has no End User Messaging SMS: the action recorded, as the IAM contract needs it
    vn.doithoai.core.mail.SmsSender sms = m -> {
      actions.add("sms-voice:SendTextMessage");
      return "localstack-sms";
    };
    return new App.Outside(() -> scheduler, () -> accepted, () -> mail, () -> java.util.Optional.of(sms));
  }

  @Override
  public List<BusEvent> takePublished() {
    synchronized (published) {
      List<BusEvent> out = List.copyOf(published);
      published.clear();
      return out;
    }
  }

  /** The group's schedules, read back: name, {@code at(…)} in its time zone, the target's input. */
  @Override
  public List<ScheduleSpec> schedules() {
    List<ScheduleSpec> out = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      ListSchedulesResponse page = schedules.listSchedules(b -> b.groupName(GROUP).nextToken(next));
      for (ScheduleSummary s : page.schedules()) {
        GetScheduleResponse g = schedules.getSchedule(b -> b.groupName(GROUP).name(s.name()));
        String at = g.scheduleExpression().substring("at(".length(), g.scheduleExpression().length() - 1);
        Instant instant = LocalDateTime.parse(at).atZone(ZoneId.of(g.scheduleExpressionTimezone())).toInstant();
        out.add(new ScheduleSpec(g.name(), instant, Json.readObject(g.target().input())));
      }
      token = page.nextToken();
    } while (token != null);
    out.sort(Comparator.comparing(ScheduleSpec::at));
    return out;
  }

  @Override
  public List<String> sentTo() {
    return List.copyOf(sentTo);
  }

  @Override
  public void close() {
    for (AutoCloseable c : clients) {
      try {
        c.close();
      } catch (Exception e) {
        // closing a client of a container about to stop: nothing to keep
      }
    }
  }

  private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(B builder) {
    return builder.httpClientBuilder(UrlConnectionHttpClient.builder())
        .endpointOverride(container.getEndpoint())
        .region(Region.of(container.getRegion()))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(container.getAccessKey(), container.getSecretKey())));
  }

  private <T extends AutoCloseable> T keep(T client) {
    clients.add(client);
    return client;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Each request a client sends, as the IAM action that authorises it (SES v2 SendEmail is ses:SendEmail). */
  private static final class Recording implements ExecutionInterceptor {
    private final Set<String> actions;

    Recording(Set<String> actions) {
      this.actions = actions;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      SdkRequest request = context.request();
      String service = request.getClass().getPackageName().split("\\.")[4]; // software.amazon.awssdk.services.X
      String prefix = switch (service) {
        case "eventbridge" -> "events";
        case "sesv2" -> "ses";
        default -> service;
      };
      actions.add(prefix + ":" + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
      if (request instanceof CreateScheduleRequest c && c.target() != null && c.target().roleArn() != null) {
        actions.add("iam:PassRole");
      }
    }
  }
}
