package vn.doithoai.core.rules;

/** A rule profile id that is not in the catalog. */
public final class UnknownProfileException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  UnknownProfileException(String id, java.util.Collection<String> known) {
    super("Không có bộ quy tắc '" + id + "' (có: " + String.join(", ", known) + ") / unknown rule profile '" + id
        + "'");
  }
}
