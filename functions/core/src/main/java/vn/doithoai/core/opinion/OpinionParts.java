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

  /**
   * Người nêu ý kiến. Personal data: never in logs or public outputs unless {@code consentToPublish}.
   * {@code consent}: what they agreed to and which notice they read (absent for raisers recorded before it was
   * kept). An erased raiser ({@link #erased()}) keeps only the consent record and nothing that names them.
   */
  public record Raiser(String name, String phone, String email, String address, String village,
      boolean consentToPublish, Optional<Consent> consent) {
    public Raiser {
      consent = consent == null ? Optional.empty() : consent;
    }

    public Raiser(String name, String phone, String email, String address, String village, boolean consentToPublish) {
      this(name, phone, email, address, village, consentToPublish, Optional.empty());
    }

    /** Name, phone, e-mail, address and village removed, publication withdrawn; the consent record stays. */
    public Raiser erased() {
      return new Raiser(null, null, null, null, null, false, consent);
    }

    /** Whether anything here still names or reaches a person. */
    public boolean holdsPersonalData() {
      return present(name) || present(phone) || present(email) || present(address) || present(village);
    }

    private static boolean present(String s) {
      return s != null && !s.isBlank();
    }

    public Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", name);
      m.put("phone", phone);
      m.put("email", email);
      m.put("address", address);
      m.put("village", village);
      m.put("consentToPublish", consentToPublish);
      consent.ifPresent(c -> m.put("consent", c.toJson()));
      return m;
    }

    @SuppressWarnings("unchecked")
    public static Raiser fromJson(Map<String, Object> m) {
      return new Raiser((String) m.get("name"), (String) m.get("phone"), (String) m.get("email"),
          (String) m.get("address"), (String) m.get("village"), Boolean.TRUE.equals(m.get("consentToPublish")),
          Optional.ofNullable((Map<String, Object>) m.get("consent")).map(Consent::fromJson));
    }
  }

  /**
   * What the opinions merged into a matter brought, kept beside it as counters: {@code opinions} merged (with
   * the ones merged into those), {@code raisers} they counted, {@code withoutConsent} of those listed who did not
   * agree to be named. The raisers themselves are stored apart, one record per merged opinion ({@link
   * MergedRaisers}), so a matter stays the same size whatever the number of merges.
   */
  public record Merged(int opinions, int raisers, int withoutConsent) {
    public static final Merged NONE = new Merged(0, 0, 0);

    public Merged plus(Merged m) {
      return new Merged(opinions + m.opinions, raisers + m.raisers, withoutConsent + m.withoutConsent);
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
