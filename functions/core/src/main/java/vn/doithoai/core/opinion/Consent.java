package vn.doithoai.core.opinion;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sự đồng ý: what a raiser agreed to, when, through which channel, and which edition of the privacy notice
 * ({@code vn.doithoai.core.privacy.PrivacyNotice}) they were shown (Law 91/2025/QH15 art. 9; Decree
 * 356/2025/NĐ-CP art. 6: consent is clear, never a default, and can be shown later). {@code purposes}: {@code handle-opinion} (to consider, answer
 * and tell the raiser), {@code publish-name} (named in public documents). A raiser who gave none is handled
 * under the office's public duty ({@code basis} {@code public-duty}), without publication.
 */
public record Consent(String basis, List<String> purposes, Instant at, String channel, String noticeVersion) {
  public static final String HANDLE = "handle-opinion";
  public static final String PUBLISH = "publish-name";

  public Consent {
    purposes = List.copyOf(purposes);
  }

  /** Consent given with the notice of {@code noticeVersion}; {@code publish} adds publication. */
  public static Consent given(boolean publish, Instant at, String channel, String noticeVersion) {
    return new Consent("consent", publish ? List.of(HANDLE, PUBLISH) : List.of(HANDLE), at, channel, noticeVersion);
  }

  /** No consent given: the office's duty to consider and answer (Law 91/2025/QH15 art. 19). */
  public static Consent publicDuty(boolean publish, Instant at, String channel, String noticeVersion) {
    return new Consent("public-duty", publish ? List.of(PUBLISH) : List.of(), at, channel, noticeVersion);
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("basis", basis);
    m.put("purposes", purposes);
    m.put("at", at.toString());
    m.put("channel", channel);
    m.put("noticeVersion", noticeVersion);
    return m;
  }

  @SuppressWarnings("unchecked")
  public static Consent fromJson(Map<String, Object> m) {
    return new Consent((String) m.get("basis"), (List<String>) m.getOrDefault("purposes", List.of()),
        Instant.parse((String) m.get("at")), (String) m.get("channel"), (String) m.get("noticeVersion"));
  }
}
