package vn.doithoai.core.calendar;

import java.util.List;
import java.util.Optional;

/** Port: the overrides added after the data shipped — national ones, and each commune's own. */
public interface CalendarOverrides {
  /** The national overrides, plus the commune's when one is given. */
  List<CalendarOverride> forCommune(Optional<String> communeId);

  /** Adds one (national when no commune is given). */
  void add(Optional<String> communeId, CalendarOverride override);
}
