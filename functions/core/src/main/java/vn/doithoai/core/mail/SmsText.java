package vn.doithoai.core.mail;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * What an SMS costs: operators bill per segment. A message in the GSM 7-bit alphabet holds 160 characters in
 * one segment, 153 per segment once split (the rest is the concatenation header); anything outside it — every
 * Vietnamese letter with a diacritic, and ư, ơ, đ — sends the whole message in UCS-2: 70 characters, 67 per
 * segment once split. So the same text with diacritics costs two to three times as much, and
 * {@link #unaccented} (Vietnamese as it was typed on old phones, "Da nhan y kien") is the cheap variant.
 */
public final class SmsText {
  /** GSM 03.38 basic character set (the seven-bit default alphabet), one septet each. */
  private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
      + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  /** The extension table: two septets each (escape + character). */
  private static final String GSM_EXTENDED = "^{}\\[~]|€\f";
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  /** How a text is sent: its encoding, its length in that encoding's units, and the segments billed. */
  public record Segments(String encoding, int units, int segments) {}

  private SmsText() {}

  public static Segments measure(String text) {
    int septets = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (GSM_BASIC.indexOf(c) >= 0) {
        septets++;
      } else if (GSM_EXTENDED.indexOf(c) >= 0) {
        septets += 2;
      } else {
        int units = text.length();
        return new Segments("UCS-2", units, units <= 70 ? 1 : (units + 66) / 67);
      }
    }
    return new Segments("GSM-7", septets, septets <= 160 ? 1 : (septets + 152) / 153);
  }

  /** Diacritics removed (đ → d, Đ → D), so that the text fits the GSM alphabet. */
  public static String unaccented(String text) {
    String n = Normalizer.normalize(text, Normalizer.Form.NFD).replace('đ', 'd').replace('Đ', 'D');
    return Normalizer.normalize(MARKS.matcher(n).replaceAll(""), Normalizer.Form.NFC);
  }
}
