package vn.doithoai.core.followup;

import java.util.List;
import vn.doithoai.core.mail.OutgoingMail;

/** Port: results reports as sent (numbered, immutable snapshots), each stored with its e-mails in one write. */
public interface Reports {
  /** Stores a numbered report once, with its e-mails; a second report of the same number is a conflict. */
  void save(ResultsReport numbered, List<OutgoingMail> mails);

  /** The reports sent for a plan, in the order they were numbered. */
  List<ResultsReport> byPlan(String communeId, String planId);
}
