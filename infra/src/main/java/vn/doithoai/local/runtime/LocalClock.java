package vn.doithoai.local.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import vn.doithoai.core.common.Json;

/**
 * The local runtime's time: the system clock plus an offset in milliseconds, the offset held in the system
 * property {@value #PROPERTY} — which the handlers' {@code AppClock} reads on every call — so that the
 * handlers, the scheduler, the bus and the mail stand-in all see one time. The offset only grows
 * ({@link #advanceTo}: never backwards) and is kept in {@code <data>/clock.json}, so a restarted runtime goes
 * on from the time its data has reached.
 */
public final class LocalClock extends Clock {
  public static final String PROPERTY = "DOITHOAI_CLOCK_OFFSET_MILLIS";
  private final Path file; // null: not persisted

  private LocalClock(Path file) {
    this.file = file;
  }

  /**
   * The clock of a data directory: its saved offset if any, else none; {@code startAt}, when given, moves it
   * there first (backwards too: an explicit start, e.g. the demo's).
   */
  public static LocalClock forDataDir(Path dataDir, Instant startAt) {
    LocalClock c = new LocalClock(dataDir == null ? null : dataDir.resolve("clock.json"));
    long offset = 0;
    if (c.file != null && Files.isRegularFile(c.file)) {
      try {
        Object o = Json.readObject(Files.readString(c.file, StandardCharsets.UTF_8)).get("offsetMillis");
        offset = o instanceof Number n ? n.longValue() : 0;
      } catch (IOException | RuntimeException e) {
        throw new IllegalStateException("cannot read " + c.file + ": " + e.getMessage(), e);
      }
    }
    c.offset(offset);
    if (startAt != null) {
      c.offset(startAt.toEpochMilli() - System.currentTimeMillis());
    }
    return c;
  }

  public long offsetMillis() {
    String s = System.getProperty(PROPERTY);
    try {
      return s == null || s.isBlank() ? 0 : Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(System.currentTimeMillis() + offsetMillis());
  }

  @Override
  public long millis() {
    return System.currentTimeMillis() + offsetMillis();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.offset(Clock.system(zone), java.time.Duration.ofMillis(offsetMillis()));
  }

  /** Moves the clock to {@code to} if that is later than now; returns the time now. */
  public synchronized Instant advanceTo(Instant to) {
    long wanted = to.toEpochMilli() - System.currentTimeMillis();
    if (wanted > offsetMillis()) {
      offset(wanted);
    }
    return instant();
  }

  private synchronized void offset(long millis) {
    System.setProperty(PROPERTY, Long.toString(millis));
    if (file == null) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, Json.write(Map.of("offsetMillis", millis)), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
