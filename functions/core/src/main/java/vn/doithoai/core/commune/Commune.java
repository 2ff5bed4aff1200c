package vn.doithoai.core.commune;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Xã / phường: the tenant. Its rule profile, its offices and agencies, and the e-mail addresses that
 * reminders and escalations go to. Webhook secrets are kept apart ({@link WebhookSecret}), never in this
 * record's JSON.
 */
public record Commune(
    String id,
    String name,
    String province,
    String profileId,
    String partyOfficeName,
    String peoplesCommitteeOfficeName,
    String officeEmail,
    String hostEmail,
    String frontEmail,
    String websiteUrl,
    List<Agency> agencies,
    long version,
    Instant createdAt) {

  public Commune {
    agencies = List.copyOf(agencies);
  }

  public Optional<Agency> agency(String agencyId) {
    return agencies.stream().filter(a -> a.id().equals(agencyId)).findFirst();
  }

  /**
   * The office that runs a plan of this issuer: the Party office (Văn phòng Đảng ủy) for a Party plan, the
   * People's Committee office (Văn phòng HĐND và UBND) otherwise.
   */
  public String officeFor(vn.doithoai.core.plan.Issuer issuer) {
    String party = partyOfficeName == null || partyOfficeName.isBlank() ? "Văn phòng Đảng ủy" : partyOfficeName;
    String committee = peoplesCommitteeOfficeName == null || peoplesCommitteeOfficeName.isBlank()
        ? "Văn phòng HĐND và UBND" : peoplesCommitteeOfficeName;
    return issuer == vn.doithoai.core.plan.Issuer.PARTY_COMMITTEE ? party : committee;
  }

  public Commune withVersion(long v) {
    return new Commune(id, name, province, profileId, partyOfficeName, peoplesCommitteeOfficeName, officeEmail,
        hostEmail, frontEmail, websiteUrl, agencies, v, createdAt);
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("name", name);
    m.put("province", province);
    m.put("profile", profileId);
    m.put("partyOfficeName", partyOfficeName);
    m.put("peoplesCommitteeOfficeName", peoplesCommitteeOfficeName);
    m.put("officeEmail", officeEmail);
    m.put("hostEmail", hostEmail);
    m.put("frontEmail", frontEmail);
    m.put("websiteUrl", websiteUrl);
    List<Object> list = new ArrayList<>();
    agencies.forEach(a -> list.add(a.toJson()));
    m.put("agencies", list);
    m.put("version", version);
    m.put("createdAt", createdAt.toString());
    return m;
  }

  @SuppressWarnings("unchecked")
  public static Commune fromJson(Map<String, Object> m) {
    List<Agency> agencies = new ArrayList<>();
    for (Object o : (List<Object>) m.getOrDefault("agencies", List.of())) {
      agencies.add(Agency.fromJson((Map<String, Object>) o));
    }
    return new Commune((String) m.get("id"), (String) m.get("name"), (String) m.get("province"),
        (String) m.get("profile"), (String) m.get("partyOfficeName"), (String) m.get("peoplesCommitteeOfficeName"),
        (String) m.get("officeEmail"), (String) m.get("hostEmail"), (String) m.get("frontEmail"),
        (String) m.get("websiteUrl"), agencies, ((Number) m.get("version")).longValue(),
        Instant.parse((String) m.get("createdAt")));
  }
}
