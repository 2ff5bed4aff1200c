package vn.doithoai.core.conclusion;

import java.util.List;
import java.util.Optional;
import vn.doithoai.core.mail.OutgoingMail;
import vn.doithoai.core.meeting.MeetingRecord;

/** Port: meeting records, conclusion notices, and the atomic document counters. */
public interface Conclusions {
  void saveRecord(String communeId, String planId, MeetingRecord record);

  Optional<MeetingRecord> record(String communeId, String planId, String meetingId);

  void create(Conclusion c);

  Optional<Conclusion> find(String communeId, String conclusionId);

  /** Saves if the stored version is one less, with its e-mails, in one write. */
  void save(Conclusion c, List<OutgoingMail> mails);

  List<Conclusion> byPlan(String communeId, String planId);

  /** Published notices of a commune, newest first (the public feed). */
  List<Conclusion> published(String communeId, int limit);

  /** The next number of a counter ({@link DocumentNumber#counter}), atomically. */
  int next(String communeId, String counter);
}
