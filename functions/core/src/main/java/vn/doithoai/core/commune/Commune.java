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
    Instant createdAt,
    List<Unit> declaredUnits,
    boolean smsAccents) {

  /** Ids of the units every commune has, derived from its offices, Front and host when not declared. */
  public static final String PARTY_OFFICE = "van-phong-dang-uy";
  public static final String COMMITTEE_OFFICE = "van-phong-hdnd-ubnd";
  public static final String FRONT = "uy-ban-mttq";
  public static final String HOST = "nguoi-chu-tri";

  public Commune {
    agencies = List.copyOf(agencies);
    declaredUnits = declaredUnits == null ? List.of() : List.copyOf(declaredUnits);
  }

  /**
   * A commune whose SMS go without diacritics ({@code smsAccents} false, the default): one GSM-7 segment of 160
   * characters instead of 70 in UCS-2, so a message costs a third to a half (see {@link
   * vn.doithoai.core.mail.SmsText}).
   */
  public Commune(String id, String name, String province, String profileId, String partyOfficeName,
      String peoplesCommitteeOfficeName, String officeEmail, String hostEmail, String frontEmail, String websiteUrl,
      List<Agency> agencies, long version, Instant createdAt, List<Unit> declaredUnits) {
    this(id, name, province, profileId, partyOfficeName, peoplesCommitteeOfficeName, officeEmail, hostEmail,
        frontEmail, websiteUrl, agencies, version, createdAt, declaredUnits, false);
  }

  /** A commune without declared units (records stored before units existed read back so). */
  public Commune(String id, String name, String province, String profileId, String partyOfficeName,
      String peoplesCommitteeOfficeName, String officeEmail, String hostEmail, String frontEmail, String websiteUrl,
      List<Agency> agencies, long version, Instant createdAt) {
    this(id, name, province, profileId, partyOfficeName, peoplesCommitteeOfficeName, officeEmail, hostEmail,
        frontEmail, websiteUrl, agencies, version, createdAt, List.of());
  }

  /**
   * Every unit that can be told: the two offices, the Front, the host and each agency as the old fields give
   * them, then the declared units (a board, a union, the Party office's own address), a declared unit replacing
   * a derived one with the same id or name.
   */
  public List<Unit> units() {
    List<Unit> out = new ArrayList<>();
    out.add(new Unit(PARTY_OFFICE, officeFor(vn.doithoai.core.plan.Issuer.PARTY_COMMITTEE), officeEmail));
    out.add(new Unit(COMMITTEE_OFFICE, officeFor(vn.doithoai.core.plan.Issuer.PEOPLES_COMMITTEE), officeEmail));
    out.add(new Unit(FRONT, "Ủy ban MTTQ xã", frontEmail));
    out.add(new Unit(HOST, "Người chủ trì đối thoại", hostEmail));
    agencies.forEach(a -> out.add(new Unit(a.id(), a.name(), a.email())));
    for (Unit u : declaredUnits) {
      out.removeIf(x -> x.id().equals(u.id()) || same(x.name(), u.name()));
      out.add(u);
    }
    return out;
  }

  /** The unit a plan or rule names, by id or by name (case and diacritics aside: "Văn phòng Đảng ủy"). */
  public Optional<Unit> unit(String idOrName) {
    if (idOrName == null || idOrName.isBlank()) {
      return Optional.empty();
    }
    List<Unit> all = units();
    return all.stream().filter(u -> u.id().equals(idOrName.strip())).findFirst()
        .or(() -> all.stream().filter(u -> same(u.name(), idOrName)).findFirst());
  }

  /** The office unit that runs a plan of this issuer, with its address. */
  public Unit officeUnit(vn.doithoai.core.plan.Issuer issuer) {
    return unit(issuer == vn.doithoai.core.plan.Issuer.PARTY_COMMITTEE ? PARTY_OFFICE : COMMITTEE_OFFICE)
        .orElseThrow();
  }

  private static boolean same(String a, String b) {
    return a != null && b != null && vn.doithoai.core.common.Folding.fold(a).strip()
        .equals(vn.doithoai.core.common.Folding.fold(b).strip());
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
        hostEmail, frontEmail, websiteUrl, agencies, v, createdAt, declaredUnits, smsAccents);
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
    if (!declaredUnits.isEmpty()) {
      m.put("units", declaredUnits.stream().map(Unit::toJson).toList());
    }
    if (smsAccents) {
      m.put("smsAccents", true);
    }
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
    List<Unit> units = new ArrayList<>();
    for (Object o : (List<Object>) m.getOrDefault("units", List.of())) {
      units.add(Unit.fromJson((Map<String, Object>) o));
    }
    return new Commune((String) m.get("id"), (String) m.get("name"), (String) m.get("province"),
        (String) m.get("profile"), (String) m.get("partyOfficeName"), (String) m.get("peoplesCommitteeOfficeName"),
        (String) m.get("officeEmail"), (String) m.get("hostEmail"), (String) m.get("frontEmail"),
        (String) m.get("websiteUrl"), agencies, ((Number) m.get("version")).longValue(),
        Instant.parse((String) m.get("createdAt")), units, Boolean.TRUE.equals(m.get("smsAccents")));
  }
}
