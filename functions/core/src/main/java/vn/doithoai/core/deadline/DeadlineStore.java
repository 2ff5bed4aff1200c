package vn.doithoai.core.deadline;

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

  /** Every open deadline of one commune, from one paged read of its own partition (no cap). */
  List<PlanDeadline> openOf(String communeId);
}
