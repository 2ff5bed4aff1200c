package vn.doithoai.core.plan;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import vn.doithoai.core.calendar.EntryStatus;
import vn.doithoai.core.common.Actor;
import vn.doithoai.core.common.AuditEntry;
import vn.doithoai.core.common.DomainException;
import vn.doithoai.core.common.Input;
import vn.doithoai.core.rules.ConfirmedInstruments;
import vn.doithoai.core.rules.Instrument;
import vn.doithoai.core.rules.RuleConfirmation;

/**
 * Xác nhận văn bản căn cứ: a platform administrator, having checked an unconfirmed instrument's attribution against
 * its text, confirms it with the citation (number, date, article). The confirmation is recorded once with who and
 * when; every open plan whose deadlines come from it is derived again, so its deadlines escalate from now on: one
 * unit of work per registered commune, asynchronously ({@link RedatingCommunes}).
 */
public final class ConfirmingRules {
  /** What a confirmation did. */
  public record Result(Instrument instrument, RuleConfirmation confirmation, int communesQueued) {}

  private final ConfirmedInstruments instruments;
  private final RedatingCommunes redating;
  private final Clock clock;

  public ConfirmingRules(ConfirmedInstruments instruments, RedatingCommunes redating, Clock clock) {
    this.instruments = Objects.requireNonNull(instruments);
    this.redating = Objects.requireNonNull(redating);
    this.clock = Objects.requireNonNull(clock);
  }

  public Result confirm(Actor actor, String instrumentId, Input in) {
    if (!actor.platformAdmin()) {
      throw DomainException.forbidden("xác nhận văn bản căn cứ của quy tắc");
    }
    Instrument x = instruments.get().find(instrumentId)
        .orElseThrow(() -> DomainException.notFound("văn bản căn cứ " + instrumentId));
    String source = in.requiredText("source", 500, "trích dẫn văn bản đã đối chiếu (số, ngày, điều, khoản)");
    in.check();
    if (x.status() != EntryStatus.UNCONFIRMED) {
      throw DomainException.conflict("rule_already_confirmed", x.name() + " đã được xác nhận, không cần xác nhận lại.");
    }
    RuleConfirmation c = new RuleConfirmation(x.id(), source,
        AuditEntry.of(clock.instant(), actor, "rule.confirmed", x.id(), source));
    instruments.add(c);
    int queued = redating.queueNational(Redating.Reason.RULE, x.id(), actor);
    return new Result(instruments.get().find(x.id()).orElseThrow(), c, queued);
  }

  /** For the API. */
  public static Map<String, Object> toJson(Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("instrumentId", r.instrument().id());
    m.put("name", r.instrument().name());
    m.put("status", r.instrument().status().code());
    m.put("source", r.confirmation().source());
    m.put("confirmedAt", r.confirmation().at().toString());
    m.put("confirmedBy", r.confirmation().audit().actorId());
    m.put("communesQueued", r.communesQueued());
    return m;
  }
}
