package vn.doithoai.aws;

import static vn.doithoai.aws.DynamoTable.DOC;
import static vn.doithoai.aws.DynamoTable.communePk;
import static vn.doithoai.aws.DynamoTable.s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.followup.Reports;
import vn.doithoai.core.followup.ResultsReport;
import vn.doithoai.core.mail.OutgoingMail;

/** Results reports as sent: {@code REPORT#<plan>#<sequence>} under the commune, written once with their e-mails. */
public final class DynamoReports implements Reports {
  private final DynamoTable table;

  public DynamoReports(DynamoTable table) {
    this.table = table;
  }

  @Override
  public void save(ResultsReport numbered, List<OutgoingMail> mails) {
    int seq = numbered.number().orElseThrow(() -> new IllegalArgumentException("report not numbered")).sequence();
    Map<String, AttributeValue> item = new HashMap<>(DynamoTable.key(communePk(numbered.communeId()),
        prefix(numbered.planId()) + String.format("%06d", seq)));
    item.put(DOC, s(Json.write(numbered.toJson())));
    List<TransactWriteItem> items = new ArrayList<>();
    items.add(table.putNew(item));
    items.addAll(DynamoMailOutbox.queued(table, mails));
    DynamoTable.Outcome o = table.transact(items);
    if (o.committed()) {
      return;
    }
    if (o.conditionFailed(0)) {
      throw DomainException.conflict("already_exists", "Báo cáo số này đã được gửi.");
    }
    throw DynamoTable.unexpected(o);
  }

  @Override
  public List<ResultsReport> byPlan(String communeId, String planId) {
    return table.query(QueryRequest.builder().keyConditionExpression("pk = :p AND begins_with(sk, :s)")
        .expressionAttributeValues(Map.of(":p", s(communePk(communeId)), ":s", s(prefix(planId)))), 0)
        .stream().map(i -> ResultsReport.fromJson(DynamoTable.doc(i))).toList();
  }

  private static String prefix(String planId) {
    return "REPORT#" + planId + "#";
  }
}
