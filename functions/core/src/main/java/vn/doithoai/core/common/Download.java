package vn.doithoai.core.common;

/** A file handed to a user: its name (may be Vietnamese), media type and bytes. */
public record Download(String fileName, String contentType, byte[] bytes) {
  public static final String CSV = "text/csv; charset=utf-8";
  public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  public static final String ICS = "text/calendar; charset=utf-8";
}
