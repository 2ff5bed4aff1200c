package vn.doithoai.handlers;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * {@link FlowContractTest}'s flow against LocalStack (DynamoDB and its stream, EventBridge, Scheduler, SES v2),
 * the AWS calls recorded from the real adapters' SDK clients. Runs with {@code -Plocalstack} where a Docker
 * engine is; skips, saying so, where none is. The image: {@code -Dlocalstack.image=…} (default
 * {@value LocalStackCloud#IMAGE_DEFAULT}).
 */
class LocalStackFlowTest {
  @Test
  @DisplayName("in LocalStack: every function's policy allows every AWS action and index it uses along the flow")
  void policiesCoverTheFlowInLocalStack() {
    assumeTrue(dockerAvailable(), "no Docker engine: LocalStack flow skipped");
    SamTemplate template = SamTemplate.load();
    try (LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(LocalStackCloud.IMAGE))) {
      container.start();
      try (LocalStackCloud cloud = new LocalStackCloud(container)) {
        ProductFlow flow = new ProductFlow(template, cloud);
        flow.run();
        System.out.print("flow contract in LocalStack, AWS actions used per function:\n"
            + FlowContract.table(flow, template));
        FlowContract.check(template, flow);
      }
    }
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
