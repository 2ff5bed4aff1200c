package vn.doithoai.core.opinion;

import java.util.List;
import java.util.Optional;

/**
 * One page of a filtered list of opinions, newest first (or soonest due first): the cursor of the next page
 * (opaque; absent on the last), how many match in all (on the first page, when the store can count them:
 * not with a search or a channel filter), and each opinion's working days left before its answer is due.
 */
public record OpinionPage(List<Entry> opinions, Optional<String> next, Optional<Long> total) {

  /** An opinion and, while it is assigned, the working days left (negative: overdue by that many). */
  public record Entry(Opinion opinion, Optional<Integer> workingDaysLeft) {}

  public OpinionPage {
    opinions = List.copyOf(opinions);
  }
}
