package vn.doithoai.handlers.observability;

import java.util.List;

/** A flat JSON object written in field order; null fields are left out. Values are ids, codes and numbers. */
final class JsonLine {
  private final StringBuilder b = new StringBuilder(192).append('{');

  JsonLine field(String name, Object value) {
    if (value == null) {
      return this;
    }
    return raw(name, value instanceof Number ? value.toString() : quote(value.toString()));
  }

  JsonLine raw(String name, String json) {
    if (b.length() > 1) {
      b.append(',');
    }
    b.append(quote(name)).append(':').append(json);
    return this;
  }

  static String array(List<String> values) {
    return String.join(",", values.stream().map(JsonLine::quote).toList());
  }

  /** Quoted, with what JSON requires escaped (the grammar of ids lets none through, but a name might). */
  static String quote(String s) {
    StringBuilder q = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        q.append('\\').append(c);
      } else if (c < 0x20) {
        q.append(String.format("\\u%04x", (int) c));
      } else {
        q.append(c);
      }
    }
    return q.append('"').toString();
  }

  @Override
  public String toString() {
    return b + "}";
  }
}
