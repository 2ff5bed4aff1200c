package vn.doithoai.bench.harness;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The measured JVM of a cold start: {@code Cold <handler class> <event file>}. Like the Lambda runtime, it
 * loads and constructs the handler (static initialisation and wiring: the INIT phase), reads the event into
 * the handler's input type, invokes it once, and prints {@code DONE <status> <init ns> <event ns> <invoke ns>}
 * at once; the benchmark times process start → that line. Nothing but the handler's own work runs before it
 * (no string concatenation bootstrap, no management beans).
 */
public final class Cold {
  private Cold() {}

  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    Class<?> type = Class.forName(args[0]);
    Object handler = type.getDeclaredConstructor().newInstance();
    long t1 = System.nanoTime();
    Object event = EventFiles.load(Path.of(args[1]), EventFiles.inputType(type));
    long t2 = System.nanoTime();
    Object response = ((RequestHandler<Object, Object>) handler).handleRequest(event, null);
    long t3 = System.nanoTime();
    PrintStream out = System.out;
    out.println(new StringBuilder(64).append("DONE ").append(EventFiles.status(response)).append(' ')
        .append(t1 - t0).append(' ').append(t2 - t1).append(' ').append(t3 - t2).toString());
    out.flush();
    System.exit(0);
  }
}
