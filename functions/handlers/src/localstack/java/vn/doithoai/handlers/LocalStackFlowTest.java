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
 * {@value LocalStackCloud#IMAGE_DEFAULT}, the last community image without an auth token; a newer one reads
 * {@code LOCALSTACK_AUTH_TOKEN} from the environment).
 */
class LocalStackFlowTest {
  @Test
  @DisplayName("in LocalStack: every function's policy allows every AWS action and index it uses along the flow")
  void policiesCoverTheFlowInLocalStack() {
    assumeTrue(dockerAvailable(), "no Docker engine: LocalStack flow skipped");
    SamTemplate template = SamTemplate.load();
    try (LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(LocalStackCloud.IMAGE))) {
      String token = System.getenv("LOCALSTACK_AUTH_TOKEN"); // the images released since March 2026 need one
      if (token != null && !token.isBlank()) {
        container.withEnv("LOCALSTACK_AUTH_TOKEN", token);
      }
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
