package vn.doithoai.core.plan;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.doithoai.core.common.Role;

/** The small values a plan is made of. */
public final class PlanParts {
  private PlanParts() {}

  /** Người chủ trì: a host by position (and name where known), e.g. "Bí thư Đảng ủy, Chủ tịch HĐND xã". */
  public record Host(String position, String name) {
    Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("position", position);
      m.put("name", name);
      return m;
    }

    static Host fromJson(Map<String, Object> m) {
      return new Host((String) m.get("position"), (String) m.get("name"));
    }
  }

  /** Where one meeting stands: planned (a window or nothing yet), dated, held (biên bản), concluded. */
  public enum MeetingState {
    PLANNED("chưa có ngày cụ thể"),
    DATED("đã có ngày"),
    HELD("đã tổ chức"),
    CONCLUDED("đã có thông báo kết luận");

    private final String vietnamese;

    MeetingState(String vietnamese) {
      this.vietnamese = vietnamese;
    }

    public String vietnamese() {
      return vietnamese;
    }

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One meeting of the plan (a plan may hold several: one per village, June's and October's, one per quarter),
   * each with its own day or its own window ({@code from}–{@code to}, "½ ngày, từ 15/11 đến 30/11/2025"),
   * audience (empty: the plan's), venue and state. A window is not a date: nothing is invented, and the deadlines
   * of a meeting known only by its window count from the window's first day ({@link #anchor}), the earliest it
   * can be held, so that what must happen before it is never late whichever day is chosen; they are derived again
   * from the day once it is fixed.
   */
  public record Meeting(String id, Optional<LocalDate> date, Optional<LocalDate> from, Optional<LocalDate> to,
      String venue, List<String> villages, String note, String audience, MeetingState state,
      Optional<LocalDate> concludedOn) {
    public Meeting {
      villages = List.copyOf(villages);
      audience = audience == null ? "" : audience;
      state = state == null ? (date.isPresent() ? MeetingState.DATED : MeetingState.PLANNED) : state;
    }

    /** A meeting on a day (or not yet dated), of the plan's audience, not yet held. */
    public Meeting(String id, Optional<LocalDate> date, String venue, List<String> villages, String note) {
      this(id, date, Optional.empty(), Optional.empty(), venue, villages, note, "", null, Optional.empty());
    }

    /** The day its deadlines count from: its date, else its window's first day (see above). */
    public Optional<LocalDate> anchor() {
      return date.or(() -> from);
    }

    /** Still to be held: planned or dated. */
    public boolean ahead() {
      return state == MeetingState.PLANNED || state == MeetingState.DATED;
    }

    /** Its day fixed (or moved), inside its window if it has one; the venue kept when none is given. */
    public Meeting dated(LocalDate day, String newVenue) {
      return new Meeting(id, Optional.of(day), from, to, newVenue == null ? venue : newVenue, villages, note,
          audience, MeetingState.DATED, concludedOn);
    }

    Meeting held() {
      return new Meeting(id, date, from, to, venue, villages, note, audience, MeetingState.HELD, concludedOn);
    }

    Meeting concluded(LocalDate on) {
      return new Meeting(id, date, from, to, venue, villages, note, audience, MeetingState.CONCLUDED,
          concludedOn.or(() -> Optional.of(on)));
    }

    /** "ngày 18/06/2026", "từ ngày 15/11/2025 đến ngày 30/11/2025", or "chưa có ngày". */
    public String when() {
      if (date.isPresent()) {
        return "ngày " + vn.doithoai.core.calendar.VietnameseDates.format(date.get());
      }
      if (from.isPresent()) {
        return "từ ngày " + vn.doithoai.core.calendar.VietnameseDates.format(from.get()) + " đến ngày "
            + vn.doithoai.core.calendar.VietnameseDates.format(to.orElse(from.get()));
      }
      return "chưa có ngày";
    }

    Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", id);
      m.put("date", date.map(LocalDate::toString).orElse(null));
      m.put("dateFrom", from.map(LocalDate::toString).orElse(null));
      m.put("dateTo", to.map(LocalDate::toString).orElse(null));
      m.put("venue", venue);
      m.put("villages", villages);
      m.put("note", note);
      m.put("audience", audience);
      m.put("state", state.code());
      m.put("stateText", state.vietnamese());
      m.put("concludedOn", concludedOn.map(LocalDate::toString).orElse(null));
      return m;
    }

    /** Meetings stored before they had a state read back as dated or planned; {@link Plan#fromJson} settles them. */
    @SuppressWarnings("unchecked")
    static Meeting fromJson(Map<String, Object> m) {
      return new Meeting((String) m.get("id"), day(m, "date"), day(m, "dateFrom"), day(m, "dateTo"),
          (String) m.get("venue"), (List<String>) m.getOrDefault("villages", List.of()), (String) m.get("note"),
          (String) m.get("audience"), Optional.ofNullable((String) m.get("state"))
              .map(x -> MeetingState.valueOf(x.toUpperCase(java.util.Locale.ROOT))).orElse(null),
          day(m, "concludedOn"));
    }

    private static Optional<LocalDate> day(Map<String, Object> m, String key) {
      return Optional.ofNullable((String) m.get(key)).map(LocalDate::parse);
    }
  }

  /**
   * A unit's task with its own date, as the seeds list them ("hoàn thành trước ngày 10/11/2025").
   * {@code dueExclusive} is the literal reading of "trước ngày": the last working day before the date.
   */
  public record Task(String id, String unit, Role owner, String description, Optional<LocalDate> due,
      boolean dueExclusive) {
    Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", id);
      m.put("unit", unit);
      m.put("owner", owner.code());
      m.put("description", description);
      m.put("due", due.map(LocalDate::toString).orElse(null));
      m.put("dueExclusive", dueExclusive);
      return m;
    }

    static Task fromJson(Map<String, Object> m) {
      return new Task((String) m.get("id"), (String) m.get("unit"), Role.parse((String) m.get("owner")),
          (String) m.get("description"), Optional.ofNullable((String) m.get("due")).map(LocalDate::parse),
          Boolean.TRUE.equals(m.get("dueExclusive")));
    }
  }
}
