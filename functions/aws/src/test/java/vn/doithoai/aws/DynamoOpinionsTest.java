package vn.doithoai.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.Ids;
import vn.doithoai.core.intake.IntakeResult;
import vn.doithoai.core.mail.OutgoingMail;
import vn.doithoai.core.opinion.MergedRaisers;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.OpinionField;
import vn.doithoai.core.opinion.OpinionParts;
import vn.doithoai.core.opinion.OpinionStatus;

class DynamoOpinionsTest {
  private static final Optional<String> PLAN = Optional.of("p_a1");

  private DynamoTable table;
  private DynamoOpinions opinions;
  private DynamoMailOutbox outbox;

  @BeforeEach
  void setUp() {
    table = TestTable.create();
    opinions = new DynamoOpinions(table);
    outbox = new DynamoMailOutbox(table);
  }

  @Test
  void roundTripsAnOpinionAndFindsItByTrackingCode() {
    Opinion o = Fixtures.opinion("o_1", PLAN, OpinionField.INFRASTRUCTURE, Fixtures.T0);
    opinions.create(List.of(o), List.of(Fixtures.mail("mail-o_1", Fixtures.T0)));

    Opinion read = opinions.find(Fixtures.CID, "o_1").orElseThrow();
    assertEquals(o, read);
    assertTrue(Normalizer.isNormalized(read.content(), Normalizer.Form.NFC));
    assertEquals("Lương Văn Đức", read.raisers().get(0).name());
    assertEquals(Optional.of(o), opinions.findByTrackingCode(Fixtures.CID, o.trackingCode()));
    assertEquals(Optional.empty(), opinions.findByTrackingCode("xa-khac", o.trackingCode()));
    assertEquals(Optional.empty(), opinions.findByTrackingCode(Fixtures.CID, "DT-0000-0000"));
    assertEquals(List.of("mail-o_1"), outbox.pending(10).stream().map(OutgoingMail::id).toList());
  }

  @Test
  void intakeCreatesThenRecognisesTheSameDelivery() {
    IntakeResult r1 = opinions.intake(Fixtures.inbox("msg_1", "h1"), Fixtures.delivered("msg_1"));
    String code = Fixtures.delivered("msg_1").apply(0).trackingCode();
    assertEquals(new IntakeResult.Created(code), r1);

    assertEquals(new IntakeResult.Duplicate(code), opinions.intake(Fixtures.inbox("msg_1", "h1"),
        Fixtures.delivered("msg_1")));
    assertInstanceOf(IntakeResult.Mismatch.class, opinions.intake(Fixtures.inbox("msg_1", "h-other"),
        Fixtures.delivered("msg_1")));
    assertEquals(1, opinions.byPlan(Fixtures.CID, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty()).size());
    assertEquals(0, outbox.pending(10).size(), "the acknowledgement follows from the stream");
    // one item: no inbox entry, no tracking item; the opinion carries the delivery
    assertEquals(List.of(), TestTable.scan(table, "INBOX#"));
    assertEquals(List.of(), TestTable.scan(table, "TRACK#"));
    Opinion stored = opinions.findByTrackingCode(Fixtures.CID, code).orElseThrow();
    assertEquals(Ids.opinionIdFor(code), stored.id());
    Map<String, AttributeValue> item = TestTable.scan(table, "C#").stream()
        .filter(i -> i.get("sk").s().equals("OP#" + stored.id())).findFirst().orElseThrow();
    assertEquals("msg_1", item.get("delivery").s());
    assertEquals("h1", item.get("bodyHash").s());
  }

  @Test
  void aTrackingCodeTakenByAnotherOpinionMovesTheDeliveryToItsNextCode() {
    Opinion squatter = Fixtures.coded(Fixtures.delivered("msg_9").apply(0).trackingCode());
    opinions.create(List.of(squatter), List.of());
    String second = Fixtures.delivered("msg_9").apply(1).trackingCode();
    assertEquals(new IntakeResult.Created(second), opinions.intake(Fixtures.inbox("msg_9", "h"),
        Fixtures.delivered("msg_9")));
    assertEquals(new IntakeResult.Duplicate(second), opinions.intake(Fixtures.inbox("msg_9", "h"),
        Fixtures.delivered("msg_9")), "a retry walks the same codes to its own");
    assertEquals(2, opinions.all(Fixtures.CID).size());
  }

  @Test
  void opinionsAndDeliveriesOfTheEarlierDesignStillResolve() {
    Opinion old = Fixtures.opinion("o_7k3m9qx2ab4t", Optional.empty(), OpinionField.OTHER, Fixtures.T0);
    opinions.create(List.of(old), List.of()); // an id that is not its code: a tracking item, as before
    assertEquals(1, TestTable.scan(table, "TRACK#").size());
    assertEquals(Optional.of(old), opinions.findByTrackingCode(Fixtures.CID, old.trackingCode().toLowerCase()));

    Map<String, AttributeValue> inbox = new java.util.HashMap<>(DynamoTable.key("INBOX#" + Fixtures.CID + "#msg_old",
        "INBOX"));
    inbox.put("bodyHash", AttributeValue.fromS("h"));
    inbox.put("trackingCode", AttributeValue.fromS(old.trackingCode()));
    table.client().putItem(b -> b.tableName(table.name()).item(inbox));
    assertEquals(new IntakeResult.Duplicate(old.trackingCode()), opinions.intake(Fixtures.inbox("msg_old", "h"),
        Fixtures.delivered("msg_old")), "a delivery accepted before the change is not created again");
    assertInstanceOf(IntakeResult.Mismatch.class, opinions.intake(Fixtures.inbox("msg_old", "h2"),
        Fixtures.delivered("msg_old")));
    assertEquals(1, opinions.all(Fixtures.CID).size());
  }

  @Test
  void creatingAnExistingOpinionOrTrackingCodeIsAConflict() {
    Opinion o = Fixtures.opinion("o_1", PLAN, OpinionField.LAND, Fixtures.T0);
    opinions.create(List.of(o), List.of());
    DomainException e = assertThrows(DomainException.class, () -> opinions.create(
        List.of(Fixtures.opinion("o_2", PLAN, OpinionField.LAND, Fixtures.T0), o), List.of()));
    assertEquals("already_exists", e.code());
    assertTrue(e.getMessage().contains("o_1"), e.getMessage());
    assertTrue(opinions.find(Fixtures.CID, "o_2").isEmpty(), "all or nothing");

    Opinion sameCode = Opinion.received("o_3", Fixtures.CID, PLAN, o.trackingCode(), "Nội dung khác", OpinionField.LAND,
        o.channel(), o.raisers(), Optional.empty(), Fixtures.T0, Fixtures.WEBSITE);
    e = assertThrows(DomainException.class, () -> opinions.create(List.of(sameCode), List.of()));
    assertEquals("already_exists", e.code());
    assertTrue(e.getMessage().contains("Mã tra cứu"), e.getMessage());

    Opinion o4 = Fixtures.opinion("o_4", PLAN, OpinionField.LAND, Fixtures.T0);
    opinions.create(List.of(o4), List.of(Fixtures.mail("mail-1", Fixtures.T0)));
    Opinion o5 = Fixtures.opinion("o_5", PLAN, OpinionField.LAND, Fixtures.T0);
    e = assertThrows(DomainException.class,
        () -> opinions.create(List.of(o5), List.of(Fixtures.mail("mail-1", Fixtures.T0))));
    assertTrue(e.getMessage().contains("Thư điện tử"), e.getMessage());
    assertTrue(opinions.find(Fixtures.CID, "o_5").isEmpty(), "a mail id is written once");
  }

  @Test
  void savesOnlyTheNextVersionWithItsMails() {
    Opinion o = Fixtures.opinion("o_1", Optional.empty(), OpinionField.INFRASTRUCTURE, Fixtures.T0);
    opinions.create(List.of(o), List.of());
    Opinion accepted = o.accept(PLAN, OpinionField.INFRASTRUCTURE, Fixtures.OFFICE, Fixtures.T0.plusSeconds(60));
    opinions.save(List.of(accepted), List.of(Fixtures.mail("mail-accepted", Fixtures.T0)));
    assertEquals(accepted, opinions.find(Fixtures.CID, "o_1").orElseThrow());

    Opinion refused = o.refuse(OpinionParts.RefusalReason.SETTLED_MATTER, "Đã trả lời tại kỳ họp trước",
        Fixtures.OFFICE, Fixtures.T0.plusSeconds(90));
    DomainException e = assertThrows(DomainException.class,
        () -> opinions.save(List.of(refused), List.of(Fixtures.mail("mail-refused", Fixtures.T0))));
    assertEquals("version_conflict", e.code());
    assertEquals(accepted, opinions.find(Fixtures.CID, "o_1").orElseThrow());
    assertEquals(Optional.empty(), outbox.find("mail-refused"), "the mail of a lost race is not written");
    // moved from the unattached list to the plan's
    assertEquals(List.of(), ids(opinions.byPlan(Fixtures.CID, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty())));
    assertEquals(List.of("o_1"), ids(opinions.byPlan(Fixtures.CID, PLAN, Optional.empty(), Optional.empty(),
        Optional.empty())));
  }

  @Test
  @DisplayName("a merge writes the merged opinion, the record of its raisers and the matter's counters, or nothing")
  void mergeSavesBothOpinionsOrNeither() {
    Opinion a = Fixtures.opinion("o_a", PLAN, OpinionField.LAND, Fixtures.T0);
    Opinion b = Fixtures.opinion("o_b", PLAN, OpinionField.LAND, Fixtures.T0.plusSeconds(5));
    opinions.create(List.of(a, b), List.of());
    Instant at = Fixtures.T0.plusSeconds(60);
    Opinion merged = b.mergeInto(a, Fixtures.OFFICE, at);
    MergedRaisers record = MergedRaisers.of(a, b, at, Fixtures.OFFICE);
    Opinion staleTarget = new Opinion(a.id(), a.communeId(), a.planId(), a.trackingCode(), a.content(), a.field(),
        a.channel(), a.raisers(), a.compiled(), a.receivedAt(), a.status(), a.decision(), a.mergedInto(),
        a.mergedFrom(), a.assignment(), a.answer(), 5, a.audit());
    assertEquals("version_conflict", assertThrows(DomainException.class,
        () -> opinions.merge(merged, staleTarget.absorb(b, Fixtures.OFFICE, at), record)).code());
    assertEquals(b, opinions.find(Fixtures.CID, "o_b").orElseThrow());
    assertEquals(List.of(), opinions.mergedRaisers(Fixtures.CID, "o_a", Optional.empty(), 10).records());

    Opinion target = a.absorb(b, Fixtures.OFFICE, at);
    opinions.merge(merged, target, record);
    Opinion read = opinions.find(Fixtures.CID, "o_a").orElseThrow();
    assertEquals(target, read);
    assertEquals(1, read.raisers().size(), "the matter's own list");
    assertEquals(2, read.raiserCount());
    assertEquals(List.of(record), opinions.mergedRaisers(Fixtures.CID, "o_a", Optional.empty(), 10).records());
    assertEquals(OpinionStatus.MERGED, opinions.find(Fixtures.CID, "o_b").orElseThrow().status());
  }

  @Test
  @DisplayName("a matter merged into another brings the records of what was merged into it")
  void aMergedMatterCarriesItsRecords() {
    Opinion a = Fixtures.opinion("o_a", PLAN, OpinionField.LAND, Fixtures.T0);
    Opinion b = Fixtures.opinion("o_b", PLAN, OpinionField.LAND, Fixtures.T0.plusSeconds(5));
    Opinion c = Fixtures.opinion("o_c", PLAN, OpinionField.LAND, Fixtures.T0.plusSeconds(9));
    opinions.create(List.of(a, b, c), List.of());
    Instant at = Fixtures.T0.plusSeconds(60);
    opinions.merge(b.mergeInto(a, Fixtures.OFFICE, at), a.absorb(b, Fixtures.OFFICE, at),
        MergedRaisers.of(a, b, at, Fixtures.OFFICE));
    Opinion matterA = opinions.find(Fixtures.CID, "o_a").orElseThrow();
    opinions.merge(matterA.mergeInto(c, Fixtures.OFFICE, at), c.absorb(matterA, Fixtures.OFFICE, at),
        MergedRaisers.of(c, matterA, at, Fixtures.OFFICE));

    Opinion matterC = opinions.find(Fixtures.CID, "o_c").orElseThrow();
    assertEquals(new vn.doithoai.core.opinion.OpinionParts.Merged(2, 2, 2), matterC.merged());
    assertEquals(List.of("o_a", "o_b"), opinions.mergedRaisers(Fixtures.CID, "o_c", Optional.empty(), 10).records()
        .stream().map(MergedRaisers::sourceId).toList());
    List<vn.doithoai.core.opinion.OpinionParts.Raiser> every = new java.util.ArrayList<>();
    opinions.forEachRaiser(matterC, every::add);
    assertEquals(3, every.size());
    assertEquals(2, opinions.mergedRaisers(Fixtures.CID, "o_c", Optional.empty(), 1).records().size()
        + opinions.mergedRaisers(Fixtures.CID, "o_c", opinions.mergedRaisers(Fixtures.CID, "o_c", Optional.empty(), 1)
            .next(), 1).records().size(), "page by page");
  }

  @Test
  void byPlanFiltersByStatusFieldAndAgency() {
    Instant t = Fixtures.T0;
    Opinion land1 = Fixtures.opinion("o_1", PLAN, OpinionField.LAND, t.plusSeconds(30));
    Opinion land2 = Fixtures.opinion("o_2", PLAN, OpinionField.LAND, t.plusSeconds(10));
    Opinion road = Fixtures.opinion("o_3", PLAN, OpinionField.INFRASTRUCTURE, t.plusSeconds(20));
    Opinion school = Fixtures.opinion("o_4", PLAN, OpinionField.EDUCATION, t);
    Opinion elsewhere = Fixtures.opinion("o_5", Optional.of("p_other"), OpinionField.LAND, t);
    opinions.create(List.of(land1, land2, road, school, elsewhere), List.of());

    Instant later = t.plusSeconds(3600);
    Opinion land1Accepted = land1.accept(Optional.empty(), OpinionField.LAND, Fixtures.OFFICE, later);
    Opinion roadAccepted = road.accept(Optional.empty(), OpinionField.INFRASTRUCTURE, Fixtures.OFFICE, later);
    Opinion schoolAccepted = school.accept(Optional.empty(), OpinionField.EDUCATION, Fixtures.OFFICE, later);
    opinions.save(List.of(land1Accepted, roadAccepted, schoolAccepted), List.of());
    Opinion land1Assigned = land1Accepted.assign("dia-chinh", "Công chức Địa chính - Xây dựng", LocalDate.of(2025, 12, 5), LocalDate.of(2025, 12, 19),
            Fixtures.OFFICE, later);
    Opinion roadAssigned = roadAccepted.assign("dia-chinh", "Công chức Địa chính - Xây dựng", LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 15),
            Fixtures.OFFICE, later);
    opinions.save(List.of(land1Assigned, roadAssigned), List.of());

    Optional<OpinionStatus> any = Optional.empty();
    assertEquals(List.of("o_4", "o_2", "o_3", "o_1"),
        ids(opinions.byPlan(Fixtures.CID, PLAN, any, Optional.empty(), Optional.empty())), "by time received");
    assertEquals(List.of("o_2"),
        ids(opinions.byPlan(Fixtures.CID, PLAN, Optional.of(OpinionStatus.RECEIVED), Optional.empty(), Optional.empty())));
    assertEquals(List.of("o_3", "o_1"),
        ids(opinions.byPlan(Fixtures.CID, PLAN, Optional.of(OpinionStatus.ASSIGNED), Optional.empty(), Optional.empty())));
    assertEquals(List.of("o_2", "o_1"),
        ids(opinions.byPlan(Fixtures.CID, PLAN, any, Optional.of(OpinionField.LAND), Optional.empty())));
    assertEquals(List.of("o_1"), ids(opinions.byPlan(Fixtures.CID, PLAN, Optional.of(OpinionStatus.ASSIGNED),
        Optional.of(OpinionField.LAND), Optional.of("dia-chinh"))));
    assertEquals(List.of("o_3", "o_1"),
        ids(opinions.byPlan(Fixtures.CID, PLAN, any, Optional.empty(), Optional.of("dia-chinh"))));
    assertEquals(List.of(), ids(opinions.byPlan(Fixtures.CID, PLAN, any, Optional.empty(), Optional.of("vhxh"))));
    assertEquals(List.of(), ids(opinions.byPlan(Fixtures.CID, PLAN, Optional.of(OpinionStatus.ANSWERED),
        Optional.empty(), Optional.empty())));
    assertEquals(List.of("o_5"), ids(opinions.byPlan(Fixtures.CID, Optional.of("p_other"), any, Optional.empty(),
        Optional.empty())));
    assertEquals(List.of(), ids(opinions.byPlan("xa-khac", PLAN, any, Optional.empty(), Optional.empty())));
  }

  @Test
  void byAgencySoonestDueFirstFollowingExtensions() {
    Instant t = Fixtures.T0;
    Opinion a = Fixtures.opinion("o_a", PLAN, OpinionField.LAND, t);
    Opinion b = Fixtures.opinion("o_b", PLAN, OpinionField.LAND, t);
    Opinion c = Fixtures.opinion("o_c", PLAN, OpinionField.HEALTH, t);
    opinions.create(List.of(a, b, c), List.of());
    Opinion a2 = accepted(a)
        .assign("dia-chinh", "Công chức Địa chính - Xây dựng", LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 20),
            Fixtures.OFFICE, t);
    Opinion b2 = accepted(b)
        .assign("dia-chinh", "Công chức Địa chính - Xây dựng", LocalDate.of(2025, 12, 3), LocalDate.of(2025, 12, 20),
            Fixtures.OFFICE, t);
    Opinion c2 = accepted(c)
        .assign("vhxh", "Công chức Văn hóa - Xã hội", LocalDate.of(2025, 11, 28), LocalDate.of(2025, 12, 20),
            Fixtures.OFFICE, t);
    opinions.save(List.of(a2, b2, c2), List.of());
    assertEquals(List.of("o_a", "o_b"), ids(opinions.byAgency(Fixtures.CID, "dia-chinh")));
    assertEquals(List.of("o_c"), ids(opinions.byAgency(Fixtures.CID, "vhxh")));

    Opinion a3 = a2.extend(LocalDate.of(2025, 12, 10), "Cần đo đạc lại thửa đất", Fixtures.OFFICE, t.plusSeconds(60));
    opinions.save(List.of(a3), List.of());
    assertEquals(List.of("o_b", "o_a"), ids(opinions.byAgency(Fixtures.CID, "dia-chinh")));
    assertEquals(List.of(), ids(opinions.byAgency("xa-khac", "dia-chinh")));
  }

  @Test
  void anUnassignedOpinionHasNoAgencyIndexAttributes() {
    Opinion o = Fixtures.opinion("o_1", PLAN, OpinionField.LAND, Fixtures.T0);
    opinions.create(List.of(o), List.of());
    Opinion assigned = accepted(o)
        .assign("dia-chinh", "Địa chính", LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 20), Fixtures.OFFICE,
            Fixtures.T0);
    opinions.save(List.of(assigned), List.of());
    assertTrue(item("OP#o_1").containsKey("gsi2pk"));
    // an opinion stored again without its assignment (e.g. a correction) leaves the agency's list
    Opinion unassigned = new Opinion(o.id(), o.communeId(), o.planId(), o.trackingCode(), o.content(), o.field(),
        o.channel(), o.raisers(), o.compiled(), o.receivedAt(), OpinionStatus.ACCEPTED, o.decision(), o.mergedInto(),
        o.mergedFrom(), Optional.empty(), o.answer(), assigned.version() + 1, assigned.audit());
    opinions.save(List.of(unassigned), List.of());
    Map<String, AttributeValue> item = item("OP#o_1");
    assertFalse(item.containsKey("gsi2pk"));
    assertFalse(item.containsKey("gsi2sk"));
    assertFalse(item.containsKey("agencyId"));
    assertEquals("land", item.get("field").s());
    assertEquals(List.of(), opinions.byAgency(Fixtures.CID, "dia-chinh"));
  }

  @Test
  void aLongCompiledListIsWrittenInChunks() {
    List<Opinion> list = new ArrayList<>();
    List<OutgoingMail> mails = new ArrayList<>();
    for (int i = 0; i < 75; i++) {
      list.add(Opinion.received(String.format("o_%03d", i), Fixtures.CID, PLAN, "DT-C%03d-0000".formatted(i),
          "Ý kiến số " + (i + 1) + " do Ủy ban MTTQ xã tổng hợp từ các thôn", OpinionField.SOCIAL_POLICY,
          vn.doithoai.core.opinion.Channel.FRONT, List.of(), Optional.of(new OpinionParts.Compiled(
              "Ủy ban MTTQ Việt Nam xã Tân Thành", 3)), Fixtures.T0.plusSeconds(i), Fixtures.OFFICE));
    }
    for (int i = 0; i < 5; i++) {
      mails.add(Fixtures.mail("mail-compiled-" + i, Fixtures.T0));
    }
    opinions.create(list, mails);
    List<Opinion> read = opinions.byPlan(Fixtures.CID, PLAN, Optional.empty(), Optional.empty(), Optional.empty());
    assertEquals(list, read);
    assertEquals(75, TestTable.scan(table, "TRACK#").size(), "ids that are not their codes keep tracking items");
    assertEquals(5, outbox.pending(100).size());
    assertEquals(3, read.get(0).raiserCount());
  }

  /** Accepts and saves (one version step), so that the next transition can be saved. */
  private Opinion accepted(Opinion o) {
    Opinion a = o.accept(Optional.empty(), o.field(), Fixtures.OFFICE, Fixtures.T0.plusSeconds(30));
    opinions.save(List.of(a), List.of());
    return a;
  }

  private Map<String, AttributeValue> item(String sk) {
    return TestTable.scan(table, "C#" + Fixtures.CID).stream().filter(i -> i.get("sk").s().equals(sk)).findFirst()
        .orElseThrow();
  }

  private static List<String> ids(List<Opinion> list) {
    return list.stream().map(Opinion::id).toList();
  }
}
