package vn.doithoai.core.mail;

import java.time.Instant;

/** Port: addresses that bounced or complained; nothing is sent to them again. */
public interface Suppressions {
  boolean suppressed(String address);

  void suppress(String address, String reason, Instant at);
}
