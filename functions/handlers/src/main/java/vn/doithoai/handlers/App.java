package vn.doithoai.handlers;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import vn.doithoai.aws.DynamoCalendarOverrides;
import vn.doithoai.aws.DynamoRuleConfirmations;
import vn.doithoai.aws.DynamoCommunes;
import vn.doithoai.aws.DynamoRedatingQueue;
import vn.doithoai.aws.DynamoConclusions;
import vn.doithoai.aws.DynamoDeadlineStore;
import vn.doithoai.aws.DynamoDigests;
import vn.doithoai.aws.DynamoMailOutbox;
import vn.doithoai.aws.DynamoOpinions;
import vn.doithoai.aws.DynamoPlans;
import vn.doithoai.aws.DynamoSuppressions;
import vn.doithoai.aws.DynamoTable;
import vn.doithoai.aws.EventBridgePublisher;
import vn.doithoai.aws.EventBridgeScheduler;
import vn.doithoai.aws.SesMailSender;
import vn.doithoai.aws.SmsVoiceSender;
import vn.doithoai.core.calendar.Calendars;
import vn.doithoai.core.calendar.ChangingCalendar;
import vn.doithoai.core.calendar.WorkingCalendar;
import vn.doithoai.core.commune.ManagingCommunes;
import vn.doithoai.core.conclusion.PublishingConclusion;
import vn.doithoai.core.deadline.FiringDeadlines;
import vn.doithoai.core.deadline.Reconciling;
import vn.doithoai.core.deadline.Scheduler;
import vn.doithoai.core.deadline.SchedulingDeadlines;
import vn.doithoai.core.events.EventPublisher;
import vn.doithoai.core.intake.SubmittingOpinion;
import vn.doithoai.core.mail.AgencyMails;
import vn.doithoai.core.mail.CitizenMails;
import vn.doithoai.core.mail.ContactIds;
import vn.doithoai.core.mail.DeadlineMails;
import vn.doithoai.core.mail.MailSender;
import vn.doithoai.core.mail.SendingMail;
import vn.doithoai.core.mail.SmsSender;
import vn.doithoai.core.mail.Suppressions;
import vn.doithoai.core.mail.SweepingMailOutbox;
import vn.doithoai.core.opinion.AssignmentDeadlines;
import vn.doithoai.core.opinion.HandlingOpinions;
import vn.doithoai.core.opinion.PublicOpinions;
import vn.doithoai.core.plan.ManagingPlans;
import vn.doithoai.core.plan.ConfirmingRules;
import vn.doithoai.core.plan.PlanSchedules;
import vn.doithoai.core.plan.RedatingCommunes;
import vn.doithoai.core.plan.RederivingPlans;
import vn.doithoai.core.rules.ConfirmedInstruments;
import vn.doithoai.core.rules.Instruments;
import vn.doithoai.core.rules.RuleProfiles;

/**
 * The wiring, by hand and once per Lambda container (at init, so SnapStart can snapshot it): the table, the
 * adapters and the use cases. Services other than DynamoDB (Scheduler, EventBridge, SES) are created on
 * first use, so a function that never schedules never builds a Scheduler client. {@code PUBLIC_BASE_URL} is
 * where citizens follow their opinions and staff open their links.
 */
public final class App {
  private static volatile App instance;

  static {
    Priming.register(Config.get("_HANDLER")); // SnapStart: prime this function before the snapshot (no-op without CRaC)
  }

  /** The services beyond DynamoDB, each made when first needed. */
  record Outside(Supplier<Scheduler> scheduler, Supplier<EventPublisher> events, Supplier<MailSender> mail,
      Supplier<Optional<SmsSender>> sms) {
    /** Without SMS (no origination identity): each SMS is marked suppressed. */
    Outside(Supplier<Scheduler> scheduler, Supplier<EventPublisher> events, Supplier<MailSender> mail) {
      this(scheduler, events, mail, Optional::empty);
    }

    static Outside aws(Clock clock) {
      return new Outside(() -> EventBridgeScheduler.fromEnvironment(clock),
          () -> EventBridgePublisher.fromEnvironment(clock), SesMailSender::fromEnvironment,
          SmsVoiceSender::fromEnvironment);
    }
  }

  private final Calendars calendars;
  private final DynamoCommunes communes;
  private final PublishingConclusion publishingConclusion;
  private final vn.doithoai.core.followup.FollowingUp followingUp;
  private final vn.doithoai.core.followup.Exporting exporting;
  private final ChangingCalendar changingCalendar;
  private final RedatingCommunes redatingCommunes;
  private final ConfirmingRules confirmingRules;
  private final ManagingCommunes managingCommunes;
  private final ManagingPlans managingPlans;
  private final HandlingOpinions handlingOpinions;
  private final SubmittingOpinion submittingOpinion;
  private final PublicOpinions publicOpinions;
  private final vn.doithoai.core.site.PublicSite publicSite;
  private final vn.doithoai.core.intake.HostedForm hostedForm;
  private final String publicBaseUrl;
  private final FiringDeadlines firingDeadlines;
  private final DynamoSuppressions suppressions;
  private final Lazy<SchedulingDeadlines> schedulingDeadlines;
  private final Lazy<Reconciling> reconciling;
  private final Lazy<SendingMail> sendingMail;
  private final Lazy<SweepingMailOutbox> sweepingMail;
  private final Lazy<EventPublisher> eventPublisher;
  private final vn.doithoai.core.rights.HandlingPrivacyRequests handlingPrivacy;
  private final vn.doithoai.core.rights.Retaining retaining;
  private final Edge edge;
  private final vn.doithoai.core.usage.UsageStatements usageStatements;

  App(DynamoTable table, Clock clock, String publicBaseUrl, Outside outside) {
    this(table, clock, clock, publicBaseUrl, outside);
  }

  /**
   * {@code clock} is the product's time (deadlines, dates; the local runtime may move it); {@code wire} is the
   * real time, against which a webhook signature's freshness, a proof of work's expiry and the day of the form's
   * daily limits are checked.
   */
  App(DynamoTable table, Clock clock, Clock wire, String publicBaseUrl, Outside outside) {
    RuleProfiles profiles = RuleProfiles.shipped();
    this.calendars = new Calendars(WorkingCalendar::vietnam, new DynamoCalendarOverrides(table), clock);
    ConfirmedInstruments instruments = new ConfirmedInstruments(Instruments::shipped,
        new DynamoRuleConfirmations(table), clock);
    PlanSchedules planSchedules = new PlanSchedules(profiles, calendars, instruments);
    DynamoCommunes communes = new DynamoCommunes(table);
    DynamoPlans plans = new DynamoPlans(table);
    DynamoOpinions opinions = new DynamoOpinions(table);
    DynamoDeadlineStore deadlines = new DynamoDeadlineStore(table);
    DynamoMailOutbox outbox = new DynamoMailOutbox(table);
    CitizenMails mails = new CitizenMails(publicBaseUrl);
    this.publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl;
    this.suppressions = new DynamoSuppressions(table);
    this.managingCommunes = new ManagingCommunes(communes, profiles, clock);
    this.managingPlans = new ManagingPlans(plans, communes, profiles, planSchedules, clock);
    this.handlingOpinions = new HandlingOpinions(opinions, communes, plans, new AssignmentDeadlines(profiles,
        calendars), mails, new AgencyMails(publicBaseUrl), planSchedules, clock);
    this.redatingCommunes = new RedatingCommunes(new RederivingPlans(plans, planSchedules),
        new DynamoRedatingQueue(table), calendars, instruments, clock);
    this.changingCalendar = new ChangingCalendar(calendars, redatingCommunes, clock);
    this.confirmingRules = new ConfirmingRules(instruments, redatingCommunes, clock);
    this.communes = communes;
    DynamoConclusions conclusions = new DynamoConclusions(table);
    this.publishingConclusion = new PublishingConclusion(conclusions, plans, opinions, handlingOpinions, communes,
        planSchedules, publicBaseUrl, clock);
    this.followingUp = new vn.doithoai.core.followup.FollowingUp(plans, opinions, conclusions,
        new vn.doithoai.aws.DynamoReports(table), communes, planSchedules, FollowUpHandler::reportHtml, clock);
    this.exporting = new vn.doithoai.core.followup.Exporting(plans, opinions, communes, conclusions, followingUp,
        java.net.URI.create(publicBaseUrl == null || publicBaseUrl.isBlank() ? "https://doithoai.local" : publicBaseUrl)
            .getHost(), clock);
    this.submittingOpinion = new SubmittingOpinion(communes, plans, opinions, mails, clock, wire);
    this.publicOpinions = new PublicOpinions(opinions, new AssignmentDeadlines(profiles, calendars), clock);
    this.publicSite = new vn.doithoai.core.site.PublicSite(communes, plans, opinions, publishingConclusion, clock);
    this.hostedForm = new vn.doithoai.core.intake.HostedForm(submittingOpinion,
        new vn.doithoai.core.intake.ProofOfWork(FormKey.get()), new vn.doithoai.aws.DynamoSubmissionLimits(table),
        wire);
    this.firingDeadlines = new FiringDeadlines(deadlines, communes, new DeadlineMails(publicBaseUrl), clock);
    Lazy<Scheduler> scheduler = new Lazy<>(outside.scheduler());
    this.schedulingDeadlines = new Lazy<>(() -> new SchedulingDeadlines(scheduler.get(), clock));
    this.reconciling = new Lazy<>(() -> new Reconciling(deadlines, new vn.doithoai.aws.DynamoReconcileQueue(table),
        scheduler.get(), firingDeadlines, communes, new DynamoDigests(table, clock), calendars, clock));
    this.sendingMail = new Lazy<>(() -> new SendingMail(outbox, suppressions, outside.mail().get(),
        outside.sms().get(), clock));
    this.sweepingMail = new Lazy<>(() -> new SweepingMailOutbox(outbox, sendingMail.get(), clock));
    this.eventPublisher = new Lazy<>(outside.events());
    vn.doithoai.aws.DynamoUsage usage = new vn.doithoai.aws.DynamoUsage(table);
    this.edge = new Edge(usage, clock);
    this.usageStatements = new vn.doithoai.core.usage.UsageStatements(usage, clock);
    vn.doithoai.aws.DynamoPrivacyRequests privacyRequests = new vn.doithoai.aws.DynamoPrivacyRequests(table);
    this.handlingPrivacy = new vn.doithoai.core.rights.HandlingPrivacyRequests(opinions, communes,
        new vn.doithoai.aws.DynamoContactMails(table, outbox), privacyRequests, FormKey.contactHash(), clock);
    this.retaining = new vn.doithoai.core.rights.Retaining(opinions, handlingPrivacy, privacyRequests, clock,
        RETENTION_PAGE, RETENTION_PAGES, RETENTION_CONTACTS);
  }

  /**
   * The retention sweep reads at most this many pages of this many items, and erases at most this many contacts,
   * a day (then goes on the next day).
   */
  static final int RETENTION_PAGE = 500;
  static final int RETENTION_PAGES = 200;
  static final int RETENTION_CONTACTS = 50;

  vn.doithoai.core.rights.HandlingPrivacyRequests handlingPrivacy() {
    return handlingPrivacy;
  }

  vn.doithoai.core.rights.Retaining retaining() {
    return retaining;
  }

  static App get() {
    App a = instance;
    if (a == null) {
      synchronized (App.class) {
        a = instance;
        if (a == null) {
          contactIdKey();
          a = new App(DynamoTable.fromEnvironment(), AppClock.INSTANCE, Clock.systemUTC(), publicBaseUrl(),
              Outside.aws(AppClock.INSTANCE));
          instance = a;
        }
      }
    }
    return a;
  }

  /**
   * The key of the contacts' opaque ids ({@link ContactIds}): {@code CONTACT_ID_KEY} (in AWS the template's
   * NoEcho parameter, required there); unset in the local runtime and tests, which use the fixed dev key.
   */
  static void contactIdKey() {
    String key = Config.get("CONTACT_ID_KEY");
    if (key != null && !key.isBlank()) {
      ContactIds.useKey(key);
    }
  }

  private static final Lazy<vn.doithoai.core.access.SigningIn> SIGNING_IN = new Lazy<>(
      () -> new vn.doithoai.core.access.SigningIn(vn.doithoai.aws.CognitoSignIn.fromEnvironment()));

  /** Sign-in needs no table: the session function builds only this (its Cognito client, once). */
  static vn.doithoai.core.access.SigningIn signingIn() {
    return SIGNING_IN.get();
  }

  /**
   * Where links point: {@code PUBLIC_BASE_URL}, or in AWS without a public address or console domain, the
   * console's CloudFront address from the SSM parameter the template writes (read once, at init, before the
   * SnapStart snapshot).
   */
  static String publicBaseUrl() {
    String base = Config.get("PUBLIC_BASE_URL");
    String parameter = Config.get("PUBLIC_BASE_URL_PARAMETER");
    if ((base == null || base.isBlank()) && parameter != null && !parameter.isBlank()) {
      return vn.doithoai.aws.SsmParameters.read(parameter.trim());
    }
    return base == null ? "" : base.trim();
  }

  DynamoCommunes communes() {
    return communes;
  }

  vn.doithoai.core.followup.Exporting exporting() {
    return exporting;
  }

  vn.doithoai.core.followup.FollowingUp followingUp() {
    return followingUp;
  }

  PublishingConclusion publishingConclusion() {
    return publishingConclusion;
  }

  Calendars calendars() {
    return calendars;
  }

  RedatingCommunes redatingCommunes() {
    return redatingCommunes;
  }

  ChangingCalendar changingCalendar() {
    return changingCalendar;
  }

  ConfirmingRules confirmingRules() {
    return confirmingRules;
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

  vn.doithoai.core.site.PublicSite publicSite() {
    return publicSite;
  }

  /** Where citizens reach the public pages (empty only in tests that build no link). */
  String baseUrl() {
    return publicBaseUrl;
  }

  vn.doithoai.core.intake.HostedForm hostedForm() {
    return hostedForm;
  }

  PublicOpinions publicOpinions() {
    return publicOpinions;
  }

  FiringDeadlines firingDeadlines() {
    return firingDeadlines;
  }

  SchedulingDeadlines schedulingDeadlines() {
    return schedulingDeadlines.get();
  }

  Reconciling reconciling() {
    return reconciling.get();
  }

  SendingMail sendingMail() {
    return sendingMail.get();
  }

  SweepingMailOutbox sweepingMail() {
    return sweepingMail.get();
  }

  Suppressions suppressions() {
    return suppressions;
  }

  /** Where each invocation ends: its usage counted, its log and metric lines written. */
  Edge edge() {
    return edge;
  }

  vn.doithoai.core.usage.UsageStatements usageStatements() {
    return usageStatements;
  }

  EventPublisher eventPublisher() {
    return eventPublisher.get();
  }

  /** A value made once, on first use, thread-safely. */
  static final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> make;
    private volatile T value;

    Lazy(Supplier<T> make) {
      this.make = make;
    }

    @Override
    public T get() {
      T v = value;
      if (v == null) {
        synchronized (this) {
          v = value;
          if (v == null) {
            v = make.get();
            value = v;
          }
        }
      }
      return v;
    }
  }
}
