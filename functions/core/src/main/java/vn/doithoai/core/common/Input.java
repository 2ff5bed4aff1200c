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
 * instead of stopping at the first. Text is NFC-normalised, trimmed, stripped of control characters other
 * than line breaks, and kept with its diacritics.
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

  public static String normalize(String s) {
    if (s == null) {
      return null;
    }
    String nfc = Normalizer.normalize(s, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n');
    StringBuilder sb = new StringBuilder(nfc.length());
    nfc.codePoints().filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c)).forEach(sb::appendCodePoint);
    return sb.toString().strip();
  }

  public void error(String field, String message) {
    errors.add(new FieldError(prefix + field, message));
  }

  public boolean has(String field) {
    return map.get(field) != null;
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
      long n = v instanceof Number num ? num.longValue() : Long.parseLong(String.valueOf(v).strip());
      if (n < min || n > max) {
        error(field, "Phải từ " + min + " đến " + max + ".");
        return Optional.empty();
      }
      return Optional.of((int) n);
    } catch (NumberFormatException e) {
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
    List<String> allowed = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      String value = e.name().toLowerCase(Locale.ROOT).replace('_', '-');
      // a labelled choice reads as the user knows it: "Đất đai (land)"
      allowed.add(e instanceof Labelled l ? l.vietnamese() + " (" + value + ")" : value);
    }
    error(field, "Giá trị không hợp lệ; chọn một trong: " + String.join(", ", allowed) + ".");
    return Optional.empty();
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
