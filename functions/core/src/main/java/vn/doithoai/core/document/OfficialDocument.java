package vn.doithoai.core.document;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Văn bản: one official document as the commune issues it, independent of how it is shown. The layout is the
 * state's (Decree 30/2020/NĐ-CP, Appendix I: {@code ỦY BAN NHÂN DÂN / XÃ …} over a short rule, the national
 * title and motto, {@code Số: 12/TB-UBND}, {@code TM.}) or the Party's (Hướng dẫn 36-HD/VPTW:
 * {@code ĐẢNG BỘ XÃ … / BAN THƯỜNG VỤ ĐẢNG ỦY / *}, {@code ĐẢNG CỘNG SẢN VIỆT NAM}, {@code Số 12-TB/ĐU},
 * {@code T/M}). Builders ({@link ConclusionDocument}, {@link PlanDocument}, …) fill it from domain objects;
 * {@link DocumentHtml} and {@link DocumentDocx} render the same model, so the page and the Word file say the
 * same thing in the same order. Every text is kept exactly as given (a renderer escapes it; a line break in a
 * value starts a new line or paragraph).
 *
 * @param issuingParent the line above the issuing body: {@code ỦY BAN NHÂN DÂN} or {@code ĐẢNG BỘ XÃ …}
 * @param issuingBody the issuing body, in bold: {@code XÃ …} or {@code BAN THƯỜNG VỤ ĐẢNG ỦY}
 * @param number number and symbol as printed ({@code Số: 12/TB-UBND}), or a blank to be filled by hand
 * @param place the place name of the date line ({@code Thiên Hòa})
 * @param date the date of issue; empty leaves the date line blank for the signer
 * @param type the document type: {@code THÔNG BÁO}, {@code KẾ HOẠCH}, {@code GIẤY MỜI}, …
 * @param summary trích yếu: what the document is about, printed in bold under the type
 * @param recipients "Kính gửi:" lines; empty for a document to no one in particular
 * @param intro paragraphs before the first section
 * @param sections the body; titled sections are numbered I., II., … in order
 * @param closing paragraphs after the last section
 * @param signatures one signing block, or two side by side (minutes: THƯ KÝ left, CHỦ TỌA right)
 * @param distribution Nơi nhận, one recipient a line, the last one {@code Lưu: VT, …}; empty for none
 */
public record OfficialDocument(
    Layout layout,
    String issuingParent,
    String issuingBody,
    String number,
    String place,
    Optional<LocalDate> date,
    String type,
    String summary,
    List<String> recipients,
    List<String> intro,
    List<Section> sections,
    List<String> closing,
    List<Signature> signatures,
    List<String> distribution) {

  public static final String NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
  public static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";
  public static final String PARTY_NAME = "ĐẢNG CỘNG SẢN VIỆT NAM";

  /** Whose format the document follows. */
  public enum Layout {
    /** Decree 30/2020/NĐ-CP: the People's Committee and its offices. */
    STATE,
    /** Hướng dẫn 36-HD/VPTW: the commune Party committee and its standing committee. */
    PARTY
  }

  /**
   * A part of the body. A titled section is numbered with the next Roman numeral; an untitled one (a
   * notice's or an invitation's numbered points) is printed without a heading and takes no numeral.
   * Paragraphs come first, then the items numbered 1., 2., …
   */
  public record Section(String title, List<String> paragraphs, List<Item> items) {
    public Section {
      title = orEmpty(title);
      paragraphs = copy(paragraphs);
      items = copy(items);
    }
  }

  /**
   * A numbered item: an optional bold heading (a unit, a speaker) followed on the same line by the first line
   * of the text, the text's further lines as paragraphs, then one line of details ("Giao: <b>Phòng Kinh
   * tế</b>; thời hạn hoàn thành: <b>31/12/2025</b>").
   */
  public record Item(String heading, String text, List<Detail> details) {
    public Item {
      heading = orEmpty(heading);
      text = orEmpty(text);
      details = copy(details);
    }

    public Item(String text) {
      this("", text, List.of());
    }
  }

  /** A labelled value of an item, the value in bold. */
  public record Detail(String label, String value) {
    public Detail {
      label = orEmpty(label);
      value = orEmpty(value);
    }
  }

  /**
   * A signing block: {@code TM.}/{@code KT.} (state) or {@code T/M}/{@code K/T} (Party) with the authority
   * ({@code ỦY BAN NHÂN DÂN}), the position ({@code CHỦ TỊCH}), room for the signature and seal, the name.
   * Minutes have no mode or authority, only the position (THƯ KÝ, CHỦ TỌA).
   */
  public record Signature(String mode, String authority, String position, String name) {
    public Signature {
      mode = orEmpty(mode);
      authority = orEmpty(authority);
      position = orEmpty(position);
      name = orEmpty(name);
    }

    /** "TM. ỦY BAN NHÂN DÂN", or "" when the block has no mode and authority. */
    public String onBehalfOf() {
      return (mode + " " + authority).strip();
    }
  }

  public OfficialDocument {
    if (layout == null) {
      throw new IllegalArgumentException("layout is required");
    }
    issuingParent = orEmpty(issuingParent);
    issuingBody = orEmpty(issuingBody);
    number = orEmpty(number);
    place = orEmpty(place);
    date = date == null ? Optional.empty() : date;
    type = orEmpty(type);
    summary = orEmpty(summary);
    recipients = copy(recipients);
    intro = copy(intro);
    sections = copy(sections);
    closing = copy(closing);
    signatures = copy(signatures);
    distribution = copy(distribution);
    if (signatures.isEmpty() || signatures.size() > 2) {
      throw new IllegalArgumentException("a document has one signing block, or two side by side");
    }
  }

  /** "Thiên Hòa, ngày 05 tháng 12 năm 2025", or with blanks for the signer to fill in. */
  public String placeAndDate() {
    return place + ", " + date.map(OfficialDocument::dateLine).orElse("ngày     tháng     năm     ");
  }

  /** "ngày 05 tháng 12 năm 2025": a day below 10 and the months 1 and 2 take a leading zero (Decree 30/2020). */
  public static String dateLine(LocalDate d) {
    String day = d.getDayOfMonth() < 10 ? "0" + d.getDayOfMonth() : Integer.toString(d.getDayOfMonth());
    String month = d.getMonthValue() <= 2 ? "0" + d.getMonthValue() : Integer.toString(d.getMonthValue());
    return "ngày " + day + " tháng " + month + " năm " + d.getYear();
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
