package vn.doithoai.core.mail;

/** Port: hands an e-mail to the mail service (SES v2 in AWS). Throws when it could not, so it is retried. */
public interface MailSender {
  /** Returns the service's message id. */
  String send(OutgoingMail mail);
}
