package vn.doithoai.aws;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.deadline.Reconciling;
import vn.doithoai.core.mail.OutgoingMail;

/**
 * A unit's digest as one outbox e-mail per commune, unit and day: id {@code digest#{communeId}#{unitId}#{day}},
 * to the unit's address, the Fatherland Front in copy of an office's digest when it has an address, kind
 * {@code deadline.digest}; put with {@code attribute_not_exists(pk)}, so a second run on the same day (a retried
 * cron, a manual run) sends nothing more.
 */
public final class DynamoDigests implements Reconciling.Digests {
  static final String KIND = "deadline.digest";

  private final DynamoTable table;
  private final Clock clock;

  public DynamoDigests(DynamoTable table, Clock clock) {
    this.table = Objects.requireNonNull(table);
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * True if the digest was written now; false if that unit's digest of the day was written before, or there is no
   * address. An office's digest copies the Fatherland Front, which supervises the follow-up.
   */
  @Override
  public boolean send(Commune commune, String unitKey, String to, LocalDate day, String subject, String text,
      String html) {
    if (blank(to)) {
      return false;
    }
    boolean office = Commune.PARTY_OFFICE.equals(unitKey) || Commune.COMMITTEE_OFFICE.equals(unitKey);
    List<String> cc = !office || blank(commune.frontEmail()) || commune.frontEmail().trim().equalsIgnoreCase(to.trim())
        ? List.of() : List.of(commune.frontEmail().trim());
    OutgoingMail mail = new OutgoingMail(id(commune.id(), unitKey, day), commune.id(), to.trim(), subject, text, html,
        KIND, clock.instant(), cc);
    try {
      table.client().putItem(b -> b.tableName(table.name()).item(DynamoMailOutbox.mailItem(mail))
          .conditionExpression(DynamoTable.NOT_EXISTS));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  static String id(String communeId, String unitKey, LocalDate day) {
    return "digest#" + DynamoTable.part(communeId, "commune id") + "#" + DynamoTable.part(unitKey, "unit id") + "#"
        + day;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
