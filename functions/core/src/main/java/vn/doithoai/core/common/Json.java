package vn.doithoai.core.common;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON in and out, with one configuration: nulls written, no pretty printing. Reading is strict, because
 * every route and every stored record goes through {@link #readObject}: a duplicated key (which value would
 * count?), content after the object (a second object, {@code }}}garbage}) and nesting deeper than
 * {@link #MAX_DEPTH} are all rejected as malformed, never half-read.
 */
public final class Json {
  /** Deep enough for every document we write (plans nest about five levels), far below a stack's limit. */
  public static final int MAX_DEPTH = 16;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
      .build();
  private static final JSON JSON_STD = JSON.builder(FACTORY).enable(JSON.Feature.WRITE_NULL_PROPERTIES,
      JSON.Feature.FAIL_ON_DUPLICATE_MAP_KEYS).build();

  private Json() {}

  public static String write(Object value) {
    try {
      return JSON_STD.asString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses exactly one JSON object and nothing after it; anything else is a validation error. */
  public static Map<String, Object> readObject(String text) {
    try (JsonParser parser = JSON_STD.createParser(text)) {
      Object o = JSON_STD.anyFrom(parser);
      if (o instanceof Map<?, ?> m && parser.nextToken() == null) {
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
