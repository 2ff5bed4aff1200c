package vn.doithoai.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The AWS latencies {@code bench scale} assumes for each call, in milliseconds, to turn what ran here (DynamoDB
 * Local in this JVM, in-process stand-ins) into what a Lambda function would wait for in AWS. Assumptions, not
 * measurements: DynamoDB's "single-digit millisecond" reads and writes in the same region
 * (https://aws.amazon.com/dynamodb/features/), a transaction as two round trips
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html), and for
 * EventBridge Scheduler, EventBridge and SES the tens of milliseconds of a control-plane or send call from
 * Lambda. A call not listed counts {@value #OTHER} ms. The compute between calls is this machine's, times
 * {@link CostModel#CPU_SHARE_FACTOR} (Lambda at 512 MB gets 512/1,769 of a vCPU:
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html).
 */
final class AwsLatency {
  static final double OTHER = 20;

  static final Map<String, Double> MILLIS = new LinkedHashMap<>();

  static {
    MILLIS.put("DynamoDb:GetItem", 4.0);
    MILLIS.put("DynamoDb:Query", 8.0);
    MILLIS.put("DynamoDb:PutItem", 6.0);
    MILLIS.put("DynamoDb:UpdateItem", 6.0);
    MILLIS.put("DynamoDb:DeleteItem", 6.0);
    MILLIS.put("DynamoDb:BatchWriteItem", 15.0);
    MILLIS.put("DynamoDb:BatchGetItem", 10.0);
    MILLIS.put("DynamoDb:TransactWriteItems", 15.0);
    MILLIS.put("DynamoDb:TransactGetItems", 10.0);
    MILLIS.put("Scheduler:CreateSchedule", 30.0);
    MILLIS.put("Scheduler:DeleteSchedule", 30.0);
    MILLIS.put("Scheduler:GetSchedule", 20.0);
    MILLIS.put("EventBridge:PutEvents", 20.0);
    MILLIS.put("SESv2:SendEmail", 40.0);
  }

  private AwsLatency() {}

  /** The time the calls would wait for in AWS. */
  static double callsMillis(Map<String, Long> counts) {
    double ms = 0;
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      ms += e.getValue() * MILLIS.getOrDefault(e.getKey(), OTHER);
    }
    return ms;
  }

  /**
   * A unit of work's estimated time in AWS: its compute here (wall time minus the time inside the local
   * stand-ins) × the CPU factor, plus its calls at the assumed latencies.
   */
  static double estimate(double wallMs, double localCallsMs, Map<String, Long> counts) {
    return Math.max(0, wallMs - localCallsMs) * CostModel.CPU_SHARE_FACTOR + callsMillis(counts);
  }

  /** The table of assumptions, for the top of the output. */
  static String describe() {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, Double> e : MILLIS.entrySet()) {
      b.append(String.format(Locale.ROOT, "%s %.0f ms; ", e.getKey(), e.getValue()));
    }
    b.append(String.format(Locale.ROOT, "any other call %.0f ms; compute × %.2f (Lambda 512 MB = 0.29 vCPU)",
        OTHER, CostModel.CPU_SHARE_FACTOR));
    return b.toString();
  }
}
