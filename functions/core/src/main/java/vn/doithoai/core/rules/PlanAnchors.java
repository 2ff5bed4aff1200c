package vn.doithoai.core.rules;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** The dates a plan's deadlines hang on: the meeting, and once issued, the conclusion notice. */
public record PlanAnchors(LocalDate meeting, Optional<LocalDate> conclusionNotice) {
  public PlanAnchors {
    Objects.requireNonNull(meeting, "meeting");
    Objects.requireNonNull(conclusionNotice, "conclusionNotice");
    if (conclusionNotice.isPresent() && conclusionNotice.get().isBefore(meeting)) {
      throw new IllegalArgumentException("Ngày thông báo kết luận " + conclusionNotice.get()
          + " trước ngày đối thoại " + meeting + " / the conclusion notice cannot precede the meeting");
    }
  }

  public static PlanAnchors meetingOn(LocalDate meeting) {
    return new PlanAnchors(meeting, Optional.empty());
  }

  public PlanAnchors concludedOn(LocalDate conclusion) {
    return new PlanAnchors(meeting, Optional.of(conclusion));
  }

  public Optional<LocalDate> of(Anchor anchor) {
    return anchor == Anchor.MEETING ? Optional.of(meeting) : conclusionNotice;
  }
}
