package vn.doithoai.core.mail;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.doithoai.core.common.Role;
import vn.doithoai.core.calendar.VietnameseDates;
import vn.doithoai.core.common.Html;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.deadline.Step;
import vn.doithoai.core.plan.Issuer;
import vn.doithoai.core.plan.PlanDeadline;
import vn.doithoai.core.rules.Recipient;

/**
 * The e-mails a deadline sends to staff: a reminder before it, the due-day notice, and the overdue ladder
 * (the unit's head, then the host with the Fatherland Front in copy). Each says what is due, for which plan
 * or opinion, the due date with its weekday, and a link.
 */
public final class DeadlineMails {
  private final String appBaseUrl;

  public DeadlineMails(String appBaseUrl) {
    this.appBaseUrl = appBaseUrl == null ? "" : appBaseUrl.replaceAll("/+$", "");
  }

  public List<OutgoingMail> forStep(Commune commune, PlanDeadline d, Step step, Instant now, LocalDate today) {
    Set<String> to = addresses(commune, d, step.to());
    Set<String> cc = addresses(commune, d, step.cc());
    cc.removeAll(to);
    if (to.isEmpty()) {
      to.addAll(cc.isEmpty() ? addresses(commune, d, List.of(Recipient.OFFICE)) : cc);
      cc.clear();
    }
    String due = VietnameseDates.withWeekday(d.due());
    String what = d.assignment() ? "trả lời ý kiến " + d.subject() : d.title();
    String subject = switch (step.kind()) {
      case REMINDER -> "[" + commune.name() + "] Nhắc hạn " + VietnameseDates.format(d.due()) + ": " + what;
      case DUE -> "[" + commune.name() + "] Đến hạn hôm nay: " + what;
      case ESCALATION -> "[" + commune.name() + "] QUÁ HẠN " + overdueDays(d, today) + " ngày: " + what;
    };
    String lead = switch (step.kind()) {
      case REMINDER -> "Xin nhắc: việc dưới đây đến hạn vào " + due + ".";
      case DUE -> "Hôm nay, " + due + ", là hạn chót của việc dưới đây.";
      case ESCALATION -> "Việc dưới đây đã quá hạn (hạn chót " + due + ") mà chưa được ghi nhận hoàn thành.";
    };
    // an assignment opens the opinion's page in the staff console (the agency answers or extends there)
    String link = appBaseUrl + (d.assignment() ? "/y-kien/chi-tiet.html?id=" + d.meetingId() : "/plans/" + d.planId());
    String body = "Việc: " + d.title() + "\n" + (d.assignment() ? "Ý kiến: " + d.subject() : "Kế hoạch: "
        + d.subject()) + "\nĐơn vị chịu trách nhiệm: " + owner(commune, d) + "\nHạn chót: " + due
        + "\nXem chi tiết: " + link + (step.kind() == Step.Kind.ESCALATION && !cc.isEmpty()
        ? "\n\nThư này được gửi đồng thời đến Ủy ban MTTQ xã để giám sát." : "");
    List<OutgoingMail> mails = new ArrayList<>();
    for (String address : to) {
      String text = "Kính gửi đồng chí,\n\n" + lead + "\n\n" + body + "\n\n" + commune.name()
          + " — hệ thống Đối thoại\n(Thư gửi tự động.)";
      String html = "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + Html.escape(subject)
          + "</title></head><body><p>Kính gửi đồng chí,</p><p><strong>" + Html.escape(lead) + "</strong></p><p>"
          + Html.paragraphs(body) + "</p><p>" + Html.escape(commune.name()) + " — hệ thống Đối thoại</p></body></html>";
      mails.add(new OutgoingMail(ContactIds.messageId("mail#" + d.communeId() + "#" + d.id() + "#" + step.name() + "#v"
          + d.version(), address), commune.id(), address, subject, text, html, "deadline." + step.kind().name()
          .toLowerCase(java.util.Locale.ROOT), now, List.copyOf(cc)));
    }
    return mails;
  }

  private static long overdueDays(PlanDeadline d, LocalDate today) {
    return Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(d.due(), today)) ;
  }

  /** The unit responsible for a deadline: its agency, or the office that runs its plan (from the plan's issuer). */
  public static String owner(Commune c, PlanDeadline d) {
    if (d.unit().isPresent()) {
      return c.unit(d.unit().get()).map(u -> u.name()).orElse(d.unit().get());
    }
    if (d.owner() == Role.AGENCY) {
      return d.agencyId().flatMap(c::agency).map(a -> a.name()).orElse("cơ quan được giao");
    }
    return switch (d.owner()) {
      case OFFICE -> office(c, d);
      case HOST -> "Người chủ trì đối thoại";
      case FRONT -> "Ủy ban MTTQ xã";
      default -> d.owner().vietnamese();
    };
  }

  /**
   * The unit that answers for a deadline — the one its plan task names, else its agency, the host, the Front or the
   * office that runs its plan — with the address its digest goes to (the office's when the unit has none, the
   * host's when the commune has no office address).
   */
  public static vn.doithoai.core.commune.Unit unitOf(Commune c, PlanDeadline d) {
    vn.doithoai.core.commune.Unit office = c.officeUnit(d.issuer().orElse(Issuer.PEOPLES_COMMITTEE));
    vn.doithoai.core.commune.Unit unit = d.unit().flatMap(c::unit).orElseGet(() -> switch (d.owner()) {
      case AGENCY -> d.agencyId().flatMap(c::unit).orElse(office);
      case HOST -> c.unit(Commune.HOST).orElse(office);
      case FRONT -> c.unit(Commune.FRONT).orElse(office);
      default -> office;
    });
    if (unit.email() == null || unit.email().isBlank()) {
      String address = officeEmail(c, d);
      return new vn.doithoai.core.commune.Unit(unit.id(), unit.name(), address == null || address.isBlank()
          ? c.hostEmail() : address, unit.digest());
    }
    return unit;
  }

  /** The office that runs the deadline's plan; the People's Committee office for records without an issuer. */
  public static String office(Commune c, PlanDeadline d) {
    return c.officeFor(d.issuer().orElse(Issuer.PEOPLES_COMMITTEE));
  }

  /** The address of the office that runs the deadline's plan (the Party office's own, when declared). */
  private static String officeEmail(Commune c, PlanDeadline d) {
    String e = c.officeUnit(d.issuer().orElse(Issuer.PEOPLES_COMMITTEE)).email();
    return e == null || e.isBlank() ? c.officeEmail() : e;
  }

  static Set<String> addresses(Commune c, PlanDeadline d, List<Recipient> recipients) {
    Set<String> out = new LinkedHashSet<>();
    for (Recipient r : recipients) {
      String a = switch (r) {
        case OWNER_HEAD -> d.unit().flatMap(c::unit).map(u -> u.email()).filter(e -> e != null && !e.isBlank())
            .orElseGet(() -> switch (d.owner()) {
              case AGENCY -> d.agencyId().flatMap(c::agency).map(x -> x.email()).orElse(officeEmail(c, d));
              case HOST -> c.hostEmail() != null ? c.hostEmail() : officeEmail(c, d);
              case FRONT -> c.frontEmail() != null ? c.frontEmail() : officeEmail(c, d);
              default -> officeEmail(c, d);
            });
        case OFFICE -> officeEmail(c, d);
        case HOST -> c.hostEmail() != null ? c.hostEmail() : c.officeEmail();
        case FRONT -> c.frontEmail();
      };
      if (a != null && !a.isBlank()) {
        out.add(a);
      }
    }
    return out;
  }
}
