package vn.doithoai.core.deadline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.doithoai.core.mail.OutgoingMail;
import vn.doithoai.core.plan.PlanDeadline;

/** Port: open deadlines, and the once-only record of each fired step with its e-mails. */
public interface DeadlineStore {
  Optional<PlanDeadline> find(String communeId, String deadlineId);

  /** Writes the fired record and its e-mails together; false (and nothing written) if it was fired before. */
  boolean recordFired(Fired fired, List<OutgoingMail> mails);

  boolean wasFired(Fired fired);

  /** Open deadlines of every commune with a due instant before {@code before}, earliest first. */
  List<PlanDeadline> openDueBefore(Instant before, int limit);
}
