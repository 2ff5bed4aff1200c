package vn.doithoai.core.plan;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.doithoai.core.common.Input;

/**
 * The plan's own prose, as the office writes it: I. Mục đích, yêu cầu and the content of the dialogue (each a list
 * of paragraphs), and the issue date the office sets on the signed plan (ngày ban hành), which the document prints
 * instead of the day it was announced in the system.
 */
public record PlanBody(List<String> purpose, List<String> requirements, List<String> contents,
    Optional<LocalDate> issuedOn) {

  public PlanBody {
    purpose = List.copyOf(purpose);
    requirements = List.copyOf(requirements);
    contents = List.copyOf(contents);
  }

  public static PlanBody empty() {
    return new PlanBody(List.of(), List.of(), List.of(), Optional.empty());
  }

  static PlanBody read(Input in) {
    return new PlanBody(in.texts("purpose", 20, 5000), in.texts("requirements", 20, 5000),
        in.texts("contents", 30, 5000), in.date("issuedOn"));
  }

  Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("purpose", purpose);
    m.put("requirements", requirements);
    m.put("contents", contents);
    m.put("issuedOn", issuedOn.map(LocalDate::toString).orElse(null));
    return m;
  }

  @SuppressWarnings("unchecked")
  static PlanBody fromJson(Object o) {
    if (!(o instanceof Map<?, ?> raw)) {
      return empty(); // a plan stored before the body existed
    }
    Map<String, Object> m = (Map<String, Object>) raw;
    return new PlanBody(list(m.get("purpose")), list(m.get("requirements")), list(m.get("contents")),
        Optional.ofNullable((String) m.get("issuedOn")).map(LocalDate::parse));
  }

  @SuppressWarnings("unchecked")
  private static List<String> list(Object o) {
    return o == null ? List.of() : (List<String>) o;
  }
}
