package vn.doithoai.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.OpinionField;

/**
 * DynamoDB Local runs transactions one at a time, so it never cancels one with {@code TransactionConflict}
 * (another transaction on the same item in flight) as DynamoDB does. These tests inject that cancellation
 * in front of DynamoDB Local to cover the retry path.
 */
class ConflictRetryTest {

  /** DynamoDB Local, except that a transaction is first cancelled as conflicting {@code conflicts} times. */
  static final class ConflictingClient implements DynamoDbClient {
    private final DynamoDbClient local = TestTable.client();
    final AtomicInteger conflicts;
    final AtomicInteger calls = new AtomicInteger();
    /** Runs once, before the first injected conflict: the "other" transaction that was in flight. */
    Runnable inFlight = () -> {};

    ConflictingClient(int conflicts) {
      this.conflicts = new AtomicInteger(conflicts);
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
      calls.incrementAndGet();
      if (conflicts.getAndDecrement() > 0) {
        Runnable other = inFlight;
        inFlight = () -> {};
        other.run();
        List<CancellationReason> reasons = new ArrayList<>();
        reasons.add(CancellationReason.builder().code("TransactionConflict")
            .message("Transaction is ongoing for the item").build());
        for (int i = 1; i < request.transactItems().size(); i++) {
          reasons.add(CancellationReason.builder().code("None").build());
        }
        throw TransactionCanceledException.builder().message("Transaction cancelled")
            .cancellationReasons(reasons).build();
      }
      return local.transactWriteItems(request);
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
      return local.getItem(request);
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
      return local.putItem(request);
    }

    @Override
    public QueryResponse query(QueryRequest request) {
      return local.query(request);
    }

    @Override
    public String serviceName() {
      return "dynamodb";
    }

    @Override
    public void close() {}
  }

  @Test
  void saveLosingToAnInFlightSaveIsAVersionConflict() {
    DynamoTable local = TestTable.create();
    DynamoOpinions direct = new DynamoOpinions(local);
    Opinion o = Fixtures.opinion("o_1", Optional.empty(), OpinionField.OTHER, Fixtures.T0);
    direct.create(List.of(o), List.of());
    Opinion accepted = o.accept(Optional.of("p_a1"), o.field(), Fixtures.OFFICE, Fixtures.T0);
    Opinion forwarded = o.forward(java.util.Optional.empty(), "UBND tỉnh Lạng Sơn", "Vượt thẩm quyền cấp xã",
        Fixtures.OFFICE, Fixtures.T0);
    ConflictingClient client = new ConflictingClient(1);
    client.inFlight = () -> direct.save(List.of(accepted), List.of());
    DynamoOpinions opinions = new DynamoOpinions(new DynamoTable(client, local.name()));
    DomainException e = assertThrows(DomainException.class, () -> opinions.save(List.of(forwarded), List.of()));
    assertEquals("version_conflict", e.code());
    assertEquals(accepted, direct.find(Fixtures.CID, "o_1").orElseThrow());
  }

  @Test
  void aConflictThatNeverClearsEndsAsAVersionConflict() {
    DynamoTable local = TestTable.create();
    Opinion o = Fixtures.opinion("o_1", Optional.empty(), OpinionField.OTHER, Fixtures.T0);
    new DynamoOpinions(local).create(List.of(o), List.of());
    ConflictingClient client = new ConflictingClient(Integer.MAX_VALUE);
    DynamoOpinions opinions = new DynamoOpinions(new DynamoTable(client, local.name()));
    Opinion accepted = o.accept(Optional.empty(), o.field(), Fixtures.OFFICE, Fixtures.T0);
    DomainException e = assertThrows(DomainException.class, () -> opinions.save(List.of(accepted), List.of()));
    assertEquals("version_conflict", e.code());
    assertEquals(DynamoTable.MAX_CONFLICT_TRIES, client.calls.get());
  }
}
