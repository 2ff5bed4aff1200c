package vn.doithoai.core.opinion;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.doithoai.core.opinion.OpinionParts.Raiser;

/**
 * Người nêu của một ý kiến đã gộp: the raisers one merged opinion brought to a matter, stored apart from the
 * matter (one record per merged opinion), with who merged it and when — the audit entry of that merge. The
 * record names the two opinions by id only: its key holds no personal data.
 */
public record MergedRaisers(String communeId, String matterId, String sourceId, String sourceTrackingCode,
    List<Raiser> raisers, Instant mergedAt, String actorId, String actorRole) {

  public MergedRaisers {
    raisers = List.copyOf(raisers);
  }

  /** The record of {@code source} merged into {@code matter}: the raisers listed on the merged opinion. */
  public static MergedRaisers of(Opinion matter, Opinion source, Instant at, vn.doithoai.core.common.Actor actor) {
    return new MergedRaisers(matter.communeId(), matter.id(), source.id(), source.trackingCode(), source.raisers(),
        at, actor.id(), actor.auditRole());
  }

  /** The matter's audit entry of this merge ("Nhận gộp ý kiến"), which the matter itself does not keep. */
  public vn.doithoai.core.common.AuditEntry audit() {
    return new vn.doithoai.core.common.AuditEntry(mergedAt, actorId, actorRole, "opinion.absorbed",
        "từ " + sourceTrackingCode, "");
  }

  /** The same record with the raisers {@code whose} erased ({@link Raiser#erased()}). */
  public MergedRaisers erase(java.util.function.Predicate<Raiser> whose) {
    return new MergedRaisers(communeId, matterId, sourceId, sourceTrackingCode,
        raisers.stream().map(r -> whose.test(r) ? r.erased() : r).toList(), mergedAt, actorId, actorRole);
  }

  /** The same raisers, recorded under another matter: a merged matter's records follow it into the next one. */
  public MergedRaisers into(String otherMatterId) {
    return new MergedRaisers(communeId, otherMatterId, sourceId, sourceTrackingCode, raisers, mergedAt, actorId,
        actorRole);
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("commune", communeId);
    m.put("matterId", matterId);
    m.put("sourceId", sourceId);
    m.put("sourceTrackingCode", sourceTrackingCode);
    m.put("raisers", raisers.stream().map(Raiser::toJson).toList());
    m.put("mergedAt", mergedAt.toString());
    m.put("actorId", actorId);
    m.put("actorRole", actorRole);
    return m;
  }

  @SuppressWarnings("unchecked")
  public static MergedRaisers fromJson(Map<String, Object> m) {
    return new MergedRaisers((String) m.get("commune"), (String) m.get("matterId"), (String) m.get("sourceId"),
        (String) m.get("sourceTrackingCode"), ((List<Object>) m.get("raisers")).stream()
            .map(o -> Raiser.fromJson((Map<String, Object>) o)).toList(), Instant.parse((String) m.get("mergedAt")),
        (String) m.get("actorId"), (String) m.get("actorRole"));
  }

  /** One page of a matter's records, and where the next starts (empty: the last). */
  public record Page(List<MergedRaisers> records, Optional<String> next) {}
}
