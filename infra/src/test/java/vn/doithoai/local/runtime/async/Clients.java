package vn.doithoai.local.runtime.async;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The real SDK v2 clients, pointed at the local stand-ins by the properties the runtime sets (one client per
 * endpoint, as a restarted runtime has a new port), and what the test handlers saw.
 */
public final class Clients {
  public static final List<String> LOG = new CopyOnWriteArrayList<>();
  private static final Map<String, Object> CLIENTS = new ConcurrentHashMap<>();

  private Clients() {}

  public static SchedulerClient scheduler() {
    String e = System.getProperty("DOITHOAI_SCHEDULER_ENDPOINT");
    return (SchedulerClient) CLIENTS.computeIfAbsent("scheduler " + e, k -> SchedulerClient.builder()
        .httpClient(UrlConnectionHttpClient.create()).region(Region.AP_SOUTHEAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .endpointOverride(URI.create(e)).build());
  }

  public static EventBridgeClient events() {
    String e = System.getProperty("DOITHOAI_EVENTBRIDGE_ENDPOINT");
    return (EventBridgeClient) CLIENTS.computeIfAbsent("events " + e, k -> EventBridgeClient.builder()
        .httpClient(UrlConnectionHttpClient.create()).region(Region.AP_SOUTHEAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .endpointOverride(URI.create(e)).build());
  }

  public static SesV2Client ses() {
    String e = System.getProperty("DOITHOAI_SES_ENDPOINT");
    return (SesV2Client) CLIENTS.computeIfAbsent("ses " + e, k -> SesV2Client.builder()
        .httpClient(UrlConnectionHttpClient.create()).region(Region.AP_SOUTHEAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .endpointOverride(URI.create(e)).build());
  }

  /** The time as the handlers' AppClock sees it: the system clock plus the local offset. */
  public static java.time.Instant now() {
    String o = System.getProperty("DOITHOAI_CLOCK_OFFSET_MILLIS", "0");
    return java.time.Instant.ofEpochMilli(System.currentTimeMillis() + Long.parseLong(o));
  }

  static void publish(String detailType, String detailJson) {
    var r = events().putEvents(b -> b.entries(e -> e.eventBusName(System.getProperty("EVENT_BUS_NAME"))
        .source("doithoai").detailType(detailType).detail(detailJson)));
    if (r.failedEntryCount() > 0) {
      throw new IllegalStateException("PutEvents failed: " + r.entries());
    }
  }
}
