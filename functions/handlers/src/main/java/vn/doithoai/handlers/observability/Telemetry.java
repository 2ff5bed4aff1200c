package vn.doithoai.handlers.observability;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where the log and metric lines go: standard output in Lambda (each line a JSON object, which Lambda's JSON log
 * format keeps as it is and CloudWatch reads for Embedded Metric Format), the local runtime's terminal and
 * test recorder when it replaces the sink.
 */
public final class Telemetry {
  private static final Consumer<String> STDOUT = System.out::println;
  private static volatile Consumer<String> sink = STDOUT;

  private Telemetry() {}

  /** Lines go to {@code to} from now on (the local runtime; tests). */
  public static void sink(Consumer<String> to) {
    sink = Objects.requireNonNull(to);
  }

  /** Lines go to standard output again. */
  public static void reset() {
    sink = STDOUT;
  }

  static void write(String line) {
    sink.accept(line);
  }
}
