package vn.doithoai.local;

/** Bad input from a person or script: one line on stderr, in Vietnamese and English, exit code 2. */
public final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CliException(String vietnamese, String english) {
    super(vietnamese + " / " + english);
  }

  public CliException(String bilingual) {
    super(bilingual);
  }

  /**
   * The one line a command prints for bad input ({@code Lỗi: …}): this exception's text, or an argument error's
   * made one line, with an English hint when it has none.
   */
  public static void print(RuntimeException e, java.io.PrintStream err) {
    if (e instanceof CliException) {
      err.println("Lỗi: " + e.getMessage());
      return;
    }
    String m = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s+", " ");
    err.println("Lỗi: " + (m.contains(" / ") ? m : m + " / invalid input"));
  }
}
