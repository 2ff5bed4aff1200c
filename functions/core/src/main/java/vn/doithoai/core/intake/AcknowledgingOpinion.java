package vn.doithoai.core.intake;

import java.util.Objects;
import java.util.Optional;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.commune.Communes;
import vn.doithoai.core.mail.CitizenMails;
import vn.doithoai.core.mail.MailOutbox;
import vn.doithoai.core.opinion.Opinion;
import vn.doithoai.core.opinion.Opinions;

/**
 * Xác nhận tiếp nhận: the acknowledgement of a newly stored opinion, derived from the table's stream (the
 * opinion's insert) rather than written with it, so that creating an opinion is one conditional put. The
 * e-mails' ids follow from the opinion (id, version 1) and the address, and the outbox writes each only once:
 * a stream record delivered twice, or two relays racing, queue one acknowledgement.
 */
public final class AcknowledgingOpinion {
  private final Communes communes;
  private final CitizenMails mails;
  private final MailOutbox outbox;
  private final Opinions opinions;

  public AcknowledgingOpinion(Communes communes, CitizenMails mails, MailOutbox outbox, Opinions opinions) {
    this.opinions = Objects.requireNonNull(opinions);
    this.communes = Objects.requireNonNull(communes);
    this.mails = Objects.requireNonNull(mails);
    this.outbox = Objects.requireNonNull(outbox);
  }

  /**
   * Queues the acknowledgement of {@code inserted} (the opinion as it was created, from the stream's new image),
   * dated when it was received; returns how many e-mails this call wrote (0 for a replayed record, or a commune
   * gone meanwhile).
   */
  public int acknowledge(Opinion inserted) {
    return acknowledge(inserted.communeId(), inserted);
  }

  /**
   * The same for an insert whose image does not hold the whole opinion (its long lists in pages): read back. A
   * commune's opinion that is gone meanwhile (erased) is not acknowledged.
   */
  public int acknowledge(String communeId, String opinionId) {
    return opinions.find(communeId, opinionId).map(o -> acknowledge(communeId, o)).orElse(0);
  }

  private int acknowledge(String communeId, Opinion inserted) {
    Optional<Commune> commune = communes.find(inserted.communeId());
    if (commune.isEmpty()) {
      return 0;
    }
    return outbox.queue(mails.acknowledgement(commune.get(), inserted, inserted.receivedAt()));
  }
}
