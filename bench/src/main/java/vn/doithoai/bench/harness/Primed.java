package vn.doithoai.bench.harness;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.nio.file.Path;
import java.util.List;
import vn.doithoai.handlers.Priming;

/**
 * SnapStart's proxy: {@code Primed <handler class> <event file>}. Constructs the handler (which registers its
 * {@link Priming}), runs {@code beforeCheckpoint} as Lambda would before taking the snapshot, then times the
 * first real request in the same JVM — what a request waits for after a restore, minus the restore itself.
 * Prints {@code PRIMED <status> <init ns> <priming ns> <first request ns> <DynamoDB writes while priming>
 * <DynamoDB calls while priming>}, then the priming's DynamoDB operations and failures.
 */
public final class Primed {
  private Primed() {}

  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    Class<?> type = Class.forName(args[0]);
    Object handler = type.getDeclaredConstructor().newInstance();
    long t1 = System.nanoTime();
    Priming priming = Priming.registered();
    if (priming == null) {
      System.out.println("ERROR no priming registered by " + args[0]);
      System.exit(3);
    }
    DynamoTimer.trace = true;
    int writesBefore = DynamoTimer.writes;
    int callsBefore = DynamoTimer.calls;
    priming.beforeCheckpoint(null);
    long t2 = System.nanoTime();
    DynamoTimer.trace = false;
    int writes = DynamoTimer.writes - writesBefore;
    int calls = DynamoTimer.calls - callsBefore;
    Object event = EventFiles.load(Path.of(args[1]), EventFiles.inputType(type));
    long t3 = System.nanoTime();
    Object response = ((RequestHandler<Object, Object>) handler).handleRequest(event, null);
    long t4 = System.nanoTime();
    System.out.println("PRIMED " + EventFiles.status(response) + " " + (t1 - t0) + " " + (t2 - t1) + " "
        + (t4 - t3) + " " + writes + " " + calls);
    System.out.println("OPS " + String.join(",", DynamoTimer.traced));
    List<String> failures = priming.failures();
    System.out.println("FAILURES " + String.join(";", failures));
    System.out.flush();
    System.exit(0);
  }
}
