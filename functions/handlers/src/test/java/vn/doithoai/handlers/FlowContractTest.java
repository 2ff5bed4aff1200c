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
    assertCheckFails("OpinionsFunction", "dynamodb:DeleteItem, ", "",
        "OpinionsFunction calls [dynamodb:DeleteItem]");
  }

  @Test
  @DisplayName("a policy whose resources lack an index the function queries fails the check")
  void aMissingIndexIsSeen() throws IOException {
    assertCheckFails("PublicFunction", ", !Sub '${Table.Arn}/index/gsi2'", "", "PublicFunction queries index [gsi2]");
  }

  /** template.yaml with one edit in one function's definition: the check of the walked flow must fail. */
  private void assertCheckFails(String function, String from, String to, String expected) throws IOException {
    String yaml = Files.readString(SamTemplate.FILE);
    int start = yaml.indexOf("\n  " + function + ":\n");
    java.util.regex.Matcher next = java.util.regex.Pattern.compile("\n  [#A-Za-z]").matcher(yaml);
    int end = next.find(start + 1) ? next.start() : yaml.length();
    String definition = yaml.substring(start, end);
    assertTrue(definition.contains(from), function + "'s definition contains " + from);
    SamTemplate edited = new SamTemplate(yaml.replace(definition, definition.replace(from, to)));
    AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> FlowContract.check(edited, flow));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
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
