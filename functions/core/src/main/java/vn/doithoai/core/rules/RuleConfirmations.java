package vn.doithoai.core.rules;

import java.util.List;

/** Port: the confirmations of unconfirmed instruments, platform-wide, each recorded once. */
public interface RuleConfirmations {
  List<RuleConfirmation> all();

  /** Records a confirmation; a second one of the same instrument is a conflict (409). */
  void add(RuleConfirmation confirmation);
}
