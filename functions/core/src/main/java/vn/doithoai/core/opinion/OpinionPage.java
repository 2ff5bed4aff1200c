package vn.doithoai.core.opinion;

import java.util.List;
import java.util.Optional;

/**
 * One page of a filtered list of opinions, newest first (or soonest due first): the cursors of the next and
 * previous pages (opaque; absent at either end), how many match in all, and each opinion's working days
 * left before its answer is due. With {@code around}, the neighbours of one opinion in the same list.
 */
public record OpinionPage(List<Entry> opinions, Optional<String> next, Optional<String> previous, int total,
    Optional<Neighbours> neighbours) {

  /** An opinion and, while it is assigned, the working days left (negative: overdue by that many). */
  public record Entry(Opinion opinion, Optional<Integer> workingDaysLeft) {}

  /** The opinions before and after one in the filtered list (a detail page's "previous" and "next"). */
  public record Neighbours(Optional<String> previous, Optional<String> next, int position) {}

  public OpinionPage {
    opinions = List.copyOf(opinions);
  }
}
