package vn.doithoai.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

class AwsClientsTest {
  @AfterEach
  void clear() {
    for (String p : new String[] {AwsClients.SCHEDULER_ENDPOINT, AwsClients.EVENTBRIDGE_ENDPOINT,
        AwsClients.SES_ENDPOINT, DynamoClients.REGION, EventBridgePublisher.BUS_NAME, SesMailSender.FROM}) {
      System.clearProperty(p);
    }
  }

  @Test
  void eachServiceHasItsOwnEndpointOverride() {
    System.setProperty(AwsClients.SCHEDULER_ENDPOINT, "http://127.0.0.1:9001");
    System.setProperty(AwsClients.EVENTBRIDGE_ENDPOINT, "http://127.0.0.1:9002 ");
    System.setProperty(AwsClients.SES_ENDPOINT, "http://127.0.0.1:9003");
    System.setProperty(DynamoClients.REGION, "ap-southeast-2");
    try (SchedulerClient s = AwsClients.buildScheduler(); EventBridgeClient e = AwsClients.buildEventBridge();
        SesV2Client m = AwsClients.buildSes()) {
      assertEquals(Optional.of(URI.create("http://127.0.0.1:9001")), s.serviceClientConfiguration().endpointOverride());
      assertEquals(Optional.of(URI.create("http://127.0.0.1:9002")), e.serviceClientConfiguration().endpointOverride());
      assertEquals(Optional.of(URI.create("http://127.0.0.1:9003")), m.serviceClientConfiguration().endpointOverride());
      assertEquals(Region.AP_SOUTHEAST_2, m.serviceClientConfiguration().region());
    }
  }

  @Test
  void withoutOverrideTheDefaultRegion() {
    try (SesV2Client m = AwsClients.buildSes()) {
      assertEquals(Optional.empty(), m.serviceClientConfiguration().endpointOverride());
      String env = System.getenv(DynamoClients.REGION);
      assertEquals(env == null || env.isBlank() ? Region.AP_SOUTHEAST_1 : Region.of(env.trim()),
          m.serviceClientConfiguration().region());
    }
  }

  @Test
  void requiredSettingsAreNamedWhenMissing() {
    IllegalStateException bus = assertThrows(IllegalStateException.class,
        () -> EventBridgePublisher.fromEnvironment(Clock.systemUTC()));
    assertEquals("EVENT_BUS_NAME is not set", bus.getMessage());
    System.setProperty(SesMailSender.FROM, " ");
    assertThrows(IllegalStateException.class, SesMailSender::fromEnvironment);
  }
}
