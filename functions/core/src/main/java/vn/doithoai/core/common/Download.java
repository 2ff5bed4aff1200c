package vn.doithoai.core.common;

/** A file handed to a user: its name (may be Vietnamese), media type and bytes. */
public record Download(String fileName, String contentType, byte[] bytes) {
  public static final String CSV = "text/csv; charset=utf-8";
  public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  public static final String ICS = "text/calendar; charset=utf-8";

  /**
   * The name for an ASCII-only header or file system: no diacritics, and each run of other characters than
   * letters, digits, '.', '_' and '-' as one '-' ("12-KH/ĐU" → "12-KH-DU").
   */
  public static String ascii(String name) {
    return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .replace('Đ', 'D').replace('đ', 'd').replaceAll("[^A-Za-z0-9._-]+", "-");
  }
}
