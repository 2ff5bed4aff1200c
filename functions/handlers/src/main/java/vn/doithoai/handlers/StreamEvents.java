package vn.doithoai.handlers;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.doithoai.core.common.Json;
import vn.doithoai.core.events.BusEvent;

/**
 * The event catalogue: which stream records become which bus events (the README documents each). The item
 * that changed and its event are one write, so no event is ever lost or invented. No personal data goes on
 * the bus: opinions are described by id, tracking code, status and field.
 */
final class StreamEvents {
  static final String SOURCE = "doithoai";
  static final int VERSION = 1;

  private StreamEvents() {}

  static Optional<BusEvent> of(DynamodbEvent.DynamodbStreamRecord r) {
    var ddb = r.getDynamodb();
    Map<String, AttributeValue> keys = ddb.getKeys();
    String pk = keys.get("pk").getS();
    String sk = keys.get("sk").getS();
    String name = r.getEventName();
    boolean mapped = pk.startsWith("MAIL#") || pk.startsWith("FIRE#") || sk.startsWith("DL#")
        || sk.startsWith("PLAN#") || sk.startsWith("OP#") || sk.startsWith("CONC#") || sk.startsWith("REPORT#")
        || sk.startsWith("REDATE#") || sk.startsWith("RECONCILE#");
    if (!mapped) {
      return Optional.empty();
    }
    Optional<Map<String, Object>> after = doc(ddb.getNewImage());
    Optional<Map<String, Object>> before = doc(ddb.getOldImage());
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("version", VERSION);
    if (pk.startsWith("MAIL#") && "FANOUT".equals(sk)) {
      if (!"INSERT".equals(name)) {
        return Optional.empty(); // its cursor moving, its TTL: nothing to tell
      }
      Map<String, Object> f = after.orElseThrow();
      detail.put("fanOutId", f.get("id"));
      detail.put("commune", f.get("commune"));
      detail.put("count", f.get("count"));
      return Optional.of(event("MailFanOutQueued", detail));
    }
    if (pk.startsWith("MAIL#") && "INSERT".equals(name)) {
      AttributeValue status = ddb.getNewImage() == null ? null : ddb.getNewImage().get("status");
      if (status != null && status.getS() != null && !"PENDING".equals(status.getS())) {
        return Optional.empty(); // written already sent or suppressed (an erased record moved off an address id)
      }
      Map<String, Object> m = after.orElseThrow();
      detail.put("mailId", m.get("id"));
      detail.put("commune", m.get("commune"));
      detail.put("kind", m.get("kind"));
      return Optional.of(event("MailQueued", detail));
    }
    if (sk.startsWith("REDATE#")) {
      if (!"INSERT".equals(name) || after.isEmpty()) {
        return Optional.empty(); // its deletion once the commune is re-dated: nothing to tell
      }
      detail.put("commune", pk.substring(2));
      detail.put("changeId", sk.substring("REDATE#".length()));
      detail.put("reason", after.get().get("reason"));
      return Optional.of(event("CommuneRederive", detail));
    }
    if (sk.startsWith("RECONCILE#")) {
      if (!"INSERT".equals(name) || after.isEmpty()) {
        return Optional.empty(); // its deletion once done, a rewrite by a retried cron, its TTL: nothing to tell
      }
      detail.put("commune", pk.substring(2));
      detail.put("workId", sk.substring("RECONCILE#".length()));
      return Optional.of(event("CommuneReconcile", detail));
    }
    if (sk.startsWith("DL#")) {
      String commune = pk.substring(2);
      detail.put("commune", commune);
      detail.put("deadlineId", sk.substring(3));
      detail.put("change", switch (name) {
        case "INSERT" -> "opened";
        case "REMOVE" -> "closed";
        default -> "moved";
      });
      detail.put("before", before.orElse(null));
      detail.put("after", after.orElse(null));
      return Optional.of(event("DeadlineChanged", detail));
    }
    if (pk.startsWith("FIRE#") && "INSERT".equals(name)) {
      Map<String, AttributeValue> img = ddb.getNewImage();
      detail.put("commune", s(img, "commune"));
      detail.put("deadlineId", s(img, "deadlineId"));
      detail.put("step", s(img, "step"));
      detail.put("deadlineVersion", img.get("version") == null ? null : Long.parseLong(img.get("version").getN()));
      return Optional.of(event("DeadlineStepFired", detail));
    }
    if (sk.startsWith("PLAN#") && after.isPresent() && statusChanged(before, after)) {
      Map<String, Object> p = after.get();
      detail.put("commune", p.get("commune"));
      detail.put("planId", p.get("id"));
      detail.put("number", p.get("number"));
      detail.put("status", p.get("status"));
      detail.put("previousStatus", before.map(b -> b.get("status")).orElse(null));
      detail.put("planVersion", p.get("version"));
      return Optional.of(event("PlanChanged", detail));
    }
    if (sk.startsWith("OP#") && after.isPresent() && statusChanged(before, after)) {
      Map<String, Object> o = after.get();
      detail.put("commune", o.get("commune"));
      detail.put("opinionId", o.get("id"));
      detail.put("trackingCode", o.get("trackingCode"));
      detail.put("field", o.get("field"));
      detail.put("status", o.get("status"));
      detail.put("previousStatus", before.map(b -> b.get("status")).orElse(null));
      detail.put("opinionVersion", o.get("version"));
      return Optional.of(event("OpinionChanged", detail));
    }
    if (sk.startsWith("CONC#") && after.isPresent() && "published".equals(after.get().get("status"))
        && statusChanged(before, after)) {
      Map<String, Object> c = after.get();
      detail.put("commune", c.get("commune"));
      detail.put("conclusionId", c.get("id"));
      detail.put("planId", c.get("planId"));
      detail.put("number", c.get("number"));
      detail.put("issuedOn", c.get("issuedOn"));
      detail.put("edition", c.get("edition"));
      detail.put("corrects", c.get("corrects"));
      detail.put("title", c.get("title"));
      detail.put("path", "/public/" + c.get("commune") + "/conclusions/" + c.get("id"));
      return Optional.of(event("ConclusionPublished", detail));
    }
    if (sk.startsWith("REPORT#") && "INSERT".equals(name) && after.isPresent()) {
      Map<String, Object> m = after.get();
      detail.put("commune", m.get("commune"));
      detail.put("planId", m.get("planId"));
      detail.put("number", m.get("number"));
      detail.put("asOf", m.get("asOf"));
      return Optional.of(event("ResultsReportSent", detail));
    }
    return Optional.empty();
  }

  private static boolean statusChanged(Optional<Map<String, Object>> before, Optional<Map<String, Object>> after) {
    return before.isEmpty() || !before.get().get("status").equals(after.get().get("status"));
  }

  private static BusEvent event(String type, Map<String, Object> detail) {
    return new BusEvent(SOURCE, type, Json.write(detail));
  }

  private static Optional<Map<String, Object>> doc(Map<String, AttributeValue> image) {
    if (image == null || image.get("doc") == null || image.get("doc").getS() == null) {
      return Optional.empty();
    }
    return Optional.of(Json.readObject(image.get("doc").getS()));
  }

  private static String s(Map<String, AttributeValue> img, String key) {
    return img.get(key) == null ? null : img.get(key).getS();
  }
}
