package vn.doithoai.handlers.observability;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** A Lambda context with a function name and a request id, the two things the log lines read from it. */
record FakeContext(String getFunctionName, String getAwsRequestId) implements Context {
  @Override
  public String getLogGroupName() {
    return null;
  }

  @Override
  public String getLogStreamName() {
    return null;
  }

  @Override
  public String getFunctionVersion() {
    return null;
  }

  @Override
  public String getInvokedFunctionArn() {
    return null;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return 0;
  }

  @Override
  public int getMemoryLimitInMB() {
    return 0;
  }

  @Override
  public LambdaLogger getLogger() {
    return null;
  }
}
