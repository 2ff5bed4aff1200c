package vn.doithoai.core.opinion;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import vn.doithoai.core.common.Folding;

/**
 * Orders, searches and pages a filtered list of opinions. A cursor names the sort and the key of the last
 * opinion shown, so a page stays right when opinions are added or change status in between (the list
 * carries on after that key, never repeating one).
 */
final class OpinionPaging {
  /** The two orders of a list: newest first (triage), soonest due first (an agency's work). */
  enum Sort {
    NEWEST, DUE
  }

  private OpinionPaging() {}

  static Comparator<Opinion> order(Sort sort) {
    Comparator<Opinion> byKey = Comparator.comparing((Opinion o) -> key(sort, o));
    return sort == Sort.NEWEST ? byKey.reversed() : byKey;
  }

  static String key(Sort sort, Opinion o) {
    // fixed-width instants: Instant.toString() drops zero fractions, which would break the string order
    String k = String.format("%012d.%09d#%s", o.receivedAt().getEpochSecond(), o.receivedAt().getNano(), o.id());
    return sort == Sort.NEWEST ? k
        : o.assignment().map(a -> a.currentDue().toString()).orElse("9999-12-31") + "#" + k;
  }

  /** True when the opinion is the search's: its tracking code, content or a raiser's name, diacritics aside. */
  static boolean found(Opinion o, String query) {
    StringBuilder text = new StringBuilder(o.trackingCode()).append(' ').append(o.content());
    o.raisers().forEach(r -> text.append(' ').append(r.name()));
    o.compiled().ifPresent(c -> text.append(' ').append(c.organisation()));
    return Folding.matches(text.toString(), query) || Folding.fold(o.trackingCode()).replace(" ", "")
        .contains(Folding.fold(query).replace(" ", ""));
  }

  static String cursor(Sort sort, String key) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((sort.name() + "|" + key)
        .getBytes(StandardCharsets.UTF_8));
  }

  /** The key after which a cursor starts ("" from the start); empty when it is not a cursor of this sort. */
  static Optional<String> after(Sort sort, String cursor) {
    try {
      String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      return s.startsWith(sort.name() + "|") ? Optional.of(s.substring(sort.name().length() + 1)) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * A page of {@code sorted} (already filtered and ordered by {@code sort}) of at most {@code limit} opinions
   * starting after {@code afterKey}.
   */
  static OpinionPage page(List<Opinion> sorted, Sort sort, String afterKey, int limit,
      Function<Opinion, Optional<Integer>> daysLeft, Optional<String> around) {
    int start = 0;
    if (!afterKey.isEmpty()) {
      while (start < sorted.size() && key(sort, sorted.get(start)).compareTo(afterKey) * direction(sort) <= 0) {
        start++;
      }
    }
    int end = Math.min(sorted.size(), start + limit);
    List<OpinionPage.Entry> entries = new ArrayList<>();
    for (Opinion o : sorted.subList(start, end)) {
      entries.add(new OpinionPage.Entry(o, daysLeft.apply(o)));
    }
    Optional<String> next = end < sorted.size() ? Optional.of(cursor(sort, key(sort, sorted.get(end - 1))))
        : Optional.empty();
    Optional<String> previous = start == 0 ? Optional.empty()
        : Optional.of(cursor(sort, start - limit <= 0 ? "" : key(sort, sorted.get(start - limit - 1))));
    Optional<OpinionPage.Neighbours> neighbours = around.map(id -> {
      for (int i = 0; i < sorted.size(); i++) {
        if (sorted.get(i).id().equals(id)) {
          return new OpinionPage.Neighbours(i == 0 ? Optional.empty() : Optional.of(sorted.get(i - 1).id()),
              i + 1 < sorted.size() ? Optional.of(sorted.get(i + 1).id()) : Optional.empty(), i + 1);
        }
      }
      return new OpinionPage.Neighbours(Optional.empty(), Optional.empty(), 0);
    });
    return new OpinionPage(entries, next, previous, sorted.size(), neighbours);
  }

  /** Newest first runs down the keys; soonest due first runs up them. */
  private static int direction(Sort sort) {
    return sort == Sort.NEWEST ? -1 : 1;
  }
}
