package vn.doithoai.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import vn.doithoai.aws.DynamoMailOutbox;
import vn.doithoai.core.mail.OutgoingMail;

/**
 * The local stand-in for sending e-mail: takes pending e-mails from the table's outbox and writes each to
 * {@code <outbox>/<time>-<id hash>.eml}, then marks it sent. The file name comes from the e-mail id, so a
 * crash between the two steps rewrites the same file instead of sending twice.
 */
public final class LocalMailDrain implements AutoCloseable {
  static final String FROM = "Đối thoại <khong-tra-loi@doithoai.local>";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
      .withZone(ZoneOffset.UTC);

  private final DynamoMailOutbox outbox;
  private final Path dir;
  private final Clock clock;
  private ScheduledExecutorService timer;

  public LocalMailDrain(DynamoMailOutbox outbox, Path dir, Clock clock) {
    this.outbox = outbox;
    this.dir = dir;
    this.clock = clock;
  }

  /** Drains every 500 ms in the background. */
  public LocalMailDrain start() {
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "mail-drain");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(() -> {
      try {
        drain();
      } catch (RuntimeException | Error e) {
        // a scheduled task that throws is never run again: report and keep draining
        System.err.println("mail drain: " + e);
      }
    }, 0, 500, TimeUnit.MILLISECONDS);
    return this;
  }

  /** Writes every pending e-mail; returns how many. */
  public synchronized int drain() {
    int n = 0;
    List<OutgoingMail> pending;
    do {
      pending = outbox.pending(50);
      for (OutgoingMail m : pending) {
        write(m);
        outbox.markSent(m.id(), clock.instant());
        n++;
      }
    } while (pending.size() == 50);
    return n;
  }

  private void write(OutgoingMail m) {
    try {
      Files.createDirectories(dir);
      String name = STAMP.format(m.createdAt()) + "-" + HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(m.id().getBytes(StandardCharsets.UTF_8)), 0, 6)
          + ".eml";
      Path tmp = dir.resolve(name + ".tmp");
      Files.writeString(tmp, EmlWriter.write(m, FROM), StandardCharsets.UTF_8);
      Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
