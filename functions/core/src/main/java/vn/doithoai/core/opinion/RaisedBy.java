package vn.doithoai.core.opinion;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.doithoai.core.opinion.OpinionParts.Raiser;

/**
 * Who raised an opinion, as a public document (the conclusion notice) may say it. A citizen is named only if
 * they consented to publication ("Ông/bà Nguyễn Văn A (thôn Đông Phong)"); otherwise only their village
 * ("Cử tri thôn Đông Phong") or "Một công dân". A list compiled by the Front or a union is named by its
 * compiler and count. Phone, e-mail and address never appear.
 */
public final class RaisedBy {
  private RaisedBy() {}

  /** The public label, or "" when nothing is known of who raised it (a matter raised by the chair). */
  public static String label(Opinion o) {
    if (o.compiled().isPresent()) {
      OpinionParts.Compiled c = o.compiled().get();
      return c.organisation().strip() + " tổng hợp (" + c.count() + " ý kiến)";
    }
    Set<String> labels = new LinkedHashSet<>();
    int anonymous = 0;
    for (Raiser r : o.raisers()) {
      String village = blank(r.village()) ? "" : r.village().strip();
      if (r.consentToPublish() && !blank(r.name())) {
        labels.add("Ông/bà " + r.name().strip() + (village.isEmpty() ? "" : " (" + village + ")"));
      } else if (!village.isEmpty()) {
        labels.add("Cử tri " + village);
      } else {
        anonymous++;
      }
    }
    List<String> out = new ArrayList<>(labels);
    if (anonymous > 0) {
      String some = anonymous == 1 ? "một công dân" : "một số công dân";
      out.add(labels.isEmpty() ? "M" + some.substring(1) : some + " khác");
    }
    return String.join(", ", out);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
