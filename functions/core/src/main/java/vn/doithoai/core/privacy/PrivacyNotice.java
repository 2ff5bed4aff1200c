package vn.doithoai.core.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import vn.doithoai.core.common.Html;

/**
 * Thông báo xử lý dữ liệu cá nhân: the short notice shown wherever a citizen's personal data is collected (the
 * hosted form, the status page, {@code GET /public/{communeId}/privacy}), as Law 91/2025/QH15 and Decree
 * 356/2025/NĐ-CP ask: what is collected, for what, who sees it, how long it is kept, and how to ask for it or
 * have it erased. Its {@link #version()} is the edition's date and a hash of its text, so a consent records the
 * exact words the citizen read; a new edition is a new entry in {@link #EDITIONS}, older ones stay known.
 */
public record PrivacyNotice(String edition, List<String> paragraphs) {
  /** Every edition, newest first; a consent may name any of them. */
  public static final List<PrivacyNotice> EDITIONS = List.of(new PrivacyNotice("2026-01", List.of(
      "{commune} thu thập họ tên, số điện thoại, e-mail, địa chỉ và thôn của ông/bà chỉ để xem xét, trả lời ý kiến, "
          + "kiến nghị ông/bà gửi và báo tin kết quả cho ông/bà.",
      "Chỉ cán bộ được giao xử lý mới xem được các thông tin đó. Trang tra cứu không hiện họ tên hay liên hệ. Họ tên "
          + "chỉ được công bố khi ông/bà đồng ý.",
      "Thông tin liên hệ được giữ trong thời hạn lưu trữ xã công bố (mặc định 24 tháng) kể từ khi ý kiến cuối cùng "
          + "của ông/bà được giải quyết xong, sau đó bị xóa; nội dung ý kiến được giữ không kèm thông tin cá nhân để "
          + "thống kê.",
      "Ông/bà có quyền đề nghị cung cấp, xóa thông tin của mình hoặc rút lại sự đồng ý, bằng văn bản hoặc trực tiếp "
          + "tại văn phòng Ủy ban nhân dân xã (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15, Nghị định số "
          + "356/2025/NĐ-CP).")));

  public static PrivacyNotice current() {
    return EDITIONS.get(0);
  }

  /** The edition a version names ({@code 2026-01.<hash>}), if it is one of ours. */
  public static Optional<PrivacyNotice> of(String version) {
    return EDITIONS.stream().filter(n -> n.version().equals(version)).findFirst();
  }

  /** {@code <edition>.<first 12 hex digits of the SHA-256 of the text>}: a changed word is a new version. */
  public String version() {
    return edition + "." + sha256(String.join("\n", paragraphs)).substring(0, 12);
  }

  /** The text for a commune. */
  public List<String> text(String communeName) {
    return paragraphs.stream().map(p -> p.replace("{commune}", communeName)).toList();
  }

  /** A block for a page: heading, paragraphs, version; every value escaped. */
  public String html(String communeName) {
    StringBuilder b = new StringBuilder("<div class=\"notice\" id=\"du-lieu-ca-nhan\"><p style=\"margin:0 0 .25rem\">"
        + "<strong>Thông báo về dữ liệu cá nhân</strong></p>");
    for (String p : text(communeName)) {
      b.append("<p style=\"margin:0 0 .25rem\">").append(Html.escape(p)).append("</p>");
    }
    return b.append("<p class=\"muted\" style=\"margin:0\">Phiên bản ").append(Html.escape(version()))
        .append("</p></div>").toString();
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
