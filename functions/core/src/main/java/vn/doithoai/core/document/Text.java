package vn.doithoai.core.document;

import java.util.ArrayList;
import java.util.List;

/**
 * What both renderers do to a text before they encode it: drop the characters XML 1.0 forbids (C0 controls
 * other than TAB, LF, CR; U+FFFE, U+FFFF; unpaired surrogates) and split at CR, LF or CR LF. Nothing else is
 * touched: no normalisation, so a decomposed (NFD) name keeps its combining marks as typed.
 */
final class Text {
  private Text() {}

  static String clean(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().filter(Text::allowed).forEach(sb::appendCodePoint);
    return sb.toString();
  }

  /** The lines of a value, blank ones included ("a\r\nb" → a, b). */
  static List<String> lines(String s) {
    return List.of(clean(s).split("\r\n|\r|\n", -1));
  }

  /** The non-blank lines of a value, stripped: each one a paragraph. */
  static List<String> paragraphs(String s) {
    List<String> out = new ArrayList<>();
    for (String line : lines(s)) {
      if (!line.isBlank()) {
        out.add(line.strip());
      }
    }
    return out;
  }

  /** One line for a title or a property: line breaks become spaces. */
  static String oneLine(String s) {
    return String.join(" ", paragraphs(s));
  }

  /** 1 → I, 4 → IV, 14 → XIV: the numerals of a document's sections. */
  static String roman(int n) {
    int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    String[] numerals = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      for (; n >= values[i]; n -= values[i]) {
        sb.append(numerals[i]);
      }
    }
    return sb.toString();
  }

  private static boolean allowed(int c) {
    if (c < 0x20) {
      return c == '\t' || c == '\n' || c == '\r';
    }
    return !(c >= 0xD800 && c <= 0xDFFF) && c != 0xFFFE && c != 0xFFFF;
  }
}
