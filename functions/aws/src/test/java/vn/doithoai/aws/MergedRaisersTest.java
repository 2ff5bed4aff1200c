package vn.doithoai.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import vn.doithoai.core.calendar.Calendars;
import vn.doithoai.core.calendar.WorkingCalendar;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.Input;
import vn.doithoai.core.common.PhoneNumber;
import vn.doithoai.core.mail.CitizenMails;
import vn.doithoai.core.opinion.AssignmentDeadlines;
import vn.doithoai.core.opinion.HandlingOpinions;
import vn.doithoai.core.opinion.MergedRaisers;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.OpinionField;
import vn.doithoai.core.opinion.OpinionParts.Raiser;
import vn.doithoai.core.opinion.OpinionStatus;
import vn.doithoai.core.opinion.PublicOpinions;
import vn.doithoai.core.rights.Contact;
import vn.doithoai.core.rights.HandlingPrivacyRequests;
import vn.doithoai.core.rules.RuleProfiles;

/**
 * One matter and {@value #MERGES} opinions merged into it through the use case, each raiser kept in a record of
 * its own ({@link MatterRaisers}): every merge writes the same units whatever the number before it (read from
 * DynamoDB Local's {@code ConsumedCapacity}), the answer tells every raiser once, page by page, a merged
 * opinion's tracking code shows the matter's status, and erasing a contact reaches its record under the matter.
 */
class MergedRaisersTest {
  static final int MERGES = 2_000;
  /** Citizen {@value #SAME_PERSON} is citizen {@value #TWICE} again: the same address, told once. */
  static final int SAME_PERSON = 7;
  static final int TWICE = 1_007;

  private DynamoTable table;
  private DynamoOpinions opinions;
  private DynamoMailOutbox outbox;
  private HandlingOpinions handling;
  private FanOutMailTest.MutableClock clock;
  /** Write units the transactions consumed since the last reset. */
  private final double[] writeUnits = new double[1];

  /** The client, with every transaction asked for its consumed capacity and the units added up. */
  private DynamoDbClient metered(DynamoDbClient real) {
    return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
        new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
          if (method.getName().equals("transactWriteItems") && args != null && args.length == 1) {
            @SuppressWarnings("unchecked")
            TransactWriteItemsRequest r = args[0] instanceof TransactWriteItemsRequest t ? t
                : TransactWriteItemsRequest.builder().applyMutation((Consumer<TransactWriteItemsRequest.Builder>) args[0])
                    .build();
            TransactWriteItemsResponse response = real.transactWriteItems(r.toBuilder()
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build());
            for (ConsumedCapacity c : response.consumedCapacity()) {
              writeUnits[0] += c.capacityUnits();
            }
            return response;
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @BeforeEach
  void setUp() {
    DynamoTable plain = TestTable.create();
    table = new DynamoTable(metered(plain.client()), plain.name());
    opinions = new DynamoOpinions(table);
    outbox = new DynamoMailOutbox(table);
    clock = new FanOutMailTest.MutableClock(Fixtures.T0.plus(Duration.ofDays(2)));
    new DynamoCommunes(table).create(Fixtures.commune(Fixtures.CID), List.of());
    Calendars calendars = new Calendars(WorkingCalendar::vietnam, new DynamoCalendarOverrides(table), clock);
    handling = new HandlingOpinions(opinions, new DynamoCommunes(table), new DynamoPlans(table),
        new AssignmentDeadlines(RuleProfiles.shipped(), calendars), new CitizenMails("https://doithoai.example.vn"),
        new vn.doithoai.core.mail.AgencyMails("https://doithoai.example.vn"),
        new vn.doithoai.core.plan.PlanSchedules(RuleProfiles.shipped(), calendars), clock);
  }

  /** Citizen {@code i}: an e-mail, or (every tenth) only a mobile phone; named, consenting or not. */
  private static Opinion citizen(int i) {
    int who = i == TWICE ? SAME_PERSON : i;
    boolean phoneOnly = who % 10 == 3;
    Raiser r = new Raiser("Nguyễn Văn Dân " + who, "0912 " + String.format("%06d", who),
        phoneOnly ? null : "cong.dan" + who + "@example.vn", "Số " + who + ", đường Hùng Vương", "Thôn Nà Pàn",
        who % 2 == 0);
    Opinion o = Fixtures.opinion("o_" + i, Optional.empty(), OpinionField.INFRASTRUCTURE,
        Fixtures.T0.plusSeconds(i));
    return new Opinion(o.id(), o.communeId(), o.planId(), o.trackingCode(), o.content(), o.field(), o.channel(),
        List.of(r), o.compiled(), o.receivedAt(), o.status(), o.decision(), o.mergedInto(), o.mergedFrom(),
        o.assignment(), o.answer(), o.version(), o.audit());
  }

  /** Whom citizens 0..n are told at: one e-mail per address, one SMS per phone-only citizen. */
  private static Set<String> recipients(int n) {
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i <= n; i++) {
      Raiser r = citizen(i).raisers().get(0);
      out.add(r.email() != null ? r.email() : PhoneNumber.mobile(r.phone()).orElseThrow());
    }
    return out;
  }

  private Opinion merge(Opinion source) {
    writeUnits[0] = 0;
    return handling.merge(Fixtures.OFFICE, source.id(), new Input(Map.of("into", "o_0")));
  }

  private List<Map<String, AttributeValue>> mails() {
    return TestTable.scan(table, "MAIL#").stream().filter(i -> i.get("sk").s().equals("MAIL")).toList();
  }

  @Test
  @DisplayName(MERGES + " merges into one matter: each writes the same units, the matter stays small, the answer "
      + "tells every raiser once, a merged code shows the matter's status, an erasure reaches the record")
  void aMatterOfTwoThousandMerges() {
    Opinion matter = citizen(0).accept(Optional.empty(), OpinionField.INFRASTRUCTURE, Fixtures.OFFICE,
        Fixtures.T0.plusSeconds(1));
    opinions.create(List.of(matter), List.of());
    Map<Integer, Double> units = new java.util.TreeMap<>();
    Set<Double> every = new HashSet<>();
    List<Opinion> sources = new ArrayList<>();
    for (int i = 1; i <= MERGES; i++) {
      sources.add(citizen(i));
    }
    opinions.create(sources, List.of()); // in transactions of 30: only the merges are measured
    for (int i = 1; i <= MERGES; i++) {
      Opinion absorbed = merge(sources.get(i - 1));
      assertEquals(i, absorbed.merged().opinions());
      every.add(writeUnits[0]);
      if (i == 1 || i == 300 || i == MERGES) {
        units.put(i, writeUnits[0]);
      }
    }
    System.out.println("merged raisers: write units per merge at " + units + "; the distinct values over all "
        + MERGES + " merges: " + every);
    assertEquals(1, new HashSet<>(units.values()).size(), "the same units at 1, 300 and " + MERGES + ": " + units);
    // transactional writes cost 2 units per KB, and gsi1 (projection ALL) is written for both opinions: about
    // 2 × (2 KB merged opinion + 0.5 KB record + 2.5 KB matter) + their index entries, whatever came before
    assertTrue(units.get(MERGES) <= 30, "a merge is a few small items: " + units);

    Opinion read = opinions.find(Fixtures.CID, "o_0").orElseThrow();
    assertEquals(MERGES + 1, read.raiserCount());
    assertEquals(1, read.raisers().size(), "the matter's own list does not grow");
    Map<String, AttributeValue> head = TestTable.scan(table, "C#" + Fixtures.CID).stream()
        .filter(i -> i.get("sk").s().equals("OP#o_0")).findFirst().orElseThrow();
    int headBytes = head.get("doc").s().getBytes(StandardCharsets.UTF_8).length;
    System.out.println("merged raisers: matter document " + headBytes + " B after " + MERGES + " merges");
    assertTrue(headBytes < 4_000, "the matter stays the size it was: " + headBytes + " B");

    // the same opinion merged again is refused, and stays one raiser
    assertEquals("illegal_transition", assertThrows(DomainException.class, () -> handling.merge(Fixtures.OFFICE,
        "o_5", new Input(Map.of("into", "o_0")))).code());
    Opinion storedFive = opinions.find(Fixtures.CID, "o_5").orElseThrow();
    assertThrows(DomainException.class, () -> opinions.merge(storedFive, read.absorb(storedFive, Fixtures.OFFICE,
        clock.instant()), MergedRaisers.of(read, sources.get(4), clock.instant(), Fixtures.OFFICE)),
        "the record is written once");
    List<Raiser> all = new ArrayList<>();
    opinions.forEachRaiser(opinions.find(Fixtures.CID, "o_0").orElseThrow(), all::add);
    assertEquals(MERGES + 1, all.size(), "every raiser once, read page by page");

    // the answer: the matter's own raiser in its transaction, the merged ones through one letter, page by page
    handling.answer(Fixtures.OFFICE, "o_0", new Input(Map.of("text",
        "Ủy ban nhân dân xã đã bố trí kinh phí sửa chữa đoạn đường liên thôn, hoàn thành trong quý I năm sau.",
        "mode", "at-meeting")));
    List<Map<String, AttributeValue>> letters = TestTable.scan(table, "MAIL#letter#").stream().toList();
    assertEquals(1, letters.size());
    String letterId = letters.get(0).get("pk").s().substring("MAIL#".length());
    assertFalse(letters.get(0).get("doc").s().contains("@"), "a letter names no one");
    assertEquals(1, mails().size(), "the matter's own raiser, in the answer's transaction");
    Set<String> expected = recipients(MERGES);
    assertEquals(expected.size() - 1, outbox.expand(letterId));
    assertEquals(0, outbox.expand(letterId), "a repeated event writes nothing");
    List<String> to = mails().stream().map(m -> vn.doithoai.core.common.Json.readObject(m.get("doc").s())
        .get("to").toString()).toList();
    assertEquals(expected.size(), to.size(), "one message per address or phone");
    assertEquals(expected, new HashSet<>(to));
    assertFalse(TestTable.scan(table, "MAIL#letter#").get(0).containsKey("gsi2pk"), "done: off the pending index");

    // a merged opinion's tracking code shows the matter's status
    PublicOpinions publicOpinions = new PublicOpinions(opinions, new AssignmentDeadlines(RuleProfiles.shipped(),
        new Calendars(WorkingCalendar::vietnam, new DynamoCalendarOverrides(table), clock)), clock);
    PublicOpinions.Status status = publicOpinions.find(Fixtures.CID, sources.get(1233).trackingCode());
    assertEquals(OpinionStatus.ANSWERED, status.opinion().status());
    assertEquals(Optional.of(matter.trackingCode()), status.mergedInto());

    // erasing citizen 1234's contact reaches the record under the matter
    String address = "cong.dan1234@example.vn";
    HandlingPrivacyRequests privacy = new HandlingPrivacyRequests(opinions, new DynamoCommunes(table),
        new DynamoContactMails(table, outbox), new DynamoPrivacyRequests(table),
        "test-key".getBytes(StandardCharsets.UTF_8), clock);
    privacy.erase(Fixtures.OFFICE, Contact.parse(address), "Đơn đề nghị số 12/2025");
    Map<String, Object> record = vn.doithoai.core.common.Json.readObject(table.get("C#" + Fixtures.CID,
        "OPR#o_0#o_1234").orElseThrow().get("doc").s());
    assertFalse(record.get("raisers").toString().contains("1234"), "nothing of citizen 1234 left in the record: "
        + record);
    for (Map<String, AttributeValue> item : TestTable.scan(table, "")) {
      assertFalse(item.toString().contains(address), "no item holds the address: " + item.get("pk"));
      assertFalse(item.toString().contains("Nguyễn Văn Dân 1234"), "nor the name: " + item.get("pk"));
    }
    assertEquals(MERGES + 1, opinions.find(Fixtures.CID, "o_0").orElseThrow().raiserCount(), "still counted");
  }
}
