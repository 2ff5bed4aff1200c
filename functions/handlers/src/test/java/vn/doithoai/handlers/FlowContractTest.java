package vn.doithoai.handlers;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.AssertionFailedError;

/**
 * template.yaml against what the code really does: the product's flow, walked with real ids through every
 * function (DynamoDB Local with its stream, in-process Scheduler, bus and SES), each function's recorded AWS
 * calls held against its policy. The same flow runs against LocalStack with {@code -Plocalstack}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlowContractTest {
  private final SamTemplate template = SamTemplate.load();
  private ProductFlow flow;

  @BeforeAll
  void walk() {
    try (MemoryCloud cloud = new MemoryCloud()) {
      flow = new ProductFlow(template, cloud);
      flow.run();
    }
    System.out.print("flow contract, AWS actions used per function:\n" + FlowContract.table(flow, template));
  }

  @Test
  @DisplayName("every function's policy allows every AWS action and index it uses along the product's flow")
  void policiesCoverTheFlow() {
    FlowContract.check(template, flow);
  }

  @Test
  @DisplayName("a policy without one action the flow needs fails the check (agencies answering: DeleteItem)")
  void aMissingActionIsSeen() throws IOException {
    String yaml = Files.readString(SamTemplate.FILE);
    String opinions = yaml.substring(yaml.indexOf("  OpinionsFunction:"), yaml.indexOf("  CommunesFunction:"));
    assertTrue(opinions.contains("dynamodb:DeleteItem, "), "OpinionsFunction's policy as expected");
    SamTemplate without = new SamTemplate(yaml.replace(opinions, opinions.replace("dynamodb:DeleteItem, ", "")));
    AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> FlowContract.check(without, flow));
    assertTrue(e.getMessage().contains("OpinionsFunction calls [dynamodb:DeleteItem]"), e.getMessage());
  }

  @Test
  @DisplayName("a placeholder left in a sample event, or a step answering 4xx, fails the flow")
  void aStepThatCannotBeTakenFails() {
    try (MemoryCloud cloud = new MemoryCloud()) {
      ProductFlow fresh = new ProductFlow(template, cloud);
      AssertionFailedError left = assertThrows(AssertionFailedError.class, () -> fresh.http("opinions-answer"));
      assertTrue(left.getMessage().contains("placeholder OPINION_ID"), left.getMessage());
      fresh.given("PLAN_ID", "p_no_such_plan");
      AssertionFailedError notFound = assertThrows(AssertionFailedError.class, () -> fresh.http("plans-get"));
      assertTrue(notFound.getMessage().contains("answered 404"), notFound.getMessage());
    }
  }
}
