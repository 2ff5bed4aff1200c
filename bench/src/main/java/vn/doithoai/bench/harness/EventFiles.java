package vn.doithoai.bench.harness;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import vn.doithoai.core.common.Json;

/**
 * An event file (the JSON Lambda would deliver) into the type the handler declares, as the Lambda runtime
 * deserialises it: {@link APIGatewayV2HTTPEvent} for the HTTP API, {@link DynamodbEvent} for the stream, a map
 * otherwise. Runs inside the measured JVM: only classes of the functions jar.
 */
public final class EventFiles {
  private EventFiles() {}

  /**
   * The declared input type of {@code handleRequest(X, Context)}: not the erased {@code Object} one (a handler
   * inheriting its method from a package-private class is only seen through a bridge with the real types).
   */
  public static Class<?> inputType(Class<?> handler) {
    for (Method m : handler.getMethods()) {
      if (m.getName().equals("handleRequest") && m.getParameterCount() == 2
          && m.getParameterTypes()[0] != Object.class) {
        return m.getParameterTypes()[0];
      }
    }
    throw new IllegalArgumentException(handler.getName() + " has no handleRequest(X, Context)");
  }

  public static Object load(Path file, Class<?> type) throws IOException {
    return convert(Json.readObject(Files.readString(file, StandardCharsets.UTF_8)), type);
  }

  public static Object convert(Map<String, Object> json, Class<?> type) {
    return vn.doithoai.handlers.SampleEvents.convert(json, type);
  }

  /** The HTTP status of a handler's answer (API responses), or 200 for the other functions. */
  public static int status(Object response) {
    if (response instanceof com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse r) {
      return r.getStatusCode();
    }
    return 200;
  }
}
