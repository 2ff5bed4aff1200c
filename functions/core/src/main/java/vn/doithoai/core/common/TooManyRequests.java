package vn.doithoai.core.common;

import java.time.Duration;

/** A refusal for now (429) that says when to try again ({@code Retry-After}, whole seconds, at least 1). */
public final class TooManyRequests extends DomainException {
  private static final long serialVersionUID = 1L;
  private final long retryAfterSeconds;

  public TooManyRequests(String code, String message, Duration retryAfter) {
    super(Kind.TOO_MANY_REQUESTS, code, message);
    this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
