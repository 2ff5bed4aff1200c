package vn.doithoai.core.common;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Vietnamese text as people type it into a search box: without diacritics ("duong lang" finds "Đường làng"),
 * in any case, with any spacing. Also a word-order-free similarity for finding the same concern twice.
 */
public final class Folding {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private Folding() {}

  /** Lower case, diacritics removed, đ → d, every run of punctuation and spaces one space. */
  public static String fold(String s) {
    if (s == null) {
      return "";
    }
    String n = Normalizer.normalize(s, Normalizer.Form.NFD).replace('đ', 'd').replace('Đ', 'd');
    n = MARKS.matcher(n).replaceAll("").toLowerCase(Locale.ROOT);
    return NOT_WORD.matcher(n).replaceAll(" ").strip();
  }

  /** True when every word of {@code query} occurs, folded, in {@code text} (in any order). */
  public static boolean matches(String text, String query) {
    String t = " " + fold(text) + " ";
    String q = fold(query);
    if (q.isEmpty()) {
      return true;
    }
    return Arrays.stream(q.split(" ")).allMatch(w -> t.contains(w));
  }

  /** The folded words of a text, as a set: word order does not count. */
  public static Set<String> words(String s) {
    String f = fold(s);
    return f.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(f.split(" ")));
  }

  /** Dice coefficient of the two texts' folded word sets, 0 (nothing shared) to 1 (the same words). */
  public static double similarity(String a, String b) {
    Set<String> x = words(a);
    Set<String> y = words(b);
    if (x.isEmpty() || y.isEmpty()) {
      return 0;
    }
    long shared = x.stream().filter(y::contains).count();
    return 2.0 * shared / (x.size() + y.size());
  }
}
