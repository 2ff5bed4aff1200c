package vn.doithoai.aws;

import software.amazon.awssdk.services.ssm.SsmClient;

/** One SSM parameter read at init (the public address, when the template could not pass it directly). */
public final class SsmParameters {
  private SsmParameters() {}

  /** The parameter's value; fails loudly when it cannot be read, so no link is ever built without it. */
  public static String read(String name) {
    try (SsmClient ssm = AwsClients.buildSsm()) {
      return ssm.getParameter(b -> b.name(name)).parameter().value();
    }
  }
}
