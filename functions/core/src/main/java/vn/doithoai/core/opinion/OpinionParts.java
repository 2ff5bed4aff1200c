package vn.doithoai.core.opinion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The values an opinion is made of. */
public final class OpinionParts {
  private OpinionParts() {}

  /** Người nêu ý kiến. Personal data: never in logs or public outputs unless {@code consentToPublish}. */
  public record Raiser(String name, String phone, String email, String address, String village,
      boolean consentToPublish) {
    public Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", name);
      m.put("phone", phone);
      m.put("email", email);
      m.put("address", address);
      m.put("village", village);
      m.put("consentToPublish", consentToPublish);
      return m;
    }

    public static Raiser fromJson(Map<String, Object> m) {
      return new Raiser((String) m.get("name"), (String) m.get("phone"), (String) m.get("email"),
          (String) m.get("address"), (String) m.get("village"), Boolean.TRUE.equals(m.get("consentToPublish")));
    }
  }

  /** A list compiled by the Front, a union or a village: who compiled it and how many people raised it. */
  public record Compiled(String organisation, int count) {}

  /** Khiếu nại or tố cáo: not for the dialogue; the raiser is guided to the legal procedure. */
  public enum RedirectKind {
    COMPLAINT("khiếu nại", "Nội dung đã nêu là khiếu nại nên không giải quyết trong đối thoại. Đề nghị "
        + "gửi đơn khiếu nại đến người có thẩm quyền theo Luật Khiếu nại năm 2011, hoặc đến Ban Tiếp công dân "
        + "của xã để được hướng dẫn."),
    DENUNCIATION("tố cáo", "Nội dung đã nêu là tố cáo nên không giải quyết trong đối thoại. Đề nghị "
        + "gửi đơn tố cáo đến cơ quan, người có thẩm quyền theo Luật Tố cáo năm 2018; thông tin về người tố cáo "
        + "được giữ bí mật theo quy định.");

    private final String vietnamese;
    private final String defaultGuidance;

    RedirectKind(String vietnamese, String defaultGuidance) {
      this.vietnamese = vietnamese;
      this.defaultGuidance = defaultGuidance;
    }

    public String vietnamese() {
      return vietnamese;
    }

    public String defaultGuidance() {
      return defaultGuidance;
    }
  }

  /** Why the dialogue does not take an opinion (seed 000, 003). */
  public enum RefusalReason implements vn.doithoai.core.common.Labelled {
    NO_LEGAL_CAPACITY("người nêu không có năng lực hành vi dân sự đầy đủ"),
    CONDUCT("người nêu vi phạm nội quy, quy chế đối thoại"),
    SETTLED_MATTER("vụ việc đã được giải quyết đúng quy định, không có tình tiết mới"),
    UNLAWFUL_CONTENT("nội dung trái pháp luật, xúc phạm danh dự, uy tín của tổ chức, cá nhân");

    private final String vietnamese;

    RefusalReason(String vietnamese) {
      this.vietnamese = vietnamese;
    }

    @Override
    public String vietnamese() {
      return vietnamese;
    }
  }

  /** The outcome of triage other than acceptance. */
  public record Decision(String kind, String text, String note) {}

  /** Giao cơ quan: the agency, its due date, and any extension with its written reason, within the cap. */
  public record Assignment(String agencyId, String agencyName, Instant assignedAt, LocalDate due,
      LocalDate cap, Optional<LocalDate> extendedTo, String extensionReason) {
    public LocalDate currentDue() {
      return extendedTo.orElse(due);
    }

    public Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("agencyId", agencyId);
      m.put("agencyName", agencyName);
      m.put("assignedAt", assignedAt.toString());
      m.put("due", due.toString());
      m.put("cap", cap.toString());
      m.put("extendedTo", extendedTo.map(LocalDate::toString).orElse(null));
      m.put("extensionReason", extensionReason);
      return m;
    }

    public static Assignment fromJson(Map<String, Object> m) {
      return new Assignment((String) m.get("agencyId"), (String) m.get("agencyName"),
          Instant.parse((String) m.get("assignedAt")), LocalDate.parse((String) m.get("due")),
          LocalDate.parse((String) m.get("cap")), Optional.ofNullable((String) m.get("extendedTo")).map(LocalDate::parse),
          (String) m.get("extensionReason"));
    }
  }

  /** An answer, at the meeting or in writing, with its evidence. */
  public record Answer(String text, boolean atMeeting, List<Evidence> evidence, Instant answeredAt,
      String answeredBy) {
    public Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("text", text);
      m.put("mode", atMeeting ? "at-meeting" : "written");
      m.put("evidence", evidence.stream().map(Evidence::toJson).toList());
      m.put("answeredAt", answeredAt.toString());
      m.put("answeredBy", answeredBy);
      return m;
    }

    @SuppressWarnings("unchecked")
    public static Answer fromJson(Map<String, Object> m) {
      List<Evidence> ev = ((List<Object>) m.getOrDefault("evidence", List.of())).stream()
          .map(o -> Evidence.fromJson((Map<String, Object>) o)).toList();
      return new Answer((String) m.get("text"), "at-meeting".equals(m.get("mode")), ev,
          Instant.parse((String) m.get("answeredAt")), (String) m.get("answeredBy"));
    }
  }

  /** A document that shows the answer: a reply letter, a decision, a photo of the repaired road. */
  public record Evidence(String name, String url) {
    Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", name);
      m.put("url", url);
      return m;
    }

    static Evidence fromJson(Map<String, Object> m) {
      return new Evidence((String) m.get("name"), (String) m.get("url"));
    }
  }
}
