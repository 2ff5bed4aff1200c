package vn.doithoai.aws;

import static vn.doithoai.aws.DynamoTable.s;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.doithoai.core.mail.ContactIds;
import vn.doithoai.core.mail.Suppressions;

/**
 * Addresses that bounced or complained: {@code SUPPRESS#{address} / SUPPRESS} with {@code reason} and
 * {@code at}, the address trimmed and lower-cased (Locale.ROOT), so {@code Duc@Example.VN } and
 * {@code duc@example.vn} are one entry. A later bounce overwrites the reason. Read strongly consistent: an
 * address suppressed a moment ago is not sent to.
 */
public final class DynamoSuppressions implements Suppressions {
  static final String SK = "SUPPRESS";

  /** A stored suppression. */
  public record Entry(String address, String reason, Instant at) {}

  private final DynamoTable table;

  public DynamoSuppressions(DynamoTable table) {
    this.table = table;
  }

  @Override
  public boolean suppressed(String address) {
    String a = normalise(address);
    return a != null && table.get(pk(a), SK).isPresent();
  }

  @Override
  public void suppress(String address, String reason, Instant at) {
    String a = normalise(address);
    if (a == null) {
      return;
    }
    Map<String, AttributeValue> item = new HashMap<>(DynamoTable.key(pk(a), SK));
    item.put("address", s(a));
    item.put("reason", s(reason == null || reason.isBlank() ? "unknown" : reason));
    item.put("at", s(at.toString()));
    table.client().putItem(b -> b.tableName(table.name()).item(item));
  }

  /** The stored entry, if the address is suppressed. */
  public Optional<Entry> find(String address) {
    String a = normalise(address);
    if (a == null) {
      return Optional.empty();
    }
    return table.get(pk(a), SK).map(item -> new Entry(a, DynamoTable.str(item, "reason"),
        Instant.parse(DynamoTable.str(item, "at"))));
  }

  static String normalise(String address) {
    if (address == null || address.isBlank()) {
      return null;
    }
    return address.trim().toLowerCase(Locale.ROOT);
  }

  /** Keyed by the contact's opaque id ({@link ContactIds}), never the address itself. */
  static String pk(String normalised) {
    return "SUPPRESS#" + ContactIds.of(normalised);
  }
}
