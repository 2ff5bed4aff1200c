package vn.doithoai.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The other SDK clients of a JVM, built like {@link DynamoClients}: the URL-connection HTTP client, the region
 * from {@code AWS_REGION} (default {@code ap-southeast-1}) and the default credentials chain, unless the
 * service's endpoint override is set ({@code DOITHOAI_SCHEDULER_ENDPOINT}, {@code DOITHOAI_EVENTBRIDGE_ENDPOINT},
 * {@code DOITHOAI_SES_ENDPOINT}): then that endpoint and static dummy credentials, which is how the local
 * runtime and the tests point the SDK at their stand-ins. Each shared client is built on first use only, so a
 * function that never sends mail never loads the SES classes.
 */
public final class AwsClients {
  public static final String SCHEDULER_ENDPOINT = "DOITHOAI_SCHEDULER_ENDPOINT";
  public static final String EVENTBRIDGE_ENDPOINT = "DOITHOAI_EVENTBRIDGE_ENDPOINT";
  public static final String SES_ENDPOINT = "DOITHOAI_SES_ENDPOINT";
  public static final String COGNITO_ENDPOINT = "DOITHOAI_COGNITO_ENDPOINT";

  private static volatile SchedulerClient scheduler;
  private static volatile EventBridgeClient eventBridge;
  private static volatile SesV2Client ses;

  private AwsClients() {}

  /** The shared EventBridge Scheduler client. */
  public static SchedulerClient scheduler() {
    SchedulerClient c = scheduler;
    if (c == null) {
      synchronized (AwsClients.class) {
        c = scheduler;
        if (c == null) {
          c = buildScheduler();
          scheduler = c;
        }
      }
    }
    return c;
  }

  /** The shared EventBridge client. */
  public static EventBridgeClient eventBridge() {
    EventBridgeClient c = eventBridge;
    if (c == null) {
      synchronized (AwsClients.class) {
        c = eventBridge;
        if (c == null) {
          c = buildEventBridge();
          eventBridge = c;
        }
      }
    }
    return c;
  }

  /** The shared SES v2 client. */
  public static SesV2Client ses() {
    SesV2Client c = ses;
    if (c == null) {
      synchronized (AwsClients.class) {
        c = ses;
        if (c == null) {
          c = buildSes();
          ses = c;
        }
      }
    }
    return c;
  }

  /** A new client from the current configuration (callers own it and close it). */
  public static SchedulerClient buildScheduler() {
    return configure(SchedulerClient.builder(), SCHEDULER_ENDPOINT).build();
  }

  /** A new client from the current configuration (callers own it and close it). */
  public static EventBridgeClient buildEventBridge() {
    return configure(EventBridgeClient.builder(), EVENTBRIDGE_ENDPOINT).build();
  }

  /** A new client from the current configuration (callers own it and close it). */
  public static SesV2Client buildSes() {
    return configure(SesV2Client.builder(), SES_ENDPOINT).build();
  }

  /** A new Cognito user-pool client (sign-in, and the CLI that creates staff users). */
  public static CognitoIdentityProviderClient buildCognito() {
    return configure(CognitoIdentityProviderClient.builder(), COGNITO_ENDPOINT).build();
  }

  /** A new SSM client (one parameter read at init, when no public address is configured). */
  public static SsmClient buildSsm() {
    return configure(SsmClient.builder(), "DOITHOAI_SSM_ENDPOINT").build();
  }

  static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(B builder,
      String endpointVariable) {
    String region = DynamoClients.config(DynamoClients.REGION);
    String endpoint = DynamoClients.config(endpointVariable);
    builder.httpClientBuilder(UrlConnectionHttpClient.builder())
        .region(Region.of(region == null || region.isBlank() ? DynamoClients.DEFAULT_REGION : region.trim()));
    if (endpoint != null && !endpoint.isBlank()) {
      builder.endpointOverride(URI.create(endpoint.trim()))
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    } else {
      builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
    }
    return builder;
  }

  /** A configuration value that must be set (trimmed). */
  static String required(String name) {
    String v = DynamoClients.config(name);
    if (v == null || v.isBlank()) {
      throw new IllegalStateException(name + " is not set");
    }
    return v.trim();
  }

  /** A configuration value that may be absent: null when unset or blank (trimmed otherwise). */
  static String optional(String name) {
    String v = DynamoClients.config(name);
    return v == null || v.isBlank() ? null : v.trim();
  }
}
