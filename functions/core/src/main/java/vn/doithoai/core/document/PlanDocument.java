package vn.doithoai.core.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.doithoai.core.calendar.VietnameseDates;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.document.OfficialDocument.Detail;
import vn.doithoai.core.document.OfficialDocument.Item;
import vn.doithoai.core.document.OfficialDocument.Section;
import vn.doithoai.core.plan.Issuer;
import vn.doithoai.core.plan.Plan;
import vn.doithoai.core.plan.PlanContent;
import vn.doithoai.core.plan.PlanParts.Meeting;
import vn.doithoai.core.plan.PlanParts.Task;
import vn.doithoai.core.rules.DeadlineScheduling;

/**
 * Kế hoạch as an official document, from what the plan holds and nothing more: the legal basis as the
 * opening, then content and form (hosts, audience, villages, form), participants, time and venue of each
 * meeting, and the tasks of each unit with their dates; the plan's distribution list. Purpose and requirements
 * are printed only as the office wrote them ({@link vn.doithoai.core.plan.PlanBody}), never invented. The date is
 * the issue date the office set, else the day the plan was announced, blank before.
 */
public final class PlanDocument {
  private PlanDocument() {}

  public static OfficialDocument of(Plan plan, Commune commune) {
    PlanContent c = plan.content();
    Issuer issuer = c.issuer();
    List<String> intro = new ArrayList<>(c.legalBasis());
    c.replaces().filter(r -> !r.isBlank()).ifPresent(r -> intro.add("Kế hoạch này thay thế " + r.strip() + "."));
    List<Section> sections = new ArrayList<>();
    vn.doithoai.core.plan.PlanBody body = c.body();
    if (!body.purpose().isEmpty() || !body.requirements().isEmpty()) {
      List<String> why = new ArrayList<>();
      if (!body.purpose().isEmpty()) {
        why.add("1. Mục đích");
        why.addAll(body.purpose());
      }
      if (!body.requirements().isEmpty()) {
        why.add((body.purpose().isEmpty() ? "1" : "2") + ". Yêu cầu");
        why.addAll(body.requirements());
      }
      sections.add(new Section("MỤC ĐÍCH, YÊU CẦU", why, List.of()));
    }
    sections.add(new Section("NỘI DUNG, HÌNH THỨC ĐỐI THOẠI", body.contents(), content(plan, commune)));
    if (!c.participants().isEmpty()) {
      sections.add(new Section("THÀNH PHẦN THAM DỰ", c.participants().stream().map(p -> "- " + p.strip()).toList(),
          List.of()));
    }
    List<Item> meetings = new ArrayList<>();
    for (Meeting m : c.meetings()) {
      meetings.add(new Item("", "Đối thoại với " + Issuing.audience(plan, m, commune)
          + (m.note() == null || m.note().isBlank() ? "" : " (" + m.note().strip() + ")"), List.of(
              new Detail("Thời gian", Issuing.when(m)),
              new Detail("Địa điểm", m.venue() == null || m.venue().isBlank() ? "thông báo sau" : m.venue()))));
    }
    List<String> period = c.period() == null || c.period().isBlank() ? List.of()
        : List.of("Thời gian thực hiện: " + c.period().strip());
    sections.add(new Section("THỜI GIAN, ĐỊA ĐIỂM", period, meetings));
    if (!c.tasks().isEmpty()) {
      sections.add(new Section("TỔ CHỨC THỰC HIỆN", List.of(), tasks(c.tasks())));
    }
    String closing = Issuing.issuerShort(issuer, commune) + " yêu cầu các cơ quan, đơn vị căn cứ chức năng, nhiệm vụ"
        + " triển khai thực hiện nghiêm túc Kế hoạch này./.";
    return new OfficialDocument(Issuing.layout(issuer), Issuing.parent(issuer, commune),
        Issuing.body(issuer, commune), Issuing.number(issuer, "KH", c.number()), Issuing.place(commune),
        c.body().issuedOn().or(() -> announcedOn(plan)), "KẾ HOẠCH", c.title(), List.of(), intro, sections, List.of(closing),
        List.of(Issuing.signer(plan)), Issuing.distribution(issuer, c.distribution()));
  }

  private static List<Item> content(Plan plan, Commune commune) {
    PlanContent c = plan.content();
    List<Item> items = new ArrayList<>();
    items.add(new Item("Người chủ trì:", Issuing.hostsByName(plan) + ".", List.of()));
    c.delegate().ifPresent(d -> items.add(new Item("Ủy quyền:", "trường hợp người chủ trì vắng mặt, đồng chí "
        + (d.name() == null || d.name().isBlank() ? "" : d.name().strip() + ", ") + d.position() + " chủ trì.",
        List.of())));
    items.add(new Item("Đối tượng đối thoại:", Issuing.sentence(c.audience()), List.of()));
    if (!c.villages().isEmpty()) {
      items.add(new Item("Địa bàn:", String.join(", ", c.villages()) + ", " + Issuing.communeInText(commune) + ".",
          List.of()));
    }
    if (c.form() != null && !c.form().isBlank()) {
      items.add(new Item("Hình thức:", Issuing.sentence(c.form()), List.of()));
    }
    return items;
  }

  /** One item per unit, in the plan's order; each of its tasks a line with its date. */
  private static List<Item> tasks(List<Task> tasks) {
    Map<String, List<String>> byUnit = new LinkedHashMap<>();
    for (Task t : tasks) {
      String line = t.due().map(d -> Issuing.clause(t.description()) + " (hoàn thành "
          + (t.dueExclusive() ? "trước ngày " : "chậm nhất ngày ") + VietnameseDates.format(d) + ").")
          .orElse(Issuing.sentence(t.description()));
      byUnit.computeIfAbsent(t.unit().strip(), u -> new ArrayList<>()).add(line);
    }
    List<Item> items = new ArrayList<>();
    byUnit.forEach((unit, lines) -> items.add(new Item(unit + ":", String.join("\n", lines), List.of())));
    return items;
  }

  private static Optional<LocalDate> announcedOn(Plan plan) {
    return plan.audit().stream().filter(a -> a.action().equals("plan.announced")).findFirst()
        .map(a -> LocalDate.ofInstant(a.at(), DeadlineScheduling.VIETNAM));
  }
}
