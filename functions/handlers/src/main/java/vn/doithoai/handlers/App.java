package vn.doithoai.handlers;

import java.time.Clock;
import vn.doithoai.aws.DynamoCommunes;
import vn.doithoai.aws.DynamoOpinions;
import vn.doithoai.aws.DynamoPlans;
import vn.doithoai.aws.DynamoTable;
import vn.doithoai.core.calendar.WorkingCalendar;
import vn.doithoai.core.commune.ManagingCommunes;
import vn.doithoai.core.intake.SubmittingOpinion;
import vn.doithoai.core.mail.CitizenMails;
import vn.doithoai.core.opinion.AssignmentDeadlines;
import vn.doithoai.core.opinion.HandlingOpinions;
import vn.doithoai.core.opinion.PublicOpinions;
import vn.doithoai.core.plan.ManagingPlans;
import vn.doithoai.core.plan.PlanSchedules;
import vn.doithoai.core.rules.RuleProfiles;

/**
 * The wiring, by hand and once per Lambda container (at init, so SnapStart can snapshot it): the table, the
 * adapters and the use cases. {@code PUBLIC_BASE_URL} is where citizens follow their opinions.
 */
public final class App {
  private static volatile App instance;

  private final ManagingCommunes managingCommunes;
  private final ManagingPlans managingPlans;
  private final HandlingOpinions handlingOpinions;
  private final SubmittingOpinion submittingOpinion;
  private final PublicOpinions publicOpinions;

  App(DynamoTable table, Clock clock, String publicBaseUrl) {
    RuleProfiles profiles = RuleProfiles.shipped();
    WorkingCalendar calendar = WorkingCalendar.vietnam();
    DynamoCommunes communes = new DynamoCommunes(table);
    DynamoPlans plans = new DynamoPlans(table);
    DynamoOpinions opinions = new DynamoOpinions(table);
    CitizenMails mails = new CitizenMails(publicBaseUrl);
    this.managingCommunes = new ManagingCommunes(communes, profiles, clock);
    this.managingPlans = new ManagingPlans(plans, communes, profiles, new PlanSchedules(profiles, calendar), clock);
    this.handlingOpinions = new HandlingOpinions(opinions, communes, plans, new AssignmentDeadlines(profiles,
        calendar), mails, clock);
    this.submittingOpinion = new SubmittingOpinion(communes, plans, opinions, mails, clock);
    this.publicOpinions = new PublicOpinions(opinions);
  }

  static App get() {
    App a = instance;
    if (a == null) {
      synchronized (App.class) {
        a = instance;
        if (a == null) {
          String base = Config.get("PUBLIC_BASE_URL");
          a = new App(DynamoTable.fromEnvironment(), Clock.systemUTC(), base == null ? "" : base);
          instance = a;
        }
      }
    }
    return a;
  }

  ManagingCommunes managingCommunes() {
    return managingCommunes;
  }

  ManagingPlans managingPlans() {
    return managingPlans;
  }

  HandlingOpinions handlingOpinions() {
    return handlingOpinions;
  }

  SubmittingOpinion submittingOpinion() {
    return submittingOpinion;
  }

  PublicOpinions publicOpinions() {
    return publicOpinions;
  }
}
