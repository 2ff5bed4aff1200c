package vn.doithoai.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What a walked {@link ProductFlow} must show against template.yaml, wherever it ran. */
final class FlowContract {
  /** Routes no step of the flow takes, each with why. */
  static final Map<String, String> EXEMPT_ROUTES = Map.of("POST /session", "signs in against the Cognito user "
      + "pool (InitiateAuth needs no IAM action: the function's policy has no Cognito statement); walked end to "
      + "end against the local user pool by SignInEndToEndTest and AdminCommandTest");

  /** Sample events the flow does not take, each with why. */
  static final Map<String, String> SAMPLES_NOT_IN_FLOW = Map.of("webhook-bad-signature",
      "a refused delivery (401): the flow takes only steps that succeed; HandlerEventsTest covers it");

  private FlowContract() {}

  static void check(SamTemplate template, ProductFlow flow) {
    Map<String, ProductFlow.Deployed> deployed = flow.deployed();
    assertEquals(template.functions(), deployed.keySet(), "the flow invoked every function of the template");

    Set<String> missed = new TreeSet<>(template.routes().keySet());
    missed.removeAll(flow.routesPassed.keySet());
    missed.removeAll(EXEMPT_ROUTES.keySet());
    assertTrue(missed.isEmpty(), "routes no step passed with 2xx: " + missed);

    Set<String> samples = new TreeSet<>();
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(Events.DIR)) {
      files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".json"))
          .forEach(f -> samples.add(f.substring(0, f.length() - ".json".length())));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    samples.removeAll(flow.samplesUsed);
    samples.removeAll(SAMPLES_NOT_IN_FLOW.keySet());
    assertTrue(samples.isEmpty(), "sample events the flow never takes (add a step, or a reason): " + samples);

    // the asynchronous functions did real work, so the comparison below is not vacuous
    assertTrue(deployed.get("RelayFunction").actions().contains("events:PutEvents"), "events relayed");
    assertTrue(deployed.get("SchedulesFunction").actions().contains("scheduler:CreateSchedule"), "schedules made");
    assertTrue(deployed.get("SchedulesFunction").actions().contains("scheduler:DeleteSchedule"),
        "schedules of closed deadlines deleted");
    assertTrue(deployed.get("DeadlinesFunction").actions().contains("dynamodb:PutItem"), "a step fired");
    assertTrue(deployed.get("MailerFunction").actions().contains("ses:SendEmail"), "e-mail sent");
    assertTrue(deployed.get("MailerFunction").actions().contains("sms-voice:SendTextMessage"),
        "SMS sent (the form's phone-only citizen)");
    assertTrue(deployed.get("ReconcileFunction").actions().contains("dynamodb:BatchWriteItem"),
        "the daily run queued a unit per commune");
    assertTrue(deployed.get("ReconcileFunction").actions().contains("scheduler:CreateSchedule"),
        "a commune's unit checked its schedules");

    List<String> problems = new ArrayList<>();
    for (ProductFlow.Deployed d : deployed.values()) {
      SamTemplate.Policy policy = template.policy(d.name);
      Set<String> notAllowed = new TreeSet<>(d.actions());
      notAllowed.removeAll(policy.actions());
      if (!notAllowed.isEmpty()) {
        problems.add(d.name + " calls " + notAllowed + " (policy allows " + policy.actions() + ")");
      }
      for (String action : d.dynamo.actions) {
        boolean onIndexOnly = action.equals("dynamodb:Query") && !d.dynamo.queriedTable;
        if (policy.actions().contains(action) && !onIndexOnly && !policy.onTable(action)) {
          problems.add(d.name + " calls " + action + " on the table, which its policy's resources do not name");
        }
      }
      Set<String> indexes = new TreeSet<>(d.dynamo.indexes);
      indexes.removeAll(policy.indexes("dynamodb:Query"));
      if (!indexes.isEmpty()) {
        problems.add(d.name + " queries index " + indexes + " (dynamodb:Query's resources name "
            + policy.indexes("dynamodb:Query") + ")");
      }
    }
    assertTrue(problems.isEmpty(), "template.yaml denies what the flow did:\n  " + String.join("\n  ", problems));
  }

  /**
   * function → the IAM actions and indexes it used; and what its policy allows that the flow never used (a hint
   * for least privilege, not a failure: a branch the flow does not take may need it).
   */
  static String table(ProductFlow flow, SamTemplate template) {
    StringBuilder b = new StringBuilder();
    for (ProductFlow.Deployed d : flow.deployed().values()) {
      b.append(d.name).append(" (").append(d.invocations).append(" invocations): ").append(d.actions());
      b.append(d.dynamo.indexes.isEmpty() ? "" : " indexes " + d.dynamo.indexes);
      SamTemplate.Policy p = template.policy(d.name);
      Set<String> unused = new TreeSet<>(p.actions());
      unused.removeAll(d.actions());
      Set<String> unusedIndexes = new TreeSet<>(p.indexes("dynamodb:Query"));
      unusedIndexes.removeAll(d.dynamo.indexes);
      if (!unused.isEmpty() || !unusedIndexes.isEmpty()) {
        b.append("; allowed, not used: ").append(unused).append(unusedIndexes.isEmpty() ? "" : " " + unusedIndexes);
      }
      b.append('\n');
    }
    return b.toString();
  }
}
