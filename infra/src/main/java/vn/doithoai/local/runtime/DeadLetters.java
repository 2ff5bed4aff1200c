package vn.doithoai.local.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.doithoai.core.common.Json;

/**
 * What AWS would put in a dead-letter queue (a schedule, a bus target or a stream batch that failed every
 * retry): one JSON line each in {@code <data>/dead-letters.jsonl}, and a line in the log — never dropped
 * silently.
 */
final class DeadLetters {
  private final Path file;
  private final PrintStream log;

  DeadLetters(Path dataDir, PrintStream log) {
    this.file = dataDir.resolve("dead-letters.jsonl");
    this.log = log;
  }

  synchronized void add(String source, String queueArn, String reason, Object payload, java.time.Instant at) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("at", at.toString());
    line.put("source", source);
    line.put("deadLetterQueue", queueArn);
    line.put("reason", reason);
    line.put("payload", payload);
    log.println("dead letter (" + source + (queueArn == null ? "" : " → " + queueArn) + "): " + reason);
    try {
      Files.writeString(file, Json.write(line) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException | RuntimeException e) {
      log.println("cannot write " + file + ": " + e);
    }
  }

  Path file() {
    return file;
  }
}
