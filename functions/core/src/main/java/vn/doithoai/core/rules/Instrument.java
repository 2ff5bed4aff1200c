package vn.doithoai.core.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.doithoai.core.calendar.EntryStatus;

/**
 * Văn bản căn cứ: the instrument a rule comes from (a law article, a Party regulation, a provincial decision, the
 * plan's own text), whom it binds and from when to when. {@code cited} recognises it in a plan's legal basis, so
 * a plan that declares it is bound whoever issued the plan.
 *
 * @param until the first day it no longer holds (repealed or replaced); empty while in force
 * @param status {@code unconfirmed} when the attribution could not be checked against the text: its deadlines
 *     remind but never escalate until an admin confirms it
 */
public record Instrument(String id, String name, Set<Authority> binds, LocalDate from, Optional<LocalDate> until,
    EntryStatus status, Optional<Pattern> cited, String note) {

  public Instrument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(from, "from");
    binds = Set.copyOf(binds);
    if (binds.isEmpty()) {
      throw new IllegalArgumentException("Văn bản " + id + " phải ràng buộc ít nhất một chủ thể");
    }
    if (until.isPresent() && !until.get().isAfter(from)) {
      throw new IllegalArgumentException("Văn bản " + id + ": ngày hết hiệu lực phải sau ngày có hiệu lực");
    }
    note = note == null ? "" : note;
  }

  public boolean inForceOn(LocalDate day) {
    return !day.isBefore(from) && until.map(day::isBefore).orElse(true);
  }

  /** Whether one of the plan's "Căn cứ / Thực hiện" lines cites this instrument. */
  public boolean declaredIn(List<String> legalBasis) {
    return cited.isPresent() && legalBasis.stream().anyMatch(b -> b != null && cited.get().matcher(b).find());
  }

  /** "Ủy ban nhân dân", "cấp ủy đảng và Ủy ban nhân dân". */
  public String bindsVietnamese() {
    return binds.size() == 2 ? "cấp ủy đảng và Ủy ban nhân dân" : binds.iterator().next().vietnamese();
  }
}
