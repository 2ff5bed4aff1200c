package vn.doithoai.core.rules;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.doithoai.core.calendar.EntryStatus;

/**
 * Căn cứ của một thời hạn: the instrument behind a deadline, why it binds this plan, and whether the deadline
 * escalates (an unconfirmed source only reminds).
 */
public record RuleBasis(String instrumentId, String instrument, String binds, LocalDate from,
    Optional<LocalDate> until, EntryStatus status, String why, boolean escalates) {

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("instrument", instrumentId);
    m.put("name", instrument);
    m.put("binds", binds);
    m.put("from", from.toString());
    m.put("until", until.map(LocalDate::toString).orElse(null));
    m.put("status", status.code());
    m.put("statusText", status.vietnamese());
    m.put("why", why);
    m.put("escalates", escalates);
    return m;
  }
}
