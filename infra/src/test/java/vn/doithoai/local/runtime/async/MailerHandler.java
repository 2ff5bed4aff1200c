package vn.doithoai.local.runtime.async;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** MailQueued → SES SendEmail; a subject containing "(retry)" fails its first delivery. */
public final class MailerHandler implements RequestHandler<Map<String, Object>, Void> {
  public static final Set<String> FAILED = ConcurrentHashMap.newKeySet();

  @Override
  @SuppressWarnings("unchecked")
  public Void handleRequest(Map<String, Object> event, Context context) {
    Map<String, Object> mail = (Map<String, Object>) event.get("detail");
    String subject = (String) mail.get("subject");
    Clients.LOG.add("mailer " + subject);
    if (subject.contains("(retry)") && FAILED.add(subject)) {
      throw new IllegalStateException("throttled, try again");
    }
    Clients.ses().sendEmail(b -> b.fromEmailAddress(System.getProperty("MAIL_FROM"))
        .destination(d -> d.toAddresses((String) mail.get("to")).ccAddresses("mttq@demo.example.vn"))
        .configurationSetName(System.getProperty("SES_CONFIGURATION_SET"))
        .content(c -> c.simple(m -> m.subject(s -> s.data(subject).charset("UTF-8"))
            .body(x -> x.text(t -> t.data("Nội dung: " + subject).charset("UTF-8"))
                .html(h -> h.data("<p>" + subject + "</p>").charset("UTF-8")))
            .headers(h -> h.name("X-Doithoai-Kind").value((String) mail.get("kind"))))));
    return null;
  }
}
