package vn.doithoai.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.OpinionField;
import vn.doithoai.core.opinion.OpinionStatus;
import vn.doithoai.core.stats.DialogueStatistics;
import vn.doithoai.core.stats.StatisticsScope;

/**
 * Issue #18 item 4: the statistics' opinions read page by page ({@link DynamoOpinions#eachOfPlan}) and counted
 * as read, against the whole list read first. Prints, for each size, the time, the bytes DynamoDB returns and the
 * opinions held at once; asserts only that both give the same statistics. The suite runs 250 opinions (three
 * pages of 100); the measurement in infra/docs/paging.md was {@code -Dstatistics.sizes=3000,10000}.
 */
class StatisticsReadTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  @Test
  @DisplayName("statistics read page by page equal the whole list's, over several pages (prints time, bytes and "
      + "opinions held)")
  void pagedEqualsWhole() {
    DynamoTable table = TestTable.create();
    DynamoOpinions store = new DynamoOpinions(table);
    int made = 0;
    for (int n : java.util.Arrays.stream(System.getProperty("statistics.sizes", "250").split(","))
        .mapToInt(x -> Integer.parseInt(x.trim())).toArray()) {
      List<Opinion> batch = new ArrayList<>();
      for (; made < n; made++) {
        Opinion o = Fixtures.opinion("o_s" + made, Optional.of("p_stats"), OpinionField.values()[made % 5],
            Instant.parse("2026-03-01T00:00:00Z").plusSeconds(made * 60L));
        OpinionStatus st = made % 4 == 0 ? OpinionStatus.ACCEPTED : made % 7 == 0 ? OpinionStatus.CLOSED
            : OpinionStatus.RECEIVED;
        batch.add(new Opinion(o.id(), o.communeId(), o.planId(), "DT-S" + String.format("%03d", made / 10000)
            + "-" + String.format("%04d", made % 10000), o.content(), o.field(), o.channel(), o.raisers(),
            o.compiled(), o.receivedAt(), st, o.decision(), o.mergedInto(), o.mergedFrom(), o.assignment(),
            o.answer(), o.version(), o.audit()));
        if (batch.size() == 300) {
          store.create(batch, List.of());
          batch.clear();
        }
      }
      if (!batch.isEmpty()) {
        store.create(batch, List.of());
      }
      StatisticsScope scope = new StatisticsScope.OfPlan("p_stats");
      long t0 = System.nanoTime();
      List<Opinion> whole = store.byPlan(Fixtures.CID, Optional.of("p_stats"), Optional.empty(), Optional.empty(),
          Optional.empty());
      DialogueStatistics before = DialogueStatistics.forPlan("p_stats", whole, TODAY);
      long wholeMs = (System.nanoTime() - t0) / 1_000_000;
      long t1 = System.nanoTime();
      DialogueStatistics.Tally tally = new DialogueStatistics.Tally(TODAY);
      store.eachOfPlan(Fixtures.CID, Optional.of("p_stats"), tally::add);
      DialogueStatistics after = tally.result(scope);
      long pagedMs = (System.nanoTime() - t1) / 1_000_000;
      assertEquals(Json.write(before.toJson()), Json.write(after.toJson()));
      assertEquals(n, after.opinions());
      System.out.printf("statistics of %,d opinions: whole list %,d ms, %,d B returned, %,d opinions held; "
          + "page by page %,d ms, %,d B returned, at most %d opinions held%n", n, wholeMs,
          returned(table, null), whole.size(), pagedMs, returned(table, "pk, sk, #d, #pg"), DynamoOpinions.EACH_PAGE);
    }
  }

  /** Bytes of the attributes the plan's query returns (names and string values), with or without a projection. */
  private static long returned(DynamoTable table, String projection) {
    QueryRequest.Builder q = QueryRequest.builder().indexName(DynamoTable.GSI1).keyConditionExpression("gsi1pk = :p")
        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(DynamoOpinions.gsi1pk(Fixtures.CID,
            Optional.of("p_stats")))));
    if (projection != null) {
      q.projectionExpression(projection).expressionAttributeNames(Map.of("#d", DynamoTable.DOC, "#pg",
          OpinionPages.PAGES));
    }
    long bytes = 0;
    for (Map<String, AttributeValue> item : table.query(q, 0)) {
      for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
        AttributeValue v = e.getValue();
        bytes += e.getKey().length() + (v.s() != null ? v.s().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
            : v.n() != null ? v.n().length() : 0);
      }
    }
    return bytes;
  }
}
