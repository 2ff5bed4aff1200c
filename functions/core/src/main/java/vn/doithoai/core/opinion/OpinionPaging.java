package vn.doithoai.core.opinion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import vn.doithoai.core.common.Folding;
import vn.doithoai.core.common.Json;

/**
 * Pages a list of opinions read from the store, never the whole list: the list is one or more runs of an index
 * (a plan's opinions of one status, newest first; an agency's, soonest due first), merged in their common order,
 * each run read a chunk at a time from where the cursor left it. A cursor names the listing it belongs to (a
 * digest of the commune, the sort and the filters: another commune's or another query's cursor is refused) and,
 * per run, the sort keys right after its last opinion shown, so a page stays right when opinions are added or
 * change status in between: the list carries on after that key, never repeating one and never skipping one that
 * was there when the first page was read.
 *
 * <p>A filter the store cannot apply (the search, the channel) is applied here: a page may then hold fewer
 * than {@code limit} opinions, even none, while {@code next} still continues. Each request reads at most
 * {@value #READ_BUDGET} items, whatever the filters, so its time and memory are bounded by the page, not by
 * the commune's history.
 */
final class OpinionPaging {
  /** The two orders of a list: newest first (triage), soonest due first (an agency's work). */
  enum Sort {
    NEWEST, DUE
  }

  /**
   * Opinions per page by default and at most. The worst list item is a summary ({@code OpinionView.summary}):
   * content cut at {@value OpinionView#SUMMARY_CONTENT} characters, one raiser, no audit trail — under 2.5 KB
   * even with every text field at its maximum in 3-byte Vietnamese, so 200 of them stay under 0.5 MB, a
   * twelfth of Lambda's 6 MB response payload limit
   * (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html).
   */
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;
  /** Items read from the store per request at most (about 1.5 MB of opinions at the ~1.5 KB measured each). */
  static final int READ_BUDGET = 1000;
  private static final int MIN_CHUNK = 8;
  /** A run's position in a cursor when it is still to be read from its start. */
  private static final String START = "^";

  private OpinionPaging() {}

  /** The page's opinions, where the next page starts (empty: the last), and the items read to make it. */
  record Result(List<Opinion> opinions, Optional<String> next, int read) {}

  /** The order of the runs' merge, the same as each run's index order. */
  static Comparator<Opinion> order(Sort sort) {
    Comparator<Opinion> byKey = Comparator.comparing((Opinion o) -> key(sort, o));
    return sort == Sort.NEWEST ? byKey.reversed() : byKey;
  }

  /** The index sort key an opinion is ordered by: its time received to the second, or its current due date. */
  static String key(Sort sort, Opinion o) {
    return sort == Sort.NEWEST ? o.receivedAt().truncatedTo(ChronoUnit.SECONDS) + "#" + o.id()
        : o.assignment().map(a -> a.currentDue().toString()).orElse("9999-12-31") + "#" + o.id();
  }

  /** True when the opinion is the search's: its tracking code, content or a raiser's name, diacritics aside. */
  static boolean found(Opinion o, String query) {
    StringBuilder text = new StringBuilder(o.trackingCode()).append(' ').append(o.content());
    o.raisers().forEach(r -> text.append(' ').append(r.name()));
    o.compiled().ifPresent(c -> text.append(' ').append(c.organisation()));
    return Folding.matches(text.toString(), query) || Folding.fold(o.trackingCode()).replace(" ", "")
        .contains(Folding.fold(query).replace(" ", ""));
  }

  /** What a cursor is bound to: the commune, the sort and the filters, as a short digest. */
  static String listing(String communeId, Sort sort, String filters) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256")
          .digest((communeId + "\n" + sort + "\n" + filters).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A cursor read back: per run still going, its position ({@value #START}: from its start); a run it does
   * not name is done.
   */
  record Cursor(String listing, Map<String, String> positions) {
    String encode() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("l", listing);
      m.put("r", positions);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(m).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor in {@code text}; empty when it is not one (bad base64, bad JSON, wrong shape). */
    @SuppressWarnings("unchecked")
    static Optional<Cursor> decode(String text) {
      try {
        Map<String, Object> m = Json.readObject(new String(Base64.getUrlDecoder().decode(text),
            StandardCharsets.UTF_8));
        if (!(m.get("l") instanceof String l) || !(m.get("r") instanceof Map<?, ?> r)) {
          return Optional.empty();
        }
        Map<String, String> positions = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : r.entrySet()) {
          if (!(e.getValue() instanceof String v)) {
            return Optional.empty();
          }
          positions.put((String) e.getKey(), v);
        }
        return Optional.of(new Cursor(l, positions));
      } catch (RuntimeException e) {
        return Optional.empty(); // not base64 or not JSON: not a cursor
      }
    }
  }

  /** A run's name in a cursor: {@code p:{plan|-}:{status}} or {@code a:{agency}}. */
  static String name(Opinions.Run run) {
    if (run instanceof Opinions.Run.OfPlan p) {
      return "p:" + p.planId().orElse("-") + ":" + p.status().code();
    }
    return "a:" + ((Opinions.Run.OfAgency) run).agencyId();
  }

  /** One run being merged: what is read and not yet shown, and where it goes on. */
  private static final class Head {
    final Opinions.Run run;
    final Deque<Opinion> buffer = new ArrayDeque<>();
    final Deque<String> positions = new ArrayDeque<>();
    Optional<String> from;
    Optional<String> shown; // position right after the last opinion taken from the buffer
    boolean exhausted;

    Head(Opinions.Run run, Optional<String> from) {
      this.run = run;
      this.from = from;
      this.shown = from;
    }

    boolean waiting() {
      return buffer.isEmpty() && !exhausted;
    }
  }

  /**
   * A page of at most {@code limit} opinions of the runs merged in {@code sort}'s order, kept by {@code keep},
   * from {@code cursor} (empty: the first page). Each run is read in chunks; a run whose buffer is empty is read
   * again before anything is taken, so no opinion is shown out of order. When the read budget is spent first,
   * the page ends there and {@code next} goes on.
   */
  static Result page(Opinions store, String communeId, String listing, List<Opinions.Run> runs,
      Opinions.Narrowing narrowing, Sort sort, Predicate<Opinion> keep, Optional<Cursor> cursor, int limit, int budget) {
    List<Head> heads = new ArrayList<>();
    for (Opinions.Run run : runs) {
      if (cursor.isEmpty()) {
        heads.add(new Head(run, Optional.empty()));
        continue;
      }
      String at = cursor.get().positions().get(name(run));
      if (at != null) { // absent: done on an earlier page (or a run that did not exist at the first page)
        heads.add(new Head(run, START.equals(at) ? Optional.empty() : Optional.of(at)));
      }
    }
    Comparator<Opinion> order = order(sort);
    List<Opinion> out = new ArrayList<>();
    int read = 0;
    boolean spent = false;
    while (out.size() < limit && !spent) {
      for (Head h : heads) {
        while (h.waiting()) {
          int chunk = Math.min(budget - read,
              Math.max(MIN_CHUNK, Math.min(limit - out.size() + 1, (limit + 1) / heads.size() + 1)));
          if (chunk < 1) {
            spent = true;
            break;
          }
          Opinions.Chunk c = store.read(communeId, h.run, narrowing, h.from, chunk);
          read += chunk;
          h.buffer.addAll(c.opinions());
          h.positions.addAll(c.positions());
          h.from = c.end();
          h.exhausted = c.end().isEmpty();
        }
      }
      if (spent) {
        break;
      }
      Head first = null;
      for (Head h : heads) {
        if (!h.buffer.isEmpty() && (first == null || order.compare(h.buffer.peek(), first.buffer.peek()) < 0)) {
          first = h;
        }
      }
      if (first == null) {
        break; // every run is exhausted
      }
      Opinion o = first.buffer.poll();
      first.shown = Optional.of(first.positions.poll());
      if (keep.test(o)) {
        out.add(o);
      }
    }
    // only the runs still going: a cursor stays short however many runs are done
    Map<String, String> positions = new LinkedHashMap<>();
    for (Head h : heads) {
      if (!(h.buffer.isEmpty() && h.exhausted)) {
        positions.put(name(h.run), (h.buffer.isEmpty() ? h.from : h.shown).orElse(START));
      }
    }
    boolean more = !positions.isEmpty();
    return new Result(out, more ? Optional.of(new Cursor(listing, positions).encode()) : Optional.empty(), read);
  }
}
