package vn.doithoai.core.common;

import java.util.List;

/**
 * An error a user can meet: a stable code, a Vietnamese message, and its kind (which the handlers map to an
 * HTTP status in one place). Never carries personal data.
 */
public class DomainException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of failure this is. */
  public enum Kind {
    /** The input is malformed or incomplete (400). */
    INVALID,
    /** Not authenticated (401). */
    UNAUTHENTICATED,
    /** The role may not do this (403). */
    FORBIDDEN,
    /** No such record in this commune (404). */
    NOT_FOUND,
    /** The record changed meanwhile, or the transition is not allowed from its state (409). */
    CONFLICT,
    /** The body is larger than allowed (413). */
    TOO_LARGE,
    /** The body's media type is not accepted (415). */
    UNSUPPORTED_MEDIA_TYPE,
    /** Well-formed but contradicts what was received before, e.g. a webhook id reused for another body (422). */
    UNPROCESSABLE,
    /** Too many attempts in a short time (429). */
    TOO_MANY_REQUESTS
  }

  private final Kind kind;
  private final String code;
  private final transient List<FieldError> fieldErrors;

  public DomainException(Kind kind, String code, String message) {
    this(kind, code, message, List.of());
  }

  public DomainException(Kind kind, String code, String message, List<FieldError> fieldErrors) {
    super(message);
    this.kind = kind;
    this.code = code;
    this.fieldErrors = List.copyOf(fieldErrors);
  }

  public Kind kind() {
    return kind;
  }

  public String code() {
    return code;
  }

  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }

  public static DomainException notFound(String what) {
    return new DomainException(Kind.NOT_FOUND, "not_found", "Không tìm thấy " + what + ".");
  }

  public static DomainException forbidden(String action) {
    return new DomainException(Kind.FORBIDDEN, "forbidden", "Vai trò của bạn không được phép " + action + ".");
  }

  public static DomainException conflict(String code, String message) {
    return new DomainException(Kind.CONFLICT, code, message);
  }

  public static DomainException staleVersion() {
    return new DomainException(Kind.CONFLICT, "version_conflict",
        "Bản ghi vừa được người khác thay đổi. Vui lòng tải lại và thử lại.");
  }

  public static DomainException invalid(List<FieldError> errors) {
    return new DomainException(Kind.INVALID, "validation_failed", "Dữ liệu không hợp lệ.", errors);
  }
}
