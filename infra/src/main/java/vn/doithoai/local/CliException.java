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
}
