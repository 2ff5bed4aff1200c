package vn.doithoai.core.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A deadline schedule as JSON, the same for the staff API and the CLI. */
public final class DeadlineJson {
  private DeadlineJson() {}

  public static Map<String, Object> schedule(DeadlineSchedule s) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("profile", s.profileId());
    root.put("floor", s.floorId());
    root.put("calendarVersion", s.calendarVersion());
    root.put("meeting", s.anchors().meeting().toString());
    root.put("conclusion", s.anchors().conclusionNotice().map(LocalDate::toString).orElse(null));
    List<Object> list = new ArrayList<>();
    for (Deadline d : s.deadlines()) {
      Map<String, Object> m = deadline(d);
      m.put("basis", s.basis(d.ruleId()).map(RuleBasis::toJson).orElse(null));
      vn.doithoai.core.calendar.EntryStatus cal = s.calendarStatus(d.ruleId());
      m.put("calendarStatus", cal.code());
      if (cal == vn.doithoai.core.calendar.EntryStatus.PROVISIONAL) {
        m.put("calendarNote", "Lịch nghỉ năm " + d.due().map(x -> Integer.toString(x.getYear())).orElse("")
            + " chưa được công bố chính thức; hạn tính theo lịch tạm tính và có thể thay đổi.");
      }
      list.add(m);
    }
    root.put("deadlines", list);
    root.put("warnings", s.warnings());
    root.put("notApplied", s.notApplied());
    return root;
  }

  public static Map<String, Object> deadline(Deadline d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rule", d.ruleId());
    m.put("title", d.title());
    m.put("owner", d.owner().code());
    m.put("ownerText", d.owner().vietnamese());
    m.put("anchor", d.anchor().map(Enum::name).orElse(null));
    m.put("due", d.due().map(LocalDate::toString).orElse(null));
    m.put("explanation", d.explanation());
    m.put("reading", d.reading().map(r -> r.name().toLowerCase(Locale.ROOT)).orElse(null));
    m.put("origin", d.origin());
    m.put("source", d.source());
    m.put("sourceStatus", d.sourceStatus().code());
    m.put("calendarVersion", d.calendarVersion());
    m.put("reminders", d.reminders().stream().map(Object::toString).toList());
    m.put("dueAt", d.dueAt().map(Object::toString).orElse(null));
    m.put("escalations", d.escalations().stream().map(e -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("at", e.at().toString());
      x.put("to", e.step().to().stream().map(Enum::name).toList());
      x.put("cc", e.step().cc().stream().map(Enum::name).toList());
      x.put("toText", e.step().to().stream().map(Recipient::vietnamese).toList());
      x.put("ccText", e.step().cc().stream().map(Recipient::vietnamese).toList());
      return (Object) x;
    }).toList());
    m.put("extensionLimit", d.extensionLimit().map(LocalDate::toString).orElse(null));
    m.put("warnings", d.warnings());
    return m;
  }
}
