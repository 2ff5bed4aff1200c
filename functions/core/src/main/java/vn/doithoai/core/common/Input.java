package vn.doithoai.core.common;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a JSON object submitted by a person or a website, collecting every field's problem (in Vietnamese)
 * instead of stopping at the first. Every text read through it passes {@link #normalize} once, and keeps its
 * diacritics.
 */
public final class Input {
  private final Map<String, Object> map;
  private final String prefix;
  private final List<FieldError> errors;

  public Input(Map<String, Object> map) {
    this(map, "", new ArrayList<>());
  }

  private Input(Map<String, Object> map, String prefix, List<FieldError> errors) {
    this.map = map == null ? Map.of() : map;
    this.prefix = prefix;
    this.errors = errors;
  }

  /**
   * The one normalisation of text at the edge: line breaks to {@code \n}; controls that separate words (vertical
   * tab, form feed, next line, the Unicode line and paragraph separators, the information separators) become a
   * space, so two words are never glued together; other control characters are dropped; a lone surrogate, which
   * no UTF-8 store or mail can carry, becomes U+FFFD; then NFC and trimming.
   */
  public static String normalize(String s) {
    if (s == null) {
      return null;
    }
    String lf = s.replace("\r\n", "\n").replace('\r', '\n');
    StringBuilder sb = new StringBuilder(lf.length());
    lf.codePoints().forEach(c -> {
      if (c == '\n' || c == '\t') {
        sb.append((char) c);
      } else if (c == 0x85 || c == 0x2028 || c == 0x2029 || (Character.isISOControl(c) && Character.isWhitespace(c))) {
        sb.append(' ');
      } else if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
        sb.append('\uFFFD');
      } else if (!Character.isISOControl(c)) {
        sb.appendCodePoint(c);
      }
    });
    return Normalizer.normalize(sb, Normalizer.Form.NFC).strip();
  }

  public void error(String field, String message) {
    errors.add(new FieldError(prefix + field, message));
  }

  /**
   * Whether the field holds a value: not null, and not a text that normalises to nothing. A blank text counts as
   * absent, as {@link #text} reads it, so that a "required" check cannot pass on {@code " "} while the value
   * read is empty (a blank {@code issuer} was a NullPointerException, found by the fuzz suite).
   */
  public boolean has(String field) {
    Object v = map.get(field);
    return v != null && !(v instanceof String s && normalize(s).isEmpty());
  }

  public Optional<String> text(String field, int maxLength) {
    Object v = map.get(field);
    if (v == null) {
      return Optional.empty();
    }
    if (!(v instanceof String s)) {
      error(field, "Phải là chuỗi ký tự.");
      return Optional.empty();
    }
    String t = normalize(s);
    if (t.codePointCount(0, t.length()) > maxLength) {
      error(field, "Dài quá " + maxLength + " ký tự.");
      return Optional.empty();
    }
    return t.isEmpty() ? Optional.empty() : Optional.of(t);
  }

  /** A required text; a single line unless {@code multiline}. */
  public String requiredText(String field, int maxLength, String label) {
    Optional<String> t = text(field, maxLength);
    if (t.isEmpty() && errors.stream().noneMatch(e -> e.field().equals(prefix + field))) {
      error(field, "Vui lòng nhập " + label + ".");
    }
    return t.orElse("");
  }

  /**
   * An e-mail address that can be sent to ({@link EmailAddress}): stored with its domain in lower case and
   * punycode; a {@code required} one that is absent is an error too.
   */
  public Optional<String> email(String field, boolean required) {
    Optional<String> t = required ? Optional.of(requiredText(field, 254, "địa chỉ e-mail")).filter(e -> !e.isEmpty())
        : text(field, 254);
    if (t.isEmpty()) {
      return t;
    }
    EmailAddress.Parsed parsed = EmailAddress.parse(t.get());
    if (parsed instanceof EmailAddress.Invalid invalid) {
      error(field, invalid.message());
      return Optional.empty();
    }
    return Optional.of(((EmailAddress.Valid) parsed).address());
  }

  /**
   * A Vietnamese phone number ({@link PhoneNumber}), stored in E.164 ({@code +84912345678}); a landline is kept
   * (no SMS goes to it), anything else is a field error.
   */
  public Optional<String> phone(String field) {
    Optional<String> t = text(field, 30);
    if (t.isEmpty()) {
      return t;
    }
    PhoneNumber.Parsed parsed = PhoneNumber.parse(t.get());
    if (parsed instanceof PhoneNumber.Invalid invalid) {
      error(field, invalid.message());
      return Optional.empty();
    }
    return Optional.of(((PhoneNumber.Valid) parsed).e164());
  }

  /**
   * A reference to a record (plan, meeting, opinion, agency): ids are ASCII letters, digits and {@code . _ -}, so
   * an id with anything else (a {@code #} that would reach a DynamoDB key) names nothing and is a field error.
   */
  public Optional<String> id(String field) {
    Optional<String> t = text(field, 40);
    if (t.isPresent() && !ID.matcher(t.get()).matches()) {
      error(field, ID_MESSAGE);
      return Optional.empty();
    }
    return t;
  }

  /** A required {@link #id}; empty (with the error collected) when absent or malformed. */
  public String requiredId(String field, String label) {
    String t = requiredText(field, 40, label);
    if (!t.isEmpty() && !ID.matcher(t).matches()) {
      error(field, ID_MESSAGE);
      return "";
    }
    return t;
  }

  private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,40}");
  private static final String ID_MESSAGE = "Mã không hợp lệ: chỉ gồm chữ không dấu, chữ số và các dấu . _ -.";

  public Optional<LocalDate> date(String field) {
    Optional<String> t = text(field, 10);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(t.get()));
    } catch (DateTimeParseException e) {
      error(field, "Ngày không hợp lệ, cần dạng YYYY-MM-DD.");
      return Optional.empty();
    }
  }

  public Optional<Boolean> bool(String field) {
    Object v = map.get(field);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof Boolean b) {
      return Optional.of(b);
    }
    if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equals("1") || s.equalsIgnoreCase("on"))) {
      return Optional.of(true);
    }
    if (v instanceof String s && (s.equalsIgnoreCase("false") || s.equals("0") || s.isEmpty())) {
      return Optional.of(false);
    }
    error(field, "Phải là true hoặc false.");
    return Optional.empty();
  }

  public Optional<Integer> integer(String field, int min, int max) {
    Object v = map.get(field);
    if (v == null) {
      return Optional.empty();
    }
    try {
      // exact: 1e30 or 2^64 + 5 must not wrap around into range, 3.7 is not an integer
      long n = v instanceof Number num ? new java.math.BigDecimal(num.toString()).longValueExact()
          : Long.parseLong(String.valueOf(v).strip());
      if (n < min || n > max) {
        error(field, "Phải từ " + min + " đến " + max + ".");
        return Optional.empty();
      }
      return Optional.of((int) n);
    } catch (NumberFormatException | ArithmeticException e) {
      error(field, "Phải là một số nguyên.");
      return Optional.empty();
    }
  }

  public <E extends Enum<E>> Optional<E> choice(String field, Class<E> type) {
    Optional<String> t = text(field, 60);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    String code = t.get().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(code)) {
        return Optional.of(e);
      }
    }
    error(field, "Giá trị không hợp lệ; chọn một trong: " + choices(type) + ".");
    return Optional.empty();
  }

  /** The values a choice takes, as a user reads them: "Đất đai (land), Giao thông (infrastructure)". */
  public static <E extends Enum<E>> String choices(Class<E> type) {
    List<String> allowed = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      String value = e.name().toLowerCase(Locale.ROOT).replace('_', '-');
      // a labelled choice reads as the user knows it: "Đất đai (land)"
      allowed.add(e instanceof Labelled l ? l.vietnamese() + " (" + value + ")" : value);
    }
    return String.join(", ", allowed);
  }

  public List<String> texts(String field, int maxItems, int maxLength) {
    List<?> list = list(field, maxItems);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Object o = list.get(i);
      String t = o instanceof String s ? normalize(s) : null;
      if (t == null || t.isEmpty() || t.length() > maxLength) {
        error(field + "[" + i + "]", "Mục phải là chuỗi không rỗng, tối đa " + maxLength + " ký tự.");
      } else {
        out.add(t);
      }
    }
    return List.copyOf(out);
  }

  /** Each element of a list of objects, read with its own Input (errors carry "field[i]."). */
  public <T> List<T> objects(String field, int maxItems, Function<Input, T> reader) {
    List<?> list = list(field, maxItems);
    List<T> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) instanceof Map<?, ?> m) {
        @SuppressWarnings("unchecked")
        Map<String, Object> mm = (Map<String, Object>) m;
        out.add(reader.apply(new Input(mm, prefix + field + "[" + i + "].", errors)));
      } else {
        error(field + "[" + i + "]", "Phải là một đối tượng.");
      }
    }
    return out;
  }

  /** The list under {@code field}, empty (with an error) when it is not a list or too long. */
  private List<?> list(String field, int maxItems) {
    Object v = map.get(field);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> list)) {
      error(field, "Phải là một danh sách.");
      return List.of();
    }
    if (list.size() > maxItems) {
      error(field, "Nhiều quá " + maxItems + " mục.");
      return List.of();
    }
    return list;
  }

  public Optional<Input> object(String field) {
    Object v = map.get(field);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof Map<?, ?> m) {
      @SuppressWarnings("unchecked")
      Map<String, Object> mm = (Map<String, Object>) m;
      return Optional.of(new Input(mm, prefix + field + ".", errors));
    }
    error(field, "Phải là một đối tượng.");
    return Optional.empty();
  }

  /** Throws the collected field errors as one 400, if there are any. */
  public void check() {
    if (!errors.isEmpty()) {
      throw DomainException.invalid(errors);
    }
  }
}
