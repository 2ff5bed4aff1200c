package vn.doithoai.core.opinion;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.doithoai.core.opinion.OpinionParts.Raiser;

/**
 * Who raised an opinion, as a public document (the conclusion notice) may say it. A citizen is named only if
 * they consented to publication ("Ông Nguyễn Văn A (thôn Đông Phong)", or "Công dân …" without a form of address). Without consent neither the name nor
 * the village as the citizen typed it is shown (free text: a hamlet of ten houses, a nickname, a house number):
 * only a village of the plan's own list, in the plan's spelling ("Cử tri thôn Đông Phong"), else "Một công dân".
 * A list compiled by the Front or a union is named by its compiler and count. Phone, e-mail and address never
 * appear.
 */
public final class RaisedBy {
  private static final Pattern KIND = Pattern.compile(
      "^(thôn|xóm|bản|bon|buôn|ấp|làng|sóc|khu phố|khu|tổ dân phố|tdp|tổ)\\s+");

  private RaisedBy() {}

  /**
   * The public label, or "" when nothing is known of who raised it (a matter raised by the chair).
   * {@code villages}: the plan's and the meeting's villages, the only village names a non-consenting raiser
   * may be labelled with.
   */
  public static String label(Opinion o, Collection<String> villages) {
    if (o.compiled().isPresent()) {
      OpinionParts.Compiled c = o.compiled().get();
      return c.organisation().strip() + " tổng hợp (" + c.count() + " ý kiến)";
    }
    Set<String> labels = new LinkedHashSet<>();
    int anonymous = 0;
    for (Raiser r : o.raisers()) {
      String village = blank(r.village()) ? "" : r.village().strip();
      Optional<String> official = village.isEmpty() ? Optional.empty() : official(village, villages);
      if (r.consentToPublish() && !blank(r.name())) {
        labels.add(vn.doithoai.core.common.Addressing.citizen(r.name()) + (village.isEmpty() ? "" : " (" + village + ")"));
      } else if (r.consentToPublish() && !village.isEmpty()) {
        labels.add("Cử tri " + village);
      } else if (official.isPresent()) {
        labels.add("Cử tri " + official.get());
      } else {
        anonymous++;
      }
    }
    // the raisers of opinions merged into it are kept apart and counted, never named: a notice lists no crowd
    anonymous += o.merged().raisers();
    List<String> out = new ArrayList<>(labels);
    if (anonymous > 0) {
      String some = anonymous == 1 ? "một công dân" : "một số công dân";
      out.add(labels.isEmpty() ? "M" + some.substring(1) : some + " khác");
    }
    return String.join(", ", out);
  }

  /** The plan's spelling of the village the citizen typed, if it is one of the plan's. */
  private static Optional<String> official(String typed, Collection<String> villages) {
    String key = key(typed);
    return villages.stream().filter(v -> !blank(v) && key(v).equals(key)).map(String::strip).findFirst();
  }

  /** "Thôn  Đông Phong" and "đông phong" are the same village; "Xóm 3" and "3" too. */
  private static String key(String village) {
    String s = Normalizer.normalize(village, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).strip()
        .replaceAll("\\s+", " ");
    return KIND.matcher(s).replaceFirst("");
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
