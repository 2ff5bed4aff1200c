package vn.doithoai.core.deadline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.doithoai.core.commune.Commune;
import vn.doithoai.core.commune.Communes;
import vn.doithoai.core.commune.WebhookSecret;
import vn.doithoai.core.mail.OutgoingMail;
import vn.doithoai.core.plan.PlanDeadline;

/** In-memory stand-ins for the deadline ports, keeping what the tests look at. */
final class InMemory {
  private InMemory() {}

  /** A clock the test moves. */
  static final class MovingClock extends java.time.Clock {
    private volatile Instant now;

    MovingClock(Instant start) {
      now = start;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId z) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  static final class Store implements DeadlineStore {
    final Map<String, PlanDeadline> deadlines = new LinkedHashMap<>();
    final Map<String, Fired> fired = new HashMap<>();
    final List<OutgoingMail> mails = new ArrayList<>();
    /** Calls made, for counting a path's reads and writes. */
    int finds;
    int firedReads;
    int recordTransactions;

    void put(PlanDeadline d) {
      deadlines.put(d.communeId() + "#" + d.id(), d);
    }

    void remove(PlanDeadline d) {
      deadlines.remove(d.communeId() + "#" + d.id());
    }

    @Override
    public Optional<PlanDeadline> find(String communeId, String deadlineId) {
      finds++;
      return Optional.ofNullable(deadlines.get(communeId + "#" + deadlineId));
    }

    @Override
    public synchronized boolean recordFired(Fired f, List<OutgoingMail> out) {
      recordTransactions++;
      if (fired.containsKey(f.key())) {
        return false;
      }
      fired.put(f.key(), f);
      mails.addAll(out);
      return true;
    }

    @Override
    public boolean wasFired(Fired f) {
      firedReads++;
      return fired.containsKey(f.key());
    }

    @Override
    public List<PlanDeadline> openDueBefore(Instant before, int limit) {
      return deadlines.values().stream().filter(d -> d.dueAt().isBefore(before))
          .sorted(Comparator.comparing(PlanDeadline::dueAt)).limit(limit).toList();
    }
  }

  static final class Schedules implements Scheduler {
    final Map<String, ScheduleSpec> live = new LinkedHashMap<>();
    final List<String> deleted = new ArrayList<>();

    /** CreateSchedule calls, answered or refused as existing, for counting the calls a path makes. */
    int creates;

    @Override
    public boolean create(ScheduleSpec spec) {
      creates++;
      return live.putIfAbsent(spec.name(), spec) == null;
    }

    @Override
    public void delete(String name) {
      if (live.remove(name) != null) {
        deleted.add(name);
      }
    }
  }

  static final class OneCommune implements Communes {
    final Commune commune;

    OneCommune(Commune c) {
      commune = c;
    }

    @Override
    public void create(Commune c, List<WebhookSecret> s) {
      throw new UnsupportedOperationException("read-only in these tests");
    }

    /** Commune reads: one precedes the rendering of a step's e-mails. */
    int finds;

    @Override
    public Optional<Commune> find(String id) {
      finds++;
      return commune.id().equals(id) ? Optional.of(commune) : Optional.empty();
    }

    @Override
    public void update(Commune c, long v) {
      throw new UnsupportedOperationException("read-only in these tests");
    }

    @Override
    public List<WebhookSecret> secrets(String id) {
      return List.of();
    }

    @Override
    public void replaceSecrets(String id, List<WebhookSecret> a, List<WebhookSecret> b) {
      throw new UnsupportedOperationException("read-only in these tests");
    }
  }
}
