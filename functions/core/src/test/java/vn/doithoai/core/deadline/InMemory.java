package vn.doithoai.core.deadline;

import java.time.Instant;
import java.util.ArrayList;
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

    /** Reads of a commune's open deadlines (one paged query each in DynamoDB). */
    int partitionReads;

    @Override
    public List<PlanDeadline> openOf(String communeId) {
      partitionReads++;
      return deadlines.values().stream().filter(d -> d.communeId().equals(communeId)).toList();
    }
  }

  /** The reconcile's work items, by commune and work id, with the communes the registry holds. */
  static final class Queue implements ReconcileQueue {
    final List<String> registry = new ArrayList<>();
    final Map<String, ReconcileWork> items = new LinkedHashMap<>();
    /** Every item written, in order (what the stream would turn into events). */
    final List<ReconcileWork> written = new ArrayList<>();

    Queue(String... communes) {
      registry.addAll(List.of(communes));
    }

    @Override
    public int queueForEveryCommune(java.time.LocalDate day) {
      registry.forEach(c -> write(ReconcileWork.first(c, day)));
      return registry.size();
    }

    private void write(ReconcileWork w) {
      items.put(w.communeId() + "/" + w.workId(), w);
      written.add(w);
    }

    @Override
    public Optional<ReconcileWork> find(String communeId, String workId) {
      return Optional.ofNullable(items.get(communeId + "/" + workId));
    }

    @Override
    public void continueWith(ReconcileWork next, String doneWorkId) {
      write(next);
      if (doneWorkId != null) {
        done(next.communeId(), doneWorkId);
      }
    }

    @Override
    public void done(String communeId, String workId) {
      items.remove(communeId + "/" + workId);
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
