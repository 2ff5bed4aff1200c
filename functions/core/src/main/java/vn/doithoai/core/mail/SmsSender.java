package vn.doithoai.core.mail;

/**
 * Port: hands an SMS ({@link OutgoingMail#sms}) to the SMS service (AWS End User Messaging SMS in AWS).
 * Throws when it could not, so it is retried, like {@link MailSender}.
 */
public interface SmsSender {
  /** Returns the service's message id. */
  String send(OutgoingMail sms);
}
