package vn.doithoai.handlers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.doithoai.core.deadline.ScheduleSpec;
import vn.doithoai.core.deadline.Scheduler;
import vn.doithoai.core.events.BusEvent;
import vn.doithoai.core.events.EventPublisher;
import vn.doithoai.core.mail.MailSender;
import vn.doithoai.core.mail.OutgoingMail;

/**
 * In-memory Scheduler, bus and mail service for handler tests, recording the IAM actions the real adapters
 * need for each call (CreateSchedule also passes the scheduler role: iam:PassRole).
 */
final class RecordingOutside {
  final Set<String> actions = new TreeSet<>();
  final Map<String, ScheduleSpec> schedules = new LinkedHashMap<>();
  final List<BusEvent> events = new ArrayList<>();
  final List<OutgoingMail> sent = new ArrayList<>();

  App.Outside outside() {
    Scheduler scheduler = new Scheduler() {
      @Override
      public boolean create(ScheduleSpec spec) {
        actions.add("scheduler:CreateSchedule");
        actions.add("iam:PassRole");
        return schedules.putIfAbsent(spec.name(), spec) == null;
      }

      @Override
      public void delete(String name) {
        actions.add("scheduler:DeleteSchedule");
        schedules.remove(name);
      }
    };
    EventPublisher bus = list -> {
      actions.add("events:PutEvents");
      events.addAll(list);
      return List.of();
    };
    MailSender mail = m -> {
      actions.add("ses:SendEmail");
      sent.add(m);
      return "local-" + sent.size();
    };
    return new App.Outside(() -> scheduler, () -> bus, () -> mail);
  }
}
