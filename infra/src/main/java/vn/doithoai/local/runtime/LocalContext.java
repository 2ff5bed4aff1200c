package vn.doithoai.local.runtime;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The Lambda {@link Context} of one local invocation: function name = the template's logical id, a request
 * id, the remaining time counted down from the function's timeout, and a logger writing to stderr.
 */
public final class LocalContext implements Context {
  private final String functionName;
  private final String requestId;
  private final int memoryLimitMb;
  private final long deadlineMillis;
  private final LambdaLogger logger;

  public LocalContext(String functionName, String requestId, int timeoutSeconds, int memoryLimitMb,
      PrintStream log) {
    this.functionName = functionName;
    this.requestId = requestId;
    this.memoryLimitMb = memoryLimitMb;
    this.deadlineMillis = System.currentTimeMillis() + timeoutSeconds * 1000L;
    this.logger = new StreamLogger(log, functionName);
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return "local";
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:" + TemplateModel.REGION + ":" + TemplateModel.ACCOUNT_ID + ":function:" + functionName;
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
    return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
  }

  @Override
  public int getMemoryLimitInMB() {
    return memoryLimitMb;
  }

  @Override
  public LambdaLogger getLogger() {
    return logger;
  }

  private static final class StreamLogger implements LambdaLogger {
    private final PrintStream out;
    private final String prefix;

    StreamLogger(PrintStream out, String functionName) {
      this.out = out;
      this.prefix = "[" + functionName + "] ";
    }

    @Override
    public void log(String message) {
      String m = message == null ? "null" : message;
      out.print(prefix + m + (m.endsWith("\n") ? "" : "\n"));
      out.flush();
    }

    @Override
    public void log(byte[] message) {
      log(new String(message, StandardCharsets.UTF_8));
    }
  }
}
