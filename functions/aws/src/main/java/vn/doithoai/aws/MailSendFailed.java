package vn.doithoai.aws;

/**
 * SES did not take an e-mail. The message names the e-mail only by a hash of its id and the service's error
 * code, never an address or any content: it ends in logs and in the dead-letter queue's alarm. The service's
 * own exception is not attached for the same reason (its message may quote the addresses); {@link #code()},
 * {@link #status()} and {@link #requestId()} say what happened.
 */
public final class MailSendFailed extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final int status;
  private final String requestId;
  private final boolean transientFailure;

  MailSendFailed(String mailHash, String code, int status, String requestId, boolean transientFailure,
      Throwable cause) {
    this(mailHash, "SES SendEmail", code, status, requestId, transientFailure, cause);
  }

  /** {@code operation}: the service call that failed ({@code SMS SendTextMessage}). */
  MailSendFailed(String mailHash, String operation, String code, int status, String requestId,
      boolean transientFailure, Throwable cause) {
    super(operation + " failed for message " + mailHash + ": " + code + (status > 0 ? " (HTTP " + status + ")" : "")
        + (requestId == null ? "" : ", request " + requestId)
        + (transientFailure ? "; transient, retry later" : "; permanent"), cause);
    this.code = code;
    this.status = status;
    this.requestId = requestId;
    this.transientFailure = transientFailure;
  }

  /** The service's error code ({@code MessageRejected}, {@code TooManyRequestsException}, …). */
  public String code() {
    return code;
  }

  /** The HTTP status, 0 when no answer came. */
  public int status() {
    return status;
  }

  public String requestId() {
    return requestId;
  }

  /** Throttling, a 5xx or no answer: the same e-mail may well go through later. */
  public boolean transientFailure() {
    return transientFailure;
  }
}
