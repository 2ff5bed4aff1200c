package vn.doithoai.handlers;

/** Configuration from the environment (in AWS) or system properties (the local runtime sets those). */
final class Config {
  private Config() {}

  static String get(String name) {
    String v = System.getProperty(name);
    return v != null ? v : System.getenv(name);
  }

  static String require(String name) {
    String v = get(name);
    if (v == null || v.isBlank()) {
      throw new IllegalStateException("missing configuration " + name);
    }
    return v;
  }
}
