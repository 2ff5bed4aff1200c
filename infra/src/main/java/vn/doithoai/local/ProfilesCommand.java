package vn.doithoai.local;

import vn.doithoai.core.rules.DeadlineRule;
import vn.doithoai.core.rules.RuleProfile;
import vn.doithoai.core.rules.RuleProfiles;

/** {@code profiles}: the shipped rule profiles and their rules. */
final class ProfilesCommand {
  private ProfilesCommand() {}

  static String run() {
    RuleProfiles profiles = RuleProfiles.shipped();
    StringBuilder sb = new StringBuilder();
    for (String id : profiles.ids()) {
      RuleProfile p = profiles.get(id);
      sb.append(id).append("\t").append(p.name()).append(p.floor() ? " [mức sàn]" : "")
          .append(p.legacy() ? " [bộ cũ]" : "").append('\n');
      for (DeadlineRule r : p.rules()) {
        sb.append("  ").append(r.id()).append(": ").append(r.describe()).append(" — ").append(r.owner().code())
            .append('\n');
      }
    }
    return sb.toString().stripTrailing();
  }
}
