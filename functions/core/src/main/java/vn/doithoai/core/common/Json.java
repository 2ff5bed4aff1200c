package vn.doithoai.core.common;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** JSON in and out, with one configuration: nulls written, no pretty printing. */
public final class Json {
  private static final JSON JSON_STD = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);

  private Json() {}

  public static String write(Object value) {
    try {
      return JSON_STD.asString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a JSON object; anything else is a validation error. */
  public static Map<String, Object> readObject(String text) {
    try {
      Object o = JSON_STD.anyFrom(text);
      if (o instanceof Map<?, ?> m) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) m;
        return map;
      }
    } catch (IOException | RuntimeException e) {
      // falls through to the error below; the parser's message may echo input, so it is not passed on
    }
    throw new DomainException(DomainException.Kind.INVALID, "malformed_json",
        "Nội dung gửi lên không phải một đối tượng JSON hợp lệ.");
  }
}
