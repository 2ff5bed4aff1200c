package vn.doithoai.aws;

import static vn.doithoai.aws.DynamoTable.DOC;
import static vn.doithoai.aws.DynamoTable.VERSION;
import static vn.doithoai.aws.DynamoTable.communePk;
import static vn.doithoai.aws.DynamoTable.n;
import static vn.doithoai.aws.DynamoTable.s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.commune.Communes;
import vn.doithoai.core.commune.WebhookSecret;

/**
 * Communes in the single table: {@code C#{id} / COMMUNE} (doc, version; gsi1 {@code COMMUNES / {id}}, the
 * registry) and, beside it, the webhook secrets
 * {@code C#{id} / SECRETS} (doc = a JSON array). A rotation replaces the secrets only if the stored array is
 * still, text for text, the one the caller read — two rotations at once: one wins, the other is a version
 * conflict.
 */
public final class DynamoCommunes implements Communes {
  static final String COMMUNE_SK = "COMMUNE";
  static final String SECRETS_SK = "SECRETS";
  /** The registry of communes: gsi1 {@code COMMUNES / {id}} on each commune item, paged over by a national change. */
  static final String REGISTRY = "COMMUNES";

  private final DynamoTable table;

  public DynamoCommunes(DynamoTable table) {
    this.table = table;
  }

  @Override
  public void create(Commune commune, List<WebhookSecret> secrets) {
    List<TransactWriteItem> items = List.of(table.putNew(communeItem(commune)),
        table.putNew(secretsItem(commune.id(), secrets)));
    DynamoTable.Outcome o = table.transact(items);
    if (o.committed()) {
      return;
    }
    if (o.anyConditionFailed()) {
      throw DomainException.conflict("already_exists", "Xã, phường có mã \"" + commune.id() + "\" đã tồn tại.");
    }
    throw DynamoTable.unexpected(o);
  }

  @Override
  public Optional<Commune> find(String communeId) {
    return table.get(communePk(communeId), COMMUNE_SK).map(item -> Commune.fromJson(DynamoTable.doc(item)));
  }

  @Override
  public void update(Commune commune, long expectedVersion) {
    try {
      table.client().putItem(b -> b.tableName(table.name()).item(communeItem(commune))
          .conditionExpression("#v = :expected")
          .expressionAttributeNames(Map.of("#v", VERSION))
          .expressionAttributeValues(Map.of(":expected", n(expectedVersion))));
    } catch (ConditionalCheckFailedException e) {
      throw DomainException.staleVersion();
    }
  }

  @Override
  public List<WebhookSecret> secrets(String communeId) {
    return table.get(communePk(communeId), SECRETS_SK).map(DynamoCommunes::readSecrets).orElse(List.of());
  }

  @Override
  public void replaceSecrets(String communeId, List<WebhookSecret> expected, List<WebhookSecret> secrets) {
    String expectedDoc = write(expected);
    // create() always writes the array (even empty), so a missing item (no such commune) fails the condition.
    try {
      table.client().putItem(b -> b.tableName(table.name()).item(secretsItem(communeId, secrets))
          .conditionExpression("#d = :expected")
          .expressionAttributeNames(Map.of("#d", DOC))
          .expressionAttributeValues(Map.of(":expected", s(expectedDoc))));
    } catch (ConditionalCheckFailedException e) {
      throw DomainException.staleVersion();
    }
  }

  /**
   * Communes registered before the registry (gsi1 {@code COMMUNES}) was kept: one paged Scan for commune items
   * without it, each given its registry key (conditional on still lacking it). Run once after deploying; safe to
   * repeat. Without it, a national change would not re-date those communes.
   *
   * @return how many communes were added to the registry
   */
  public int backfillRegistry() {
    int added = 0;
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      var page = table.client().scan(b -> b.tableName(table.name()).exclusiveStartKey(from)
          .filterExpression("sk = :c AND attribute_not_exists(gsi1pk)").projectionExpression("pk")
          .expressionAttributeValues(Map.of(":c", s(COMMUNE_SK))));
      for (Map<String, AttributeValue> item : page.items()) {
        String id = item.get(DynamoTable.PK).s().substring(2);
        try {
          table.client().updateItem(b -> b.tableName(table.name()).key(DynamoTable.key(communePk(id), COMMUNE_SK))
              .updateExpression("SET gsi1pk = :r, gsi1sk = :id").conditionExpression("attribute_exists(pk) AND "
                  + "attribute_not_exists(gsi1pk)")
              .expressionAttributeValues(Map.of(":r", s(REGISTRY), ":id", s(id))));
          added++;
        } catch (ConditionalCheckFailedException e) {
          // registered meanwhile (an update rewrote it): nothing to add
        }
      }
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return added;
  }

  private Map<String, AttributeValue> communeItem(Commune c) {
    Map<String, AttributeValue> item = new HashMap<>(DynamoTable.key(communePk(c.id()), COMMUNE_SK));
    item.put(DOC, s(Json.write(c.toJson())));
    item.put(VERSION, n(c.version()));
    item.put(DynamoTable.GSI1PK, s(REGISTRY));
    item.put(DynamoTable.GSI1SK, s(c.id()));
    return item;
  }

  private Map<String, AttributeValue> secretsItem(String communeId, List<WebhookSecret> secrets) {
    Map<String, AttributeValue> item = new HashMap<>(DynamoTable.key(communePk(communeId), SECRETS_SK));
    item.put(DOC, s(write(secrets)));
    return item;
  }

  /** The stored text: the same list always gives the same text (ordered maps, nulls written). */
  private static String write(List<WebhookSecret> secrets) {
    List<Object> list = new ArrayList<>();
    secrets.forEach(x -> list.add(x.toJson()));
    return Json.write(list);
  }

  @SuppressWarnings("unchecked")
  private static List<WebhookSecret> readSecrets(Map<String, AttributeValue> item) {
    List<WebhookSecret> out = new ArrayList<>();
    for (Object o : DynamoTable.docArray(item)) {
      out.add(WebhookSecret.fromJson((Map<String, Object>) o));
    }
    return List.copyOf(out);
  }
}
