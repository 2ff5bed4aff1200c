package vn.doithoai.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoClientsTest {
  @AfterEach
  void clear() {
    System.clearProperty(DynamoClients.ENDPOINT);
    System.clearProperty(DynamoClients.REGION);
    System.clearProperty(DynamoClients.TABLE_NAME);
  }

  @Test
  void anEndpointOverrideAndRegionFromTheConfiguration() {
    System.setProperty(DynamoClients.ENDPOINT, "http://127.0.0.1:8000");
    System.setProperty(DynamoClients.REGION, "ap-southeast-2");
    try (DynamoDbClient c = DynamoClients.build()) {
      assertEquals(Optional.of(URI.create("http://127.0.0.1:8000")), c.serviceClientConfiguration().endpointOverride());
      assertEquals(Region.AP_SOUTHEAST_2, c.serviceClientConfiguration().region());
    }
  }

  @Test
  void theTableNameIsRequired() {
    System.setProperty(DynamoClients.TABLE_NAME, "  ");
    assertThrows(IllegalStateException.class, DynamoTable::fromEnvironment);
    assertThrows(IllegalArgumentException.class, () -> new DynamoTable(TestTable.client(), "ab"));
  }
}
