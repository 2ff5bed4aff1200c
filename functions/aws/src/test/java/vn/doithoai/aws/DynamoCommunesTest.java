package vn.doithoai.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.commune.WebhookSecret;

class DynamoCommunesTest {
  private DynamoCommunes communes;

  @BeforeEach
  void setUp() {
    communes = new DynamoCommunes(TestTable.create());
  }

  @Test
  void roundTripsACommuneAndItsSecrets() {
    Commune c = Fixtures.commune("xa-tan-thanh");
    WebhookSecret first = WebhookSecret.generate("s1", Fixtures.T0);
    communes.create(c, List.of(first));

    Commune read = communes.find("xa-tan-thanh").orElseThrow();
    assertEquals(c, read);
    assertTrue(Normalizer.isNormalized(read.peoplesCommitteeOfficeName(), Normalizer.Form.NFC));
    assertEquals("Văn phòng HĐND và UBND xã Tân Thành", read.peoplesCommitteeOfficeName());
    assertEquals(List.of(first), communes.secrets("xa-tan-thanh"));
    assertEquals(Optional.empty(), communes.find("xa-khong-co"));
    assertEquals(List.of(), communes.secrets("xa-khong-co"));
  }

  @Test
  void communesFromBeforeTheRegistryAreAddedToItOnce() {
    DynamoTable table = TestTable.create();
    DynamoCommunes store = new DynamoCommunes(table);
    store.create(Fixtures.commune("xa-moi"), List.of());
    store.create(Fixtures.commune("xa-cu"), List.of());
    table.client().updateItem(b -> b.tableName(table.name()).key(DynamoTable.key("C#xa-cu", "COMMUNE"))
        .updateExpression("REMOVE gsi1pk, gsi1sk")); // as written before the registry
    assertEquals(List.of("xa-moi"), registry(table));
    assertEquals(1, store.backfillRegistry());
    assertEquals(List.of("xa-cu", "xa-moi"), registry(table));
    assertEquals(0, store.backfillRegistry());
    assertEquals(Fixtures.commune("xa-cu"), store.find("xa-cu").orElseThrow());
  }

  private static List<String> registry(DynamoTable table) {
    return table.client().query(b -> b.tableName(table.name()).indexName("gsi1").keyConditionExpression("gsi1pk = :p")
        .expressionAttributeValues(java.util.Map.of(":p", software.amazon.awssdk.services.dynamodb.model
            .AttributeValue.fromS("COMMUNES")))).items().stream().map(i -> i.get("gsi1sk").s()).toList();
  }

  @Test
  void creatingAnExistingCommuneIsAConflict() {
    communes.create(Fixtures.commune("xa-tan-thanh"), List.of(WebhookSecret.generate("s1", Fixtures.T0)));
    DomainException e = assertThrows(DomainException.class,
        () -> communes.create(Fixtures.commune("xa-tan-thanh"), List.of()));
    assertEquals("already_exists", e.code());
    assertEquals(DomainException.Kind.CONFLICT, e.kind());
  }

  @Test
  void updatesOnlyFromTheExpectedVersion() {
    Commune c = Fixtures.commune("xa-tan-thanh");
    communes.create(c, List.of());
    Commune renamed = new Commune(c.id(), "Phường Tân Thành", c.province(), c.profileId(), c.partyOfficeName(),
        c.peoplesCommitteeOfficeName(), c.officeEmail(), c.hostEmail(), c.frontEmail(), c.websiteUrl(),
        c.agencies(), 2, c.createdAt());
    communes.update(renamed, 1);
    assertEquals("Phường Tân Thành", communes.find(c.id()).orElseThrow().name());

    DomainException e = assertThrows(DomainException.class, () -> communes.update(c.withVersion(2), 1));
    assertEquals("version_conflict", e.code());
    assertEquals(2, communes.find(c.id()).orElseThrow().version());
  }

  @Test
  void twoRotationsFromTheSameSecretsOneWins() {
    WebhookSecret first = WebhookSecret.generate("s1", Fixtures.T0);
    communes.create(Fixtures.commune("xa-tan-thanh"), List.of(first));
    List<WebhookSecret> read = communes.secrets("xa-tan-thanh");

    WebhookSecret old = new WebhookSecret(first.id(), first.secret(), first.createdAt(),
        Optional.of(Fixtures.T0.plusSeconds(86400)));
    List<WebhookSecret> rotatedA = List.of(old, WebhookSecret.generate("s2", Fixtures.T0.plusSeconds(60)));
    List<WebhookSecret> rotatedB = List.of(old, WebhookSecret.generate("s3", Fixtures.T0.plusSeconds(61)));
    communes.replaceSecrets("xa-tan-thanh", read, rotatedA);
    DomainException e = assertThrows(DomainException.class,
        () -> communes.replaceSecrets("xa-tan-thanh", read, rotatedB));
    assertEquals("version_conflict", e.code());
    assertEquals(rotatedA, communes.secrets("xa-tan-thanh"));

    // from what is stored now, the next rotation goes through
    communes.replaceSecrets("xa-tan-thanh", communes.secrets("xa-tan-thanh"), List.of(rotatedA.get(1)));
    assertEquals(List.of(rotatedA.get(1)), communes.secrets("xa-tan-thanh"));
  }

  @Test
  void rotatingTheSecretsOfAMissingCommuneFails() {
    assertThrows(DomainException.class, () -> communes.replaceSecrets("xa-khong-co", List.of(),
        List.of(WebhookSecret.generate("s1", Fixtures.T0))));
  }
}
